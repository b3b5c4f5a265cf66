//! A study's bookings and busy times indexed once, then asked about one slot at a time.

use chrono::{DateTime, Datelike, TimeDelta, Utc};

use super::bookings::{Bookings, SessionBookings};
use super::busy_times::{BusyTimes, InterviewerBusy};
use super::cutting::{SlotShape, minutes};
use super::local_time::local_date;
use super::{Availability, RuleBreak, SessionSpec, StudyRules};

pub(super) struct Calendar<'a> {
    pub(super) rules: &'a StudyRules,
    pub(super) shape: SlotShape,
    bookings: Bookings,
    busy_times: BusyTimes,
    now: DateTime<Utc>,
    /// The earliest start the notice period allows.
    pub(super) earliest_start: DateTime<Utc>,
    /// The latest start the horizon allows (inclusive).
    pub(super) latest_start: DateTime<Utc>,
}

/// One session with its bookings and its interviewers' busy times looked up once, so that
/// judging each of its slots needs no hashing.
pub(super) struct SessionView<'c> {
    spec: &'c SessionSpec,
    bookings: &'c SessionBookings,
    /// One entry per distinct interviewer, so that one person never counts as two places.
    interviewers: Vec<InterviewerBusy<'c>>,
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
            earliest_start: now
                .checked_add_signed(minutes(rules.min_notice_minutes))
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
            latest_start: now
                .checked_add_signed(TimeDelta::days(i64::from(rules.horizon_days)))
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
        }
    }

    pub(super) fn view<'c>(&'c self, spec: &'c SessionSpec) -> SessionView<'c> {
        let mut ids = spec.interviewers.clone();
        ids.sort_unstable();
        ids.dedup();
        SessionView {
            spec,
            bookings: self.bookings.of(spec.id),
            interviewers: ids.into_iter().map(|id| self.busy_times.of(id)).collect(),
        }
    }

    /// Judges a booking of the session from `start` to `end`.
    pub(super) fn judge(
        &self,
        session: &SessionView<'_>,
        is_slot_start: bool,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Verdict {
        let mut breaks = Vec::new();
        if !session.spec.visible {
            breaks.push(RuleBreak::HiddenSession);
        }
        if !is_slot_start {
            breaks.push(RuleBreak::NotASlotStart);
        }
        // A start in the past is also too soon; saying so twice would only add noise.
        if start < self.now {
            breaks.push(RuleBreak::InThePast);
        } else if start < self.earliest_start {
            breaks.push(RuleBreak::TooSoon);
        }
        if start > self.latest_start {
            breaks.push(RuleBreak::BeyondHorizon);
        }
        let places = session
            .spec
            .capacity
            .saturating_sub(session.bookings.at(start));
        if places == 0 {
            breaks.push(RuleBreak::Full);
        }
        let (per_day, per_week) = (self.rules.max_per_day, self.rules.max_per_week);
        // The local date costs a time-zone lookup, so it is found only when a cap needs it.
        if per_day.is_some() || per_week.is_some() {
            let date = local_date(self.rules.time_zone, start);
            if reached(per_day, || self.bookings.on_day(date)) {
                breaks.push(RuleBreak::DailyCap);
            }
            if reached(per_week, || self.bookings.in_week(date.iso_week())) {
                breaks.push(RuleBreak::WeeklyCap);
            }
        }
        let (low, high) = self.shape.block(start, end);
        let remaining = if session.interviewers.is_empty() {
            places
        } else {
            let free = session
                .interviewers
                .iter()
                .filter(|busy| !busy.overlaps(low, high))
                .count();
            let free = u32::try_from(free).unwrap_or(u32::MAX) / session.spec.panel.max(1);
            if free == 0 {
                breaks.push(RuleBreak::InterviewersBusy);
            }
            places.min(free)
        };
        if session.bookings.crowd(start, low, high) {
            breaks.push(RuleBreak::BufferConflict);
        }
        Verdict { breaks, remaining }
    }
}

fn reached(cap: Option<u32>, count: impl FnOnce() -> u32) -> bool {
    cap.is_some_and(|cap| count() >= cap)
}
