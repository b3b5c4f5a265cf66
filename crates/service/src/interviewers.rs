use chrono::Duration;
use confab_core::time_zone::parse_time_zone;
use confab_mail::busy::read_busy_times;
use confab_store::audit::{self, NewEntry};
use confab_store::entity::interviewer;
use confab_store::interviewers;
use serde::Serialize;
use ts_rs::TS;

use crate::clock::now_ts;
use crate::staffing::StaffRole;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterviewerView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub study_id: i64,
    pub name: String,
    pub email: String,
    pub role: StaffRole,
    /// The calendar of the calendar account their busy times are read from at each Sync.
    pub calendar_href: Option<String>,
    /// When Sync last read it.
    pub busy_read_at: Option<chrono::DateTime<chrono::Utc>>,
    /// On a team database, the colleague whose calendar account the calendar was chosen from,
    /// when it is not this researcher's: their Sync reads it. `None` when it is one's own.
    pub calendar_chosen_by: Option<String>,
}

impl From<interviewer::Model> for InterviewerView {
    fn from(m: interviewer::Model) -> Self {
        Self {
            id: m.id,
            study_id: m.study_id,
            role: StaffRole::of_key(&m.role),
            calendar_href: m.calendar_href,
            busy_read_at: m.busy_read_at.map(crate::clock::from_ts),
            calendar_chosen_by: None,
            name: m.name,
            email: m.email,
        }
    }
}

/// What an import of busy times did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BusyImportReport {
    pub imported: u32,
    /// Events that were left out, each with the reason.
    pub skipped: Vec<String>,
}

/// Busy times are kept for the study's booking horizon ahead, and a little behind and beyond
/// it for the calendar; repeating events are expanded over that stretch only.
const BUSY_DAYS_BEHIND: i64 = 7;
const BUSY_DAYS_PAST_HORIZON: i64 = 7;

impl Confab {
    pub async fn add_interviewer(
        &self,
        study_id: i64,
        name: &str,
        email: &str,
        actor: &Actor,
    ) -> Result<InterviewerView, AppError> {
        let name = name.trim();
        let email = email.trim().to_lowercase();
        if name.is_empty() || name.chars().any(char::is_control) {
            return Err(AppError::invalid(
                "Give the interviewer a name on one line.",
            ));
        }
        if !email.contains('@') || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(AppError::invalid(format!(
                "\"{email}\" is not an email address."
            )));
        }
        self.study_row(study_id).await?;
        in_transaction(&self.db, async |txn| {
            if interviewers::for_study(txn, study_id)
                .await?
                .iter()
                .any(|i| i.email == email)
            {
                return Err(AppError::conflict(format!(
                    "{email} is already an interviewer in this study."
                )));
            }
            let row = interviewers::insert(txn, study_id, name, &email).await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(study_id),
                    to_value: format!("{name} <{email}>"),
                    ..actor.entry("interviewer added", now_ts())
                },
            )
            .await?;
            Ok(row.into())
        })
        .await
    }

    pub async fn list_interviewers(&self, study_id: i64) -> Result<Vec<InterviewerView>, AppError> {
        let colleagues = interviewers::calendars_of_colleagues(&self.db, study_id).await?;
        Ok(interviewers::for_study(&self.db, study_id)
            .await?
            .into_iter()
            .map(|m| {
                let chosen_by = colleagues
                    .iter()
                    .find(|(id, _)| *id == m.id)
                    .map(|(_, owner)| owner.clone());
                InterviewerView {
                    calendar_chosen_by: chosen_by,
                    ..m.into()
                }
            })
            .collect())
    }

    /// Replaces an interviewer's busy times with those of their calendar export, from a week
    /// ago to the end of the study's booking horizon. Times without a zone are read in the
    /// study's time zone.
    pub async fn import_busy_times(
        &self,
        interviewer_id: i64,
        ics: &str,
        actor: &Actor,
    ) -> Result<BusyImportReport, AppError> {
        let person = interviewers::find(&self.db, interviewer_id)
            .await?
            .ok_or_else(|| {
                AppError::not_found(format!("There is no interviewer {interviewer_id}."))
            })?;
        let study = self.study_row(person.study_id).await?;
        let tz =
            parse_time_zone(&study.time_zone).map_err(|m| AppError::new(ErrorCode::Storage, m))?;
        let now = chrono::Utc::now();
        let read = read_busy_times(
            ics,
            tz,
            now - Duration::days(BUSY_DAYS_BEHIND),
            now + Duration::days(i64::from(study.horizon_days.max(1)) + BUSY_DAYS_PAST_HORIZON),
        )
        .map_err(AppError::invalid)?;
        let rows: Vec<(i64, i64, String, String)> = read
            .events
            .iter()
            .map(|e| {
                (
                    e.start.timestamp(),
                    e.end.timestamp(),
                    e.summary.clone(),
                    e.uid.clone(),
                )
            })
            .collect();
        in_transaction(&self.db, async |txn| {
            let imported = interviewers::replace_busy_times(txn, interviewer_id, &rows).await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(study.id),
                    to_value: format!("{imported} for {}", person.email),
                    ..actor.entry("busy times imported", now_ts())
                },
            )
            .await?;
            Ok(BusyImportReport {
                imported: u32::try_from(imported).unwrap_or(u32::MAX),
                skipped: read.skipped,
            })
        })
        .await
    }
}

/// One busy time of an interviewer, for the availability calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BusyTimeView {
    #[ts(type = "number")]
    pub interviewer_id: i64,
    pub interviewer_name: String,
    pub start: chrono::DateTime<chrono::Utc>,
    pub end: chrono::DateTime<chrono::Utc>,
    pub summary: String,
}

impl Confab {
    /// The busy times of the study's interviewers that touch [from, to).
    pub async fn busy_times(
        &self,
        study_id: i64,
        from: chrono::DateTime<chrono::Utc>,
        to: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<BusyTimeView>, AppError> {
        let people = interviewers::for_study(&self.db, study_id).await?;
        let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
        let rows =
            interviewers::busy_times(&self.db, &ids, from.timestamp(), to.timestamp()).await?;
        Ok(rows
            .into_iter()
            .map(|b| BusyTimeView {
                interviewer_id: b.interviewer_id,
                interviewer_name: people
                    .iter()
                    .find(|p| p.id == b.interviewer_id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                start: crate::clock::from_ts(b.starts_at),
                end: crate::clock::from_ts(b.ends_at),
                summary: b.summary,
            })
            .collect())
    }
}
