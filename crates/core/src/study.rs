use chrono_tz::Tz;

use crate::FieldErrors;
use crate::time_zone::parse_time_zone;

pub const NAME_MAX_CHARS: usize = 200;
pub const DESCRIPTION_MAX_CHARS: usize = 5_000;
pub const INTERVIEW_MINUTES_MIN: i32 = 5;
pub const INTERVIEW_MINUTES_MAX: i32 = 480;

/// A study as the researcher typed it, before any rule was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyDraft {
    pub name: String,
    pub description: String,
    pub time_zone: String,
    pub interview_minutes: i32,
}

/// A study whose fields obey every rule; only this can be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidStudy {
    pub name: String,
    pub description: String,
    pub time_zone: Tz,
    pub interview_minutes: i32,
}

impl StudyDraft {
    pub fn validate(self) -> Result<ValidStudy, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            errors.push("name", "Give the study a name.");
        } else if name.chars().any(char::is_control) {
            errors.push("name", "The study name cannot contain line breaks or tabs.");
        } else if name.chars().count() > NAME_MAX_CHARS {
            errors.push(
                "name",
                format!("Shorten the study name to at most {NAME_MAX_CHARS} characters."),
            );
        }
        let description = self.description.trim().to_owned();
        if description.chars().count() > DESCRIPTION_MAX_CHARS {
            errors.push(
                "description",
                format!("Shorten the description to at most {DESCRIPTION_MAX_CHARS} characters."),
            );
        }
        let time_zone = parse_time_zone(&self.time_zone)
            .map_err(|message| errors.push("timeZone", message))
            .ok();
        if !(INTERVIEW_MINUTES_MIN..=INTERVIEW_MINUTES_MAX).contains(&self.interview_minutes) {
            errors.push(
                "interviewMinutes",
                format!(
                    "An interview lasts between {INTERVIEW_MINUTES_MIN} and {INTERVIEW_MINUTES_MAX} minutes; you gave {}.",
                    self.interview_minutes
                ),
            );
        }
        match time_zone {
            Some(time_zone) if errors.is_empty() => Ok(ValidStudy {
                name,
                description,
                time_zone,
                interview_minutes: self.interview_minutes,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> StudyDraft {
        StudyDraft {
            name: "  Onboarding interviews ".into(),
            description: "How new users find their way".into(),
            time_zone: "Europe/Berlin".into(),
            interview_minutes: 45,
        }
    }

    #[test]
    fn a_good_draft_is_trimmed_and_accepted() {
        let study = draft().validate().unwrap();
        assert_eq!(study.name, "Onboarding interviews");
        assert_eq!(study.time_zone, Tz::Europe__Berlin);
        assert_eq!(study.interview_minutes, 45);
    }

    #[test]
    fn every_broken_field_is_reported_at_once() {
        let errors = StudyDraft {
            name: " ".into(),
            description: String::new(),
            time_zone: "Nowhere/Special".into(),
            interview_minutes: 0,
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors.0.len(), 3);
        assert_eq!(errors.get("name"), Some("Give the study a name."));
        assert!(errors.get("timeZone").unwrap().contains("Nowhere/Special"));
        assert!(
            errors
                .get("interviewMinutes")
                .unwrap()
                .contains("you gave 0")
        );
    }

    #[test]
    fn a_name_with_a_line_break_is_refused() {
        let mut d = draft();
        d.name = "Study\nBcc: someone@example.org".into();
        assert!(
            d.validate()
                .unwrap_err()
                .get("name")
                .unwrap()
                .contains("line breaks")
        );
    }

    #[test]
    fn limits_are_inclusive() {
        let mut d = draft();
        d.interview_minutes = INTERVIEW_MINUTES_MAX;
        assert!(d.clone().validate().is_ok());
        d.interview_minutes = INTERVIEW_MINUTES_MAX + 1;
        assert!(d.validate().is_err());
    }
}
