//! Cutting a window into slot starts.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::StudyRules;
use super::local_time::earliest_instant;

/// The lengths that decide where slots start and what each one keeps free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct SlotShape {
    pub(super) length: TimeDelta,
    pub(super) before: TimeDelta,
    pub(super) after: TimeDelta,
}

impl SlotShape {
    pub(super) fn of(rules: &StudyRules) -> Self {
        Self {
            length: minutes(rules.interview_minutes),
            before: minutes(rules.buffer_before_minutes),
            after: minutes(rules.buffer_after_minutes),
        }
    }

    /// One slot with its buffers; consecutive blocks touch, so no two buffers are shared.
    pub(super) fn step(self) -> TimeDelta {
        self.length + self.before + self.after
    }

    /// A zero-length interview would step in place forever, so it yields no slots at all.
    fn can_cut(self) -> bool {
        self.length > TimeDelta::zero()
    }

    /// The time an interview from `start` to `end` keeps to itself, buffers included.
    pub(super) fn block(
        self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            start
                .checked_sub_signed(self.before)
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
            end.checked_add_signed(self.after)
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
        )
    }

    /// Slot starts of a window in real time, limited to `[low, high]`.
    pub(super) fn cut_utc(
        self,
        window_start: DateTime<Utc>,
        window_end: DateTime<Utc>,
        low: DateTime<Utc>,
        high: DateTime<Utc>,
    ) -> Vec<DateTime<Utc>> {
        let mut starts = Vec::new();
        let Some(first) = window_start.checked_add_signed(self.before) else {
            return starts;
        };
        if !self.can_cut() || high < low {
            return starts;
        }
        let step = self.step();
        // Jump straight to the first step at or after `low` so that a long window queried
        // for one week does not walk every earlier slot.
        let skipped = if low > first {
            ceil_div(low - first, step)
        } else {
            0
        };
        let mut index = skipped;
        while let Some(start) = offset(first, step, index) {
            if start > high || !self.fits(start, window_end) {
                break;
            }
            // The jump counts whole seconds, so a sub-second `low` may leave one step short.
            if start >= low {
                starts.push(start);
            }
            index += 1;
        }
        starts
    }

    /// Slot starts of a local window on one date, cut on the wall clock.
    ///
    /// Cutting in local terms keeps a 09:00–12:00 window at 09:00, 10:00, 11:00 on both sides of
    /// a clock change; only the starts are then mapped to real instants, so a start the clocks
    /// skip is dropped and a repeated one is kept once.
    pub(super) fn cut_local(
        self,
        time_zone: Tz,
        window_start: NaiveDateTime,
        window_end: NaiveDateTime,
    ) -> Vec<DateTime<Utc>> {
        let mut starts = Vec::new();
        if !self.can_cut() {
            return starts;
        }
        let Some(first) = window_start.checked_add_signed(self.before) else {
            return starts;
        };
        let step = self.step();
        let mut local = first;
        while self.fits_local(local, window_end) {
            starts.extend(earliest_instant(time_zone, local));
            match local.checked_add_signed(step) {
                Some(next) => local = next,
                None => break,
            }
        }
        starts
    }

    fn fits(self, start: DateTime<Utc>, window_end: DateTime<Utc>) -> bool {
        start
            .checked_add_signed(self.length + self.after)
            .is_some_and(|block_end| block_end <= window_end)
    }

    fn fits_local(self, start: NaiveDateTime, window_end: NaiveDateTime) -> bool {
        start
            .checked_add_signed(self.length + self.after)
            .is_some_and(|block_end| block_end <= window_end)
    }
}

pub(super) fn minutes(count: u32) -> TimeDelta {
    TimeDelta::minutes(i64::from(count))
}

fn offset(first: DateTime<Utc>, step: TimeDelta, index: i64) -> Option<DateTime<Utc>> {
    first.checked_add_signed(step.checked_mul(i32::try_from(index).ok()?)?)
}

fn ceil_div(span: TimeDelta, step: TimeDelta) -> i64 {
    let (span, step) = (span.num_seconds(), step.num_seconds());
    (span + step - 1) / step
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn shape(length: u32, before: u32, after: u32) -> SlotShape {
        SlotShape {
            length: minutes(length),
            before: minutes(before),
            after: minutes(after),
        }
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn local(date: (i32, u32, u32), hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(date.0, date.1, date.2)
            .unwrap()
            .and_hms_opt(hour, minute, 0)
            .unwrap()
    }

    #[test]
    fn buffers_sit_inside_the_window_and_blocks_touch() {
        // Block = 10 + 45 + 5 = 60 minutes; the first interview starts after its 10-minute buffer.
        let starts = shape(45, 10, 5).cut_utc(
            utc("2026-05-04T09:00:00Z"),
            utc("2026-05-04T12:00:00Z"),
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
        );
        assert_eq!(
            starts,
            vec![
                utc("2026-05-04T09:10:00Z"),
                utc("2026-05-04T10:10:00Z"),
                utc("2026-05-04T11:10:00Z"),
            ]
        );
    }

    #[test]
    fn a_slot_whose_after_buffer_overruns_the_window_is_dropped() {
        // 11:10 + 45 + 6 = 12:01 > 12:00.
        let starts = shape(45, 10, 6).cut_utc(
            utc("2026-05-04T09:00:00Z"),
            utc("2026-05-04T12:00:00Z"),
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
        );
        assert_eq!(
            starts,
            vec![utc("2026-05-04T09:10:00Z"), utc("2026-05-04T10:11:00Z")]
        );
    }

    #[test]
    fn limits_skip_ahead_without_shifting_the_grid() {
        let starts = shape(30, 0, 0).cut_utc(
            utc("2026-05-04T09:00:00Z"),
            utc("2026-05-04T12:00:00Z"),
            utc("2026-05-04T10:01:00Z"),
            utc("2026-05-04T11:00:00Z"),
        );
        assert_eq!(
            starts,
            vec![utc("2026-05-04T10:30:00Z"), utc("2026-05-04T11:00:00Z")]
        );
    }

    #[test]
    fn zero_length_interviews_yield_nothing() {
        let window = (utc("2026-05-04T09:00:00Z"), utc("2026-05-04T12:00:00Z"));
        let none = shape(0, 0, 0).cut_utc(window.0, window.1, window.0, window.1);
        assert!(none.is_empty());
        let local_none = shape(0, 0, 0).cut_local(
            Tz::UTC,
            local((2026, 5, 4), 9, 0),
            local((2026, 5, 4), 12, 0),
        );
        assert!(local_none.is_empty());
    }

    #[test]
    fn local_cutting_keeps_wall_clock_starts_across_spring_forward() {
        // New York skips 02:00–03:00 on 2026-03-08: the 02:00 start never happens.
        let starts = shape(45, 0, 15).cut_local(
            Tz::America__New_York,
            local((2026, 3, 8), 0, 0),
            local((2026, 3, 8), 4, 0),
        );
        assert_eq!(
            starts,
            vec![
                utc("2026-03-08T05:00:00Z"),
                utc("2026-03-08T06:00:00Z"),
                utc("2026-03-08T07:00:00Z"),
            ]
        );
    }
}
