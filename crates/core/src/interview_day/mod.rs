//! Interview days: the schedule of one day's rounds, in which every applicant meets a
//! different interviewer (or room) each round.
//!
//! [`generate`] turns a [`DayInput`] into a [`DaySchedule`]; [`check`] lists the hard rules a
//! schedule breaks, in words; [`swap`] exchanges two assignments by hand and checks the
//! result; [`assemble`] rebuilds a whole schedule (timetables, score, what is unmet) from
//! itineraries edited or made elsewhere.
//!
//! # Rules
//!
//! Hard, never broken by [`generate`]: an applicant meets each interviewer at most once; an
//! interviewer sees one applicant per round (and an applicant has one seat per round, by the
//! shape of an itinerary); no pair with a conflict of interest meets; nobody is seated with an
//! interviewer in a round that interviewer is unavailable for (a listed round, or one that
//! overlaps an unavailable time).
//!
//! Soft, met when possible and otherwise listed in [`DaySchedule::unmet`] with the reason:
//! must-meet pairs meet; breaks (rounds without an interviewer) are spread so that nobody has
//! two breaks before everyone has had one, and none follows another. How these weigh against
//! each other is [`Score`].
//!
//! More rounds than interviewers is allowed: every applicant then has breaks, and the schedule
//! says so.
//!
//! # Times
//!
//! The start and the fixed blocks are wall-clock times in the day's time zone; one that a
//! daylight-saving change skips is refused, one that happens twice means the first. Rounds
//! last real time and follow each other after the passing time; a round that would overlap a
//! fixed block starts when the block ends.
//!
//! # How the schedule is made
//!
//! Round by round, a maximum-weight matching of applicants to open interviewers they may still
//! meet (see `weights` for what the weights favour), then a bounded improvement pass (see
//! `improve`): forced must-meet pairs and meetings, exact re-plans of one round, one applicant
//! or one interviewer at a time, and moved breaks, each kept only when the [`Score`] does not
//! get worse. There is no randomness, and every loop runs in input order, so the same input
//! gives the same schedule.

mod break_moves;
mod check;
mod construct;
mod day;
mod edit;
mod generate;
mod grid;
mod improve;
mod input;
mod ledger;
mod matching;
mod render;
mod schedule;
mod score;
mod timing;
mod unmet;
mod weights;
mod wording;

pub use check::{Conflict, ConflictKind, check};
pub use day::MAX_ROUNDS;
pub use edit::{Cell, EditError, Swapped, assemble, place, swap};
pub use generate::generate;
pub use input::{Applicant, DayInput, FixedBlock, Interviewer, Pair, TimeSpan};
pub use schedule::{BlockTime, DaySchedule, Duty, Itinerary, Seat, Times, Timetable};
pub use score::Score;
pub use unmet::{Unmet, UnmetKind};
