//! The rules a study runs by, checked before they are stored.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::FieldErrors;

/// Crosses IPC and is stored as its key (`one_to_one`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StudyKind {
    /// Participants book one slot each.
    OneToOne,
    /// Applicants choose a whole interview day with a capacity.
    InterviewDays,
}

impl StudyKind {
    pub fn key(self) -> &'static str {
        match self {
            Self::OneToOne => "one_to_one",
            Self::InterviewDays => "interview_days",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        match key {
            "one_to_one" => Some(Self::OneToOne),
            "interview_days" => Some(Self::InterviewDays),
            _ => None,
        }
    }
}

/// The scheduling settings of a study as given, before any rule was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchedulingRules {
    pub kind: StudyKind,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub horizon_days: i32,
    pub max_per_day: Option<i32>,
    pub max_per_week: Option<i32>,
    pub change_cutoff_hours: i32,
    pub location: String,
    pub conferencing_url: String,
    pub dial_in: String,
    pub self_scheduling: bool,
}

const MAX_BUFFER: i32 = 240;
const MAX_NOTICE: i32 = 60 * 24 * 90;
const MAX_HORIZON: i32 = 730;
const MAX_CUTOFF: i32 = 24 * 60;
const MAX_TEXT: usize = 2_000;

impl SchedulingRules {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        for (field, value, label) in [
            (
                "bufferBeforeMinutes",
                self.buffer_before_minutes,
                "The buffer before",
            ),
            (
                "bufferAfterMinutes",
                self.buffer_after_minutes,
                "The buffer after",
            ),
        ] {
            if !(0..=MAX_BUFFER).contains(&value) {
                errors.push(
                    field,
                    format!(
                        "{label} an interview must be 0 to {MAX_BUFFER} minutes; you gave {value}."
                    ),
                );
            }
        }
        if !(0..=MAX_NOTICE).contains(&self.min_notice_minutes) {
            errors.push(
                "minNoticeMinutes",
                format!("The minimum notice must be 0 to {MAX_NOTICE} minutes (90 days)."),
            );
        }
        if !(1..=MAX_HORIZON).contains(&self.horizon_days) {
            errors.push(
                "horizonDays",
                format!(
                    "Participants can book 1 to {MAX_HORIZON} days ahead; you gave {}.",
                    self.horizon_days
                ),
            );
        }
        for (field, cap, label) in [
            ("maxPerDay", self.max_per_day, "per day"),
            ("maxPerWeek", self.max_per_week, "per week"),
        ] {
            if cap.is_some_and(|c| c < 1) {
                errors.push(
                    field,
                    format!(
                        "The cap on interviews {label} must be at least 1, or empty for no cap."
                    ),
                );
            }
        }
        if let (Some(day), Some(week)) = (self.max_per_day, self.max_per_week)
            && week < day
        {
            errors.push(
                "maxPerWeek",
                "The weekly cap cannot be lower than the daily cap.",
            );
        }
        if !(0..=MAX_CUTOFF).contains(&self.change_cutoff_hours) {
            errors.push(
                "changeCutoffHours",
                format!("The cut-off for participants' changes must be 0 to {MAX_CUTOFF} hours."),
            );
        }
        let url = self.conferencing_url.trim();
        if !url.is_empty()
            && (!(url.starts_with("https://") || url.starts_with("http://"))
                || url.chars().any(|c| c.is_whitespace() || c.is_control()))
        {
            errors.push(
                "conferencingUrl",
                "The conferencing link must be a web address starting with https://, without spaces.",
            );
        }
        for (field, value, label) in [
            ("location", &self.location, "location"),
            ("dialIn", &self.dial_in, "dial-in details"),
        ] {
            if value.chars().count() > MAX_TEXT {
                errors.push(
                    field,
                    format!("Shorten the {label} to at most {MAX_TEXT} characters."),
                );
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_study_kind_crosses_ipc_as_its_stored_key() {
        for kind in [StudyKind::OneToOne, StudyKind::InterviewDays] {
            let sent = serde_json::to_value(kind).unwrap();
            assert_eq!(sent, serde_json::Value::from(kind.key()));
            assert_eq!(StudyKind::parse(kind.key()), Some(kind));
        }
    }

    fn rules() -> SchedulingRules {
        SchedulingRules {
            kind: StudyKind::OneToOne,
            buffer_before_minutes: 5,
            buffer_after_minutes: 10,
            min_notice_minutes: 1440,
            horizon_days: 60,
            max_per_day: Some(4),
            max_per_week: Some(12),
            change_cutoff_hours: 24,
            location: String::new(),
            conferencing_url: "https://meet.example.org/abc".into(),
            dial_in: "+1 555 0100, PIN 1234".into(),
            self_scheduling: true,
        }
    }

    #[test]
    fn sensible_rules_pass() {
        assert_eq!(rules().validate(), Ok(()));
    }

    #[test]
    fn each_broken_rule_names_its_field() {
        let mut r = rules();
        r.buffer_after_minutes = -1;
        r.horizon_days = 0;
        r.max_per_day = Some(5);
        r.max_per_week = Some(3);
        r.conferencing_url = "javascript:alert(1)".into();
        let errors = r.validate().unwrap_err();
        for field in [
            "bufferAfterMinutes",
            "horizonDays",
            "maxPerWeek",
            "conferencingUrl",
        ] {
            assert!(
                errors.get(field).is_some(),
                "{field} not reported: {errors:?}"
            );
        }
        assert_eq!(errors.0.len(), 4);
    }
}
