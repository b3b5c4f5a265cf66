//! What happens to an interview after it is booked: cancel, reschedule, no-show, completion.

use chrono::{DateTime, Utc};
use confab_core::StatusEvent;
use confab_store::audit::{self, NewEntry};
use confab_store::entity::interview;
use confab_store::{ConnectionTrait, DatabaseTransaction, Set, begin_write, interviews};
use serde::Serialize;
use ts_rs::TS;

use super::manual::{check_accepted, explain};
use super::views::{InterviewView, view_of};
use super::{end_of, refused};
use crate::RuleBreak;
use crate::clock::{from_ts, now_ts};
use crate::commit::{Landed, run_again_on_conflict};
use crate::mail::compose::queue_interview_mail;
use crate::mail::staff::{StaffChange, notify_staff, staff_now};
use crate::participants::records::require_study;
use crate::slots::load_for_booking;
use crate::statuses::apply_event;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode};
use confab_mail::template::MessageKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CancelOutcome {
    pub interview: InterviewView,
    /// The waitlisted participant the freed place is offered to, if any.
    #[ts(type = "number | null")]
    pub offered_to: Option<i64>,
}

async fn log(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    actor: &Actor,
    action: &str,
    from: &str,
    to: &str,
    reason: &str,
) -> Result<(), AppError> {
    audit::record(
        db,
        NewEntry {
            study_id: Some(row.study_id),
            participant_id: Some(row.participant_id),
            interview_id: Some(row.id),
            from_value: from.into(),
            to_value: to.into(),
            reason: reason.into(),
            ..actor.entry(action, now_ts())
        },
    )
    .await
    .map_err(Into::into)
}

/// Takes back what was prepared about an interview that is no longer scheduled: unsent
/// confirmations, updates, reminders and reschedule requests, and the links they carry.
async fn withdraw_interview_mail(
    txn: &DatabaseTransaction,
    interview_id: i64,
) -> Result<(), AppError> {
    confab_store::outbox::withdraw_unsent_for_interview(txn, interview_id).await?;
    confab_store::tokens::retire_for_interview(txn, interview_id, now_ts()).await?;
    Ok(())
}

impl Confab {
    /// Cancels a scheduled interview, frees its place, and offers it to the participant who
    /// has waited longest on the waitlist.
    pub async fn cancel_interview(
        &self,
        interview_id: i64,
        reason: &str,
        actor: &Actor,
    ) -> Result<CancelOutcome, AppError> {
        run_again_on_conflict!(async {
            let txn = begin_write(&self.db).await?;
            let outcome = self
                .cancel_interview_in(&txn, interview_id, reason, actor)
                .await?;
            let landed = Landed {
                interview_id,
                state: interviews::CANCELED,
                starts_at: None,
            };
            self.commit_checked(txn, "the cancellation", landed).await?;
            self.calendar_file_follows(outcome.interview.study_id);
            Ok(outcome)
        })
    }

    pub(crate) async fn cancel_interview_in(
        &self,
        txn: &DatabaseTransaction,
        interview_id: i64,
        reason: &str,
        actor: &Actor,
    ) -> Result<CancelOutcome, AppError> {
        let row = self.interview_row(txn, interview_id).await?;
        if row.state != interviews::SCHEDULED {
            return Err(AppError::conflict(format!(
                "The interview is {}, not scheduled, so it cannot be canceled.",
                row.state.replace('_', " ")
            )));
        }
        let now = now_ts();
        let mut change = interviews::set_state(&row, interviews::CANCELED, now);
        change.sequence = Set(confab_mail::calendar::sequence_after_change(row.sequence));
        change.cancel_reason = Set(reason.trim().to_owned());
        // Who was on it stays on record; a canceled interview holds nobody's time.
        let updated = interviews::update(txn, change).await.map_err(refused)?;
        let enrolment = confab_store::enrolments::find_by_id(txn, row.enrolment_id)
            .await?
            .ok_or_else(|| AppError::no_such("enrolment", row.enrolment_id))?;
        apply_event(
            txn,
            &enrolment,
            StatusEvent::InterviewCanceled,
            actor,
            Some(row.id),
            reason,
        )
        .await?;
        log(
            txn,
            &updated,
            actor,
            "interview canceled",
            &from_ts(row.starts_at).to_rfc3339(),
            "",
            reason,
        )
        .await?;
        withdraw_interview_mail(txn, row.id).await?;
        // A calendar that never received the event has nothing to remove.
        if confab_store::outbox::calendar_event_sent(txn, row.participant_id, &row.calendar_uid)
            .await?
        {
            queue_interview_mail(txn, &updated, MessageKind::Cancellation).await?;
        }
        notify_staff(txn, &updated, &[], StaffChange::Canceled).await?;
        let offered_to =
            crate::waitlist::offer_place(txn, &crate::waitlist::FreedPlace::of(&updated), actor)
                .await?;
        let interview = view_of(txn, updated).await?;
        Ok(CancelOutcome {
            interview,
            offered_to,
        })
    }

    /// Moves a scheduled interview to a new time. It stays the same interview (same calendar
    /// UID) with its calendar sequence raised, so calendars update the event in place.
    pub async fn reschedule_interview(
        &self,
        interview_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
        accepted_rules: &[RuleBreak],
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        run_again_on_conflict!(async {
            let txn = begin_write(&self.db).await?;
            let interview = self
                .reschedule_interview_in(
                    &txn,
                    interview_id,
                    session_id,
                    start,
                    accepted_rules,
                    actor,
                )
                .await?;
            let landed = Landed {
                interview_id,
                state: interviews::SCHEDULED,
                starts_at: Some(start.timestamp()),
            };
            self.commit_checked(txn, "the new time", landed).await?;
            self.calendar_file_follows(interview.study_id);
            Ok(interview)
        })
    }

    pub(crate) async fn reschedule_interview_in(
        &self,
        txn: &DatabaseTransaction,
        interview_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
        accepted_rules: &[RuleBreak],
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        let row = self.interview_row(txn, interview_id).await?;
        if row.state != interviews::SCHEDULED {
            return Err(AppError::conflict(
                "Only a scheduled interview can be rescheduled; book a new one instead.",
            ));
        }
        let study = require_study(txn, row.study_id).await?;
        let (data, session) =
            load_for_booking(txn, &study, session_id, start, Some(row.id), None).await?;
        let breaks = explain(
            &data.engine().rule_breaks(session_id, start, Utc::now()),
            &data.rules,
        );
        check_accepted(&breaks, accepted_rules)?;
        let end = end_of(&study, session.as_ref(), session_id, start)?;
        // The rules booked past are those of the new time; the old time's go with it.
        let overrides: Vec<RuleBreak> = breaks.iter().map(|b| b.rule).collect();
        let change = interview::ActiveModel {
            id: Set(row.id),
            session_id: Set(session_id),
            starts_at: Set(start.timestamp()),
            ends_at: Set(end.timestamp()),
            sequence: Set(confab_mail::calendar::sequence_after_change(row.sequence)),
            rule_overrides: Set(RuleBreak::join(&overrides)),
            updated_at: Set(now_ts()),
            ..Default::default()
        };
        // Whoever ran the old time is free of it; those of them free at the new time keep it.
        let before = staff_now(txn, row.id).await?;
        confab_store::interview_interviewers::clear(txn, row.id).await?;
        let updated = interviews::update(txn, change).await.map_err(refused)?;
        let prefer: Vec<i64> = before.iter().map(|p| p.interviewer_id).collect();
        crate::staffing::assign_interviewer(txn, &study, &updated, &prefer, session.as_ref())
            .await?;
        // Cancel links already sent act until the interview's new end.
        confab_store::tokens::move_interview_end(txn, row.id, updated.ends_at).await?;
        let enrolment = confab_store::enrolments::find_by_id(txn, row.enrolment_id)
            .await?
            .ok_or_else(|| AppError::no_such("enrolment", row.enrolment_id))?;
        apply_event(
            txn,
            &enrolment,
            StatusEvent::InterviewRescheduled,
            actor,
            Some(row.id),
            "rescheduled",
        )
        .await?;
        log(
            txn,
            &updated,
            actor,
            "interview rescheduled",
            &from_ts(row.starts_at).to_rfc3339(),
            &start.to_rfc3339(),
            "",
        )
        .await?;
        queue_interview_mail(txn, &updated, MessageKind::Update).await?;
        notify_staff(txn, &updated, &before, StaffChange::Moved).await?;
        let interview = view_of(txn, updated).await?;
        Ok(interview)
    }

    pub async fn mark_no_show(
        &self,
        interview_id: i64,
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        self.finish(
            interview_id,
            interviews::NO_SHOW,
            StatusEvent::MarkedNoShow,
            actor,
        )
        .await
    }

    pub async fn mark_completed(
        &self,
        interview_id: i64,
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        self.finish(
            interview_id,
            interviews::COMPLETED,
            StatusEvent::InterviewCompleted,
            actor,
        )
        .await
    }

    async fn finish(
        &self,
        interview_id: i64,
        state: &str,
        event: StatusEvent,
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        in_transaction(&self.db, async |txn| {
            let updated = self
                .finish_in(txn, interview_id, state, event, actor, "")
                .await?;
            let interview = view_of(txn, updated).await?;
            Ok(interview)
        })
        .await
    }

    /// Ends an interview as completed or a no-show inside the caller's transaction.
    pub(crate) async fn finish_in(
        &self,
        txn: &DatabaseTransaction,
        interview_id: i64,
        state: &str,
        event: StatusEvent,
        actor: &Actor,
        reason: &str,
    ) -> Result<interview::Model, AppError> {
        let row = self.interview_row(txn, interview_id).await?;
        let allowed = row.state == interviews::SCHEDULED
            || (state == interviews::NO_SHOW && row.state == interviews::COMPLETED);
        if !allowed {
            return Err(AppError::conflict(format!(
                "The interview is {}; that cannot change to {}.",
                row.state.replace('_', " "),
                state.replace('_', " ")
            )));
        }
        let updated = interviews::update(txn, interviews::set_state(&row, state, now_ts()))
            .await
            .map_err(refused)?;
        let enrolment = confab_store::enrolments::find_by_id(txn, row.enrolment_id)
            .await?
            .ok_or_else(|| AppError::no_such("enrolment", row.enrolment_id))?;
        // An earlier interview found to be a no-show after the participant moved on (to the
        // study's next interview, say) changes its own record, not where they stand now.
        let about_now = row.state == interviews::SCHEDULED
            || (crate::statuses::status_of(&enrolment)? == confab_core::EnrolmentStatus::Completed
                && !interviews::completed_after(txn, &row).await?);
        if about_now {
            apply_event(txn, &enrolment, event, actor, Some(row.id), reason).await?;
        }
        log(
            txn,
            &updated,
            actor,
            &format!("interview {}", state.replace('_', " ")),
            &row.state,
            state,
            reason,
        )
        .await?;
        // Nothing about an interview that is over should still go out.
        withdraw_interview_mail(txn, row.id).await?;
        Ok(updated)
    }

    /// Marks every scheduled interview whose end has passed as completed. Runs when the app
    /// starts and before interview lists are read.
    pub async fn complete_ended_interviews(&self) -> Result<u32, AppError> {
        let ended = interviews::ended_before(&self.db, now_ts()).await?;
        let mut done = 0;
        for row in ended {
            match self
                .finish(
                    row.id,
                    interviews::COMPLETED,
                    StatusEvent::InterviewCompleted,
                    &Actor::system(),
                )
                .await
            {
                Ok(_) => done += 1,
                // Another process completed or changed it in between: nothing left to do.
                Err(e) if e.code == ErrorCode::Conflict => {}
                Err(e) => return Err(e),
            }
        }
        Ok(done)
    }
}
