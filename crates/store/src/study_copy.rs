//! A whole study, read from one database and written into another (this computer's file and
//! a team database): its settings, people, times, interviews, history, outbox and links. The
//! rows get new ids in the database they go to; everything that refers to them (columns, and
//! the ids inside an interview day's saved schedule) follows. What identifies a study to the
//! outside keeps its value: the links' codes, the messages' ids and the calendar events' UIDs,
//! so the links already sent and the participants' calendars keep working.

mod calendars;
mod delete;
mod read;
mod renumber;
mod write;

pub use delete::delete_study;
pub use read::read_study;
pub use write::write_study;

use crate::entity::{
    attention_item, audit_entry, busy_time, choice, day_schedule, enrolment, inbound_message,
    interview, interviewer, message_template, outbox_message, participant, session,
    session_exception, session_interviewer, study, token, waitlist_offer,
};

/// Everything of one study, as read from its database.
#[derive(Debug, Clone)]
pub struct StudyRows {
    pub study: study::Model,
    interviewers: Vec<interviewer::Model>,
    busy_times: Vec<busy_time::Model>,
    sessions: Vec<session::Model>,
    exceptions: Vec<session_exception::Model>,
    session_interviewers: Vec<session_interviewer::Model>,
    day_schedules: Vec<day_schedule::Model>,
    pub participants: Vec<participant::Model>,
    enrolments: Vec<enrolment::Model>,
    choices: Vec<choice::Model>,
    pub interviews: Vec<interview::Model>,
    /// (interview, interviewer, role)
    interview_interviewers: Vec<(i64, i64, String)>,
    /// (interview, calendar href, what was written, when)
    calendar_copies: Vec<(i64, String, String, i64)>,
    pub tokens: Vec<token::Model>,
    waitlist_offers: Vec<waitlist_offer::Model>,
    templates: Vec<message_template::Model>,
    pub outbox: Vec<outbox_message::Model>,
    inbound: Vec<inbound_message::Model>,
    attention: Vec<attention_item::Model>,
    pub audit: Vec<audit_entry::Model>,
}
