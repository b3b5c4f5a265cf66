//! Interview days: a schedule of rounds for a day session's confirmed applicants, edited by
//! hand, exported, and published as one itinerary per applicant and one timetable per
//! interviewer.

mod day;
mod export;
mod publish;
mod roster;
mod stored;
mod use_cases;
mod view;

pub use day::{DayPair, DaySettings, FixedBlockInput};
pub use use_cases::DaySlot;
pub use view::{
    DayConflictView, DayDutyView, DayItineraryView, DayRoundView, DayScheduleView, DaySeatView,
    DayTimetableView, PublishReport, SwapReport,
};
