//! What a received message means for Confab: choice tokens, a calendar answer, an
//! out-of-office, a bounce, or something for the researcher to read.
//!
//! [`interpret`] never panics and never fails: whatever it cannot use it says so in
//! [`InboundKind::Unreadable`] or [`InboundKind::Other`]. Parts are decoded by `mail-parser`,
//! which reads text in a charset it does not know, or that does not match the bytes, as
//! UTF-8 with replacement characters.

mod authentication;
mod auto_reply;
mod bounce;
mod calendar_part;
mod headers;
mod origin;
mod parts;
mod quote_markers;
mod reply_prefix;
mod reply_text;

use chrono::{DateTime, Utc};
use mail_parser::MessageParser;
use serde::{Deserialize, Serialize};

pub use origin::Origin;
pub use reply_prefix::without_reply_prefixes;

use crate::{
    calendar::ItipMessage,
    token::{MAX_TOKENS, find_tokens},
};

/// A message larger than this is not parsed at all.
pub const MAX_MESSAGE_BYTES: usize = 32 * 1024 * 1024;
/// A text, calendar or report part larger than this is not read; replies are a few
/// kilobytes, so this only turns away what would cost memory and time for nothing.
pub const MAX_PART_BYTES: usize = 1024 * 1024;

/// One received message, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbound {
    /// With angle brackets, as [`crate::mime::OutgoingMail::message_id`] writes it.
    pub message_id: Option<String>,
    /// The sender's address, lower-cased.
    pub from: Option<String>,
    pub subject: Option<String>,
    pub date: Option<DateTime<Utc>>,
    /// With angle brackets.
    pub in_reply_to: Option<String>,
    /// With angle brackets, oldest first.
    pub references: Vec<String>,
    /// What the sender wrote themselves, without the quoted earlier messages; at most
    /// [`MAX_OWN_WORDS`] characters. A participant may answer in plain words.
    pub own_words: String,
    /// Whether a person wrote it; only then may it be answered.
    #[serde(default)]
    pub origin: Origin,
    /// The sender checks (SPF, DKIM, DMARC) that the researcher's provider found failing,
    /// such as "dmarc=fail": the message may not be from the address it names.
    #[serde(default)]
    pub failed_sender_check: Option<String>,
    pub kind: InboundKind,
}

/// How much of a sender's own words are kept: an answer is short, a letter is read by the
/// researcher.
pub const MAX_OWN_WORDS: usize = 4_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum InboundKind {
    /// Choice tokens, canonical, in the order the participant gave them: the subject's
    /// first, then those the participant wrote in the body. Quoted earlier messages are left
    /// out, so a reply that quotes an invitation does not pick every time it offered.
    Tokens(Vec<String>),
    /// A calendar program's REPLY or COUNTER. Its `attendee` is the one whose address sent
    /// the message, when one does.
    Itip(ItipMessage),
    /// An out-of-office or other automatic answer.
    AutoReply,
    /// A delivery failure report about a message Confab sent.
    Bounce {
        failed_recipient: Option<String>,
        original_message_id: Option<String>,
    },
    /// Something that should have been readable and was not; `reason` is for the researcher.
    Unreadable { reason: String },
    /// A message from a person with nothing Confab can act on by itself.
    Other,
}

/// Reads a raw RFC 5322 message.
pub fn interpret(bytes: &[u8]) -> Inbound {
    let unreadable = |reason: String| Inbound {
        message_id: None,
        from: None,
        subject: None,
        date: None,
        in_reply_to: None,
        references: Vec::new(),
        own_words: String::new(),
        origin: Origin::Person,
        failed_sender_check: None,
        kind: InboundKind::Unreadable { reason },
    };
    if bytes.len() > MAX_MESSAGE_BYTES {
        return unreadable(format!(
            "the message is {} MB; messages over {} MB are not read",
            bytes.len() / (1024 * 1024),
            MAX_MESSAGE_BYTES / (1024 * 1024)
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return unreadable("the message is empty".into());
    }
    // A panic in the parser must not stop a Sync where panics unwind (debug and test builds).
    // Release builds abort on panic, so there the defence is that the parser's own
    // assertions are compiled out in every profile (see the workspace Cargo.toml) and that
    // the fuzz targets find no other panic.
    match std::panic::catch_unwind(|| read(bytes)) {
        Ok(Some(inbound)) => inbound,
        Ok(None) => unreadable("no mail headers could be read".into()),
        Err(_) => unreadable(
            "its MIME structure is damaged in a way the mail reader cannot follow".into(),
        ),
    }
}

fn read(bytes: &[u8]) -> Option<Inbound> {
    let message = MessageParser::default().parse(bytes)?;
    let mut inbound = headers::envelope(&message);
    if inbound.message_id.is_none()
        && inbound.from.is_none()
        && inbound.subject.is_none()
        && inbound.date.is_none()
    {
        inbound.kind = InboundKind::Unreadable {
            reason:
                "it has none of the headers a mail message has (From, Subject, Date, Message-ID)"
                    .into(),
        };
        return Some(inbound);
    }
    let body = reply_text::own_words(&message);
    inbound.own_words = body.text.chars().take(MAX_OWN_WORDS).collect();
    inbound.origin = origin::origin(&message, inbound.from.as_deref());
    inbound.failed_sender_check = authentication::failed(&message);
    inbound.kind = classify(&message, &inbound, body);
    if matches!(
        inbound.kind,
        InboundKind::AutoReply | InboundKind::Bounce { .. }
    ) {
        inbound.origin = Origin::Automatic;
    }
    Some(inbound)
}

fn classify(
    message: &mail_parser::Message<'_>,
    inbound: &Inbound,
    body: reply_text::OwnWords,
) -> InboundKind {
    if let Some(report) = bounce::read(message, inbound.from.as_deref()) {
        return report;
    }
    let calendar = calendar_part::find(message);
    if let Some(mut itip) = calendar.answer {
        if let Some(sender) = &inbound.from {
            itip.attendee = itip.attendee_from(sender).cloned();
        }
        return InboundKind::Itip(itip);
    }
    if auto_reply::is_auto_reply(message, inbound.subject.as_deref()) {
        return InboundKind::AutoReply;
    }
    let mut tokens = find_tokens(inbound.subject.as_deref().unwrap_or(""));
    for token in find_tokens(&body.text) {
        if tokens.len() < MAX_TOKENS && !tokens.contains(&token) {
            tokens.push(token);
        }
    }
    if !tokens.is_empty() {
        return InboundKind::Tokens(tokens);
    }
    if let Some(error) = calendar.error {
        return InboundKind::Unreadable {
            reason: format!("the calendar in the message could not be read: {error}"),
        };
    }
    if let Some(reason) = calendar.too_large.or(body.too_large) {
        return InboundKind::Unreadable { reason };
    }
    InboundKind::Other
}
