use confab_store::audit::{ActorKind, NewEntry};

/// Who asked for a change, as the audit log records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub kind: ActorKind,
    pub name: String,
}

impl Actor {
    pub fn researcher() -> Self {
        Self {
            kind: ActorKind::Researcher,
            name: String::new(),
        }
    }

    pub fn participant(email: &str) -> Self {
        Self {
            kind: ActorKind::Participant,
            name: email.to_owned(),
        }
    }

    /// A participant's calendar program answering an invitation.
    pub fn calendar(email: &str) -> Self {
        Self {
            kind: ActorKind::Calendar,
            name: email.to_owned(),
        }
    }

    pub fn system() -> Self {
        Self {
            kind: ActorKind::System,
            name: "Confab".into(),
        }
    }

    /// An audit line of this actor doing `action` at `at`; the caller adds what it is about
    /// (`NewEntry { study_id: Some(id), ..actor.entry("…", now) }`).
    pub fn entry(&self, action: impl Into<String>, at: i64) -> NewEntry {
        NewEntry {
            at,
            actor_kind: Some(self.kind),
            actor: self.name.clone(),
            action: action.into(),
            ..Default::default()
        }
    }
}
