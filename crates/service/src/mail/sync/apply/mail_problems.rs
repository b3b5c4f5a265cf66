//! Automatic replies and bounces: each notes a mail problem on the participant it is about.

use chrono::Utc;
use confab_core::AttentionKind;
use confab_mail::inbound::Inbound;
use confab_store::{DatabaseTransaction, participants};

use super::{Applied, Flag, flag, sender};
use crate::AppError;

pub(super) async fn mark_problem(
    txn: &DatabaseTransaction,
    inbound: &Inbound,
    kind: &'static str,
) -> Result<Applied, AppError> {
    let Some(person) = participants::find_by_email(txn, &sender(inbound)).await? else {
        return Ok(Applied::done(
            kind,
            "an automatic reply from someone who is not a participant",
        ));
    };
    let note = format!(
        "Automatic reply on {}: \"{}\"",
        Utc::now().format("%-d %b %Y"),
        inbound.subject.clone().unwrap_or_default().trim()
    );
    participants::set_mail_problem(txn, person.id, &note).await?;
    Ok(Applied::done(kind, note).about(Some(person.id), None))
}

pub(super) async fn bounce(
    txn: &DatabaseTransaction,
    failed: Option<&str>,
    original: Option<&str>,
) -> Result<Applied, AppError> {
    let mut person = match failed {
        Some(address) => participants::find_by_email(txn, address).await?,
        None => None,
    };
    if person.is_none()
        && let Some(id) = original
    {
        let sent = confab_store::outbox::find_by_message_id(txn, id).await?;
        if let Some(pid) = sent.and_then(|m| m.participant_id) {
            person = participants::find(txn, pid).await?;
        }
    }
    let Some(person) = person else {
        return Ok(Applied::done(
            AttentionKind::Bounce.key(),
            "a delivery failure about no participant",
        ));
    };
    let note = format!(
        "Mail to {} could not be delivered ({})",
        person.email,
        Utc::now().format("%-d %b %Y")
    );
    participants::set_mail_problem(txn, person.id, &note).await?;
    flag(
        txn,
        Flag {
            kind: AttentionKind::Bounce,
            summary: format!("{}: {note}", person.name),
            study_id: None,
            participant_id: Some(person.id),
            interview_id: None,
            proposed: None,
        },
    )
    .await?;
    Ok(Applied::done("bounce", note)
        .about(Some(person.id), None)
        .attention())
}
