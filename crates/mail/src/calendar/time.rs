//! Dates and times in received calendars.
//!
//! What each form becomes:
//! - `…Z` (UTC) is an instant.
//! - `TZID=…` with a local time is an instant once the zone is known: the calendar's own
//!   VTIMEZONE with that TZID is used first, because it is what the sender's program meant;
//!   then the TZID as an IANA name (also the tail of a path such as
//!   `/mozilla.org/20070129_1/Europe/Berlin`); then a Windows zone name. A zone known in none
//!   of these ways is an error, never a guess. A local time that falls in a skipped hour is
//!   read as the moment the clocks resume; one in a repeated hour as its first occurrence.
//! - A local time without TZID is floating: the same wall-clock time wherever it is read. It
//!   stays [`ItipTime::Floating`] and the caller resolves it in the participant's zone.
//! - `VALUE=DATE` (or an eight-digit value) is a whole day, [`ItipTime::Date`], resolved the
//!   same way.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{
    CalendarError,
    content::{ContentLine, Tree},
    vtimezone, windows_zones,
};

/// A start or end time from a received calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum ItipTime {
    /// A UTC time, or a local time whose zone was known.
    At(DateTime<Utc>),
    /// A local time without a zone.
    Floating(NaiveDateTime),
    /// A whole day.
    Date(NaiveDate),
}

impl ItipTime {
    /// The instant, reading a floating time or a day (its start) in `zone`. `None` only for a
    /// time so close to the ends of the calendar that it has no instant.
    pub fn in_zone(&self, zone: Tz) -> Option<DateTime<Utc>> {
        match *self {
            Self::At(at) => Some(at),
            Self::Floating(local) => local_to_utc(&zone, local),
            Self::Date(day) => local_to_utc(&zone, day.and_time(chrono::NaiveTime::MIN)),
        }
    }

    pub(super) fn plus(self, length: Duration) -> Option<Self> {
        Some(match self {
            Self::At(at) => Self::At(at.checked_add_signed(length)?),
            Self::Floating(local) => Self::Floating(local.checked_add_signed(length)?),
            Self::Date(day) => Self::Date(day.checked_add_signed(length)?),
        })
    }
}

/// Reads a DTSTART/DTEND-like property of `tree`.
pub(super) fn read_time(tree: &Tree, line: &ContentLine) -> Result<ItipTime, CalendarError> {
    let bad = || CalendarError::BadDate {
        property: line.name.clone(),
        value: clip(&line.value),
    };
    let value = line.value.trim();
    let is_date = line
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
    if is_date {
        return parse_date(value).map(ItipTime::Date).ok_or_else(bad);
    }
    let (local_text, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(rest) => (rest, true),
        None => (value, false),
    };
    let local = parse_local(local_text).ok_or_else(bad)?;
    if utc {
        return Ok(ItipTime::At(local.and_utc()));
    }
    let Some(tzid) = line.param("TZID").map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(ItipTime::Floating(local));
    };
    resolve_zoned(tree, tzid, local)
        .map(ItipTime::At)
        .ok_or_else(|| CalendarError::UnknownTimeZone {
            property: line.name.clone(),
            tzid: clip(tzid),
        })
}

fn resolve_zoned(tree: &Tree, tzid: &str, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let defined = tree.components("VTIMEZONE").find(|zone| {
        zone.property("TZID")
            .is_some_and(|id| id.value.trim() == tzid)
    });
    if let Some(offset) = defined.and_then(|zone| vtimezone::utc_offset(tree, zone, local)) {
        return local
            .checked_sub_signed(Duration::seconds(i64::from(offset)))
            .map(|t| t.and_utc());
    }
    let zone = zone_named(tzid)?;
    local_to_utc(&zone, local)
}

/// The zone a TZID names: an IANA name, one behind a vendor's prefix, or a Windows name as
/// Outlook and Exchange write them.
pub fn zone_named(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"').trim();
    iana_zone(tzid).or_else(|| windows_zones::to_iana(tzid))
}

fn iana_zone(tzid: &str) -> Option<Tz> {
    if let Ok(zone) = tzid.parse::<Tz>() {
        return Some(zone);
    }
    // Prefixed TZIDs (Mozilla, libical) end in the IANA name, which has one to three parts.
    let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
    (1..=3.min(parts.len()))
        .rev()
        .find_map(|n| parts[parts.len() - n..].join("/").parse::<Tz>().ok())
}

/// A skipped local time is read as when the clocks resume, a repeated one as the first.
pub(super) fn local_to_utc<Z: TimeZone>(zone: &Z, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.with_timezone(&Utc)),
        LocalResult::None => {
            // Gaps are at most a few hours; step forward until the clocks have resumed.
            let mut probe = local;
            for _ in 0..(4 * 60 / 15) {
                probe = probe.checked_add_signed(Duration::minutes(15))?;
                if let Some(t) = zone.from_local_datetime(&probe).earliest() {
                    return Some(t.with_timezone(&Utc));
                }
            }
            None
        }
    }
}

pub(super) fn parse_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 8 || !value.is_ascii() {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y%m%d").ok()
}

/// `YYYYMMDDTHHMMSS`, the form RFC 5545 §3.3.5 allows.
pub(super) fn parse_local(value: &str) -> Option<NaiveDateTime> {
    if value.len() != 15 || !value.is_ascii() {
        return None;
    }
    let (date, time) = value.split_at(8);
    let time = time.strip_prefix(['T', 't'])?;
    if !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = parse_date(date)?;
    let number = |range: std::ops::Range<usize>| time[range].parse::<u32>().ok();
    // A leap second (60) is read as the last second of its minute.
    let second = number(4..6)?.min(59);
    date.and_hms_opt(number(0..2)?, number(2..4)?, second)
}

/// RFC 5545 §3.3.6 durations: `[+|-]P[nW]` or `[+|-]P[nD][T[nH][nM][nS]]`.
pub(super) fn parse_duration(value: &str) -> Option<Duration> {
    let value = value.trim();
    let (negative, rest) = match value.as_bytes().first()? {
        b'-' => (true, &value[1..]),
        b'+' => (false, &value[1..]),
        _ => (false, value),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut seconds: i64 = 0;
    let mut number: Option<i64> = None;
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        if let Some(digit) = c.to_digit(10) {
            let n = number.unwrap_or(0);
            number = Some(n.checked_mul(10)?.checked_add(i64::from(digit))?);
            continue;
        }
        let unit = match c.to_ascii_uppercase() {
            'T' if number.is_none() && !in_time => {
                in_time = true;
                continue;
            }
            'W' if !in_time => 7 * 86_400,
            'D' if !in_time => 86_400,
            'H' if in_time => 3_600,
            'M' if in_time => 60,
            'S' if in_time => 1,
            _ => return None,
        };
        seconds = seconds.checked_add(number.take()?.checked_mul(unit)?)?;
        any = true;
    }
    if number.is_some() || !any {
        return None;
    }
    let seconds = if negative { -seconds } else { seconds };
    Duration::try_seconds(seconds)
}

pub(super) fn clip(value: &str) -> String {
    let clipped: String = value.chars().take(80).collect();
    if clipped.len() < value.len() {
        format!("{clipped}…")
    } else {
        clipped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::content;

    fn time_of(ics_lines: &str) -> Result<ItipTime, CalendarError> {
        let text = format!(
            "BEGIN:VCALENDAR\r\n{ics_lines}BEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let tree = content::read(&text).unwrap();
        let line = tree.root().property("DTSTART").unwrap().clone();
        read_time(&tree, &line)
    }

    fn at(text: &str) -> ItipTime {
        ItipTime::At(
            DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc),
        )
    }

    #[test]
    fn utc_iana_prefixed_and_windows_zones_are_instants() {
        assert_eq!(
            time_of("DTSTART:20261201T100000Z\r\n"),
            Ok(at("2026-12-01T10:00:00Z"))
        );
        assert_eq!(
            time_of("DTSTART;TZID=Europe/Berlin:20260701T100000\r\n"),
            Ok(at("2026-07-01T08:00:00Z"))
        );
        assert_eq!(
            time_of("DTSTART;TZID=/mozilla.org/20070129_1/America/New_York:20261201T100000\r\n"),
            Ok(at("2026-12-01T15:00:00Z"))
        );
        assert_eq!(
            time_of("DTSTART;TZID=\"W. Europe Standard Time\":20261201T100000\r\n"),
            Ok(at("2026-12-01T09:00:00Z"))
        );
    }

    #[test]
    fn floating_times_and_days_are_left_for_the_caller() {
        let floating = time_of("DTSTART:20261201T100000\r\n").unwrap();
        assert_eq!(
            floating,
            ItipTime::Floating(parse_local("20261201T100000").unwrap())
        );
        assert_eq!(
            floating.in_zone(Tz::Asia__Tokyo),
            Some(
                DateTime::parse_from_rfc3339("2026-12-01T01:00:00Z")
                    .unwrap()
                    .into()
            )
        );
        let day = time_of("DTSTART;VALUE=DATE:20261201\r\n").unwrap();
        assert_eq!(day, ItipTime::Date(parse_date("20261201").unwrap()));
        assert_eq!(
            day.in_zone(Tz::Europe__London),
            Some(
                DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z")
                    .unwrap()
                    .into()
            )
        );
    }

    #[test]
    fn a_skipped_local_hour_is_read_as_when_clocks_resume() {
        assert_eq!(
            time_of("DTSTART;TZID=Europe/Berlin:20260329T023000\r\n"),
            Ok(at("2026-03-29T01:00:00Z"))
        );
    }

    #[test]
    fn bad_values_and_unknown_zones_are_errors() {
        for value in [
            "DTSTART:2026-12-01T10:00:00Z",
            "DTSTART:20261301T100000Z",
            "DTSTART:20260230T100000Z",
            "DTSTART:20261201T250000Z",
            "DTSTART:tomorrow",
            "DTSTART;VALUE=DATE:20261201T100000",
            "DTSTART:",
        ] {
            assert!(
                matches!(
                    time_of(&format!("{value}\r\n")),
                    Err(CalendarError::BadDate { .. })
                ),
                "{value}"
            );
        }
        assert_eq!(
            time_of("DTSTART;TZID=Mars/Olympus:20261201T100000\r\n"),
            Err(CalendarError::UnknownTimeZone {
                property: "DTSTART".into(),
                tzid: "Mars/Olympus".into()
            })
        );
    }

    #[test]
    fn durations_follow_rfc_5545() {
        assert_eq!(parse_duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("P1W"), Some(Duration::days(7)));
        assert_eq!(parse_duration("-P1DT2S"), Some(-Duration::seconds(86_402)));
        for bad in [
            "",
            "P",
            "PT",
            "1H",
            "PT1",
            "P1H",
            "PT1D",
            "P99999999999999999999D",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
