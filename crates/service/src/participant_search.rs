//! Finding participants: all of them, or those of one study, by text and status.

use confab_core::EnrolmentStatus;
use confab_store::entity::participant;
use confab_store::participants;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_ts;
use crate::participants::{require_study, summary};
use crate::statuses::stored_status;
use crate::{AppError, Confab, ParticipantSummary};

/// Which participants to list. Every part is optional; without a study, all participants.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantQuery {
    /// Only those enrolled in this study; their status and next interview are filled in.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub study_id: Option<i64>,
    /// Matches name, email, notes and custom field values, in any letter case.
    #[serde(default)]
    pub text: Option<String>,
    /// An enrolment status key or label (`interview_scheduled`, `No Show`); needs a study.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub limit: Option<u64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub offset: Option<u64>,
}

impl Confab {
    /// Participants matching `query`, by name (in any case) then id.
    pub async fn search_participants(
        &self,
        query: ParticipantQuery,
    ) -> Result<Vec<ParticipantSummary>, AppError> {
        let status = match query.status.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(text.parse::<EnrolmentStatus>().map_err(AppError::invalid)?),
        };
        let needle = query
            .text
            .as_deref()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty());
        // Without a text or a status to match, the database pages the study itself, in the
        // same order, so a first screenful of thousands reads a screenful.
        let paged_by_database = query.study_id.is_some() && needle.is_none() && status.is_none();
        let offset = query.offset.unwrap_or(0);
        let (rows, next) = match query.study_id {
            Some(study_id) => {
                require_study(&self.db, study_id).await?;
                let (limit, offset) = if paged_by_database {
                    (query.limit, offset)
                } else {
                    (None, 0)
                };
                let rows: Vec<(participant::Model, Option<String>)> =
                    participants::page_in_study(&self.db, study_id, limit, offset)
                        .await?
                        .into_iter()
                        .map(|(p, e)| (p, Some(e.status)))
                        .collect();
                let next =
                    participants::next_interview_starts(&self.db, study_id, now_ts()).await?;
                (rows, next)
            }
            None if status.is_some() => {
                return Err(AppError::invalid(
                    "A status belongs to a study: choose the study to filter by status.",
                ));
            }
            None => {
                let rows = participants::all(&self.db)
                    .await?
                    .into_iter()
                    .map(|p| (p, None))
                    .collect();
                (rows, Default::default())
            }
        };
        // Both reads come in the lists' order (name in any case, then id); filtering keeps it.
        let found = rows
            .into_iter()
            .filter(|(_, s)| status.is_none_or(|wanted| s.as_deref() == Some(wanted.key())))
            .filter(|(p, _)| needle.as_deref().is_none_or(|n| matches_text(p, n)));
        let (skip, take) = if paged_by_database {
            (0, usize::MAX)
        } else {
            let skip = usize::try_from(offset).unwrap_or(usize::MAX);
            let take = query
                .limit
                .and_then(|l| usize::try_from(l).ok())
                .unwrap_or(usize::MAX);
            (skip, take)
        };
        found
            .skip(skip)
            .take(take)
            .map(|(p, s)| {
                let next_start = next.get(&p.id).copied();
                let status = s.as_deref().map(stored_status).transpose()?;
                Ok(summary(p, status, next_start))
            })
            .collect()
    }
}

/// Whether `needle` (lowercased) is in the name, email, notes or a custom field value.
fn matches_text(p: &participant::Model, needle: &str) -> bool {
    let hit = |text: &str| text.to_lowercase().contains(needle);
    hit(&p.name)
        || hit(&p.email)
        || hit(&p.notes)
        || participants::custom_fields(p).values().any(|v| hit(v))
}
