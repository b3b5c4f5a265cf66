//! Turns what happened into outbox rows: the wording from the study's templates, the calendar
//! part for interviews, and the links that carry participants' answers back.

mod choices;
mod draft;
mod interview;
mod links;
mod notes;
mod reader;
mod values;
mod wording;

pub(crate) use choices::{ChoicesMail, Offer, queue_choices_mail, queue_waitlist_offer};
pub(crate) use draft::{Draft, queue};
pub(crate) use interview::{
    event_of, queue_interview_mail, queue_interview_mail_to, staff_attendees,
};
pub(crate) use links::LinkBatch;
pub(crate) use notes::{queue_answer, queue_participant_note, queue_researcher_notice};
pub(crate) use reader::{person_and_study, reader_language, reader_zone, researcher_zone};
pub(crate) use wording::{outbox_kind, rendering_error, template_for, template_key};
