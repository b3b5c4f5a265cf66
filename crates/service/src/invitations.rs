use confab_store::enrolments;
use serde::Serialize;
use ts_rs::TS;

use crate::statuses::{Readiness, ready_for_round};
use crate::{AppError, Confab};

/// Whether an invitation to choose a time can go out to one participant, and if not, every
/// reason why, worded as what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvitationReadiness {
    pub ready: bool,
    pub missing: Vec<String>,
}

impl Confab {
    pub async fn invitation_readiness(
        &self,
        study_id: i64,
        participant_id: i64,
    ) -> Result<InvitationReadiness, AppError> {
        let study = self.study_row(study_id).await?;
        let mut missing = Vec::new();
        match enrolments::find(&self.db, study_id, participant_id).await? {
            None => missing.push("Enrol the participant in this study.".to_owned()),
            Some(row) => {
                match ready_for_round(&self.db, &row, study.interviews_per_participant).await? {
                    Readiness::Ready => {}
                    Readiness::AllInterviewsHeld => missing.push(
                        "The participant has had every interview this study holds. Raise \"Interviews per participant\" in the study's settings to invite them to another.".to_owned(),
                    ),
                    Readiness::NotNow(status) => missing.push(format!(
                        "The participant is {status}; an invitation goes only to participants who are Added, Invited, Accepted, Waitlisted, a no-show, whose interview was canceled, or who completed one of several interviews. Set their status first if you mean to invite them again."
                    )),
                }
            }
        }
        if self
            .open_slots(study_id, None, None, None)
            .await?
            .is_empty()
        {
            missing.push(
                "Add a visible session with free places inside the booking horizon; there is nothing to choose from now."
                    .to_owned(),
            );
        }
        Ok(InvitationReadiness {
            ready: missing.is_empty(),
            missing,
        })
    }
}
