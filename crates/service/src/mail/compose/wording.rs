//! Which template a message is written from (the study's own wording or Confab's), the key it
//! is stored under, and the outbox kind its messages get.

use confab_core::{BaseLanguage, OutboxKind};
use confab_mail::template::{MessageKind, Template};
use confab_store::ConnectionTrait;

use crate::AppError;
use crate::mail::read_once;

/// The outbox's kind for a message written from a template of `kind`.
pub(crate) fn outbox_kind(kind: MessageKind) -> OutboxKind {
    match kind {
        MessageKind::Invitation => OutboxKind::Invitation,
        MessageKind::Confirmation => OutboxKind::Confirmation,
        MessageKind::Update => OutboxKind::Update,
        MessageKind::Cancellation => OutboxKind::Cancellation,
        MessageKind::RescheduleRequest => OutboxKind::RescheduleRequest,
        MessageKind::Reminder => OutboxKind::Reminder,
        MessageKind::WaitlistOffer => OutboxKind::WaitlistOffer,
        MessageKind::Itinerary => OutboxKind::Itinerary,
        MessageKind::ResearcherNotice => OutboxKind::ResearcherNotice,
        MessageKind::ChoiceUnavailable => OutboxKind::ChoiceUnavailable,
        MessageKind::ChoicesReceived => OutboxKind::ChoicesReceived,
    }
}

/// The key a template of `kind` is stored under: the same as its messages' outbox kind.
pub(crate) fn template_key(kind: MessageKind) -> &'static str {
    outbox_kind(kind).key()
}

/// The study's own wording of `kind` in `language`, or Confab's.
pub(crate) async fn template_for(
    db: &impl ConnectionTrait,
    study_id: Option<i64>,
    kind: MessageKind,
    language: BaseLanguage,
) -> Result<Template, AppError> {
    let key = (study_id, template_key(kind), language.code());
    if let Some(kept) = read_once::template(&key) {
        return Ok(kept);
    }
    let template = match study_id {
        Some(study) => confab_store::templates::find(db, study, key.1, key.2)
            .await?
            .map(|row| Template {
                subject: row.subject,
                body: row.body,
            }),
        None => None,
    }
    .unwrap_or_else(|| kind.default_template(language));
    read_once::keep_template(key, &template);
    Ok(template)
}

pub(crate) fn rendering_error(e: impl std::fmt::Display) -> AppError {
    AppError::invalid(format!(
        "A message template of this study cannot be used: {e}. Fix it in the study's templates."
    ))
}
