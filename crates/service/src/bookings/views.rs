//! The interviews as the window shows them: one interview, and the tabs of the Interviews
//! screen.

use chrono::{DateTime, Utc};
use confab_core::InterviewState;
use confab_store::entity::interview;
use confab_store::{ConnectionTrait, interviews};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::RuleBreak;
use crate::clock::from_ts;
use crate::mail::staff::staff_now;
use crate::participants::records::{require_participant, require_study};
use crate::staffing::StaffView;
use crate::stored::stored;
use crate::{AppError, Confab};
use confab_store::interview_interviewers::OnInterview;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterviewView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub study_id: i64,
    #[ts(type = "number")]
    pub participant_id: i64,
    pub participant_name: String,
    pub participant_email: String,
    #[ts(type = "number")]
    pub session_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub state: InterviewState,
    pub calendar_uid: String,
    pub sequence: i32,
    /// The rules the researcher booked past; empty if none.
    pub rule_overrides: Vec<RuleBreak>,
    pub cancel_reason: String,
    /// Which of the study's interviews with this participant it is, from 1 ...
    pub round: i32,
    /// ... of this many (the study's setting); the views name the round only when above 1.
    pub rounds: i32,
    /// Who runs it (interviewers first, then note-takers); empty when nobody was put on it.
    pub interviewers: Vec<StaffView>,
}

/// The tabs of the Interviews screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InterviewList {
    Upcoming,
    Completed,
    Canceled,
    NoShow,
}

pub(crate) async fn view_of(
    db: &impl ConnectionTrait,
    row: interview::Model,
) -> Result<InterviewView, AppError> {
    let person = require_participant(db, row.participant_id).await?;
    let study = require_study(db, row.study_id).await?;
    let interviewers = staff_now(db, row.id).await?;
    view_with(
        row,
        &person.name,
        &person.email,
        study.interviews_per_participant,
        interviewers,
    )
}

pub(super) fn view_with(
    row: interview::Model,
    name: &str,
    email: &str,
    rounds: i32,
    interviewers: Vec<OnInterview>,
) -> Result<InterviewView, AppError> {
    Ok(InterviewView {
        interviewers: interviewers.into_iter().map(StaffView::from).collect(),
        round: row.round,
        rounds: rounds.max(row.round),
        id: row.id,
        study_id: row.study_id,
        participant_id: row.participant_id,
        participant_name: name.to_owned(),
        participant_email: email.to_owned(),
        session_id: row.session_id,
        start: from_ts(row.starts_at),
        end: from_ts(row.ends_at),
        state: stored(&row.state, InterviewState::parse, "an interview state")?,
        calendar_uid: row.calendar_uid,
        sequence: row.sequence,
        rule_overrides: RuleBreak::parse_list(&row.rule_overrides),
        cancel_reason: row.cancel_reason,
    })
}

impl Confab {
    pub(crate) async fn interview_row(
        &self,
        db: &impl ConnectionTrait,
        id: i64,
    ) -> Result<interview::Model, AppError> {
        interviews::find(db, id)
            .await?
            .ok_or_else(|| AppError::no_such("interview", id))
    }

    /// One tab of the Interviews screen: Upcoming soonest first, the others latest first.
    pub async fn list_interviews(
        &self,
        study_id: i64,
        list: InterviewList,
    ) -> Result<Vec<InterviewView>, AppError> {
        let study = self.study_row(study_id).await?;
        self.complete_ended_interviews().await?;
        let state = match list {
            InterviewList::Upcoming => interviews::SCHEDULED,
            InterviewList::Completed => interviews::COMPLETED,
            InterviewList::Canceled => interviews::CANCELED,
            InterviewList::NoShow => interviews::NO_SHOW,
        };
        let rows = interviews::for_study_in_state(&self.db, study_id, state).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut staff = confab_store::interview_interviewers::staff_of(&self.db, &ids).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let person = require_participant(&self.db, row.participant_id).await?;
            let interviewers = staff.remove(&row.id).unwrap_or_default();
            out.push(view_with(
                row,
                &person.name,
                &person.email,
                study.interviews_per_participant,
                interviewers,
            )?);
        }
        Ok(out)
    }

    pub async fn interview(&self, interview_id: i64) -> Result<InterviewView, AppError> {
        let row = self.interview_row(&self.db, interview_id).await?;
        view_of(&self.db, row).await
    }
}
