//! A participant's choice of times: booked at once with self-scheduling, else held as
//! Pending until the researcher assigns one.

use chrono::{DateTime, Utc};
use confab_core::StatusEvent;
use confab_store::entity::{enrolment, participant, study};
use confab_store::{DatabaseTransaction, begin_write, choices};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::end_of;
use super::new_interview::{NewInterview, held_rounds, insert_interview};
use super::views::{InterviewView, view_of, view_with};
use crate::clock::{from_ts, now_ts};
use crate::commit::run_again_on_conflict;
use crate::mail::staff::staff_now;
use crate::participants::records::{require_participant, require_study};
use crate::slots::load_for_booking;
use crate::statuses::apply_event;
use crate::{Actor, AppError, Confab, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceInput {
    #[ts(type = "number")]
    pub session_id: i64,
    pub start: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum ChoiceOutcome {
    /// Self-scheduling booked the first free choice (`rank` 1 or 2).
    Booked {
        interview: Box<InterviewView>,
        rank: u8,
    },
    /// The choices wait for the researcher.
    Pending,
    /// No choice was free, and no other time is open either.
    Waitlisted,
    /// No choice can be booked, but other times are open: nothing changed, and the
    /// participant may choose again. One reason per choice, in the participant's words.
    NotFree { reasons: Vec<String> },
}

/// Who chooses, as the caller read them in its transaction.
pub(crate) struct Chooser<'a> {
    pub study: &'a study::Model,
    pub person: &'a participant::Model,
    pub enrolment: &'a enrolment::Model,
}

impl Confab {
    /// A participant's first and (optional) second choice. With self-scheduling on, the first
    /// free one is booked at once, or the participant is waitlisted if neither is; with it
    /// off, both are held and the participant waits as Pending.
    pub async fn submit_choices(
        &self,
        study_id: i64,
        participant_id: i64,
        picks: &[ChoiceInput],
        actor: &Actor,
    ) -> Result<ChoiceOutcome, AppError> {
        run_again_on_conflict!(async {
            let txn = begin_write(&self.db).await?;
            let outcome = self
                .submit_choices_in(&txn, study_id, participant_id, picks, actor)
                .await?;
            txn.commit().await?;
            Ok(outcome)
        })
    }

    /// [`Confab::submit_choices`] inside the caller's transaction, so that a reply read by
    /// Sync and its effects are written together.
    pub(crate) async fn submit_choices_in(
        &self,
        txn: &DatabaseTransaction,
        study_id: i64,
        participant_id: i64,
        picks: &[ChoiceInput],
        actor: &Actor,
    ) -> Result<ChoiceOutcome, AppError> {
        let study = require_study(txn, study_id).await?;
        let enrolment = self.enrolment_row(txn, study_id, participant_id).await?;
        let person = require_participant(txn, participant_id).await?;
        let chooser = Chooser {
            study: &study,
            person: &person,
            enrolment: &enrolment,
        };
        self.submit_choices_of(txn, chooser, picks, actor).await
    }

    /// [`Confab::submit_choices_in`] for a participant the caller has read in the same
    /// transaction.
    pub(crate) async fn submit_choices_of(
        &self,
        txn: &DatabaseTransaction,
        chooser: Chooser<'_>,
        picks: &[ChoiceInput],
        actor: &Actor,
    ) -> Result<ChoiceOutcome, AppError> {
        self.submit_choices_from(txn, chooser, picks, actor, None)
            .await
    }

    /// [`Confab::submit_choices_of`] made by a link of the message `used_batch`: a booking
    /// retires that message's other links with it.
    pub(crate) async fn submit_choices_from(
        &self,
        txn: &DatabaseTransaction,
        chooser: Chooser<'_>,
        picks: &[ChoiceInput],
        actor: &Actor,
        used_batch: Option<&str>,
    ) -> Result<ChoiceOutcome, AppError> {
        if picks.is_empty() || picks.len() > 2 {
            return Err(AppError::invalid(
                "Give a first choice and at most a second one.",
            ));
        }
        let Chooser {
            study,
            person,
            enrolment,
        } = chooser;
        // Every interview the study holds is done: there is nothing left to choose a time for.
        let held = held_rounds(txn, study, enrolment).await?;
        // Why a time cannot be booked is told to the participant, in their language.
        let language = crate::mail::compose::reader_language(person, study);
        let phrases = language.phrases();
        let now = Utc::now();
        let mut free = Vec::new();
        let mut found = Vec::new();
        let mut reasons = Vec::new();
        for p in picks {
            let (data, session) =
                load_for_booking(txn, study, p.session_id, p.start, None, Some(enrolment.id))
                    .await?;
            let breaks = data.engine().rule_breaks(p.session_id, p.start, now);
            free.push(breaks.is_empty());
            reasons.push(
                breaks
                    .first()
                    .map(|b| b.for_participant(&data.rules, phrases))
                    .unwrap_or_default(),
            );
            found.push(session);
        }
        let Some(first_free) = free.iter().position(|f| *f) else {
            return self.none_free(txn, study, enrolment, reasons, actor).await;
        };
        let outcome = if study.self_scheduling {
            let pick = &picks[first_free];
            let end = end_of(
                study,
                found[first_free].as_ref(),
                pick.session_id,
                pick.start,
            )?;
            let new = NewInterview {
                study,
                enrolment,
                person: Some(person),
                session: found[first_free].as_ref(),
                held_rounds: Some(&held),
                open_choice_links: None,
                used_batch,
                session_id: pick.session_id,
                start: pick.start,
                end,
                overrides: String::new(),
            };
            let reason = if first_free == 0 {
                "first choice"
            } else {
                "second choice; the first was taken"
            };
            let (row, staffed) = match insert_interview(txn, new, actor, reason, true).await {
                Ok(inserted) => inserted,
                // The participant's own interview in another study overlaps it: the database
                // refused the booking, and nothing was written.
                Err(e) if e.code == ErrorCode::Conflict => {
                    return Ok(ChoiceOutcome::NotFree {
                        reasons: vec![phrases.reason_other_interview.into()],
                    });
                }
                Err(e) => return Err(e),
            };
            // A new interview has staff only when the booking just put someone on it.
            let staff = if staffed {
                staff_now(txn, row.id).await?
            } else {
                Vec::new()
            };
            let interview = view_with(
                row,
                &person.name,
                &person.email,
                study.interviews_per_participant,
                staff,
            )?;
            ChoiceOutcome::Booked {
                interview: Box::new(interview),
                rank: u8::try_from(first_free + 1).unwrap_or(1),
            }
        } else {
            let mut held = Vec::new();
            for (rank, pick) in picks.iter().enumerate().filter(|(i, _)| free[*i]) {
                let end = end_of(study, found[rank].as_ref(), pick.session_id, pick.start)?;
                held.push((
                    i32::try_from(rank + 1).unwrap_or(1),
                    pick.session_id,
                    pick.start.timestamp(),
                    end.timestamp(),
                ));
            }
            choices::replace(txn, enrolment.id, &held, now_ts()).await?;
            apply_event(
                txn,
                enrolment,
                StatusEvent::ChoicesHeld,
                actor,
                None,
                "choices given",
            )
            .await?;
            ChoiceOutcome::Pending
        };
        Ok(outcome)
    }

    /// None of the chosen times can be booked. The participant waits on the waitlist only
    /// when nothing at all is open; otherwise they stay as they are and may choose again.
    async fn none_free(
        &self,
        txn: &DatabaseTransaction,
        study: &study::Model,
        enrolment: &enrolment::Model,
        reasons: Vec<String>,
        actor: &Actor,
    ) -> Result<ChoiceOutcome, AppError> {
        if !crate::slots::open_for(txn, study, Some(enrolment.id))
            .await?
            .is_empty()
        {
            return Ok(ChoiceOutcome::NotFree { reasons });
        }
        // Leaving Pending releases any earlier holds (see `statuses::write_status`).
        apply_event(
            txn,
            enrolment,
            StatusEvent::NoChoiceFree,
            actor,
            None,
            "no choice was free and no other time is open",
        )
        .await?;
        Ok(ChoiceOutcome::Waitlisted)
    }

    /// Books a Pending participant's held choice of `rank` (1 or 2).
    pub async fn assign_choice(
        &self,
        study_id: i64,
        participant_id: i64,
        rank: i32,
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        run_again_on_conflict!(async {
            let study = self.study_row(study_id).await?;
            let txn = begin_write(&self.db).await?;
            let enrolment = self.enrolment_row(&txn, study_id, participant_id).await?;
            let held = choices::for_enrolment(&txn, enrolment.id).await?;
            let choice = held.iter().find(|c| c.rank == rank).ok_or_else(|| {
                AppError::not_found(format!("The participant has no held choice number {rank}."))
            })?;
            let new = NewInterview {
                study: &study,
                enrolment: &enrolment,
                person: None,
                session: None,
                held_rounds: None,
                open_choice_links: None,
                used_batch: None,
                session_id: choice.session_id,
                start: from_ts(choice.starts_at),
                end: from_ts(choice.ends_at),
                overrides: String::new(),
            };
            let reason = if rank == 1 {
                "assigned first choice"
            } else {
                "assigned second choice"
            };
            let (row, _) = insert_interview(&txn, new, actor, reason, true).await?;
            let interview = view_of(&txn, row).await?;
            txn.commit().await?;
            self.calendar_file_follows(study_id);
            Ok(interview)
        })
    }
}
