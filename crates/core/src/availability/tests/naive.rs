//! A second, deliberately simple implementation of the rules: every candidate start is listed by
//! walking minute arithmetic and calendar days one by one, local times are turned into instants
//! by trying every UTC offset, and every rule is a plain loop over all bookings and busy times.
//! It shares no code with the engine, so agreement between the two means something.

use chrono::{DateTime, Datelike, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use crate::availability::{
    Availability, OpenSlot, RuleBreak, SessionPattern, SessionSpec, StudyRules,
};

/// The last date any generated study can offer; weekly patterns are walked up to here.
pub(super) const WALK_DAYS: i64 = 120;

fn mins(count: u32) -> TimeDelta {
    TimeDelta::minutes(i64::from(count))
}

/// Every (start, end) the session's pattern produces, walking day by day from its first date.
fn candidates(session: &SessionSpec, rules: &StudyRules) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let (len, before, after) = (
        mins(rules.interview_minutes),
        mins(rules.buffer_before_minutes),
        mins(rules.buffer_after_minutes),
    );
    let step = len + before + after;
    let mut found = Vec::new();
    if let SessionPattern::Day { start, end } = &session.pattern {
        if start < end {
            found.push((*start, *end));
        }
        return found;
    }
    if rules.interview_minutes == 0 {
        return found;
    }
    match &session.pattern {
        SessionPattern::Window { start, end } => {
            let mut s = *start + before;
            while s + len + after <= *end {
                found.push((s, s + len));
                s += step;
            }
        }
        SessionPattern::Weekly {
            weekday,
            start,
            end,
            from,
            until,
            exceptions,
        } => {
            let last = until.unwrap_or(*from + TimeDelta::days(WALK_DAYS));
            let mut day = *from;
            while day <= last {
                let mut hours = if day.weekday() == *weekday {
                    Some((*start, *end))
                } else {
                    None
                };
                if hours.is_some() {
                    for exception in exceptions.iter().rev() {
                        if exception.date == day {
                            hours = exception.hours;
                        }
                    }
                }
                if let Some((open, close)) = hours {
                    let close = day.and_time(close);
                    let mut local = day.and_time(open) + before;
                    while local + len + after <= close {
                        if let Some(instant) = first_instant(rules.time_zone, local) {
                            found.push((instant, instant + len));
                        }
                        local += step;
                    }
                }
                day += TimeDelta::days(1);
            }
        }
        SessionPattern::Day { .. } => {}
    }
    found
}

/// The earliest UTC instant whose local reading is `local`, found by trying every offset.
fn first_instant(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let mut earliest: Option<DateTime<Utc>> = None;
    for quarter_hours in -4 * 16..=4 * 16 {
        let instant = (local - TimeDelta::minutes(15 * quarter_hours)).and_utc();
        if instant.with_timezone(&tz).naive_local() == local
            && earliest.is_none_or(|seen| instant < seen)
        {
            earliest = Some(instant);
        }
    }
    earliest
}

/// A study with every session's candidates listed once, since listing them is the slow part.
pub(super) struct Naive<'s, 'a> {
    study: &'s Availability<'a>,
    candidates: Vec<Vec<(DateTime<Utc>, DateTime<Utc>)>>,
}

impl<'s, 'a> Naive<'s, 'a> {
    pub(super) fn new(study: &'s Availability<'a>) -> Self {
        let candidates = study
            .sessions
            .iter()
            .map(|session| candidates(session, study.rules))
            .collect();
        Self { study, candidates }
    }

    /// Every (session id, start, end) any pattern produces.
    pub(super) fn all_candidates(&self) -> Vec<(i64, DateTime<Utc>, DateTime<Utc>)> {
        let mut all = Vec::new();
        for (session, starts) in self.study.sessions.iter().zip(&self.candidates) {
            for (start, end) in starts {
                all.push((session.id, *start, *end));
            }
        }
        all
    }

    /// Every candidate in `[from, to)` that breaks no rule, sorted by (start, session).
    pub(super) fn open_slots(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Vec<OpenSlot> {
        let mut open = Vec::new();
        for (session_id, start, end) in self.all_candidates() {
            if start < from || start >= to {
                continue;
            }
            let (breaks, remaining) = self.judge(session_id, start, now);
            if breaks.is_empty() {
                open.push(OpenSlot {
                    session_id,
                    start,
                    end,
                    remaining,
                });
            }
        }
        open.sort_by_key(|slot| (slot.start, slot.session_id));
        open
    }

    /// What the naive reading of the rules says about booking `session_id` at `start`, and how
    /// many places the slot would offer.
    pub(super) fn judge(
        &self,
        session_id: i64,
        start: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> (Vec<RuleBreak>, u32) {
        let Some(index) = self.study.sessions.iter().position(|s| s.id == session_id) else {
            return (vec![RuleBreak::UnknownSession], 0);
        };
        judge(self.study, &self.candidates[index], index, start, now)
    }
}

fn judge(
    study: &Availability<'_>,
    candidates: &[(DateTime<Utc>, DateTime<Utc>)],
    index: usize,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> (Vec<RuleBreak>, u32) {
    let rules = study.rules;
    let session = &study.sessions[index];
    let session_id = session.id;
    let mut breaks = Vec::new();
    if !session.visible {
        breaks.push(RuleBreak::HiddenSession);
    }
    let mut end = None;
    for (candidate_start, candidate_end) in candidates {
        if *candidate_start == start {
            end = Some(*candidate_end);
        }
    }
    let end = match (end, &session.pattern) {
        (Some(end), _) => end,
        (None, pattern) => {
            breaks.push(RuleBreak::NotASlotStart);
            match pattern {
                SessionPattern::Day {
                    start: day_start,
                    end: day_end,
                } if day_end > day_start => start + (*day_end - *day_start),
                SessionPattern::Day { .. } => start,
                _ => start + mins(rules.interview_minutes),
            }
        }
    };
    if start < now {
        breaks.push(RuleBreak::InThePast);
    } else if start < now + mins(rules.min_notice_minutes) {
        breaks.push(RuleBreak::TooSoon);
    }
    if start > now + TimeDelta::hours(24 * i64::from(rules.horizon_days)) {
        breaks.push(RuleBreak::BeyondHorizon);
    }
    let mut booked_here = 0;
    for taken in study.taken {
        if taken.session_id == session_id && taken.start == start {
            booked_here += 1;
        }
    }
    let places = session.capacity.saturating_sub(booked_here);
    if places == 0 {
        breaks.push(RuleBreak::Full);
    }
    let tz = rules.time_zone;
    let day_of = |instant: DateTime<Utc>| instant.with_timezone(&tz).date_naive();
    let mut same_day = 0;
    let mut same_week = 0;
    for taken in study.taken {
        if day_of(taken.start) == day_of(start) {
            same_day += 1;
        }
        if day_of(taken.start).iso_week() == day_of(start).iso_week() {
            same_week += 1;
        }
    }
    if rules.max_per_day.is_some_and(|cap| same_day >= cap) {
        breaks.push(RuleBreak::DailyCap);
    }
    if rules.max_per_week.is_some_and(|cap| same_week >= cap) {
        breaks.push(RuleBreak::WeeklyCap);
    }
    let low = start - mins(rules.buffer_before_minutes);
    let high = end + mins(rules.buffer_after_minutes);
    let mut people: Vec<i64> = Vec::new();
    for interviewer in &session.interviewers {
        if !people.contains(interviewer) {
            people.push(*interviewer);
        }
    }
    let mut free = 0;
    for person in &people {
        let mut is_busy = false;
        for busy in study.busy {
            if busy.interviewer_id == *person
                && busy.start < busy.end
                && busy.start < high
                && busy.end > low
            {
                is_busy = true;
            }
        }
        if !is_busy {
            free += 1;
        }
    }
    let remaining = if people.is_empty() {
        places
    } else {
        // A panel takes several interviewers at once: only whole panels count.
        let free = free / session.panel.max(1);
        if free == 0 {
            breaks.push(RuleBreak::InterviewersBusy);
        }
        places.min(free)
    };
    for taken in study.taken {
        if taken.session_id == session_id
            && taken.start != start
            && taken.start < taken.end
            && taken.start < high
            && taken.end > low
        {
            breaks.push(RuleBreak::BufferConflict);
            break;
        }
    }
    (breaks, remaining)
}
