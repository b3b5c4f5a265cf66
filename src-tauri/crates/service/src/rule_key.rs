//! The rules a booking can break, by the key that crosses to the window and the command line,
//! that a researcher accepts to book past a rule, and that is kept with an interview booked
//! past it (`rule_overrides`, the keys joined by commas).

use std::fmt;
use std::str::FromStr;

use confab_core::availability::RuleBreak;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RuleKey {
    UnknownSession,
    HiddenSession,
    NotASlotStart,
    TooSoon,
    BeyondHorizon,
    Full,
    DailyCap,
    WeeklyCap,
    InterviewersBusy,
    BufferConflict,
    InThePast,
}

impl RuleKey {
    pub const ALL: [RuleKey; 11] = [
        Self::UnknownSession,
        Self::HiddenSession,
        Self::NotASlotStart,
        Self::TooSoon,
        Self::BeyondHorizon,
        Self::Full,
        Self::DailyCap,
        Self::WeeklyCap,
        Self::InterviewersBusy,
        Self::BufferConflict,
        Self::InThePast,
    ];

    pub fn of(rule: &RuleBreak) -> Self {
        match rule {
            RuleBreak::UnknownSession => Self::UnknownSession,
            RuleBreak::HiddenSession => Self::HiddenSession,
            RuleBreak::NotASlotStart => Self::NotASlotStart,
            RuleBreak::TooSoon => Self::TooSoon,
            RuleBreak::BeyondHorizon => Self::BeyondHorizon,
            RuleBreak::Full => Self::Full,
            RuleBreak::DailyCapReached => Self::DailyCap,
            RuleBreak::WeeklyCapReached => Self::WeeklyCap,
            RuleBreak::InterviewersBusy => Self::InterviewersBusy,
            RuleBreak::BufferConflict => Self::BufferConflict,
            RuleBreak::InThePast => Self::InThePast,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::UnknownSession => "unknown_session",
            Self::HiddenSession => "hidden_session",
            Self::NotASlotStart => "not_a_slot_start",
            Self::TooSoon => "too_soon",
            Self::BeyondHorizon => "beyond_horizon",
            Self::Full => "full",
            Self::DailyCap => "daily_cap",
            Self::WeeklyCap => "weekly_cap",
            Self::InterviewersBusy => "interviewers_busy",
            Self::BufferConflict => "buffer_conflict",
            Self::InThePast => "in_the_past",
        }
    }

    /// Whether a researcher may book past it. A full time never: capacity is a promise to the
    /// participants already booked.
    pub fn can_be_accepted(self) -> bool {
        self != Self::Full
    }

    /// The keys kept with an interview, as stored (`too_soon,daily_cap`).
    pub(crate) fn join(keys: &[RuleKey]) -> String {
        keys.iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The keys kept with an interview. One this version does not know (a newer Confab's, on
    /// a shared database) is left out rather than failing the whole list.
    pub(crate) fn parse_list(stored: &str) -> Vec<RuleKey> {
        stored
            .split(',')
            .filter_map(|key| key.trim().parse().ok())
            .collect()
    }
}

impl fmt::Display for RuleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RuleKey {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| {
                let known: Vec<&str> = Self::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "\"{text}\" is not a rule a booking can break; the rules are: {}.",
                    known.join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::RuleKey;

    #[test]
    fn each_key_reads_back_as_stored_and_as_serialized() {
        for key in RuleKey::ALL {
            assert_eq!(key.as_str().parse::<RuleKey>().unwrap(), key);
            assert_eq!(
                serde_json::to_string(&key).unwrap(),
                format!("\"{}\"", key.as_str())
            );
        }
        assert_eq!(
            RuleKey::parse_list("too_soon, daily_cap,,a_newer_rule"),
            [RuleKey::TooSoon, RuleKey::DailyCap]
        );
        assert!("fullish".parse::<RuleKey>().unwrap_err().contains("full"));
    }
}
