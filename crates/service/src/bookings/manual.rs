//! Booking by hand: the rules a time would break, shown first, and the booking past the ones
//! the researcher accepted.

use chrono::{DateTime, Utc};
use confab_core::availability::RuleBreak;
use confab_store::enrolments::ForBooking;
use confab_store::{begin_write, interviews};

use super::end_of;
use super::new_interview::{NewInterview, insert_interview};
use super::views::{InterviewView, view_with};
use crate::commit::{Landed, run_again_on_conflict};
use crate::mail::staff::staff_now;
use crate::participants::records::require_study;
use crate::slots::{RuleBreakView, availability_near, load_for_booking};
use crate::statuses::not_enrolled;
use crate::{Actor, AppError, Confab};

pub(super) fn explain(
    breaks: &[RuleBreak],
    rules: &confab_core::availability::StudyRules,
) -> Vec<RuleBreakView> {
    breaks
        .iter()
        .map(|b| RuleBreakView {
            rule: *b,
            explanation: b.describe(rules),
        })
        .collect()
}

/// Refuses a booking that breaks rules the researcher has not seen and accepted. A full slot
/// can never be accepted: capacity is a promise to the participants already booked.
pub(super) fn check_accepted(
    breaks: &[RuleBreakView],
    accepted: &[RuleBreak],
) -> Result<(), AppError> {
    if breaks.iter().any(|b| !b.rule.can_be_accepted()) {
        return Err(AppError::conflict(
            "That time has no place left. Choose another time.",
        ));
    }
    let unseen: Vec<&RuleBreakView> = breaks
        .iter()
        .filter(|b| !accepted.contains(&b.rule))
        .collect();
    if unseen.is_empty() {
        return Ok(());
    }
    let list: Vec<&str> = unseen.iter().map(|b| b.explanation.as_str()).collect();
    Err(AppError::invalid(format!(
        "This booking breaks the study's rules: {} Confirm that you want to book it anyway.",
        list.join(" ")
    )))
}

impl Confab {
    /// The rules a booking at `start` in `session_id` would break, for the researcher to see
    /// before booking by hand. `interview_id` leaves out the interview being rescheduled.
    pub async fn check_booking(
        &self,
        study_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
        interview_id: Option<i64>,
    ) -> Result<Vec<RuleBreakView>, AppError> {
        let study = self.study_row(study_id).await?;
        let (data, _) =
            load_for_booking(&self.db, &study, session_id, start, interview_id, None).await?;
        Ok(explain(
            &data.engine().rule_breaks(session_id, start, Utc::now()),
            &data.rules,
        ))
    }

    /// Books on a participant's behalf. Rules the booking breaks must be listed in
    /// `accepted_rules` (the keys `check_booking` returned), so nothing is booked past a rule
    /// the researcher has not seen.
    pub async fn book_manually(
        &self,
        study_id: i64,
        participant_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
        accepted_rules: &[RuleBreak],
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        run_again_on_conflict!(async {
            let txn = begin_write(&self.db).await?;
            let Some(ForBooking {
                study,
                enrolment,
                person_name: name,
                person_email: email,
                researcher_email,
                held_rounds,
                open_choice_links,
                session: near,
            }) = confab_store::enrolments::find_for_booking(
                &txn,
                study_id,
                participant_id,
                session_id,
                start.timestamp(),
            )
            .await?
            else {
                // Say which one is missing: the study, or the participant's place in it.
                require_study(&txn, study_id).await?;
                return Err(not_enrolled(study_id, participant_id));
            };
            let (data, session) =
                availability_near(&txn, &study, near, start, None, Some(enrolment.id)).await?;
            let breaks = explain(
                &data.engine().rule_breaks(session_id, start, Utc::now()),
                &data.rules,
            );
            check_accepted(&breaks, accepted_rules)?;
            let end = end_of(&study, session.as_ref(), session_id, start)?;
            let overrides: Vec<RuleBreak> = breaks.iter().map(|b| b.rule).collect();
            let new = NewInterview {
                study: &study,
                enrolment: &enrolment,
                person: None,
                session: session.as_ref(),
                held_rounds: Some(&held_rounds),
                open_choice_links: Some(open_choice_links),
                used_batch: None,
                session_id,
                start,
                end,
                overrides: RuleBreak::join(&overrides),
            };
            let reason = if overrides.is_empty() {
                "booked by hand".to_owned()
            } else {
                let names: Vec<&str> = overrides.iter().map(|k| k.key()).collect();
                format!("booked by hand past: {}", names.join(", "))
            };
            // Without the researcher's address there is nobody to send a confirmation from.
            let confirm = !researcher_email.is_empty();
            let (row, staffed) = insert_interview(&txn, new, actor, &reason, confirm).await?;
            let interviewers = if staffed {
                staff_now(&txn, row.id).await?
            } else {
                Vec::new()
            };
            let landed = Landed {
                interview_id: row.id,
                state: interviews::SCHEDULED,
                starts_at: None,
            };
            self.commit_checked(txn, "the booking", landed).await?;
            self.calendar_file_follows(study_id);
            view_with(
                row,
                &name,
                &email,
                study.interviews_per_participant,
                interviewers,
            )
        })
    }
}
