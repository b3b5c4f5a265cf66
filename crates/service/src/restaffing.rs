//! Changing who runs an interview by hand, a person's role in the study, and taking a person
//! off a study: each sends the calendar updates the people concerned need (an invitation to
//! who joins, a cancellation to who leaves) and nobody else hears of it.

use confab_store::audit::{self, NewEntry};
use confab_store::entity::{interview, interviewer};
use confab_store::interview_interviewers::{self, OnInterview};
use confab_store::{
    ConnectionTrait, DatabaseTransaction, Refusal, Set, interviewers, interviews, refusal, studies,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::bookings::view_of;
use crate::clock::{from_ts, now_ts};
use crate::interviewers::InterviewerView;
use crate::mail::staff::{StaffChange, notify_staff, staff_now};
use crate::staffing::StaffRole;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode, InterviewView};

/// One person to put on an interview.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffPick {
    #[ts(type = "number")]
    pub interviewer_id: i64,
    pub role: StaffRole,
}

/// What taking a person off a study did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemovalReport {
    pub name: String,
    /// Interviews ahead that the person chosen took over.
    pub handed_over: u32,
}

async fn person(db: &impl ConnectionTrait, id: i64) -> Result<interviewer::Model, AppError> {
    interviewers::find(db, id)
        .await?
        .ok_or_else(|| AppError::no_such("interviewer", id))
}

fn names(staff: &[OnInterview]) -> String {
    staff
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Puts `who` on an interview in `role`, or says plainly why the database refused.
async fn put_on(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    who: &interviewer::Model,
    role: StaffRole,
) -> Result<(), AppError> {
    interview_interviewers::assign(db, row.id, who.id, role.key())
        .await
        .map_err(|e| match refusal(&e) {
            Some(Refusal::InterviewerOverlap) => AppError::conflict(format!(
                "{} has another interview at {}; choose someone else for this one.",
                who.name,
                from_ts(row.starts_at).format("%Y-%m-%d %H:%M UTC")
            )),
            _ => e.into(),
        })
}

async fn log_change(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    actor: &Actor,
    before: &[OnInterview],
    after: &[OnInterview],
    reason: &str,
) -> Result<(), AppError> {
    audit::record(
        db,
        NewEntry {
            study_id: Some(row.study_id),
            participant_id: Some(row.participant_id),
            interview_id: Some(row.id),
            from_value: names(before),
            to_value: names(after),
            reason: reason.into(),
            ..actor.entry("interviewers changed", now_ts())
        },
    )
    .await?;
    Ok(())
}

/// Hands `leaving`'s place on one interview to `taking` (same role), with the updates.
async fn hand_over(
    txn: &DatabaseTransaction,
    interview_id: i64,
    leaving: &interviewer::Model,
    taking: &interviewer::Model,
    actor: &Actor,
) -> Result<(), AppError> {
    let row = interviews::find(txn, interview_id)
        .await?
        .ok_or_else(|| AppError::no_such("interview", interview_id))?;
    let before = staff_now(txn, row.id).await?;
    let role = before
        .iter()
        .find(|p| p.interviewer_id == leaving.id)
        .map_or(StaffRole::Interviewer, |p| StaffRole::of_key(&p.role));
    interview_interviewers::unassign(txn, row.id, leaving.id).await?;
    if !before.iter().any(|p| p.interviewer_id == taking.id) {
        put_on(txn, &row, taking, role).await?;
    }
    let after = staff_now(txn, row.id).await?;
    let reason = format!("{} left the study", leaving.name);
    log_change(txn, &row, actor, &before, &after, &reason).await?;
    notify_staff(txn, &row, &before, StaffChange::Restaffed).await
}

impl Confab {
    /// Puts exactly `staff` on a scheduled interview. Who joins is sent the invitation, who
    /// leaves a cancellation; the participant's invitation stands as it is.
    pub async fn set_interview_staff(
        &self,
        interview_id: i64,
        staff: &[StaffPick],
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        let view = in_transaction(&self.db, async |txn| {
            let row = self.interview_row(txn, interview_id).await?;
            if row.state != interviews::SCHEDULED {
                return Err(AppError::conflict(
                    "Only a scheduled interview's interviewers can change.",
                ));
            }
            let before = staff_now(txn, row.id).await?;
            interview_interviewers::clear(txn, row.id).await?;
            let mut seen = Vec::new();
            for pick in staff {
                if seen.contains(&pick.interviewer_id) {
                    continue;
                }
                seen.push(pick.interviewer_id);
                let who = person(txn, pick.interviewer_id).await?;
                if who.study_id != row.study_id {
                    return Err(AppError::invalid(format!(
                        "{} is not one of this study's interviewers.",
                        who.name
                    )));
                }
                put_on(txn, &row, &who, pick.role).await?;
            }
            let after = staff_now(txn, row.id).await?;
            log_change(txn, &row, actor, &before, &after, "").await?;
            notify_staff(txn, &row, &before, StaffChange::Restaffed).await?;
            view_of(txn, row).await
        })
        .await?;
        self.calendar_file_follows(view.study_id);
        Ok(view)
    }

    /// Renames a person of the study or changes their role (interviewer or note-taker). Their
    /// places on interviews already booked stay as they are.
    pub async fn update_interviewer(
        &self,
        interviewer_id: i64,
        name: &str,
        role: StaffRole,
        actor: &Actor,
    ) -> Result<InterviewerView, AppError> {
        let name = name.trim();
        if name.is_empty() || name.chars().any(char::is_control) {
            return Err(AppError::about_field(
                ErrorCode::InvalidInput,
                "name",
                "Give the interviewer a name on one line.",
            ));
        }
        let updated = in_transaction(&self.db, async |txn| {
            let before = person(txn, interviewer_id).await?;
            let study = self.study_row(before.study_id).await?;
            if role == StaffRole::NoteTaker && study.fixed_interviewer_id == Some(before.id) {
                return Err(AppError::about_field(
                    ErrorCode::Conflict,
                    "role",
                    format!(
                        "{} runs every interview of this study (Study settings → Who runs each interview); choose someone else there before making them a note-taker.",
                        before.name
                    ),
                ));
            }
            let updated = interviewers::update(txn, before.id, name, role.key()).await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(before.study_id),
                    from_value: format!("{} ({})", before.name, before.role.replace('_', "-")),
                    to_value: format!("{} ({})", updated.name, updated.role.replace('_', "-")),
                    ..actor.entry("interviewer changed", now_ts())
                },
            )
            .await?;
                Ok(updated)
        })
        .await?;
        self.calendar_file_follows(updated.study_id);
        Ok(updated.into())
    }

    /// Takes a person off their study. Interviews ahead that they sit on go to `takeover`
    /// (with the invitations and cancellations that needs); without one, the removal is
    /// refused while any are ahead, naming how many, so that nobody's interview is left
    /// without its interviewer unnoticed.
    pub async fn remove_interviewer(
        &self,
        interviewer_id: i64,
        takeover: Option<i64>,
        actor: &Actor,
    ) -> Result<RemovalReport, AppError> {
        let (report, study_id) = in_transaction(&self.db, async |txn| {
            let leaving = person(txn, interviewer_id).await?;
            let ahead = interview_interviewers::upcoming_of(txn, leaving.id, now_ts()).await?;
            let taking = match takeover {
                Some(id) if id == leaving.id => None,
                Some(id) => Some(person(txn, id).await?),
                None => None,
            };
            if let Some(taking) = &taking
                && taking.study_id != leaving.study_id
            {
                return Err(AppError::about_field(
                    ErrorCode::InvalidInput,
                    "takeover",
                    format!("{} is not one of this study's interviewers.", taking.name),
                ));
            }
            if ahead.is_empty() {
                return self.finish_removal(txn, leaving, taking, 0, actor).await;
            }
            let Some(taking) = taking else {
                return Err(AppError::about_field(
                    ErrorCode::Conflict,
                    "takeover",
                    format!(
                        "{} is on {} interview{} ahead. Choose who takes {} over before removing them.",
                        leaving.name,
                        ahead.len(),
                        if ahead.len() == 1 { "" } else { "s" },
                        if ahead.len() == 1 { "it" } else { "them" },
                    ),
                ));
            };
            for interview_id in &ahead {
                hand_over(txn, *interview_id, &leaving, &taking, actor).await?;
            }
            let handed = u32::try_from(ahead.len()).unwrap_or(u32::MAX);
            self.finish_removal(txn, leaving, Some(taking), handed, actor)
                .await
        })
        .await?;
        self.calendar_file_follows(study_id);
        Ok(report)
    }

    async fn finish_removal(
        &self,
        txn: &DatabaseTransaction,
        leaving: interviewer::Model,
        taking: Option<interviewer::Model>,
        handed_over: u32,
        actor: &Actor,
    ) -> Result<(RemovalReport, i64), AppError> {
        let study = self.study_row(leaving.study_id).await?;
        // A study run by one fixed interviewer passes to whoever takes over their interviews.
        if study.fixed_interviewer_id == Some(leaving.id) {
            let model = confab_store::entity::study::ActiveModel {
                id: Set(study.id),
                staffing: Set(if taking.is_some() {
                    "fixed"
                } else {
                    "round_robin"
                }
                .into()),
                fixed_interviewer_id: Set(taking.as_ref().map(|t| t.id)),
                ..Default::default()
            };
            studies::update(txn, model).await?;
        }
        interviewers::delete(txn, leaving.id).await?;
        audit::record(
            txn,
            NewEntry {
                study_id: Some(leaving.study_id),
                from_value: format!("{} <{}>", leaving.name, leaving.email),
                to_value: taking.map(|t| t.name).unwrap_or_default(),
                ..actor.entry("interviewer removed", now_ts())
            },
        )
        .await?;
        let report = RemovalReport {
            name: leaving.name,
            handed_over,
        };
        Ok((report, leaving.study_id))
    }
}
