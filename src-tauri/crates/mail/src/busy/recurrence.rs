//! A busy event's repeat rule, expanded over the imported stretch of time only. A calendar
//! file can come from anyone, and a rule such as `FREQ=SECONDLY` from the year 1 would make
//! billions of occurrences before today: the start is moved forward by whole repetitions
//! where that keeps every occurrence where it was, and whatever is generated, in the stretch
//! or before it, is counted and capped.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
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
/// The Gregorian calendar repeats itself, weekdays and leap days included, every 400 years.
const DAYS_IN_400_YEARS: i64 = 146_097;

/// The occurrences of an event that starts at `start` (in `zone`, or in UTC), lasts `length`
/// and repeats by `rule`, that overlap [from, to).
pub(super) fn expand(
    rule: &str,
    start: DateTime<Utc>,
    zone: Option<Tz>,
    length: Duration,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Span>, String> {
    let parsed: RRule<Unvalidated> = rule
        .parse()
        .map_err(|e| format!("its repeat rule cannot be read ({e})"))?;
    if per_repetition(&parsed) > MAX_GENERATED {
        return Err(format!(
            "its repeat rule makes more than {MAX_GENERATED} occurrences each time it repeats"
        ));
    }
    let local = match zone {
        Some(zone) => start.with_timezone(&zone).naive_local(),
        None => start.naive_utc(),
    };
    let earliest = match zone {
        Some(zone) => (from - length).with_timezone(&zone).naive_local(),
        None => (from - length).naive_utc(),
    };
    let local = moved_forward(&parsed, local, earliest);
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
    let set = set.limit();
    let mut spans = Vec::new();
    for (generated, occurrence) in (&set).into_iter().enumerate() {
        if generated >= MAX_GENERATED {
            return Err(format!(
                "its repeat rule makes more than {MAX_GENERATED} occurrences before {}; it was left out",
                to.format("%-d %b %Y")
            ));
        }
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
/// fixed length in local time; months and years do not, so those rules move by whole 400-year
/// cycles of the calendar, after which every date falls on the same weekday again.
fn moved_forward(
    rule: &RRule<Unvalidated>,
    start: NaiveDateTime,
    earliest: NaiveDateTime,
) -> NaiveDateTime {
    let interval = i64::from(rule.get_interval());
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
