//! How times read in messages: in the reader's own time zone, with the zone named.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// `Tuesday 3 December 2026, 10:00–11:00`; the templates name the zone beside it.
pub(crate) fn interview_time(start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz) -> String {
    let (s, e) = (start.with_timezone(&zone), end.with_timezone(&zone));
    let end_text = if s.date_naive() == e.date_naive() {
        e.format("%H:%M").to_string()
    } else {
        e.format("%A %-d %B %Y, %H:%M").to_string()
    };
    format!("{}–{}", s.format("%A %-d %B %Y, %H:%M"), end_text)
}

/// `Tue 3 Dec, 10:00–11:00`: a choice in a list, where the zone is said once above it.
pub(crate) fn choice_label(start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz) -> String {
    let (s, e) = (start.with_timezone(&zone), end.with_timezone(&zone));
    if s.date_naive() == e.date_naive() {
        format!("{}–{}", s.format("%a %-d %b, %H:%M"), e.format("%H:%M"))
    } else {
        format!(
            "{} – {}",
            s.format("%a %-d %b, %H:%M"),
            e.format("%a %-d %b, %H:%M")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_read_in_the_readers_zone() {
        let start = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        assert_eq!(
            interview_time(start, end, chrono_tz::Europe::Berlin),
            "Tuesday 1 December 2026, 10:00–11:00"
        );
        assert_eq!(
            choice_label(start, end, chrono_tz::America::New_York),
            "Tue 1 Dec, 04:00–05:00"
        );
    }
}
