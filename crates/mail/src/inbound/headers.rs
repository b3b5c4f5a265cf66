use chrono::{DateTime, Utc};
use mail_parser::{HeaderValue, Message};

use super::{Inbound, InboundKind, Origin};

/// A subject is kept to this length: it is shown, stored and echoed in answers, and a line of
/// mail is at most 998 characters anyway (RFC 5322 §2.1.1).
const MAX_SUBJECT_CHARS: usize = 998;

/// The headers that identify a message and place it in a thread.
pub(super) fn envelope(message: &Message<'_>) -> Inbound {
    Inbound {
        message_id: message.message_id().and_then(bracketed),
        from: sender(message),
        subject: message
            .subject()
            .map(|s| s.trim().chars().take(MAX_SUBJECT_CHARS).collect::<String>())
            .filter(|s| !s.is_empty()),
        date: message
            .date()
            .filter(|d| d.is_valid())
            .and_then(|d| DateTime::<Utc>::from_timestamp(d.to_timestamp(), 0)),
        in_reply_to: ids(message.in_reply_to()).into_iter().next(),
        references: ids(message.references()),
        own_words: String::new(),
        origin: Origin::Person,
        failed_sender_check: None,
        kind: InboundKind::Other,
    }
}

pub(super) fn sender(message: &Message<'_>) -> Option<String> {
    message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| addr.address())
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty())
}

/// The value of a header that `mail-parser` does not know by name, case-insensitively.
pub(super) fn other_header<'a>(message: &'a Message<'_>, name: &str) -> Option<&'a str> {
    message
        .headers()
        .iter()
        .find(|h| h.name().eq_ignore_ascii_case(name))
        .and_then(|h| match h.value() {
            HeaderValue::Text(text) => Some(text.as_ref()),
            HeaderValue::TextList(list) => list.first().map(|t| t.as_ref()),
            _ => None,
        })
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    match value {
        HeaderValue::Text(id) => bracketed(id).into_iter().collect(),
        HeaderValue::TextList(list) => list.iter().filter_map(|id| bracketed(id)).collect(),
        _ => Vec::new(),
    }
}

pub(super) fn bracketed(id: &str) -> Option<String> {
    let id = id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    (!id.is_empty()).then(|| format!("<{id}>"))
}
