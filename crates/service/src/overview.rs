//! What a study's Overview shows: where everyone stands, what comes next, what needs a look.

use confab_core::EnrolmentStatus;
use confab_store::{attention, enrolments, interviews, outbox};
use serde::Serialize;
use ts_rs::TS;

use crate::bookings::view_of;
use crate::{AppError, Confab, InterviewView};

/// How many participants are in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    pub status: EnrolmentStatus,
    pub label: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudyOverview {
    /// Every status, in the order of a participant's way through a study, zeros included.
    pub counts: Vec<StatusCount>,
    pub participants: u32,
    /// The next few scheduled interviews, soonest first.
    pub next_interviews: Vec<InterviewView>,
    /// Open items needing attention in this study.
    pub attention: u32,
    /// Messages of any study waiting in the outbox (queued or held).
    pub outbox_waiting: u32,
}

/// A status key and the words the window shows for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusOption {
    pub key: EnrolmentStatus,
    pub label: String,
}

const NEXT_INTERVIEWS: usize = 5;

fn small(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

impl Confab {
    pub async fn study_overview(&self, study_id: i64) -> Result<StudyOverview, AppError> {
        self.study_row(study_id).await?;
        self.complete_ended_interviews().await?;
        let found = enrolments::count_by_status(&self.db, study_id).await?;
        let counts: Vec<StatusCount> = EnrolmentStatus::ALL
            .iter()
            .map(|s| StatusCount {
                status: *s,
                label: s.label().into(),
                count: found
                    .iter()
                    .find(|(key, _)| key == s.key())
                    .map_or(0, |(_, n)| small(*n)),
            })
            .collect();
        let mut next =
            interviews::for_study_in_state(&self.db, study_id, interviews::SCHEDULED).await?;
        next.truncate(NEXT_INTERVIEWS);
        let mut next_interviews = Vec::with_capacity(next.len());
        for row in next {
            next_interviews.push(view_of(&self.db, row).await?);
        }
        Ok(StudyOverview {
            participants: counts.iter().map(|c| c.count).sum(),
            counts,
            next_interviews,
            attention: small(attention::open_items(&self.db, Some(study_id)).await?.len()),
            outbox_waiting: small(
                outbox::count_in(&self.db, &[outbox::QUEUED, outbox::HELD]).await?,
            ),
        })
    }

    /// The statuses a researcher can choose from, in order.
    pub fn status_options(&self) -> Vec<StatusOption> {
        EnrolmentStatus::ALL
            .iter()
            .map(|s| StatusOption {
                key: *s,
                label: s.label().into(),
            })
            .collect()
    }
}
