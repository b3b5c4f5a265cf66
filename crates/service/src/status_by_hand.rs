//! A status the researcher sets by hand. The label never says one thing while the interview
//! says another: a status that ends a scheduled interview ends it (canceled with the reason,
//! a no-show, completed) in the same transaction, and one that needs an interview the
//! participant does not have is refused with what to do instead.

use confab_core::{EnrolmentStatus, StatusEvent};
use confab_store::entity::enrolment;
use confab_store::{DatabaseTransaction, interviews, tokens};

use crate::clock::now_ts;
use crate::statuses::{status_of, write_status};
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab};

impl Confab {
    /// Sets any status by hand. The window asks the researcher to confirm a sentence that
    /// names the change before it calls this; the reason is kept in the history.
    pub async fn set_status(
        &self,
        study_id: i64,
        participant_id: i64,
        status: &str,
        reason: &str,
        actor: &Actor,
    ) -> Result<EnrolmentStatus, AppError> {
        self.set_statuses(study_id, &[participant_id], status, reason, actor)
            .await
    }

    /// Sets many participants' status by hand in one transaction: all of them, or none when
    /// one is not in the study or cannot take the status.
    pub async fn set_statuses(
        &self,
        study_id: i64,
        participant_ids: &[i64],
        status: &str,
        reason: &str,
        actor: &Actor,
    ) -> Result<EnrolmentStatus, AppError> {
        let to: EnrolmentStatus = status.parse().map_err(AppError::invalid)?;
        let reason = if reason.trim().is_empty() {
            "set by hand"
        } else {
            reason.trim()
        };
        in_transaction(&self.db, async |txn| {
            for participant_id in participant_ids {
                let row = self.enrolment_row(txn, study_id, *participant_id).await?;
                self.set_status_in(txn, row, to, reason, actor).await?;
            }
            Ok(())
        })
        .await?;
        // A status set by hand can cancel or end an interview.
        self.calendar_file_follows(study_id);
        Ok(to)
    }

    async fn set_status_in(
        &self,
        txn: &DatabaseTransaction,
        row: enrolment::Model,
        to: EnrolmentStatus,
        reason: &str,
        actor: &Actor,
    ) -> Result<(), AppError> {
        use EnrolmentStatus as S;
        let scheduled = interviews::scheduled_for_enrolment(txn, row.id).await?;
        let Some(interview) = scheduled else {
            if to == S::InterviewScheduled {
                return Err(AppError::conflict(
                    "This participant has no scheduled interview, so the status cannot say they do. Book a time for them (Book manually) and the status follows.",
                ));
            }
            let from = status_of(&row)?;
            write_status(txn, &row, from, to, actor, None, reason, None).await?;
            if !to.ready_for_scheduling() && to != S::Pending {
                retire_answer_links(txn, row.id).await?;
            }
            return Ok(());
        };
        match to {
            S::InterviewScheduled => Ok(()),
            S::NoShow | S::Completed => {
                let (state, event) = if to == S::NoShow {
                    (interviews::NO_SHOW, StatusEvent::MarkedNoShow)
                } else {
                    (interviews::COMPLETED, StatusEvent::InterviewCompleted)
                };
                self.finish_in(txn, interview.id, state, event, actor, reason)
                    .await?;
                Ok(())
            }
            _ => {
                // Any other status means the interview will not take place: cancel it with the
                // reason (the participant is told, the place goes to the waitlist), then set
                // the status asked for.
                self.cancel_interview_in(txn, interview.id, reason, actor)
                    .await?;
                if to != S::CanceledInterview {
                    let row = self
                        .enrolment_row(txn, row.study_id, row.participant_id)
                        .await?;
                    let from = status_of(&row)?;
                    write_status(txn, &row, from, to, actor, Some(interview.id), reason, None)
                        .await?;
                    if !to.ready_for_scheduling() {
                        retire_answer_links(txn, row.id).await?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// A participant who declined or is done answers no invitation any more: the links of
/// earlier messages stop acting, so an old click cannot book them again unasked.
async fn retire_answer_links(txn: &DatabaseTransaction, enrolment_id: i64) -> Result<(), AppError> {
    let now = now_ts();
    for kind in [tokens::CHOICE, tokens::DECLINE, tokens::CANCEL] {
        tokens::retire_for_enrolment(txn, enrolment_id, kind, now).await?;
    }
    Ok(())
}
