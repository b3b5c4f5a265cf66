use chrono::{DateTime, Utc};
use confab_core::StudyDraft;
use confab_store::is_unique_violation;
use confab_store::{entity::study, studies};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AppError, Confab, ErrorCode};

/// A study as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudySummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub description: String,
    pub time_zone: String,
    pub interview_minutes: i32,
    pub created_at: DateTime<Utc>,
}

/// What the researcher fills in to create a study.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewStudy {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub time_zone: String,
    pub interview_minutes: i32,
}

impl NewStudy {
    /// The details of a study as the lists show it, as a settings form starts from them.
    pub fn from_summary(study: &StudySummary) -> Self {
        Self {
            name: study.name.clone(),
            description: study.description.clone(),
            time_zone: study.time_zone.clone(),
            interview_minutes: study.interview_minutes,
        }
    }
}

impl From<&study::Model> for NewStudy {
    fn from(m: &study::Model) -> Self {
        Self {
            name: m.name.clone(),
            description: m.description.clone(),
            time_zone: m.time_zone.clone(),
            interview_minutes: m.interview_minutes,
        }
    }
}

impl From<study::Model> for StudySummary {
    fn from(m: study::Model) -> Self {
        Self {
            id: m.id,
            name: m.name,
            description: m.description,
            time_zone: m.time_zone,
            interview_minutes: m.interview_minutes,
            created_at: m.created_at,
        }
    }
}

impl Confab {
    pub async fn list_studies(&self) -> Result<Vec<StudySummary>, AppError> {
        let rows = studies::list_active(&self.db).await?;
        Ok(rows.into_iter().map(StudySummary::from).collect())
    }

    pub async fn create_study(&self, input: NewStudy) -> Result<StudySummary, AppError> {
        let study = StudyDraft {
            name: input.name,
            description: input.description,
            time_zone: input.time_zone,
            interview_minutes: input.interview_minutes,
        }
        .validate()?;
        // The unique index is what really guarantees it; asking first gives a kinder message
        // than the constraint error in the usual case.
        if studies::find_by_name(&self.db, &study.name)
            .await?
            .is_some()
        {
            return Err(name_taken(&study.name));
        }
        match studies::insert(&self.db, &study, Utc::now()).await {
            Ok(row) => Ok(row.into()),
            Err(e) if is_unique_violation(&e) => Err(name_taken(&study.name)),
            Err(e) => Err(e.into()),
        }
    }
}

pub(crate) fn name_taken(name: &str) -> AppError {
    AppError::about_field(
        ErrorCode::Conflict,
        "name",
        format!("A study named \"{name}\" already exists. Choose another name."),
    )
}
