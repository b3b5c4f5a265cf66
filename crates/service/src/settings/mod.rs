//! A study's scheduling settings as the settings screen edits them: what they are, how they
//! read from a stored study, and what changed between two versions.

use confab_core::Language;
use confab_core::study_settings::{SchedulingRules, StudyKind};
use confab_store::entity::study;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::staffing::Staffing;
use crate::{AppError, ErrorCode};

mod changed_meanwhile;
mod save;

/// Everything about how a study schedules, as the settings screen edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudySettings {
    pub kind: StudyKind,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub horizon_days: i32,
    pub max_per_day: Option<i32>,
    pub max_per_week: Option<i32>,
    /// Participants cannot cancel or reschedule later than this many hours before.
    pub change_cutoff_hours: i32,
    pub location: String,
    pub conferencing_url: String,
    pub dial_in: String,
    /// On: a participant's valid choice confirms at once. Off: it waits as Pending.
    pub self_scheduling: bool,
    /// A reminder goes out this many hours before each interview; none when empty.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub reminder_hours: Option<i32>,
    /// A waitlisted participant offered a freed place has this many hours to take it before
    /// it goes to the next person; no limit when empty.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub waitlist_offer_hours: Option<i32>,
    /// How many interviews the study holds with each participant, one at a time (a pre and
    /// a post, a follow-up): 1 to 9.
    #[serde(default = "one")]
    pub interviews_per_participant: i32,
    /// The language of messages to participants who have none of their own (`en-GB`, `de`).
    #[serde(default = "default_language")]
    pub language: String,
    /// How interviewers are put on interviews.
    #[serde(default)]
    pub staffing: Staffing,
}

fn default_language() -> String {
    Language::study_default().to_string()
}

fn one() -> i32 {
    1
}

/// More rounds than this are a different study design, not a follow-up.
pub const MAX_INTERVIEWS_PER_PARTICIPANT: i32 = 9;

impl StudySettings {
    /// The settings of a stored study; a kind this Confab does not know (a newer one wrote
    /// it) is refused rather than read as another.
    pub(crate) fn of(s: &study::Model) -> Result<Self, AppError> {
        let kind = StudyKind::parse(&s.kind).ok_or_else(|| {
            AppError::new(
                ErrorCode::Internal,
                format!(
                    "The study \"{}\" is of a kind this version of Confab does not know (\"{}\"); update Confab to open its settings.",
                    s.name, s.kind
                ),
            )
        })?;
        Ok(Self {
            kind,
            buffer_before_minutes: s.buffer_before_minutes,
            buffer_after_minutes: s.buffer_after_minutes,
            min_notice_minutes: s.min_notice_minutes,
            horizon_days: s.horizon_days,
            max_per_day: s.max_per_day,
            max_per_week: s.max_per_week,
            change_cutoff_hours: s.change_cutoff_hours,
            location: s.location.clone(),
            conferencing_url: s.conferencing_url.clone(),
            dial_in: s.dial_in.clone(),
            self_scheduling: s.self_scheduling,
            reminder_hours: s.reminder_hours,
            waitlist_offer_hours: s.waitlist_offer_hours,
            interviews_per_participant: s.interviews_per_participant,
            language: s.language.clone(),
            staffing: Staffing::of(s),
        })
    }
}

impl StudySettings {
    fn rules(&self) -> SchedulingRules {
        SchedulingRules {
            kind: self.kind,
            buffer_before_minutes: self.buffer_before_minutes,
            buffer_after_minutes: self.buffer_after_minutes,
            min_notice_minutes: self.min_notice_minutes,
            horizon_days: self.horizon_days,
            max_per_day: self.max_per_day,
            max_per_week: self.max_per_week,
            change_cutoff_hours: self.change_cutoff_hours,
            location: self.location.clone(),
            conferencing_url: self.conferencing_url.clone(),
            dial_in: self.dial_in.clone(),
            self_scheduling: self.self_scheduling,
        }
    }

    /// (name, old, new) of every field that differs, for the audit log.
    fn changes(&self, new: &Self) -> Vec<(&'static str, String, String)> {
        let opt = |v: Option<i32>| v.map(|v| v.to_string()).unwrap_or_default();
        let fields = [
            (
                "kind",
                self.kind.key().to_owned(),
                new.kind.key().to_owned(),
            ),
            (
                "buffer before (min)",
                self.buffer_before_minutes.to_string(),
                new.buffer_before_minutes.to_string(),
            ),
            (
                "buffer after (min)",
                self.buffer_after_minutes.to_string(),
                new.buffer_after_minutes.to_string(),
            ),
            (
                "minimum notice (min)",
                self.min_notice_minutes.to_string(),
                new.min_notice_minutes.to_string(),
            ),
            (
                "booking horizon (days)",
                self.horizon_days.to_string(),
                new.horizon_days.to_string(),
            ),
            ("cap per day", opt(self.max_per_day), opt(new.max_per_day)),
            (
                "cap per week",
                opt(self.max_per_week),
                opt(new.max_per_week),
            ),
            (
                "change cut-off (h)",
                self.change_cutoff_hours.to_string(),
                new.change_cutoff_hours.to_string(),
            ),
            ("location", self.location.clone(), new.location.clone()),
            (
                "conferencing link",
                self.conferencing_url.clone(),
                new.conferencing_url.clone(),
            ),
            ("dial-in", self.dial_in.clone(), new.dial_in.clone()),
            (
                "self-scheduling",
                self.self_scheduling.to_string(),
                new.self_scheduling.to_string(),
            ),
            (
                "reminder (h before)",
                opt(self.reminder_hours),
                opt(new.reminder_hours),
            ),
            (
                "waitlist offer (h to answer)",
                opt(self.waitlist_offer_hours),
                opt(new.waitlist_offer_hours),
            ),
            (
                "interviews per participant",
                self.interviews_per_participant.to_string(),
                new.interviews_per_participant.to_string(),
            ),
            ("language", self.language.clone(), new.language.clone()),
            (
                "interviewers on each interview",
                self.staffing.describe(),
                new.staffing.describe(),
            ),
        ];
        fields.into_iter().filter(|(_, a, b)| a != b).collect()
    }
}
