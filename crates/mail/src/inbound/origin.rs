//! Whether a message was written by a person, by a program, or reached the researcher through
//! a mailing list. Only a person's own message may be answered (RFC 3834 §2): answering a
//! program invites a loop, and answering a list writes to everyone on it.

use mail_parser::Message;
use serde::{Deserialize, Serialize};

use super::headers::other_header;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Nothing says otherwise: a person wrote it.
    #[default]
    Person,
    /// A list's copy: List-Id, List-Post, or Precedence: list.
    MailingList,
    /// A program wrote it: Auto-Submitted other than `no`, an X-Autoreply header, Precedence
    /// bulk, junk or auto_reply, a null Return-Path, or a mail system's own address.
    Automatic,
}

impl Origin {
    /// Whether an automatic answer to the message may be sent at all.
    pub fn may_be_answered(self) -> bool {
        self == Self::Person
    }
}

pub(super) fn origin(message: &Message<'_>, from: Option<&str>) -> Origin {
    let precedence = other_header(message, "Precedence")
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    // Delivery writes the envelope sender as Return-Path; bounces and automatic answers
    // are sent from the null sender.
    let null_sender = raw_value(message, "Return-Path").is_some_and(|v| {
        let v: String = v.split_whitespace().collect();
        v == "<>"
    });
    let mail_system = from.is_some_and(|address| {
        let local = address.split('@').next().unwrap_or("");
        local.eq_ignore_ascii_case("mailer-daemon") || local.eq_ignore_ascii_case("postmaster")
    });
    if auto_submitted(message)
        || auto_reply_header(message)
        || matches!(precedence.as_str(), "bulk" | "junk" | "auto_reply")
        || null_sender
        || mail_system
    {
        return Origin::Automatic;
    }
    if precedence == "list"
        || ["List-Id", "List-Post"]
            .iter()
            .any(|name| raw_value(message, name).is_some())
    {
        return Origin::MailingList;
    }
    Origin::Person
}

/// RFC 3834's Auto-Submitted with any value but `no`.
pub(super) fn auto_submitted(message: &Message<'_>) -> bool {
    other_header(message, "Auto-Submitted").is_some_and(|v| {
        let value = v.split(';').next().unwrap_or("").trim();
        !value.is_empty() && !value.eq_ignore_ascii_case("no")
    })
}

/// The headers vacation programs add.
pub(super) fn auto_reply_header(message: &Message<'_>) -> bool {
    ["X-Autoreply", "X-Autorespond", "X-Auto-Reply"]
        .iter()
        .any(|name| raw_value(message, name).is_some())
}

/// The first header called `name`, in any case, as written.
fn raw_value<'a>(message: &'a Message<'_>, name: &str) -> Option<&'a str> {
    let header = message
        .headers()
        .iter()
        .find(|h| h.name().eq_ignore_ascii_case(name))?;
    message
        .raw_message()
        .get(header.offset_start() as usize..header.offset_end() as usize)
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
}
