//! What the window last knew of a team database, kept on this computer: the studies and their
//! upcoming interviews. When the server cannot be reached at a start, the window shows it,
//! read-only, so the researcher still knows who is coming.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AppError, Confab, ErrorCode, InterviewList};

const LAST_KNOWN_FILE: &str = "team-last-known.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LastKnown {
    /// When it was read from the team database.
    pub saved_at: DateTime<Utc>,
    /// The team database (`host:port/database`).
    pub server: String,
    pub studies: Vec<LastKnownStudy>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LastKnownStudy {
    pub name: String,
    pub time_zone: String,
    pub upcoming: Vec<LastKnownInterview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LastKnownInterview {
    pub participant_name: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Confab {
    /// Reads the studies and their upcoming interviews from the team database and keeps them
    /// in the data folder; does nothing on this computer's file, which is always there.
    pub async fn keep_last_known(&self) -> Result<(), AppError> {
        let Some(server) = self.team.clone() else {
            return Ok(());
        };
        let mut studies = Vec::new();
        for study in self.list_studies().await? {
            let upcoming = self
                .list_interviews(study.id, InterviewList::Upcoming)
                .await?
                .into_iter()
                .map(|i| LastKnownInterview {
                    participant_name: i.participant_name,
                    start: i.start,
                    end: i.end,
                })
                .collect();
            studies.push(LastKnownStudy {
                name: study.name,
                time_zone: study.time_zone,
                upcoming,
            });
        }
        let known = LastKnown {
            saved_at: Utc::now(),
            server,
            studies,
        };
        let text = serde_json::to_string(&known).expect("plain data serializes");
        let path = file(&self.data_dir);
        let partial = path.with_extension("json.partial");
        let written =
            std::fs::write(&partial, text).and_then(|()| std::fs::rename(&partial, &path));
        written.map_err(|e| {
            AppError::new(
                ErrorCode::Storage,
                format!("Confab could not keep a copy in {}: {e}.", path.display()),
            )
        })
    }
}

/// What the window last knew of the team database, if it ever worked on one from this data
/// folder; a copy that cannot be read counts as none.
pub fn last_known(data_dir: &Path) -> Option<LastKnown> {
    let text = std::fs::read_to_string(file(data_dir)).ok()?;
    serde_json::from_str(&text).ok()
}

fn file(data_dir: &Path) -> PathBuf {
    data_dir.join(LAST_KNOWN_FILE)
}
