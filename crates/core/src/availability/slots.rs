//! The two questions the engine answers: what can be offered, and what a booking would break.

use chrono::{DateTime, Utc};

use super::calendar::Calendar;
use super::recurrence::{end_of_booking, slot_starting_at, slots_between};
use super::{Availability, OpenSlot, RuleBreak};

impl Availability<'_> {
    /// Every open slot starting in `[from, to)`, sorted by (start, session_id), each instant once.
    pub fn open_slots(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Vec<OpenSlot> {
        let calendar = Calendar::new(self, now);
        // Only starts that the notice and horizon allow are cut at all, so a long-running
        // weekly session costs only the weeks that can be offered.
        let low = from.max(calendar.earliest_start);
        let high = calendar.latest_start.min(to);
        let mut open = Vec::new();
        for session in self.sessions.iter().filter(|session| session.visible) {
            let view = calendar.view(session);
            let slots = slots_between(
                &session.pattern,
                calendar.shape,
                calendar.rules.time_zone,
                low,
                high,
            );
            for slot in slots.into_iter().filter(|slot| slot.start < to) {
                let verdict = calendar.judge(&view, true, slot.start, slot.end);
                if verdict.breaks.is_empty() {
                    open.push(OpenSlot {
                        session_id: session.id,
                        start: slot.start,
                        end: slot.end,
                        remaining: verdict.remaining,
                    });
                }
            }
        }
        open.sort_unstable_by_key(|slot| (slot.start, slot.session_id));
        // Two sessions given one id would otherwise offer one instant twice.
        open.dedup_by_key(|slot| (slot.start, slot.session_id));
        open
    }

    /// Every rule that booking `session_id` at `start` would break (empty = allowed), so a
    /// researcher can book by hand past them after seeing the list.
    ///
    /// To judge a reschedule, pass `taken` without the interview being moved.
    pub fn rule_breaks(
        &self,
        session_id: i64,
        start: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Vec<RuleBreak> {
        let Some(session) = self
            .sessions
            .iter()
            .find(|session| session.id == session_id)
        else {
            return vec![RuleBreak::UnknownSession];
        };
        let calendar = Calendar::new(self, now);
        let time_zone = calendar.rules.time_zone;
        let slot = slot_starting_at(&session.pattern, calendar.shape, time_zone, start);
        let end = slot.map_or_else(
            || end_of_booking(&session.pattern, calendar.shape, start),
            |slot| slot.end,
        );
        calendar
            .judge(&calendar.view(session), slot.is_some(), start, end)
            .breaks
    }
}
