//! Which slots a session's pattern produces, before any booking rule is applied.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;

use super::cutting::SlotShape;
use super::local_time::local_date;
use super::{DateException, SessionPattern};

/// A start and end that a pattern offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PatternSlot {
    pub(super) start: DateTime<Utc>,
    pub(super) end: DateTime<Utc>,
}

/// Every slot of `pattern` whose start lies in `[low, high]`.
pub(super) fn slots_between(
    pattern: &SessionPattern,
    shape: SlotShape,
    time_zone: Tz,
    low: DateTime<Utc>,
    high: DateTime<Utc>,
) -> Vec<PatternSlot> {
    if high < low {
        return Vec::new();
    }
    let starts = match pattern {
        SessionPattern::Window { start, end } => shape.cut_utc(*start, *end, low, high),
        SessionPattern::Day { start, end } => {
            return day_slot(*start, *end)
                .filter(|slot| (low..=high).contains(&slot.start))
                .into_iter()
                .collect();
        }
        SessionPattern::Weekly {
            weekday,
            from,
            until,
            ..
        } => {
            // A local start on date D maps to an instant whose local date is D again, so the
            // dates of `low` and `high` bound every start in between.
            let first = local_date(time_zone, low).max(*from);
            let last = local_date(time_zone, high);
            let last = until.map_or(last, |until| last.min(until));
            weekly_dates(*weekday, first, last)
                .flat_map(|date| starts_on(pattern, shape, time_zone, date))
                .filter(|start| (low..=high).contains(start))
                .collect()
        }
    };
    starts
        .into_iter()
        .filter_map(|start| cut_slot(start, shape))
        .collect()
}

/// The slot of `pattern` that starts exactly at `start`, if the pattern offers one.
pub(super) fn slot_starting_at(
    pattern: &SessionPattern,
    shape: SlotShape,
    time_zone: Tz,
    start: DateTime<Utc>,
) -> Option<PatternSlot> {
    slots_between(pattern, shape, time_zone, start, start)
        .into_iter()
        .next()
}

/// Where a booking at `start` would end, whether or not `start` is one of the pattern's slots:
/// a day session's booking lasts as long as the day, any other as long as one interview.
pub(super) fn end_of_booking(
    pattern: &SessionPattern,
    shape: SlotShape,
    start: DateTime<Utc>,
) -> DateTime<Utc> {
    let length = match pattern {
        SessionPattern::Day { start, end } => (*end - *start).max(TimeDelta::zero()),
        SessionPattern::Window { .. } | SessionPattern::Weekly { .. } => shape.length,
    };
    start
        .checked_add_signed(length)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// An empty or inverted day offers nothing rather than a slot that ends before it starts.
fn day_slot(start: DateTime<Utc>, end: DateTime<Utc>) -> Option<PatternSlot> {
    (start < end).then_some(PatternSlot { start, end })
}

fn cut_slot(start: DateTime<Utc>, shape: SlotShape) -> Option<PatternSlot> {
    let end = start.checked_add_signed(shape.length)?;
    Some(PatternSlot { start, end })
}

fn starts_on(
    pattern: &SessionPattern,
    shape: SlotShape,
    time_zone: Tz,
    date: NaiveDate,
) -> Vec<DateTime<Utc>> {
    match weekly_hours(pattern, date) {
        Some((start, end)) => shape.cut_local(time_zone, date.and_time(start), date.and_time(end)),
        None => Vec::new(),
    }
}

/// The `weekday`s from `first` to `last`, stepping a week at a time instead of testing each day.
fn weekly_dates(
    weekday: Weekday,
    first: NaiveDate,
    last: NaiveDate,
) -> impl Iterator<Item = NaiveDate> {
    let mut next = next_on_or_after(first, weekday)
        .filter(|first| *first <= last)
        .map(|first| (first, last));
    std::iter::from_fn(move || {
        let (date, last) = next?;
        next = date
            .checked_add_signed(TimeDelta::weeks(1))
            .filter(|following| *following <= last)
            .map(|following| (following, last));
        Some(date)
    })
}

/// The hours a weekly pattern offers on `date`; an exception for the date replaces or removes
/// them, and an exception on a date the pattern does not cover adds nothing.
fn weekly_hours(pattern: &SessionPattern, date: NaiveDate) -> Option<(NaiveTime, NaiveTime)> {
    let SessionPattern::Weekly {
        weekday,
        start,
        end,
        from,
        until,
        exceptions,
    } = pattern
    else {
        return None;
    };
    let covered =
        date.weekday() == *weekday && date >= *from && until.is_none_or(|until| date <= until);
    if !covered {
        return None;
    }
    match exception_on(exceptions, date) {
        Some(exception) => exception.hours,
        None => Some((*start, *end)),
    }
}

/// When two exceptions name one date the first wins, so adding a duplicate changes nothing.
fn exception_on(exceptions: &[DateException], date: NaiveDate) -> Option<&DateException> {
    exceptions.iter().find(|exception| exception.date == date)
}

fn next_on_or_after(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    date.checked_add_signed(TimeDelta::days(i64::from(ahead)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::cutting::minutes;

    fn shape() -> SlotShape {
        SlotShape {
            length: minutes(45),
            before: minutes(0),
            after: minutes(15),
        }
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn tuesdays(exceptions: Vec<DateException>) -> SessionPattern {
        SessionPattern::Weekly {
            weekday: Weekday::Tue,
            start: time(9, 0),
            end: time(11, 0),
            from: date(2026, 6, 2),
            until: Some(date(2026, 6, 23)),
            exceptions,
        }
    }

    fn starts(pattern: &SessionPattern, low: &str, high: &str) -> Vec<DateTime<Utc>> {
        slots_between(pattern, shape(), Tz::UTC, utc(low), utc(high))
            .into_iter()
            .map(|slot| slot.start)
            .collect()
    }

    #[test]
    fn weekly_repeats_from_first_to_last_date_inclusive() {
        let found = starts(
            &tuesdays(Vec::new()),
            "2026-05-01T00:00:00Z",
            "2026-08-01T00:00:00Z",
        );
        let expected: Vec<_> = [2, 9, 16, 23]
            .iter()
            .flat_map(|day| {
                [
                    utc(&format!("2026-06-{day:02}T09:00:00Z")),
                    utc(&format!("2026-06-{day:02}T10:00:00Z")),
                ]
            })
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn exceptions_remove_or_replace_a_dates_hours_only() {
        let pattern = tuesdays(vec![
            DateException {
                date: date(2026, 6, 9),
                hours: None,
            },
            DateException {
                date: date(2026, 6, 16),
                hours: Some((time(14, 0), time(15, 0))),
            },
            // A Wednesday: not a date of the pattern, so it adds nothing.
            DateException {
                date: date(2026, 6, 17),
                hours: Some((time(14, 0), time(15, 0))),
            },
        ]);
        let found = starts(&pattern, "2026-06-08T00:00:00Z", "2026-06-20T00:00:00Z");
        assert_eq!(found, vec![utc("2026-06-16T14:00:00Z")]);
    }

    #[test]
    fn the_first_of_two_exceptions_for_one_date_wins() {
        let replaced = |hour| DateException {
            date: date(2026, 6, 9),
            hours: Some((time(hour, 0), time(hour + 1, 0))),
        };
        let pattern = tuesdays(vec![replaced(14), replaced(16)]);
        let found = starts(&pattern, "2026-06-08T00:00:00Z", "2026-06-10T00:00:00Z");
        assert_eq!(found, vec![utc("2026-06-09T14:00:00Z")]);
    }

    #[test]
    fn window_and_day_patterns() {
        let window = SessionPattern::Window {
            start: utc("2026-06-02T13:00:00Z"),
            end: utc("2026-06-02T15:00:00Z"),
        };
        assert_eq!(
            starts(&window, "2026-06-02T13:30:00Z", "2026-06-03T00:00:00Z"),
            vec![utc("2026-06-02T14:00:00Z")]
        );
        let day = SessionPattern::Day {
            start: utc("2026-06-02T08:00:00Z"),
            end: utc("2026-06-02T16:00:00Z"),
        };
        let slots = slots_between(
            &day,
            shape(),
            Tz::UTC,
            utc("2026-06-01T00:00:00Z"),
            utc("2026-06-03T00:00:00Z"),
        );
        assert_eq!(
            slots,
            vec![PatternSlot {
                start: utc("2026-06-02T08:00:00Z"),
                end: utc("2026-06-02T16:00:00Z"),
            }]
        );
        assert_eq!(
            slot_starting_at(&day, shape(), Tz::UTC, utc("2026-06-02T09:00:00Z")),
            None
        );
        assert_eq!(
            end_of_booking(&day, shape(), utc("2026-06-02T09:00:00Z")),
            utc("2026-06-02T17:00:00Z")
        );
    }

    #[test]
    fn open_ended_weekly_is_bounded_by_the_query() {
        let pattern = SessionPattern::Weekly {
            weekday: Weekday::Fri,
            start: time(9, 0),
            end: time(10, 0),
            from: date(2020, 1, 3),
            until: None,
            exceptions: Vec::new(),
        };
        assert_eq!(
            starts(&pattern, "2026-06-01T00:00:00Z", "2026-06-14T00:00:00Z"),
            vec![utc("2026-06-05T09:00:00Z"), utc("2026-06-12T09:00:00Z")]
        );
    }
}
