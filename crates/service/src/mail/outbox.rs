//! The outbox as the researcher sees it: every prepared message, which can be read, edited,
//! held back or deleted until Sync sends it.

use chrono::{DateTime, Utc};
use confab_core::{OutboxKind, OutboxState};
use confab_mail::calendar::{ItipMethod, Person};
use confab_mail::template::{Field, Template, Values, render};
use confab_store::entity::outbox_message;
use confab_store::{Set, outbox};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{from_ts, now_ts};
use crate::stored::stored;
use crate::{AppError, Confab};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutboxMessage {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub study_id: Option<i64>,
    #[ts(type = "number | null")]
    pub participant_id: Option<i64>,
    #[ts(type = "number | null")]
    pub interview_id: Option<i64>,
    pub kind: OutboxKind,
    /// `Name <address>` or the address alone.
    pub recipients: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The calendar invitation's method, when one goes with it.
    pub calendar_method: Option<ItipMethod>,
    pub state: OutboxState,
    pub attempts: i32,
    pub last_error: String,
    pub message_id: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// Which messages to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OutboxFilter {
    /// Everything not sent yet: queued, held, failed, and any left mid-way by a Sync.
    Waiting,
    Sent,
    All,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutboxEdit {
    pub subject: String,
    pub text: String,
}

pub(crate) fn recipients_of(row: &outbox_message::Model) -> Vec<Person> {
    serde_json::from_str(&row.recipients).unwrap_or_default()
}

fn view(row: outbox_message::Model) -> Result<OutboxMessage, AppError> {
    let recipients = recipients_of(&row)
        .into_iter()
        .map(|p| {
            if p.name.is_empty() {
                p.email
            } else {
                format!("{} <{}>", p.name, p.email)
            }
        })
        .collect();
    Ok(OutboxMessage {
        id: row.id,
        study_id: row.study_id,
        participant_id: row.participant_id,
        interview_id: row.interview_id,
        kind: stored(&row.kind, OutboxKind::parse, "a kind of message")?,
        recipients,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        calendar_method: row
            .calendar_method
            .as_deref()
            .map(|m| stored(m, ItipMethod::from_stored, "a calendar method"))
            .transpose()?,
        state: stored(&row.state, OutboxState::parse, "a message state")?,
        attempts: row.attempts,
        last_error: row.last_error,
        message_id: row.message_id,
        created_at: from_ts(row.created_at),
        sent_at: row.sent_at.map(from_ts),
    })
}

/// Refuses a change to a message that is on its way or sent.
fn require_changeable(row: &outbox_message::Model) -> Result<(), AppError> {
    let state = stored(&row.state, OutboxState::parse, "a message state")?;
    if state.changeable() {
        return Ok(());
    }
    Err(not_changeable(row))
}

fn not_changeable(row: &outbox_message::Model) -> AppError {
    AppError::conflict(format!(
        "This message is {} and can no longer be changed; only queued, held or failed messages can.",
        row.state
    ))
}

impl Confab {
    pub async fn list_outbox(&self, filter: OutboxFilter) -> Result<Vec<OutboxMessage>, AppError> {
        let states: &[&str] = match filter {
            OutboxFilter::Waiting => &[
                outbox::QUEUED,
                outbox::HELD,
                outbox::FAILED,
                outbox::SENDING,
                outbox::UNKNOWN,
            ],
            OutboxFilter::Sent => &[outbox::SENT],
            OutboxFilter::All => &[],
        };
        outbox::list(&self.db, states, 5_000)
            .await?
            .into_iter()
            .map(view)
            .collect()
    }

    pub async fn outbox_message(&self, id: i64) -> Result<OutboxMessage, AppError> {
        view(self.outbox_row(id).await?)
    }

    async fn outbox_row(&self, id: i64) -> Result<outbox_message::Model, AppError> {
        outbox::find(&self.db, id)
            .await?
            .ok_or_else(|| AppError::not_found(format!("There is no message {id} in the outbox.")))
    }

    /// Rewrites a message before it goes out. The HTML alternative is made again from the
    /// new text, escaped.
    pub async fn edit_outbox_message(
        &self,
        id: i64,
        edit: OutboxEdit,
    ) -> Result<OutboxMessage, AppError> {
        let row = self.outbox_row(id).await?;
        require_changeable(&row)?;
        if edit.text.trim().is_empty() {
            return Err(AppError::invalid(
                "The message is empty; write something or delete the message.",
            ));
        }
        let template = Template {
            subject: edit.subject.replace("{{", "{ {"),
            body: "{{message}}".into(),
        };
        let rendered = render(&template, &Values::new().with(Field::Message, edit.text))
            .map_err(|e| AppError::invalid(format!("The message cannot be used: {e}.")))?;
        let change = outbox_message::ActiveModel {
            id: Set(row.id),
            subject: Set(rendered.subject),
            text_body: Set(rendered.text),
            html_body: Set(rendered.html),
            updated_at: Set(now_ts()),
            ..Default::default()
        };
        view(outbox::update(&self.db, change).await?)
    }

    /// Keeps a message back from Sync until it is released.
    pub async fn hold_outbox_message(&self, id: i64) -> Result<OutboxMessage, AppError> {
        self.move_message(id, &[outbox::QUEUED, outbox::FAILED], outbox::HELD)
            .await
    }

    /// Lets Sync send a held or failed message again.
    pub async fn release_outbox_message(&self, id: i64) -> Result<OutboxMessage, AppError> {
        let row = self.outbox_row(id).await?;
        if row.state == outbox::FAILED {
            let change = outbox_message::ActiveModel {
                id: Set(row.id),
                attempts: Set(0),
                next_attempt_at: Set(None),
                ..Default::default()
            };
            outbox::update(&self.db, change).await?;
        }
        self.move_message(id, &[outbox::HELD, outbox::FAILED], outbox::QUEUED)
            .await
    }

    pub async fn delete_outbox_message(&self, id: i64) -> Result<(), AppError> {
        let row = self.outbox_row(id).await?;
        require_changeable(&row)?;
        Ok(outbox::delete(&self.db, id).await?)
    }

    async fn move_message(
        &self,
        id: i64,
        from: &[&str],
        to: &str,
    ) -> Result<OutboxMessage, AppError> {
        let row = self.outbox_row(id).await?;
        if !outbox::move_state(&self.db, id, from, to, now_ts()).await? {
            return Err(not_changeable(&row));
        }
        self.outbox_message(id).await
    }
}
