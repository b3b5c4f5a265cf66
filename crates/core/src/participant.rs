//! A participant's fields and their rules: what a valid email address is, which custom fields
//! may be kept. Pure: the store and the CSV import both call these.

use std::collections::BTreeMap;

use chrono_tz::Tz;

use crate::time_zone::parse_time_zone;
use crate::{FieldErrors, Language};

pub const NAME_MAX_CHARS: usize = 200;
pub const EMAIL_MAX_CHARS: usize = 254;
pub const PHONE_MAX_CHARS: usize = 50;
pub const NOTES_MAX_CHARS: usize = 10_000;
pub const FIELD_KEY_MAX_CHARS: usize = 100;
pub const FIELD_VALUE_MAX_CHARS: usize = 1_000;

/// A participant as typed or read from a file, before any rule was checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParticipantDraft {
    pub name: String,
    pub email: String,
    /// Blank means "not known".
    pub time_zone: String,
    pub phone: String,
    pub notes: String,
    pub custom_fields: BTreeMap<String, String>,
    /// A language code or name (`de-AT`, `Deutsch`); blank means the study's language.
    pub language: String,
}

/// A participant whose fields obey every rule; only this can be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidParticipant {
    pub name: String,
    /// Trimmed and lowercased, the form addresses are compared in.
    pub email: String,
    pub time_zone: Option<Tz>,
    pub phone: String,
    pub notes: String,
    /// Keys trimmed and non-empty; fields with a blank value are left out.
    pub custom_fields: BTreeMap<String, String>,
    /// `None`: messages are written in the study's language.
    pub language: Option<Language>,
}

impl ParticipantDraft {
    pub fn validate(self) -> Result<ValidParticipant, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            errors.push("name", "Fill in the participant's name.");
        } else if name.chars().any(char::is_control) {
            errors.push("name", "The name cannot contain line breaks or tabs.");
        } else if name.chars().count() > NAME_MAX_CHARS {
            errors.push(
                "name",
                format!("Shorten the name to at most {NAME_MAX_CHARS} characters."),
            );
        }
        let email = normalize_email(&self.email)
            .map_err(|message| errors.push("email", message))
            .unwrap_or_default();
        let time_zone = if self.time_zone.trim().is_empty() {
            None
        } else {
            parse_time_zone(&self.time_zone)
                .map_err(|message| errors.push("timeZone", message))
                .ok()
        };
        let phone = self.phone.trim().to_owned();
        if phone.chars().any(char::is_control) {
            errors.push(
                "phone",
                "The phone number cannot contain line breaks or tabs.",
            );
        } else if phone.chars().count() > PHONE_MAX_CHARS {
            errors.push(
                "phone",
                format!("Shorten the phone number to at most {PHONE_MAX_CHARS} characters."),
            );
        }
        let notes = self.notes.trim().to_owned();
        if notes.chars().count() > NOTES_MAX_CHARS {
            errors.push(
                "notes",
                format!("Shorten the notes to at most {NOTES_MAX_CHARS} characters."),
            );
        }
        let language = if self.language.trim().is_empty() {
            None
        } else {
            self.language
                .parse::<Language>()
                .map_err(|e| errors.push("language", e.to_string()))
                .ok()
        };
        let mut custom_fields = BTreeMap::new();
        for (key, value) in self.custom_fields {
            match check_custom_field(&key, &value) {
                Ok(Some((key, value))) => {
                    custom_fields.insert(key, value);
                }
                Ok(None) => {}
                Err(message) => errors.push("customFields", message),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidParticipant {
            name,
            email,
            time_zone,
            phone,
            notes,
            custom_fields,
            language,
        })
    }
}

/// Checks one custom field: the key trimmed and non-empty, the value trimmed. A blank value
/// gives `None`: the field is not kept.
pub fn check_custom_field(key: &str, value: &str) -> Result<Option<(String, String)>, String> {
    let key = custom_field_key(key)?;
    let value = value.trim();
    if value.chars().count() > FIELD_VALUE_MAX_CHARS {
        return Err(format!(
            "Shorten the value of the field \"{key}\" to at most {FIELD_VALUE_MAX_CHARS} characters."
        ));
    }
    Ok((!value.is_empty()).then(|| (key, value.to_owned())))
}

/// A custom field's key, trimmed; refused if blank, with line breaks, or too long.
pub fn custom_field_key(key: &str) -> Result<String, String> {
    let key = key.trim();
    if key.is_empty() {
        return Err("Give every custom field a name (a field with a value has none).".into());
    }
    if key.chars().any(char::is_control) {
        return Err(format!(
            "The field name \"{}\" cannot contain line breaks or tabs.",
            key.escape_debug()
        ));
    }
    if key.chars().count() > FIELD_KEY_MAX_CHARS {
        return Err(format!(
            "Shorten the field name \"{key}\" to at most {FIELD_KEY_MAX_CHARS} characters."
        ));
    }
    Ok(key.to_owned())
}

/// Checks that `text` is one plain email address (`someone@example.org`: no display name, no
/// spaces or line breaks, a domain with a dot) and returns it trimmed and lowercased.
pub fn normalize_email(text: &str) -> Result<String, String> {
    let address = text.trim();
    if address.is_empty() {
        return Err("Fill in the email address.".into());
    }
    let shown = address.escape_debug();
    if address.contains([',', ';']) {
        return Err(format!(
            "\"{shown}\" looks like several addresses: give one address per participant."
        ));
    }
    if address.contains(['<', '>', '"', '(', ')']) {
        return Err(format!(
            "\"{shown}\" is not a plain email address: give the address alone, without a name, as in someone@example.org."
        ));
    }
    if address.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "\"{shown}\" is not one email address: remove the spaces or line breaks."
        ));
    }
    let Some((local, domain)) = address.split_once('@') else {
        return Err(format!(
            "\"{shown}\" is not an email address: it needs an @, as in someone@example.org."
        ));
    };
    if domain.contains('@') {
        return Err(format!(
            "\"{shown}\" has more than one @: give one address, as in someone@example.org."
        ));
    }
    if local.is_empty() {
        return Err(format!(
            "\"{shown}\" needs a name before the @, as in someone@example.org."
        ));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(format!(
            "\"{shown}\" is not an email address: the part before the @ cannot start or end with a dot or have two dots in a row."
        ));
    }
    if !domain.contains('.') {
        return Err(format!(
            "\"{shown}\" is not a complete email address: the part after the @ needs a dot, as in example.org."
        ));
    }
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    if !labels_ok {
        return Err(format!(
            "\"{shown}\" is not an email address: the part after the @ must be a domain such as example.org."
        ));
    }
    if address.chars().count() > EMAIL_MAX_CHARS {
        return Err(format!(
            "\"{shown}\" is too long for an email address (at most {EMAIL_MAX_CHARS} characters)."
        ));
    }
    Ok(address.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ParticipantDraft {
        ParticipantDraft {
            name: " Ada Lovelace ".into(),
            email: " Ada@Example.ORG ".into(),
            time_zone: "Europe/London".into(),
            phone: "+44 20 7946 0000".into(),
            notes: "Prefers mornings".into(),
            custom_fields: BTreeMap::from([
                (" Cohort ".into(), " B ".into()),
                ("empty".into(), "  ".into()),
            ]),
            language: "Deutsch".into(),
        }
    }

    #[test]
    fn a_good_draft_is_trimmed_and_the_email_lowercased() {
        let p = draft().validate().unwrap();
        assert_eq!(p.name, "Ada Lovelace");
        assert_eq!(p.email, "ada@example.org");
        assert_eq!(p.time_zone, Some(Tz::Europe__London));
        assert_eq!(p.language, Some("de".parse().unwrap()));
        assert_eq!(
            p.custom_fields,
            BTreeMap::from([("Cohort".to_owned(), "B".to_owned())])
        );
    }

    #[test]
    fn a_blank_time_zone_is_unknown_not_an_error() {
        let mut d = draft();
        d.time_zone = " ".into();
        assert_eq!(d.validate().unwrap().time_zone, None);
    }

    #[test]
    fn every_broken_field_is_reported_at_once() {
        let errors = ParticipantDraft {
            name: "".into(),
            email: "nobody".into(),
            time_zone: "CET".into(),
            phone: "1\n2".into(),
            notes: String::new(),
            custom_fields: BTreeMap::from([(" ".into(), "x".into())]),
            language: "Klingon".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors.0.len(), 6, "{errors:?}");
        assert!(errors.get("language").unwrap().contains("Klingon"));
        assert_eq!(errors.get("name"), Some("Fill in the participant's name."));
        assert!(errors.get("email").unwrap().contains("needs an @"));
        assert!(errors.get("timeZone").unwrap().contains("CET"));
        assert!(errors.get("phone").unwrap().contains("line breaks"));
        assert!(errors.get("customFields").unwrap().contains("name"));
    }

    #[test]
    fn plain_addresses_are_accepted() {
        for ok in [
            "a@b.co",
            "first.last+tag@sub.example.org",
            "o'brien@example.ie",
            "jörg@müller.de",
        ] {
            assert!(normalize_email(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn anything_but_one_plain_address_is_refused_with_advice() {
        let cases = [
            ("", "Fill in"),
            ("Ada <ada@example.org>", "without a name"),
            ("<ada@example.org>", "plain email address"),
            ("ada @example.org", "remove the spaces"),
            (
                "ada@example.org\nbcc@evil.org",
                "remove the spaces or line breaks",
            ),
            ("ada@example.org, bob@example.org", "several addresses"),
            ("ada@example.org,bob@example.org", "several addresses"),
            ("ada.example.org", "needs an @"),
            ("ada@@example.org", "more than one @"),
            ("@example.org", "before the @"),
            ("ada@localhost", "needs a dot"),
            ("ada@example..org", "domain such as"),
            ("ada@example.org.", "domain such as"),
            (".ada@example.org", "start or end with a dot"),
        ];
        for (input, expected) in cases {
            let message = normalize_email(input).unwrap_err();
            assert!(message.contains(expected), "{input:?}: {message}");
        }
    }

    #[test]
    fn custom_field_keys_are_trimmed_and_must_not_be_blank() {
        assert_eq!(
            check_custom_field(" Age ", " 42 "),
            Ok(Some(("Age".into(), "42".into())))
        );
        assert_eq!(check_custom_field("Age", " "), Ok(None));
        assert!(check_custom_field("  ", "x").is_err());
        assert!(check_custom_field("a\nb", "x").is_err());
    }
}
