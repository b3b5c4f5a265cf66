//! Open slots: which start times a study can offer, and which rules a proposed booking breaks.
//!
//! [`Availability::open_slots`] lists what participants may choose; [`Availability::rule_breaks`]
//! tells a researcher why one particular booking would not be offered. Both apply the same
//! rules, listed here, so that a slot is offered exactly when no rule is broken.
//!
//! # Cutting windows into slots
//!
//! Let `len`, `before` and `after` be the interview length and the two buffers, and
//! `step = before + len + after`. A [`SessionPattern::Window`] from `W0` to `W1` offers the
//! starts `s = W0 + before + k·step` (k = 0, 1, …) for which `s + len + after <= W1`. So each
//! slot's whole block `[s - before, s + len + after)` lies inside the window and consecutive
//! blocks touch: two neighbouring interviews never share a buffer.
//!
//! A [`SessionPattern::Weekly`] window is cut the same way **on the wall clock** of the study's
//! time zone: the local starts `start + before + k·step` whose local `s + len + after` is no later
//! than the local `end`. Only then is each local start turned into an instant, so a 09:00–12:00
//! window starts at 09:00, 10:00 and 11:00 on both sides of a daylight-saving change:
//!
//! - a local start the clocks skip (spring forward) never happens and is not offered;
//! - a local start the clocks repeat (fall back) is offered once, at its first occurrence;
//! - a slot ends one interview length of real time after its start.
//!
//! On the night of a change a window that spans the changed hour lasts an hour more or less in
//! real time; slots around a skipped hour may then overlap in real time, and the buffer rule
//! below keeps them from both being booked. A window whose end is not after its start offers
//! nothing (there are no overnight weekly windows).
//!
//! Weekly dates run from `from` to `until` inclusive, on `weekday` only. An exception replaces
//! (`Some(hours)`) or removes (`None`) the hours of a date the pattern covers; an exception on any
//! other date adds nothing, and when two name one date the first wins.
//!
//! A [`SessionPattern::Day`] is one slot from its start to its end, never cut; a day whose end is
//! not after its start offers nothing. A study whose interviews last zero minutes cuts no slots.
//!
//! # What every offered slot obeys
//!
//! For a slot of session `S` from `s` to `e` (its block being `[s - before, e + after)`), with
//! [`RuleBreak`] naming each rule:
//!
//! - `HiddenSession`: `S` is visible.
//! - `NotASlotStart`: `s` is one of the starts cut from `S`'s pattern as above.
//! - `InThePast` / `TooSoon`: `s >= now + min_notice` (a start before `now` is reported as in the
//!   past only).
//! - `BeyondHorizon`: `s <= now + horizon_days × 24 h`.
//! - `Full`: the places, `capacity` minus the [`Taken`] entries of `S` starting exactly at `s`,
//!   are more than zero.
//! - `InterviewersBusy`: if `S` has interviewers, at least `panel` of them (each counted once)
//!   have no [`Busy`] time overlapping the block. The places offered are then at most the number
//!   of such free interviewers divided by `panel`. A session without interviewers is not limited
//!   by busy times.
//! - `BufferConflict`: no [`Taken`] entry of `S` at a start other than `s` overlaps the block.
//! - `DailyCap` / `WeeklyCap`: fewer than `max_per_day` [`Taken`] entries of the
//!   whole study start on the local date of `s`, and fewer than `max_per_week` in its local ISO
//!   week (Monday to Sunday).
//!
//! [`OpenSlot::remaining`] is the smaller of the places and the free interviewers. Intervals are
//! half-open, so an interview ending at 10:00 does not overlap one starting at 10:00; an empty or
//! inverted [`Taken`] or [`Busy`] occupies no time, though such a `Taken` still takes a place and
//! counts toward the caps.
//!
//! # Cost
//!
//! Each call indexes the study once: bookings per session in start order, and counted per local
//! day and week; busy times merged per interviewer. Only starts that the range, notice and
//! horizon allow are cut at all. Each session then looks up its own bookings and interviewers
//! once, so judging one start costs a few binary searches and, when a cap is set, one
//! time-zone conversion and two hash look-ups: O((T + B) log(T + B) + S · (log T + I · log B))
//! for T bookings, B busy times, S candidate starts and I interviewers per session.

mod bookings;
mod busy_times;
mod calendar;
mod cutting;
mod input;
mod local_time;
mod recurrence;
mod rules;
mod slots;
mod span;

#[cfg(test)]
mod tests;

pub use input::{
    Availability, Busy, DateException, OpenSlot, SessionPattern, SessionSpec, StudyRules, Taken,
};
pub use rules::RuleBreak;
