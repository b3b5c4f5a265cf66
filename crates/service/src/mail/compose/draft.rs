//! Drafts and queueing: one message as written, and the outbox row it becomes.

use confab_core::OutboxKind;
use confab_mail::calendar::{InterviewEvent, ItipMethod, Person};
use confab_mail::mime::new_message_id;
use confab_mail::template::Rendered;
use confab_store::entity::outbox_message;
use confab_store::{ConnectionTrait, Set, outbox};

use crate::clock::now_ts;
use crate::mail::profile::MailProfile;
use crate::{AppError, ErrorCode};

/// One message before it is queued.
pub(crate) struct Draft {
    pub study_id: Option<i64>,
    pub participant_id: Option<i64>,
    pub interview_id: Option<i64>,
    pub kind: OutboxKind,
    pub to: Vec<Person>,
    pub rendered: Rendered,
    /// The organizer is filled in when the message is sent, from the profile of that moment.
    pub calendar: Option<(ItipMethod, InterviewEvent)>,
    pub in_reply_to: Option<String>,
}

/// Queues `draft` and returns the new outbox message's id.
pub(crate) async fn queue(
    db: &impl ConnectionTrait,
    profile: &MailProfile,
    draft: Draft,
) -> Result<i64, AppError> {
    let now = now_ts();
    let recipients = serde_json::to_string(&draft.to)
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
    let (method, event) = match &draft.calendar {
        Some((method, event)) => (
            Some(method.as_str().to_owned()),
            Some(
                serde_json::to_string(event)
                    .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?,
            ),
        ),
        None => (None, None),
    };
    let from = if profile.researcher_email.is_empty() {
        "confab@localhost"
    } else {
        &profile.researcher_email
    };
    let row = outbox_message::ActiveModel {
        study_id: Set(draft.study_id),
        participant_id: Set(draft.participant_id),
        interview_id: Set(draft.interview_id),
        kind: Set(draft.kind.key().to_owned()),
        recipients: Set(recipients),
        subject: Set(draft.rendered.subject),
        text_body: Set(draft.rendered.text),
        html_body: Set(draft.rendered.html),
        calendar_method: Set(method),
        calendar_event: Set(event),
        message_id: Set(new_message_id(from)),
        in_reply_to: Set(draft.in_reply_to),
        raw: Set(None),
        state: Set(outbox::QUEUED.to_owned()),
        attempts: Set(0),
        last_error: Set(String::new()),
        next_attempt_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    };
    Ok(outbox::insert(db, row).await?)
}
