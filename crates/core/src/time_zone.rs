use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
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

/// The instant a researcher means by a local date and time in `tz`.
///
/// A time that a daylight-saving change skips does not exist and is refused with a message
/// that says so; a time that occurs twice (the hour repeated when clocks go back) means its
/// first occurrence, the one a calendar program shows first.
pub fn resolve_local(tz: Tz, local: NaiveDateTime) -> Result<DateTime<Utc>, String> {
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        chrono::LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        chrono::LocalResult::None => Err(format!(
            "{} does not exist in {}: the clocks skip that hour for daylight saving time. Choose a time outside the skipped hour.",
            local.format("%Y-%m-%d %H:%M"),
            tz.name()
        )),
    }
}

/// Reads `2026-03-08T09:30` (local to `tz`) or an RFC 3339 instant with its own offset.
pub fn parse_instant(text: &str, tz: Tz) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .ok_or_else(|| format!("\"{text}\" is not a date and time; write it as 2026-03-08T09:30."))
        .and_then(|local| resolve_local(tz, local))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn a_skipped_local_time_is_refused_with_the_reason() {
        let err = resolve_local(Tz::America__New_York, local("2026-03-08T02:30")).unwrap_err();
        assert!(
            err.contains("2026-03-08 02:30 does not exist in America/New_York"),
            "{err}"
        );
        let err = resolve_local(Tz::Europe__Berlin, local("2026-03-29T02:15")).unwrap_err();
        assert!(err.contains("daylight saving"), "{err}");
    }

    #[test]
    fn a_repeated_local_time_means_its_first_occurrence() {
        // 01:30 happens twice on 2026-11-01 in New York: first at UTC-4 (EDT).
        let t = resolve_local(Tz::America__New_York, local("2026-11-01T01:30")).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-01T05:30:00+00:00");
        // 02:30 happens twice on 2026-10-25 in Berlin: first at UTC+2 (CEST).
        let t = resolve_local(Tz::Europe__Berlin, local("2026-10-25T02:30")).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn instants_are_read_locally_or_with_their_offset() {
        let tz = Tz::Europe__Berlin;
        assert_eq!(
            parse_instant("2026-07-01T09:00", tz).unwrap().to_rfc3339(),
            "2026-07-01T07:00:00+00:00"
        );
        assert_eq!(
            parse_instant("2026-07-01T09:00:00-04:00", tz)
                .unwrap()
                .to_rfc3339(),
            "2026-07-01T13:00:00+00:00"
        );
        assert!(
            parse_instant("next tuesday", tz)
                .unwrap_err()
                .contains("2026-03-08T09:30")
        );
    }

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
