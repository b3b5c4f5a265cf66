//! Sessions, slots and bookings on the command line.

mod interviewers;
mod interviews;
mod print;
mod sessions;
mod slots;
mod status;

pub use interviewers::{InterviewersCommand, interviewers};
pub use interviews::{BookArgs, InterviewsCommand, book, interviews};
pub use sessions::{SessionsCommand, sessions};
pub use slots::{ChooseArgs, assign, choose, slots};
pub use status::{history, invite_check, set_status};
