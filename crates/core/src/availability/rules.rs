//! The rules a booking can break, in words a researcher understands.

use super::StudyRules;
use crate::language::{Phrases, phrases::fill};

crate::closed_set! {
    /// One reason a booking would not be offered to participants, by the key that crosses to
    /// the window and the command line, that a researcher accepts to book past it, and that is
    /// kept with an interview booked past it (`rule_overrides`, the keys joined by commas).
    ///
    /// A researcher may still book past it by hand after reading [`RuleBreak::describe`].
    pub enum RuleBreak {
        UnknownSession = "unknown_session",
        HiddenSession = "hidden_session",
        NotASlotStart = "not_a_slot_start",
        TooSoon = "too_soon",
        BeyondHorizon = "beyond_horizon",
        Full = "full",
        DailyCap = "daily_cap",
        WeeklyCap = "weekly_cap",
        InterviewersBusy = "interviewers_busy",
        BufferConflict = "buffer_conflict",
        InThePast = "in_the_past",
    }
}

impl RuleBreak {
    /// Whether a researcher may book past it. A full time never: capacity is a promise to the
    /// participants already booked.
    pub fn can_be_accepted(self) -> bool {
        self != Self::Full
    }

    /// The keys kept with an interview, as stored (`too_soon,daily_cap`).
    pub fn join(rules: &[RuleBreak]) -> String {
        rules.iter().map(|r| r.key()).collect::<Vec<_>>().join(",")
    }

    /// The keys kept with an interview. One this version does not know (a newer Confab's, on
    /// a shared database) is left out rather than failing the whole list.
    pub fn parse_list(stored: &str) -> Vec<RuleBreak> {
        stored
            .split(',')
            .filter_map(|key| Self::parse(key.trim()))
            .collect()
    }
}

impl std::str::FromStr for RuleBreak {
    type Err = String;

    /// A rule named by a researcher (`--accept too_soon`); a wrong name lists the right ones.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        Self::parse(text).ok_or_else(|| {
            let known: Vec<&str> = Self::ALL.iter().map(|r| r.key()).collect();
            format!(
                "\"{text}\" is not a rule a booking can break; the rules are: {}.",
                known.join(", ")
            )
        })
    }
}

impl RuleBreak {
    pub fn describe(&self, rules: &StudyRules) -> String {
        match self {
            Self::UnknownSession => {
                "The session is not part of this study (it may have been deleted).".into()
            }
            Self::HiddenSession => {
                "The session is hidden, so participants cannot choose it.".into()
            }
            Self::NotASlotStart => "It is not one of the session's start times.".into(),
            Self::TooSoon => {
                let notice = span(rules.min_notice_minutes);
                format!(
                    "It starts less than {} from now (the study asks for {} notice).",
                    notice.plain, notice.possessive
                )
            }
            Self::BeyondHorizon => {
                let days = counted(u64::from(rules.horizon_days), "day", "days");
                format!(
                    "It starts more than {days} from now (the study offers times at most {days} ahead)."
                )
            }
            Self::Full => "Every place at that time is already taken.".into(),
            Self::DailyCap => match rules.max_per_day {
                Some(cap) => format!(
                    "That day already has {}, the most the study allows in one day.",
                    counted(u64::from(cap), "interview", "interviews")
                ),
                None => "That day already has as many interviews as the study allows.".into(),
            },
            Self::WeeklyCap => match rules.max_per_week {
                Some(cap) => format!(
                    "That week (Monday to Sunday) already has {}, the most the study allows in one week.",
                    counted(u64::from(cap), "interview", "interviews")
                ),
                None => "That week already has as many interviews as the study allows.".into(),
            },
            Self::InterviewersBusy => format!(
                "None of the session's interviewers is free then{}.",
                buffer_clause(rules)
            ),
            Self::BufferConflict => format!(
                "It is too close to another interview in this session{}.",
                buffer_clause(rules)
            ),
            Self::InThePast => "It starts in the past.".into(),
        }
    }
}

impl RuleBreak {
    /// Why a time a participant chose cannot be booked, told to the participant: the real
    /// reason, without the study's internals (interviewers, caps, buffers).
    /// In the participant's language: `phrases` are theirs.
    pub fn for_participant(&self, rules: &StudyRules, phrases: &Phrases) -> String {
        match self {
            Self::Full | Self::BufferConflict | Self::InterviewersBusy => {
                phrases.reason_taken.into()
            }
            Self::DailyCap | Self::WeeklyCap => phrases.reason_day_full.into(),
            Self::UnknownSession | Self::HiddenSession | Self::NotASlotStart => {
                phrases.reason_not_on_offer.into()
            }
            Self::TooSoon => fill(
                phrases.reason_too_soon,
                &[("notice", &phrases.span(rules.min_notice_minutes))],
            ),
            Self::BeyondHorizon => fill(
                phrases.reason_too_far,
                &[("days", &phrases.days.of(u64::from(rules.horizon_days)))],
            ),
            Self::InThePast => phrases.reason_passed.into(),
        }
    }
}

struct Span {
    plain: String,
    possessive: String,
}

/// Whole hours read better than minutes ("24 hours" rather than "1440 minutes").
fn span(minutes: u32) -> Span {
    let (count, one, many) = if minutes.is_multiple_of(60) && minutes > 0 {
        (u64::from(minutes / 60), "hour", "hours")
    } else {
        (u64::from(minutes), "minute", "minutes")
    };
    let possessive = if count == 1 {
        format!("1 {one}'s")
    } else {
        format!("{count} {many}'")
    };
    Span {
        plain: counted(count, one, many),
        possessive,
    }
}

fn counted(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

fn buffer_clause(rules: &StudyRules) -> String {
    match (rules.buffer_before_minutes, rules.buffer_after_minutes) {
        (0, 0) => String::new(),
        (before, 0) => format!(
            " (the study keeps {} free before each interview)",
            span(before).plain
        ),
        (0, after) => format!(
            " (the study keeps {} free after each interview)",
            span(after).plain
        ),
        (before, after) => format!(
            " (the study keeps {} free before and {} after each interview)",
            span(before).plain,
            span(after).plain
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Tz;

    fn rules() -> StudyRules {
        StudyRules {
            time_zone: Tz::Europe__Berlin,
            interview_minutes: 45,
            buffer_before_minutes: 0,
            buffer_after_minutes: 15,
            min_notice_minutes: 24 * 60,
            horizon_days: 60,
            max_per_day: Some(4),
            max_per_week: Some(1),
        }
    }

    #[test]
    fn notice_and_horizon_name_the_studys_numbers() {
        assert_eq!(
            RuleBreak::TooSoon.describe(&rules()),
            "It starts less than 24 hours from now (the study asks for 24 hours' notice)."
        );
        let short = StudyRules {
            min_notice_minutes: 90,
            ..rules()
        };
        assert_eq!(
            RuleBreak::TooSoon.describe(&short),
            "It starts less than 90 minutes from now (the study asks for 90 minutes' notice)."
        );
        let hour = StudyRules {
            min_notice_minutes: 60,
            ..rules()
        };
        assert_eq!(
            RuleBreak::TooSoon.describe(&hour),
            "It starts less than 1 hour from now (the study asks for 1 hour's notice)."
        );
        assert_eq!(
            RuleBreak::BeyondHorizon.describe(&rules()),
            "It starts more than 60 days from now (the study offers times at most 60 days ahead)."
        );
    }

    #[test]
    fn caps_and_buffers_name_the_studys_numbers() {
        assert_eq!(
            RuleBreak::DailyCap.describe(&rules()),
            "That day already has 4 interviews, the most the study allows in one day."
        );
        assert_eq!(
            RuleBreak::WeeklyCap.describe(&rules()),
            "That week (Monday to Sunday) already has 1 interview, the most the study allows in one week."
        );
        assert_eq!(
            RuleBreak::BufferConflict.describe(&rules()),
            "It is too close to another interview in this session (the study keeps 15 minutes free after each interview)."
        );
        let both = StudyRules {
            buffer_before_minutes: 10,
            buffer_after_minutes: 120,
            ..rules()
        };
        assert_eq!(
            RuleBreak::InterviewersBusy.describe(&both),
            "None of the session's interviewers is free then (the study keeps 10 minutes free before and 2 hours after each interview)."
        );
    }

    #[test]
    fn every_break_has_a_sentence() {
        let all = [
            RuleBreak::UnknownSession,
            RuleBreak::HiddenSession,
            RuleBreak::NotASlotStart,
            RuleBreak::TooSoon,
            RuleBreak::BeyondHorizon,
            RuleBreak::Full,
            RuleBreak::DailyCap,
            RuleBreak::WeeklyCap,
            RuleBreak::InterviewersBusy,
            RuleBreak::BufferConflict,
            RuleBreak::InThePast,
        ];
        for rule in all {
            let sentence = rule.describe(&rules());
            assert!(sentence.ends_with('.'), "{rule:?}: {sentence}");
            assert!(sentence.chars().next().unwrap().is_uppercase());
        }
    }
}
