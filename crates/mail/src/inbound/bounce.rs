//! Delivery failure reports: RFC 3464 delivery status notifications (what Postfix, Exim,
//! Gmail and Exchange send), and the plain-text notes some servers still send from
//! MAILER-DAEMON or postmaster.

use mail_parser::{Message, MimeHeaders, PartType};

use super::{InboundKind, headers, parts};

/// `None` when the message is not from a mail system.
pub(super) fn read(message: &Message<'_>, from: Option<&str>) -> Option<InboundKind> {
    let is_report = message.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
            && ct
                .attribute("report-type")
                .is_some_and(|t| t.eq_ignore_ascii_case("delivery-status"))
    });
    let from_mail_system = from.is_some_and(|address| {
        let local = address.split('@').next().unwrap_or("");
        local.eq_ignore_ascii_case("mailer-daemon") || local.eq_ignore_ascii_case("postmaster")
    });
    if !is_report && !from_mail_system {
        return None;
    }
    let status = delivery_status(message);
    // A report that only says a message was delayed or delivered is not a failure.
    if !status.actions.is_empty() && !status.actions.iter().any(|a| a == "failed") {
        return Some(InboundKind::AutoReply);
    }
    let failed_recipient = status
        .recipient
        .or_else(|| {
            headers::other_header(message, "X-Failed-Recipients")
                .and_then(|v| v.split(',').next())
                .map(|v| v.trim().to_lowercase())
                .filter(|v| !v.is_empty())
        })
        .or_else(|| first_bracketed_address(message, from));
    Some(InboundKind::Bounce {
        failed_recipient,
        original_message_id: original_message_id(message),
    })
}

#[derive(Default)]
struct Status {
    recipient: Option<String>,
    /// Lower-cased Action values, one per recipient.
    actions: Vec<String>,
}

fn delivery_status(message: &Message<'_>) -> Status {
    let mut status = Status::default();
    let Some(text) = message
        .parts
        .iter()
        .find(|p| {
            parts::is_type(p, "message", "delivery-status")
                || parts::is_type(p, "message", "global-delivery-status")
        })
        .and_then(|p| parts::text(p, "delivery report").ok())
    else {
        return status;
    };
    let mut final_recipient = None;
    let mut original_recipient = None;
    for line in text.lines() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        // `rfc822; ada@example.org`: the address follows its type.
        let address = || {
            let address = value.split_once(';').map_or(value, |(_, a)| a);
            Some(address.trim().trim_matches(['<', '>']).to_lowercase()).filter(|a| !a.is_empty())
        };
        match name.as_str() {
            "final-recipient" => {
                final_recipient = final_recipient.or_else(address);
            }
            "original-recipient" => {
                original_recipient = original_recipient.or_else(address);
            }
            "action" => status.actions.push(value.trim().to_ascii_lowercase()),
            _ => {}
        }
    }
    status.recipient = original_recipient.or(final_recipient);
    status
}

/// The bounced message's Message-ID: from the returned message or its headers, or from a
/// `Message-ID:` line quoted in the report's text.
fn original_message_id(message: &Message<'_>) -> Option<String> {
    for part in &message.parts {
        if let PartType::Message(original) = &part.body
            && let Some(id) = original.message_id().and_then(headers::bracketed)
        {
            return Some(id);
        }
    }
    message
        .parts
        .iter()
        .filter(|p| {
            parts::is_type(p, "text", "rfc822-headers")
                || parts::is_type(p, "text", "plain")
                || p.content_type().is_none()
        })
        .filter_map(|p| parts::text(p, "report").ok())
        .find_map(|text| message_id_line(&text))
}

fn message_id_line(text: &str) -> Option<String> {
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let Some(name) = trimmed.get(..11) else {
            continue;
        };
        if !name.eq_ignore_ascii_case("message-id:") {
            continue;
        }
        let mut value = trimmed[11..].to_owned();
        if !value.contains('>') {
            value.push_str(lines.next().unwrap_or(""));
        }
        let start = value.find('<')?;
        let end = value[start..].find('>')? + start;
        return headers::bracketed(&value[start + 1..end]);
    }
    None
}

/// Postfix's human-readable part names the address it failed on as `<ada@example.org>:`.
/// Message-IDs look the same, so lines that name one are passed over.
fn first_bracketed_address(message: &Message<'_>, from: Option<&str>) -> Option<String> {
    let part = message
        .text_body
        .first()
        .and_then(|&i| message.parts.get(i as usize))?;
    let text = parts::text(part, "report").ok()?;
    for line in text.lines() {
        if line.to_ascii_lowercase().contains("message-id") {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('>') else {
                break;
            };
            let candidate = after[..end].trim().to_lowercase();
            if candidate.contains('@')
                && !candidate.contains(char::is_whitespace)
                && Some(candidate.as_str()) != from
            {
                return Some(candidate);
            }
            rest = &after[end..];
        }
    }
    None
}
