//! The UTC offset a calendar's own VTIMEZONE gives a local time (RFC 5545 §3.6.5).
//!
//! Calendar programs describe a zone by its current rules: a STANDARD and a DAYLIGHT
//! observance, each a yearly rule such as "last Sunday of October". That is the only kind
//! of rule read here (FREQ=YEARLY with BYMONTH and BYDAY or BYMONTHDAY, UNTIL and COUNT),
//! along with RDATEs and single onsets. A zone that needs anything else is reported as
//! unreadable, and the caller falls back to the zone's name.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use super::{
    content::{Node, Tree},
    time::{parse_date, parse_local},
};

/// Seconds east of UTC, or `None` when the zone's rules cannot be read.
pub(super) fn utc_offset(tree: &Tree, zone: &Node, local: NaiveDateTime) -> Option<i32> {
    let observances: Vec<Observance> = tree
        .children(zone)
        .filter(|n| n.name == "STANDARD" || n.name == "DAYLIGHT")
        .map(Observance::read)
        .collect::<Option<_>>()?;
    if let Some((_, latest)) = observances
        .iter()
        .filter_map(|o| o.latest_onset(local).map(|onset| (onset, o)))
        .max_by_key(|(onset, _)| *onset)
    {
        return Some(latest.offset_to);
    }
    // Before the first onset the zone keeps the offset it was changed from.
    observances
        .iter()
        .min_by_key(|o| o.start)
        .map(|o| o.offset_from)
}

struct Observance {
    start: NaiveDateTime,
    offset_from: i32,
    offset_to: i32,
    rule: Option<YearlyRule>,
    extra_onsets: Vec<NaiveDateTime>,
}

impl Observance {
    fn read(node: &Node) -> Option<Self> {
        let start = parse_local(node.property("DTSTART")?.value.trim())?;
        let offset_from = parse_offset(&node.property("TZOFFSETFROM")?.value)?;
        let offset_to = parse_offset(&node.property("TZOFFSETTO")?.value)?;
        let rule = match node.property("RRULE") {
            Some(line) => Some(YearlyRule::read(&line.value, start)?),
            None => None,
        };
        let mut extra_onsets = Vec::new();
        for line in node.all("RDATE") {
            for value in line.value.split(',') {
                let value = value.trim();
                let onset = parse_local(value.trim_end_matches(['Z', 'z']))
                    .or_else(|| parse_date(value).map(|d| d.and_time(start.time())))?;
                extra_onsets.push(onset);
            }
        }
        Some(Self {
            start,
            offset_from,
            offset_to,
            rule,
            extra_onsets,
        })
    }

    /// The last time this observance began at or before `local`.
    fn latest_onset(&self, local: NaiveDateTime) -> Option<NaiveDateTime> {
        let mut best = (self.start <= local).then_some(self.start);
        for &onset in &self.extra_onsets {
            if onset <= local && best.is_none_or(|b| onset > b) {
                best = Some(onset);
            }
        }
        if let Some(rule) = &self.rule {
            // A rule that has ended began its observance for the last time in its final year.
            let final_year = rule.final_year().unwrap_or(local.year());
            let from_rule = [local.year(), local.year() - 1, final_year, final_year - 1]
                .into_iter()
                .filter_map(|year| rule.onset_in(year, self.start, self.offset_from))
                .filter(|&onset| onset <= local && onset >= self.start)
                .max();
            if let Some(onset) = from_rule
                && best.is_none_or(|b| onset > b)
            {
                best = Some(onset);
            }
        }
        best
    }
}

struct YearlyRule {
    month: u32,
    day: DayRule,
    until: Option<Until>,
    last_year: Option<i32>,
}

enum DayRule {
    /// The n-th (from the end when negative) weekday of the month.
    NthWeekday(i32, Weekday),
    /// The first of these days of the month that falls on the weekday.
    WeekdayAmong(Weekday, Vec<u32>),
    Fixed(u32),
}

enum Until {
    Utc(NaiveDateTime),
    Local(NaiveDateTime),
}

impl YearlyRule {
    fn read(text: &str, start: NaiveDateTime) -> Option<Self> {
        let mut month = start.month();
        let mut by_day: Option<(i32, Weekday)> = None;
        let mut month_days: Vec<u32> = Vec::new();
        let mut until = None;
        let mut last_year = None;
        let mut yearly = false;
        for part in text.trim().split(';').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=')?;
            match key.trim().to_ascii_uppercase().as_str() {
                "FREQ" => yearly = value.eq_ignore_ascii_case("YEARLY"),
                "BYMONTH" => month = value.trim().parse().ok().filter(|m| (1..=12).contains(m))?,
                "BYDAY" => by_day = Some(parse_by_day(value)?),
                "BYMONTHDAY" => {
                    month_days = value
                        .split(',')
                        .map(|d| d.trim().parse().ok().filter(|d| (1..=31).contains(d)))
                        .collect::<Option<_>>()?;
                }
                "UNTIL" => {
                    let value = value.trim();
                    until = Some(match value.strip_suffix(['Z', 'z']) {
                        Some(utc) => Until::Utc(parse_local(utc)?),
                        None => Until::Local(
                            parse_local(value)
                                .or_else(|| parse_date(value)?.and_hms_opt(23, 59, 59))?,
                        ),
                    });
                }
                "COUNT" => {
                    let count: i32 = value.trim().parse().ok().filter(|c| *c > 0)?;
                    last_year = Some(start.year().checked_add(count - 1)?);
                }
                "INTERVAL" if value.trim() == "1" => {}
                "WKST" => {}
                _ => return None,
            }
        }
        if !yearly {
            return None;
        }
        let day = match (by_day, month_days.as_slice()) {
            (Some((0, weekday)), days) if !days.is_empty() => {
                DayRule::WeekdayAmong(weekday, month_days.clone())
            }
            (Some((0, _)), _) => return None,
            (Some((n, weekday)), []) => DayRule::NthWeekday(n, weekday),
            (None, [day]) => DayRule::Fixed(*day),
            (None, []) => DayRule::Fixed(start.day()),
            _ => return None,
        };
        Some(Self {
            month,
            day,
            until,
            last_year,
        })
    }

    fn final_year(&self) -> Option<i32> {
        let until_year = self.until.as_ref().map(|until| match until {
            Until::Utc(t) | Until::Local(t) => t.year(),
        });
        match (until_year, self.last_year) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn onset_in(&self, year: i32, start: NaiveDateTime, offset_from: i32) -> Option<NaiveDateTime> {
        if self.last_year.is_some_and(|last| year > last) {
            return None;
        }
        let date = match &self.day {
            DayRule::NthWeekday(n, weekday) => nth_weekday(year, self.month, *n, *weekday)?,
            DayRule::WeekdayAmong(weekday, days) => days
                .iter()
                .filter_map(|&d| NaiveDate::from_ymd_opt(year, self.month, d))
                .find(|d| d.weekday() == *weekday)?,
            DayRule::Fixed(day) => NaiveDate::from_ymd_opt(year, self.month, *day)?,
        };
        let onset = date.and_time(start.time());
        let within = match self.until {
            None => true,
            Some(Until::Local(until)) => onset <= until,
            Some(Until::Utc(until)) => {
                onset.checked_sub_signed(Duration::seconds(i64::from(offset_from)))? <= until
            }
        };
        within.then_some(onset)
    }
}

fn parse_by_day(value: &str) -> Option<(i32, Weekday)> {
    let value = value.trim();
    if value.contains(',') || value.len() < 2 || !value.is_ascii() {
        return None;
    }
    let (ordinal, day) = value.split_at(value.len() - 2);
    let weekday = match day.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    };
    let ordinal = match ordinal.strip_prefix('+').unwrap_or(ordinal) {
        "" => 0,
        n => n
            .parse()
            .ok()
            .filter(|n: &i32| (-5..=5).contains(n) && *n != 0)?,
    };
    Some((ordinal, weekday))
}

fn nth_weekday(year: i32, month: u32, n: i32, weekday: Weekday) -> Option<NaiveDate> {
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)
    } else {
        let next_month = if month == 12 {
            NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next_month.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let date = last - Duration::days(i64::from(back) + 7 * i64::from(-n - 1));
        (date.month() == month).then_some(date)
    }
}

/// `+HHMM`, `-HHMM` or `+HHMMSS`.
fn parse_offset(value: &str) -> Option<i32> {
    let value = value.trim();
    let (sign, digits) = match value.as_bytes().first()? {
        b'+' => (1, &value[1..]),
        b'-' => (-1, &value[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<i32>().ok());
    let hours = part(0..2)?;
    let minutes = part(2..4)?;
    let seconds = if digits.len() == 6 { part(4..6)? } else { 0 };
    if hours > 23 || minutes > 59 || seconds > 59 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60 + seconds))
}

#[cfg(test)]
mod tests;
