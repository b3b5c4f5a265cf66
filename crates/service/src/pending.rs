//! Participants waiting as Pending with the choices they gave, for the researcher to assign.

use chrono::{DateTime, Utc};
use confab_store::{choices, enrolments};
use serde::Serialize;
use ts_rs::TS;

use crate::clock::from_ts;
use crate::{AppError, Confab};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeldChoice {
    /// 1 for the first choice, 2 for the second.
    pub rank: i32,
    #[ts(type = "number")]
    pub session_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PendingParticipant {
    #[ts(type = "number")]
    pub participant_id: i64,
    pub name: String,
    pub email: String,
    pub choices: Vec<HeldChoice>,
}

impl Confab {
    pub async fn pending_choices(
        &self,
        study_id: i64,
    ) -> Result<Vec<PendingParticipant>, AppError> {
        self.study_row(study_id).await?;
        let mut out = Vec::new();
        for (enrolment, name, email) in enrolments::pending_with_people(&self.db, study_id).await? {
            let choices = choices::for_enrolment(&self.db, enrolment.id)
                .await?
                .into_iter()
                .map(|c| HeldChoice {
                    rank: c.rank,
                    session_id: c.session_id,
                    start: from_ts(c.starts_at),
                    end: from_ts(c.ends_at),
                })
                .collect();
            out.push(PendingParticipant {
                participant_id: enrolment.participant_id,
                name,
                email,
                choices,
            });
        }
        Ok(out)
    }
}
