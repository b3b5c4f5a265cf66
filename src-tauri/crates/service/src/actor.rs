use confab_store::audit::ActorKind;

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

    pub fn system() -> Self {
        Self {
            kind: ActorKind::System,
            name: "Confab".into(),
        }
    }
}
