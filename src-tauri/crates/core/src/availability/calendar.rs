//! A study's bookings and busy times indexed once, then asked about one slot at a time.

use chrono::{DateTime, Datelike, TimeDelta, Utc};

use super::bookings::Bookings;
use super::busy_times::BusyTimes;
use super::cutting::{SlotShape, minutes};
use super::local_time::local_date;
use super::{Availability, RuleBreak, SessionSpec, StudyRules};

pub(super) struct Calendar<'a> {
    pub(super) rules: &'a StudyRules,
    pub(super) shape: SlotShape,
    bookings: Bookings,
    busy_times: BusyTimes,
    now: DateTime<Utc>,
}

/// What the rules say about one start of one session.
#[derive(Debug, Default)]
pub(super) struct Verdict {
    pub(super) breaks: Vec<RuleBreak>,
    pub(super) remaining: u32,
}

impl<'a> Calendar<'a> {
    pub(super) fn new(availability: &Availability<'a>, now: DateTime<Utc>) -> Self {
        let rules = availability.rules;
        Self {
            rules,
            shape: SlotShape::of(rules),
            bookings: Bookings::new(availability.taken, rules.time_zone),
            busy_times: BusyTimes::new(availability.busy),
            now,
        }
    }

    /// The earliest start the notice period allows.
    pub(super) fn earliest_start(&self) -> DateTime<Utc> {
        self.now
            .checked_add_signed(minutes(self.rules.min_notice_minutes))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// The latest start the horizon allows (inclusive).
    pub(super) fn latest_start(&self) -> DateTime<Utc> {
        self.now
            .checked_add_signed(TimeDelta::days(i64::from(self.rules.horizon_days)))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// Judges a booking of `session` from `start` to `end`; `interviewers` are the session's,
    /// without repeats, so that one person is never counted as two free places.
    pub(super) fn judge(
        &self,
        session: &SessionSpec,
        interviewers: &[i64],
        is_slot_start: bool,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Verdict {
        let mut breaks = Vec::new();
        if !session.visible {
            breaks.push(RuleBreak::HiddenSession);
        }
        if !is_slot_start {
            breaks.push(RuleBreak::NotASlotStart);
        }
        // A start in the past is also too soon; saying so twice would only add noise.
        if start < self.now {
            breaks.push(RuleBreak::InThePast);
        } else if start < self.earliest_start() {
            breaks.push(RuleBreak::TooSoon);
        }
        if start > self.latest_start() {
            breaks.push(RuleBreak::BeyondHorizon);
        }
        let places = session
            .capacity
            .saturating_sub(self.bookings.at(session.id, start));
        if places == 0 {
            breaks.push(RuleBreak::Full);
        }
        let (per_day, per_week) = (self.rules.max_per_day, self.rules.max_per_week);
        // The local date costs a time-zone lookup, so it is found only when a cap needs it.
        if per_day.is_some() || per_week.is_some() {
            let date = local_date(self.rules.time_zone, start);
            if reached(per_day, || self.bookings.on_day(date)) {
                breaks.push(RuleBreak::DailyCapReached);
            }
            if reached(per_week, || self.bookings.in_week(date.iso_week())) {
                breaks.push(RuleBreak::WeeklyCapReached);
            }
        }
        let (low, high) = self.shape.block(start, end);
        let remaining = if interviewers.is_empty() {
            places
        } else {
            let free = interviewers
                .iter()
                .filter(|interviewer| !self.busy_times.is_busy(**interviewer, low, high))
                .count();
            let free = u32::try_from(free).unwrap_or(u32::MAX);
            if free == 0 {
                breaks.push(RuleBreak::InterviewersBusy);
            }
            places.min(free)
        };
        if self.bookings.crowds(session.id, start, low, high) {
            breaks.push(RuleBreak::BufferConflict);
        }
        Verdict { breaks, remaining }
    }
}

fn reached(cap: Option<u32>, count: impl FnOnce() -> u32) -> bool {
    cap.is_some_and(|cap| count() >= cap)
}

/// A session's interviewers once each, in a stable order.
pub(super) fn distinct(interviewers: &[i64]) -> Vec<i64> {
    let mut distinct = interviewers.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    distinct
}
