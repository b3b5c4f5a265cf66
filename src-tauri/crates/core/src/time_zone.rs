use chrono_tz::Tz;

/// Parses an IANA time zone name such as `Europe/Berlin`.
///
/// Abbreviations like `CET` or `EST` are refused on purpose: they do not say which
/// daylight-saving rules apply, and a study's slots depend on them.
pub fn parse_time_zone(name: &str) -> Result<Tz, String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err("Choose a time zone, for example Europe/Berlin.".into());
    }
    if !trimmed.contains('/') && trimmed != "UTC" {
        return Err(format!(
            "\"{trimmed}\" is not a full time zone name: choose a region and city, for example America/New_York."
        ));
    }
    trimmed.parse::<Tz>().map_err(|_| {
        format!("\"{trimmed}\" is not a known time zone: choose one such as Europe/Berlin or America/New_York.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iana_names_and_utc() {
        assert_eq!(parse_time_zone("Europe/Berlin"), Ok(Tz::Europe__Berlin));
        assert_eq!(
            parse_time_zone(" America/New_York "),
            Ok(Tz::America__New_York)
        );
        assert_eq!(parse_time_zone("UTC"), Ok(Tz::UTC));
    }

    #[test]
    fn refuses_abbreviations_unknown_names_and_blanks() {
        assert!(
            parse_time_zone("CET")
                .unwrap_err()
                .contains("not a full time zone")
        );
        assert!(
            parse_time_zone("Mars/Olympus")
                .unwrap_err()
                .contains("not a known")
        );
        assert!(
            parse_time_zone("  ")
                .unwrap_err()
                .contains("Choose a time zone")
        );
    }
}
