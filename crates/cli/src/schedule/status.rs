//! A participant's status in a study: setting it by hand, its history, and whether an
//! invitation can go out.

use confab_service::{Actor, AppError, Confab};

use crate::output::emit;

pub async fn set_status(
    confab: &Confab,
    study: i64,
    participant: i64,
    status: &str,
    reason: &str,
    json: bool,
) -> Result<(), AppError> {
    let now = confab
        .set_status(study, participant, status, reason, &Actor::researcher())
        .await?;
    emit(
        &serde_json::json!({ "participantId": participant, "status": now.key() }),
        json,
        |_| format!("Participant {participant} is now {now}."),
    )
}

pub async fn history(
    confab: &Confab,
    participant: Option<i64>,
    study: Option<i64>,
    json: bool,
) -> Result<(), AppError> {
    let entries = match (participant, study) {
        (Some(p), s) => confab.participant_history(p, s).await?,
        (None, Some(s)) => confab.study_history(s).await?,
        (None, None) => {
            return Err(AppError::invalid(
                "Name a --participant, a --study, or both.",
            ));
        }
    };
    emit(&entries, json, |e| {
        e.iter()
            .map(|h| {
                let change = if h.from.is_empty() && h.to.is_empty() {
                    String::new()
                } else {
                    format!(": {} → {}", h.from, h.to)
                };
                let why = if h.reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", h.reason)
                };
                format!(
                    "{}  {} {}  {}{change}{why}",
                    h.at.to_rfc3339(),
                    h.actor_kind,
                    h.actor,
                    h.action
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub async fn invite_check(
    confab: &Confab,
    study: i64,
    participant: i64,
    json: bool,
) -> Result<(), AppError> {
    let readiness = confab.invitation_readiness(study, participant).await?;
    emit(&readiness, json, |r| {
        if r.ready {
            "Ready: an invitation can go out.".into()
        } else {
            format!(
                "Not ready:\n{}",
                r.missing
                    .iter()
                    .map(|m| format!("- {m}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        }
    })
}
