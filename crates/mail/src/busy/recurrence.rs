//! A busy event's repeat rule, expanded over the imported stretch of time only. A calendar
//! file can come from anyone, and a rule such as `FREQ=SECONDLY` from the year 1 would make
//! billions of occurrences before today: the start is moved forward by whole repetitions
//! where that keeps every occurrence where it was (for a rule with COUNT too, whose count
//! goes down by the repetitions skipped), and whatever is generated, in the stretch or
//! before it, is counted and capped for each event and for the whole file. A rule that can
//! never occur (30 February) is refused before it is expanded: the expansion would search
//! thousands of years for it.
//!
//! One file, longer than most: the skipping forward and the caps are one algorithm, and its
//! tests (the second half) follow it.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDateTime, Utc};
use chrono_tz::Tz;
use icalendar::rrule::{Frequency, RRule, RRuleSet, Unvalidated};

use super::Span;

/// At most this many occurrences of one event are kept, which covers years of weekly
/// meetings inside any booking horizon.
pub(super) const MAX_OCCURRENCES: usize = 2_000;
/// At most this many occurrences of one event are generated, counting those before the
/// stretch; an event that needs more is left out and named. With the start moved forward,
/// a rule without COUNT generates little more than what falls in the stretch.
const MAX_GENERATED: usize = 10_000;
/// At most this many occurrences are generated for all the events of one file: a file of
/// thousands of repeating events would otherwise cost minutes. Real calendars, whose
/// repeating events are moved forward to the stretch, stay far below it.
pub(super) const MAX_GENERATED_PER_FILE: usize = 50_000;
/// The Gregorian calendar repeats itself, weekdays and leap days included, every 400 years.
const DAYS_IN_400_YEARS: i64 = 146_097;

/// The occurrences of an event that starts at `start` (in `zone`, or in UTC), lasts `length`
/// and repeats by `rule`, that overlap [from, to).
#[allow(clippy::too_many_arguments)]
pub(super) fn expand(
    rule: &str,
    start: DateTime<Utc>,
    zone: Option<Tz>,
    length: Duration,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    budget: &mut usize,
) -> Result<Vec<Span>, String> {
    // A rule is written in ASCII; the parser slices other text at byte offsets, and would
    // panic inside a character.
    if !rule.is_ascii() {
        return Err("its repeat rule cannot be read (it holds characters no rule has)".into());
    }
    let parsed: RRule<Unvalidated> = rule
        .parse()
        .map_err(|e| format!("its repeat rule cannot be read ({e})"))?;
    if per_repetition(&parsed) > MAX_GENERATED {
        return Err(format!(
            "its repeat rule makes more than {MAX_GENERATED} occurrences each time it repeats"
        ));
    }
    if never_occurs(&parsed) {
        return Err(
            "its repeat rule names only dates that do not exist, such as 30 February".into(),
        );
    }
    // Every second or minute, but only on chosen hours or minutes: no calendar program
    // writes such a rule, and the expansion has to step through every second or minute in
    // between, which a hostile file can make cost seconds.
    if matches!(parsed.get_freq(), Frequency::Secondly | Frequency::Minutely)
        && has_by_parts(&parsed)
    {
        return Err(
            "its repeat rule repeats every second or minute on chosen hours or minutes, which calendar programs do not write".into(),
        );
    }
    if *budget == 0 {
        return Err(over_budget());
    }
    let local = match zone {
        Some(zone) => start.with_timezone(&zone).naive_local(),
        None => start.naive_utc(),
    };
    let earliest = match zone {
        Some(zone) => (from - length).with_timezone(&zone).naive_local(),
        None => (from - length).naive_utc(),
    };
    let until = parsed.get_until().map(|t| t.with_timezone(&Utc));
    if until.is_some_and(|until| until + length <= from) {
        // Ended before the stretch (and the start would be moved past its UNTIL).
        return Ok(Vec::new());
    }
    let (local, rule, count) = match parsed.get_count() {
        None => (
            moved_forward(&parsed, local, earliest),
            rule.to_owned(),
            None,
        ),
        Some(count) => match counted_forward(&parsed, count, local, earliest, zone.is_some()) {
            Counted::Unchanged => (local, rule.to_owned(), Some(count)),
            Counted::Over => return Ok(Vec::new()),
            Counted::Moved { start, count } => (start, with_count(rule, count), Some(count)),
        },
    };
    let dtstart = match zone {
        // Expanding in the event's own zone keeps a 09:00 meeting at 09:00 across a
        // daylight-saving change.
        Some(zone) => format!(
            "DTSTART;TZID={}:{}",
            zone.name(),
            local.format("%Y%m%dT%H%M%S")
        ),
        None => format!("DTSTART:{}", local.format("%Y%m%dT%H%M%SZ")),
    };
    let set: RRuleSet = format!("{dtstart}\nRRULE:{rule}")
        .parse()
        .map_err(|e| format!("its repeat rule cannot be read ({e})"))?;
    if zone.is_none()
        && let Some(step) = fixed_step(&parsed)
    {
        let series = Series {
            start: local.and_utc(),
            step,
            count,
            until,
            length,
        };
        return series.within(from, to, budget);
    }
    let set = set.limit();
    let mut spans = Vec::new();
    for (generated, occurrence) in (&set).into_iter().enumerate() {
        if generated >= MAX_GENERATED {
            return Err(format!(
                "its repeat rule makes more than {MAX_GENERATED} occurrences before {}; it was left out",
                to.format("%-d %b %Y")
            ));
        }
        if *budget == 0 {
            return Err(over_budget());
        }
        *budget -= 1;
        let begin = occurrence.with_timezone(&Utc);
        if begin >= to {
            break;
        }
        let end = begin + length;
        if end > from {
            spans.push((begin, end));
            if spans.len() >= MAX_OCCURRENCES {
                break;
            }
        }
    }
    Ok(spans)
}

/// The length of each repetition in seconds, for a rule whose every repetition makes one
/// occurrence at a fixed distance from the last: no BY parts, and a frequency of seconds to
/// weeks.
fn fixed_step(rule: &RRule<Unvalidated>) -> Option<i64> {
    if has_by_parts(rule) {
        return None;
    }
    let interval = i64::from(rule.get_interval());
    let unit = match rule.get_freq() {
        Frequency::Secondly => 1,
        Frequency::Minutely => 60,
        Frequency::Hourly => 3_600,
        Frequency::Daily => 86_400,
        Frequency::Weekly => 7 * 86_400,
        Frequency::Monthly | Frequency::Yearly => return None,
    };
    (interval > 0).then_some(interval * unit)
}

/// A series in UTC whose occurrences are `step` seconds apart: each one is computed, not
/// searched for, and the first that reaches the stretch is found by division.
struct Series {
    start: DateTime<Utc>,
    step: i64,
    count: Option<u32>,
    until: Option<DateTime<Utc>>,
    length: Duration,
}

impl Series {
    fn within(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        budget: &mut usize,
    ) -> Result<Vec<Span>, String> {
        // Occurrence k overlaps the stretch when start + k·step + length > from.
        let behind = (from - self.length - self.start).num_seconds();
        let first = if behind < 0 {
            0
        } else {
            behind / self.step + 1
        };
        let mut spans = Vec::new();
        for k in first.. {
            if self.count.is_some_and(|count| k >= i64::from(count)) {
                break;
            }
            let Some(begin) = k
                .checked_mul(self.step)
                .and_then(|s| self.start.checked_add_signed(Duration::seconds(s)))
            else {
                break;
            };
            if begin >= to || self.until.is_some_and(|until| begin > until) {
                break;
            }
            if *budget == 0 {
                return Err(over_budget());
            }
            *budget -= 1;
            spans.push((begin, begin + self.length));
            if spans.len() >= MAX_OCCURRENCES {
                break;
            }
        }
        Ok(spans)
    }
}

fn over_budget() -> String {
    format!(
        "the file's repeating events make more than {MAX_GENERATED_PER_FILE} occurrences in all; this one was left out. Export a shorter stretch of time"
    )
}

/// How many occurrences one repetition of the rule can make at most: its BYHOUR, BYMINUTE
/// and BYSECOND combinations on each day the repetition spans.
fn per_repetition(rule: &RRule<Unvalidated>) -> usize {
    let count = |n: usize| n.max(1);
    let hours = count(rule.get_by_hour().len());
    let minutes = count(rule.get_by_minute().len());
    let seconds = count(rule.get_by_second().len());
    let (days, times) = match rule.get_freq() {
        Frequency::Yearly => (366, hours * minutes * seconds),
        Frequency::Monthly => (31, hours * minutes * seconds),
        Frequency::Weekly => (7, hours * minutes * seconds),
        Frequency::Daily => (1, hours * minutes * seconds),
        Frequency::Hourly => (1, minutes * seconds),
        Frequency::Minutely => (1, seconds),
        Frequency::Secondly => (1, 1),
    };
    days * times
}

/// The start moved forward to just before `earliest` by whole repetitions. Only for rules
/// without COUNT, which counts from the real start. Repetitions of seconds to weeks have a
/// fixed length in local time. Months and years do not: a rule of months or years moves by
/// whole repetitions when its start is a day every month has (what it names, a weekday of
/// the month or a day of the year, depends on the month or year alone); otherwise, or when
/// the weekday of its start counts (BYWEEKNO without BYDAY), by whole 400-year cycles of the
/// calendar, after which every date falls on the same weekday again.
fn moved_forward(
    rule: &RRule<Unvalidated>,
    start: NaiveDateTime,
    earliest: NaiveDateTime,
) -> NaiveDateTime {
    let interval = i64::from(rule.get_interval());
    let by_months = match rule.get_freq() {
        Frequency::Monthly => Some(interval),
        Frequency::Yearly if rule.get_by_week_no().is_empty() => Some(12 * interval),
        _ => None,
    };
    if let Some(step) = by_months
        && rule.get_count().is_none()
        && step > 0
        && start.day() <= 28
        && start < earliest
    {
        let months = |t: NaiveDateTime| i64::from(t.year()) * 12 + i64::from(t.month0());
        let gap = (months(earliest) - months(start)) / step - 1;
        if gap <= 0 {
            return start;
        }
        return gap
            .checked_mul(step)
            .and_then(|m| u32::try_from(m).ok())
            .and_then(|m| start.checked_add_months(Months::new(m)))
            .unwrap_or(start);
    }
    let step = match rule.get_freq() {
        Frequency::Secondly => interval,
        Frequency::Minutely => 60 * interval,
        Frequency::Hourly => 3_600 * interval,
        Frequency::Daily => 86_400 * interval,
        Frequency::Weekly => 7 * 86_400 * interval,
        Frequency::Monthly => cycles(interval, 4_800) / 4_800 * DAYS_IN_400_YEARS * 86_400,
        Frequency::Yearly => cycles(interval, 400) / 400 * DAYS_IN_400_YEARS * 86_400,
    };
    if rule.get_count().is_some() || step <= 0 || start >= earliest {
        return start;
    }
    // One repetition of margin, so that an occurrence overlapping `earliest` is kept.
    let gap = (earliest - start).num_seconds() / step - 1;
    if gap <= 0 {
        return start;
    }
    gap.checked_mul(step)
        .and_then(|seconds| start.checked_add_signed(Duration::seconds(seconds)))
        .unwrap_or(start)
}

/// Where a rule with COUNT goes once the repetitions before `earliest` are skipped.
enum Counted {
    /// Nothing can be skipped safely.
    Unchanged,
    /// Every occurrence ends before `earliest`.
    Over,
    Moved {
        start: NaiveDateTime,
        count: u32,
    },
}

/// A rule with COUNT whose every repetition makes exactly one occurrence (no BY parts, and
/// for months and years a day every month has) skips the repetitions before `earliest`,
/// one repetition of margin kept, and counts that many fewer. Only in UTC: in a time zone, a
/// repetition that falls in an hour the clocks skip makes no occurrence and does not count,
/// so the series' end cannot be known without going through it (the caps bound that).
fn counted_forward(
    rule: &RRule<Unvalidated>,
    count: u32,
    start: NaiveDateTime,
    earliest: NaiveDateTime,
    zoned: bool,
) -> Counted {
    if zoned || start >= earliest || has_by_parts(rule) {
        return Counted::Unchanged;
    }
    let interval = i64::from(rule.get_interval().max(1));
    let seconds = match rule.get_freq() {
        Frequency::Secondly => Some(interval),
        Frequency::Minutely => Some(60 * interval),
        Frequency::Hourly => Some(3_600 * interval),
        Frequency::Daily => Some(86_400 * interval),
        Frequency::Weekly => Some(7 * 86_400 * interval),
        Frequency::Monthly | Frequency::Yearly => None,
    };
    let (skipped, moved) = match seconds {
        Some(step) => {
            let gap = (earliest - start).num_seconds() / step - 1;
            if gap <= 0 {
                return Counted::Unchanged;
            }
            let moved = gap
                .checked_mul(step)
                .and_then(|s| start.checked_add_signed(Duration::seconds(s)));
            (gap, moved)
        }
        None => {
            // Every month has days 1 to 28; 29 February is no yearly date.
            if start.day() > 28 {
                return Counted::Unchanged;
            }
            let months_per_step = if rule.get_freq() == Frequency::Yearly {
                12 * interval
            } else {
                interval
            };
            let months = |t: NaiveDateTime| i64::from(t.year()) * 12 + i64::from(t.month0());
            let gap = (months(earliest) - months(start)) / months_per_step - 1;
            if gap <= 0 {
                return Counted::Unchanged;
            }
            let moved = gap
                .checked_mul(months_per_step)
                .and_then(|m| u32::try_from(m).ok())
                .and_then(|m| start.checked_add_months(Months::new(m)));
            (gap, moved)
        }
    };
    let Some(moved) = moved else {
        return Counted::Unchanged;
    };
    let left = i64::from(count) - skipped;
    if left <= 0 {
        return Counted::Over;
    }
    match u32::try_from(left) {
        Ok(left) if left < count => Counted::Moved {
            start: moved,
            count: left,
        },
        _ => Counted::Unchanged,
    }
}

fn has_by_parts(rule: &RRule<Unvalidated>) -> bool {
    !(rule.get_by_set_pos().is_empty()
        && rule.get_by_month().is_empty()
        && rule.get_by_month_day().is_empty()
        && rule.get_by_year_day().is_empty()
        && rule.get_by_week_no().is_empty()
        && rule.get_by_weekday().is_empty()
        && rule.get_by_hour().is_empty()
        && rule.get_by_minute().is_empty()
        && rule.get_by_second().is_empty())
}

/// The rule's text with another COUNT.
fn with_count(rule: &str, count: u32) -> String {
    rule.split(';')
        .map(|part| {
            if part
                .split('=')
                .next()
                .is_some_and(|name| name.trim().eq_ignore_ascii_case("COUNT"))
            {
                format!("COUNT={count}")
            } else {
                part.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Whether the rule's month days (or year days) fall in none of its months, in any year, or
/// its BYSETPOS names no place that a repetition has.
fn never_occurs(rule: &RRule<Unvalidated>) -> bool {
    const DAYS: [i32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let set_positions = rule.get_by_set_pos();
    let most = i64::try_from(per_repetition(rule)).unwrap_or(i64::MAX);
    if !set_positions.is_empty()
        && set_positions
            .iter()
            .all(|&p| p == 0 || i64::from(p).abs() > most)
    {
        return true;
    }
    let months: Vec<usize> = if rule.get_by_month().is_empty() {
        (1..=12).collect()
    } else {
        rule.get_by_month()
            .iter()
            .map(|&m| usize::from(m))
            .collect()
    };
    let month_days = rule.get_by_month_day();
    if !month_days.is_empty()
        && !months.iter().any(|&m| {
            let days = DAYS.get(m.wrapping_sub(1)).copied().unwrap_or(0);
            month_days
                .iter()
                .any(|&d| d != 0 && i32::from(d).abs() <= days)
        })
    {
        return true;
    }
    let year_days = rule.get_by_year_day();
    if !year_days.is_empty() && !rule.get_by_month().is_empty() {
        let falls_in_months = |day: i16, leap: bool| {
            let length: i32 = if leap { 366 } else { 365 };
            let ordinal = if day > 0 {
                i32::from(day)
            } else {
                length + 1 + i32::from(day)
            };
            if ordinal < 1 || ordinal > length {
                return false;
            }
            let mut left = ordinal;
            for (i, &days) in DAYS.iter().enumerate() {
                let days = if i == 1 && !leap { 28 } else { days };
                if left <= days {
                    return months.contains(&(i + 1));
                }
                left -= days;
            }
            false
        };
        if !year_days
            .iter()
            .any(|&d| falls_in_months(d, true) || falls_in_months(d, false))
        {
            return true;
        }
    }
    false
}

/// The least common multiple of `interval` and `cycle` (both positive), or 0.
fn cycles(interval: i64, cycle: i64) -> i64 {
    if interval <= 0 {
        return 0;
    }
    let (mut a, mut b) = (interval, cycle);
    while b != 0 {
        (a, b) = (b, a % b);
    }
    interval / a * cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn spans(rule: &str, start: &str, zone: Option<Tz>, from: &str, to: &str) -> Vec<Span> {
        let mut budget = MAX_GENERATED_PER_FILE;
        expand(
            rule,
            utc(start),
            zone,
            Duration::minutes(30),
            utc(from),
            utc(to),
            &mut budget,
        )
        .unwrap()
    }

    /// The same series, expanded from its real start with every occurrence generated: the
    /// window is checked against it.
    fn naive(rule: &str, start: &str, from: &str, to: &str) -> Vec<Span> {
        let set: RRuleSet = format!(
            "DTSTART:{}\nRRULE:{rule}",
            utc(start).format("%Y%m%dT%H%M%SZ")
        )
        .parse()
        .unwrap();
        (&set.limit())
            .into_iter()
            .map(|t| t.with_timezone(&Utc))
            .take_while(|t| *t < utc(to))
            .map(|t| (t, t + Duration::minutes(30)))
            .filter(|(_, end)| *end > utc(from))
            .collect()
    }

    #[test]
    fn a_counted_series_skips_what_is_before_the_stretch_and_ends_where_it_would() {
        let mut ending_inside = 0;
        for (rule, start) in [
            // Each ends in the middle of March 2026, or goes on past it.
            ("FREQ=DAILY;COUNT=2266", "2020-01-01T09:00:00Z"),
            ("FREQ=DAILY;COUNT=2300", "2020-01-01T09:00:00Z"),
            ("FREQ=DAILY;INTERVAL=3;COUNT=756", "2020-01-01T09:00:00Z"),
            ("FREQ=WEEKLY;COUNT=324", "2020-01-06T09:00:00Z"),
            ("FREQ=HOURLY;INTERVAL=7;COUNT=7766", "2020-01-01T09:00:00Z"),
            ("FREQ=MONTHLY;COUNT=75", "2020-01-15T09:00:00Z"),
            ("FREQ=MONTHLY;INTERVAL=5;COUNT=16", "2020-01-15T09:00:00Z"),
            ("FREQ=YEARLY;COUNT=7", "2020-03-15T09:00:00Z"),
            ("FREQ=MINUTELY;COUNT=3316400", "2020-01-01T09:00:00Z"),
            (
                "FREQ=SECONDLY;INTERVAL=7;UNTIL=20260301T003000Z",
                "2026-02-28T23:00:00Z",
            ),
            (
                "FREQ=HOURLY;INTERVAL=5;UNTIL=20260315T000000Z",
                "2025-12-01T00:00:17Z",
            ),
            (
                "FREQ=WEEKLY;INTERVAL=2;UNTIL=20260320T090000Z",
                "2019-01-02T09:00:00Z",
            ),
            ("FREQ=DAILY;UNTIL=20260310T090000Z", "2026-03-01T09:00:00Z"),
        ] {
            let (from, to) = ("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
            let got = spans(rule, start, None, from, to);
            if rule.contains("MINUTELY") {
                // Too many to generate from the start; capped in the stretch.
                assert_eq!(got.len(), MAX_OCCURRENCES, "{rule}");
                assert_eq!(got[0].0, utc("2026-02-28T23:31:00Z"), "{rule}");
                continue;
            }
            let expected = naive(rule, start, from, to);
            assert_eq!(got, expected, "{rule}");
            if expected
                .last()
                .is_some_and(|(t, _)| *t < utc("2026-03-20T00:00:00Z"))
            {
                ending_inside += 1;
            }
        }
        assert!(ending_inside >= 8, "{ending_inside}");
    }

    #[test]
    fn months_and_years_move_forward_by_whole_repetitions_and_keep_their_days() {
        for (rule, start) in [
            ("FREQ=MONTHLY;BYDAY=2TU", "1990-01-09T10:00:00Z"),
            (
                "FREQ=MONTHLY;INTERVAL=7;BYMONTHDAY=-1",
                "1990-01-09T10:00:00Z",
            ),
            (
                "FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=-1",
                "1990-01-09T10:00:00Z",
            ),
            ("FREQ=MONTHLY", "1990-01-09T10:00:00Z"),
            ("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "1990-01-09T10:00:00Z"),
            (
                "FREQ=YEARLY;INTERVAL=4;BYYEARDAY=70",
                "1990-01-09T10:00:00Z",
            ),
            ("FREQ=YEARLY", "1990-03-10T12:00:00Z"),
        ] {
            let (from, to) = ("2026-03-01T00:00:00Z", "2026-06-01T00:00:00Z");
            let expected = naive(rule, start, from, to);
            assert!(!expected.is_empty(), "{rule}");
            assert_eq!(spans(rule, start, None, from, to), expected, "{rule}");
        }
    }

    #[test]
    fn a_series_that_ended_before_the_stretch_is_empty_not_unreadable() {
        let got = spans(
            "FREQ=WEEKLY;UNTIL=20200301T090000Z",
            "2019-01-07T09:00:00Z",
            Some(Tz::Europe__Berlin),
            "2026-03-01T00:00:00Z",
            "2026-04-01T00:00:00Z",
        );
        assert!(got.is_empty());
    }

    #[test]
    fn a_counted_series_that_ended_long_ago_costs_nothing() {
        let mut budget = 5;
        let got = expand(
            "FREQ=SECONDLY;COUNT=4000000000",
            utc("0001-01-01T00:00:00Z"),
            None,
            Duration::seconds(1),
            utc("2026-03-01T00:00:00Z"),
            utc("2026-04-01T00:00:00Z"),
            &mut budget,
        )
        .unwrap();
        assert!(got.is_empty());
        assert_eq!(budget, 5, "nothing was generated");
    }

    #[test]
    fn dates_that_do_not_exist_are_refused_before_expanding() {
        for rule in [
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=SECONDLY;BYMONTH=4,6;BYMONTHDAY=31,-31",
            "FREQ=DAILY;BYMONTH=1;BYYEARDAY=100,-1",
            "FREQ=DAILY;BYHOUR=9,10;BYSETPOS=3,-3",
        ] {
            let mut budget = MAX_GENERATED_PER_FILE;
            let err = expand(
                rule,
                utc("2026-01-01T00:00:00Z"),
                None,
                Duration::seconds(1),
                utc("2026-03-01T00:00:00Z"),
                utc("2026-04-01T00:00:00Z"),
                &mut budget,
            )
            .unwrap_err();
            assert!(err.contains("do not exist"), "{rule}: {err}");
        }
        // 29 February and the last day of every month exist.
        let leap = spans(
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
            "2026-01-01T09:00:00Z",
            None,
            "2028-02-01T00:00:00Z",
            "2028-03-01T00:00:00Z",
        );
        assert_eq!(leap.len(), 1);
        let last = spans(
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            "2026-01-01T09:00:00Z",
            None,
            "2026-03-01T00:00:00Z",
            "2026-04-01T00:00:00Z",
        );
        assert_eq!(last[0].0, utc("2026-03-31T09:00:00Z"));
    }

    #[test]
    fn a_minutely_rule_on_chosen_hours_is_refused_at_once() {
        let mut budget = MAX_GENERATED_PER_FILE;
        let err = expand(
            "FREQ=MINUTELY;COUNT=4040000;BYHOUR=1,2,23;BYMINUTE=55",
            utc("0001-01-01T00:00:00Z"),
            None,
            Duration::seconds(1),
            utc("2026-01-01T00:00:00Z"),
            utc("2026-03-01T00:00:00Z"),
            &mut budget,
        )
        .unwrap_err();
        assert!(
            err.contains("every second or minute on chosen hours"),
            "{err}"
        );
        // Refused before expanding anything.
        assert_eq!(budget, MAX_GENERATED_PER_FILE);
    }

    #[test]
    fn a_rule_with_other_than_ascii_is_refused_not_a_panic() {
        let mut budget = MAX_GENERATED_PER_FILE;
        let err = expand(
            "FREQ=MONTHLY;BYDAY=2\u{b4}U",
            utc("2026-01-01T00:00:00Z"),
            None,
            Duration::seconds(1),
            utc("2026-03-01T00:00:00Z"),
            utc("2026-04-01T00:00:00Z"),
            &mut budget,
        )
        .unwrap_err();
        assert!(err.contains("cannot be read"), "{err}");
    }

    #[test]
    fn the_file_s_budget_runs_out_for_everything_after_it() {
        let mut budget = 3;
        let run = |budget: &mut usize| {
            expand(
                "FREQ=DAILY",
                utc("2026-03-01T09:00:00Z"),
                None,
                Duration::minutes(30),
                utc("2026-03-01T00:00:00Z"),
                utc("2026-04-01T00:00:00Z"),
                budget,
            )
        };
        let err = run(&mut budget).unwrap_err();
        assert!(err.contains("in all"), "{err}");
        assert_eq!(budget, 0);
        assert!(run(&mut budget).unwrap_err().contains("in all"));
    }
}
