use confab_core::{ActorKind, EnrolmentStatus, StatusEvent};
use confab_store::audit::{self, NewEntry};
use confab_store::entity::{audit_entry, enrolment};
use confab_store::{ConnectionTrait, choices, enrolments};
use serde::Serialize;
use ts_rs::TS;

use crate::clock::{from_ts, now_ts};
use crate::stored::stored;
use crate::{Actor, AppError, Confab, ErrorCode};

/// One line of a participant's or a study's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor_kind: ActorKind,
    pub actor: String,
    #[ts(type = "number | null")]
    pub study_id: Option<i64>,
    #[ts(type = "number | null")]
    pub participant_id: Option<i64>,
    #[ts(type = "number | null")]
    pub interview_id: Option<i64>,
    pub action: String,
    pub from: String,
    pub to: String,
    pub reason: String,
}

impl TryFrom<audit_entry::Model> for HistoryEntry {
    type Error = AppError;

    fn try_from(m: audit_entry::Model) -> Result<Self, AppError> {
        Ok(Self {
            id: m.id,
            at: from_ts(m.at),
            actor_kind: stored(&m.actor_kind, ActorKind::parse, "an audit line by")?,
            actor: m.actor,
            study_id: m.study_id,
            participant_id: m.participant_id,
            interview_id: m.interview_id,
            action: m.action,
            from: m.from_value,
            to: m.to_value,
            reason: m.reason,
        })
    }
}

pub(crate) fn status_of(row: &enrolment::Model) -> Result<EnrolmentStatus, AppError> {
    stored_status(&row.status)
}

/// A status as the database keeps it; anything else is a damaged or newer database.
pub(crate) fn stored_status(key: &str) -> Result<EnrolmentStatus, AppError> {
    key.parse()
        .map_err(|m: String| AppError::new(ErrorCode::Storage, m))
}

/// Whether the participant can be invited to choose a time: their status allows it, and the
/// study holds another interview for them. `Err(true)` when every interview is held.
pub(crate) async fn ready_for_round(
    db: &impl ConnectionTrait,
    row: &enrolment::Model,
    per_participant: i32,
) -> Result<Readiness, AppError> {
    let status = status_of(row)?;
    let done = confab_store::interviews::rounds_completed(db, row.id).await?;
    Ok(if status.ready_for_round(done, per_participant) {
        Readiness::Ready
    } else if status.interviews_held(done) >= per_participant {
        Readiness::AllInterviewsHeld
    } else {
        Readiness::NotNow(status)
    })
}

/// Whether a participant can be invited, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Readiness {
    Ready,
    /// They have had every interview the study holds.
    AllInterviewsHeld,
    /// Their status does not allow it.
    NotNow(EnrolmentStatus),
}

/// Moves an enrolment on by `event` as the status table says, and logs it; refuses an event
/// the table does not allow from the current status.
pub(crate) async fn apply_event(
    db: &impl ConnectionTrait,
    row: &enrolment::Model,
    event: StatusEvent,
    actor: &Actor,
    interview_id: Option<i64>,
    reason: &str,
) -> Result<EnrolmentStatus, AppError> {
    apply_event_and_log(db, row, event, actor, interview_id, reason, None).await
}

/// As [`apply_event`], writing `also` to the audit log in the same statement.
pub(crate) async fn apply_event_and_log(
    db: &impl ConnectionTrait,
    row: &enrolment::Model,
    event: StatusEvent,
    actor: &Actor,
    interview_id: Option<i64>,
    reason: &str,
    also: Option<NewEntry>,
) -> Result<EnrolmentStatus, AppError> {
    let from = status_of(row)?;
    let to = from.after(event).ok_or_else(|| {
        AppError::conflict(format!(
            "This cannot be done while the participant is {from} in this study."
        ))
    })?;
    write_status(db, row, from, to, actor, interview_id, reason, also).await?;
    Ok(to)
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn write_status(
    db: &impl ConnectionTrait,
    row: &enrolment::Model,
    from: EnrolmentStatus,
    to: EnrolmentStatus,
    actor: &Actor,
    interview_id: Option<i64>,
    reason: &str,
    also: Option<NewEntry>,
) -> Result<(), AppError> {
    let now = now_ts();
    // Held choices exist only while a participant is Pending; leaving it releases them.
    if from == EnrolmentStatus::Pending && to != EnrolmentStatus::Pending {
        choices::clear(db, row.id).await?;
    }
    let status = NewEntry {
        study_id: Some(row.study_id),
        participant_id: Some(row.participant_id),
        interview_id,
        from_value: from.label().into(),
        to_value: to.label().into(),
        reason: reason.into(),
        ..actor.entry("status", now)
    };
    let mut entries: Vec<NewEntry> = also.into_iter().collect();
    entries.push(status);
    if from == to {
        audit::record_all(db, entries).await?;
    } else {
        enrolments::set_status_and_record(db, row.id, to, now, entries).await?;
    }
    Ok(())
}

pub(crate) fn not_enrolled(study_id: i64, participant_id: i64) -> AppError {
    AppError::not_found(format!(
        "Participant {participant_id} is not enrolled in study {study_id}; enrol them first."
    ))
}

impl Confab {
    pub(crate) async fn enrolment_row(
        &self,
        db: &impl ConnectionTrait,
        study_id: i64,
        participant_id: i64,
    ) -> Result<enrolment::Model, AppError> {
        enrolments::find(db, study_id, participant_id)
            .await?
            .ok_or_else(|| not_enrolled(study_id, participant_id))
    }

    /// Every change to a participant, oldest first; in one study if given.
    pub async fn participant_history(
        &self,
        participant_id: i64,
        study_id: Option<i64>,
    ) -> Result<Vec<HistoryEntry>, AppError> {
        audit::for_participant(&self.db, participant_id, study_id)
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    pub async fn study_history(&self, study_id: i64) -> Result<Vec<HistoryEntry>, AppError> {
        audit::for_study(&self.db, study_id)
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }
}
