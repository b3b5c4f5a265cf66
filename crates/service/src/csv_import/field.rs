//! The fields a column can go to, as the command line names them.

use std::fmt;
use std::str::FromStr;

use super::ImportField;
use crate::AppError;

impl fmt::Display for ImportField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Name => f.write_str("name"),
            Self::FirstName => f.write_str("first name"),
            Self::LastName => f.write_str("last name"),
            Self::Email => f.write_str("email"),
            Self::TimeZone => f.write_str("time zone"),
            Self::Language => f.write_str("language"),
            Self::Phone => f.write_str("phone"),
            Self::Notes => f.write_str("notes"),
            Self::Custom(key) => write!(f, "custom:{key}"),
            Self::Ignore => f.write_str("ignore"),
        }
    }
}

impl FromStr for ImportField {
    type Err = AppError;

    /// `name`, `first name`, `last name`, `email`, `time zone`, `language`, `phone`, `notes`, `ignore` or `custom:<field name>`.
    fn from_str(text: &str) -> Result<Self, AppError> {
        let text = text.trim();
        if let Some(key) = text
            .get(..7)
            .filter(|p| p.eq_ignore_ascii_case("custom:"))
            .map(|_| text[7..].trim())
        {
            return Ok(Self::Custom(key.to_owned()));
        }
        let field = match text.to_lowercase().replace(['_', '-'], " ").as_str() {
            "name" => Self::Name,
            "first name" | "firstname" => Self::FirstName,
            "last name" | "lastname" => Self::LastName,
            "email" | "e mail" => Self::Email,
            "time zone" | "timezone" => Self::TimeZone,
            "language" => Self::Language,
            "phone" => Self::Phone,
            "notes" => Self::Notes,
            "ignore" => Self::Ignore,
            _ => {
                return Err(AppError::new(
                    crate::ErrorCode::InvalidInput,
                    format!(
                        "\"{text}\" is not a field to import into: use name, first name, last name, email, time zone, language, phone, notes, ignore, or custom:<field name>."
                    ),
                ));
            }
        };
        Ok(field)
    }
}
