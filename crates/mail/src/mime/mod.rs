//! Outgoing messages as MIME bytes, ready for the outbox and for SMTP's `send_raw`.

mod address;
mod message_id;

use std::time::SystemTime;

use chrono::{DateTime, Utc};
use lettre::message::{
    Attachment, Message, MultiPart, SinglePart,
    header::{ContentType, HeaderName, HeaderValue, InReplyTo, References},
};
use serde::{Deserialize, Serialize};

use crate::calendar::{ItipMethod, Person, parse_itip};

pub use message_id::new_message_id;

/// One message to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    /// `<unique@domain>`; the angle brackets may be left out. See [`new_message_id`].
    pub message_id: String,
    pub from: Person,
    pub to: Vec<Person>,
    pub reply_to: Option<Person>,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub calendar: Option<CalendarPart>,
    /// The Message-ID this one answers; it is also written as References.
    pub in_reply_to: Option<String>,
    pub date: DateTime<Utc>,
    /// Set on everything Confab writes by itself, and left out only of what the researcher
    /// wrote: vacation programs and other robots do not answer such mail, so two robots
    /// cannot answer each other for ever.
    pub auto_submitted: Option<AutoSubmitted>,
}

/// RFC 3834's Auto-Submitted values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AutoSubmitted {
    /// An answer to a received message.
    Replied,
    /// A message no received message asked for: a reminder, a notice, a confirmation.
    Generated,
}

impl AutoSubmitted {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Replied => "auto-replied",
            Self::Generated => "auto-generated",
        }
    }
}

/// A calendar invitation to attach, as made by [`crate::calendar::build_calendar`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarPart {
    pub method: ItipMethod,
    pub ics: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum MimeError {
    #[error("the {field} address \"{address}\" is not a mail address that can be used: {reason}")]
    InvalidAddress {
        field: String,
        address: String,
        reason: String,
    },
    #[error("the message has no recipient")]
    NoRecipients,
    #[error("\"{value}\" is not a usable {field}: it must look like <unique@domain>")]
    InvalidMessageId { field: String, value: String },
    #[error(
        "the calendar part is marked method={declared} but the calendar says METHOD:{found}; mail programs drop or half-apply such invitations"
    )]
    MethodMismatch { declared: String, found: String },
    #[error(
        "the calendar's organizer is {organizer} but the message is from {from}; invitations and cancellations must come from the organizer"
    )]
    NotFromOrganizer { organizer: String, from: String },
    #[error("the calendar part cannot be read: {0}")]
    BadCalendar(String),
    #[error("the message could not be built: {0}")]
    Build(String),
}

/// The message as bytes. With a calendar part the structure is what Outlook, Gmail and Apple
/// Mail act on:
///
/// ```text
/// multipart/mixed
/// ├── multipart/alternative
/// │   ├── text/plain; charset=utf-8
/// │   ├── text/html; charset=utf-8
/// │   └── text/calendar; charset=utf-8; method=REQUEST
/// └── application/ics; name="invite.ics"   (attachment, the same bytes)
/// ```
///
/// Without one it is the multipart/alternative alone. A calendar part must come from its
/// ORGANIZER and its `method=` must be its METHOD; anything else is refused. Display names
/// and the subject are made single-line (line breaks and other control characters become
/// spaces) before they reach a header, so no value can start a header of its own.
pub fn build_mime(mail: &OutgoingMail) -> Result<Vec<u8>, MimeError> {
    if mail.to.is_empty() {
        return Err(MimeError::NoRecipients);
    }
    let mut builder = Message::builder()
        .message_id(Some(message_id::checked(&mail.message_id, "Message-ID")?))
        .from(address::mailbox(&mail.from, "From")?)
        .subject(address::single_line(&mail.subject))
        .date(SystemTime::from(mail.date));
    for person in &mail.to {
        builder = builder.to(address::mailbox(person, "To")?);
    }
    if let Some(reply_to) = &mail.reply_to {
        builder = builder.reply_to(address::mailbox(reply_to, "Reply-To")?);
    }
    if let Some(auto) = mail.auto_submitted {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Auto-Submitted"),
                auto.as_str().to_owned(),
            ))
            // Exchange and Outlook do not honour Auto-Submitted; this asks them not to send
            // out-of-office, delivery or read receipts in answer.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("X-Auto-Response-Suppress"),
                "All".to_owned(),
            ));
    }
    if let Some(original) = &mail.in_reply_to {
        let original = message_id::checked(original, "In-Reply-To")?;
        builder = builder
            .header(InReplyTo::from(original.clone()))
            .header(References::from(original));
    }
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(mail.text.clone()))
        .singlepart(SinglePart::html(mail.html.clone()));
    let message = match &mail.calendar {
        None => builder.multipart(alternative),
        Some(part) => {
            check_calendar(part, &mail.from)?;
            let method = part.method.as_str();
            let inline = SinglePart::builder()
                .header(content_type(&format!(
                    "text/calendar; charset=utf-8; method={method}"
                ))?)
                .body(part.ics.clone());
            let attachment = Attachment::new("invite.ics".to_owned()).body(
                part.ics.clone().into_bytes(),
                content_type("application/ics; name=\"invite.ics\"")?,
            );
            builder.multipart(
                MultiPart::mixed()
                    .multipart(alternative.singlepart(inline))
                    .singlepart(attachment),
            )
        }
    };
    message
        .map(|m| m.formatted())
        .map_err(|e| MimeError::Build(e.to_string()))
}

fn content_type(text: &str) -> Result<ContentType, MimeError> {
    ContentType::parse(text).map_err(|e| MimeError::Build(e.to_string()))
}

/// The `method=` parameter must equal the calendar's METHOD, or Outlook and Gmail drop the
/// answer buttons or half-apply a cancellation; and calendar programs ignore an update that
/// does not come from the event's organizer.
fn check_calendar(part: &CalendarPart, from: &Person) -> Result<(), MimeError> {
    let itip = parse_itip(&part.ics).map_err(|e| MimeError::BadCalendar(e.to_string()))?;
    let found = itip.method.as_str();
    if !found.eq_ignore_ascii_case(part.method.as_str()) {
        return Err(MimeError::MethodMismatch {
            declared: part.method.as_str().to_owned(),
            found: found.to_owned(),
        });
    }
    let from = from.email.trim().to_lowercase();
    match itip.organizer {
        Some(organizer) if organizer == from => Ok(()),
        organizer => Err(MimeError::NotFromOrganizer {
            organizer: organizer.unwrap_or_default(),
            from,
        }),
    }
}
