use mail_parser::{Message, MimeHeaders};

use super::parts;
use crate::calendar::{CalendarError, ItipKind, ItipMessage, parse_itip};

/// What the calendar parts of a message hold.
#[derive(Default)]
pub(super) struct CalendarFinding {
    /// The first REPLY or COUNTER.
    pub answer: Option<ItipMessage>,
    /// The first calendar that could not be read.
    pub error: Option<CalendarError>,
    pub too_large: Option<String>,
}

/// Looks at the text/calendar parts and .ics attachments of the message itself, not of
/// messages attached to it (a bounce carries Confab's own invitation back).
pub(super) fn find(message: &Message<'_>) -> CalendarFinding {
    let mut finding = CalendarFinding::default();
    for part in &message.parts {
        let is_calendar = parts::is_type(part, "text", "calendar")
            || parts::is_type(part, "application", "ics")
            || part
                .attachment_name()
                .is_some_and(|name| name.trim().to_ascii_lowercase().ends_with(".ics"));
        if !is_calendar {
            continue;
        }
        let text = match parts::text(part, "calendar part") {
            Ok(text) => text,
            Err(reason) => {
                finding.too_large.get_or_insert(reason);
                continue;
            }
        };
        match parse_itip(&text) {
            Ok(itip) if matches!(itip.method, ItipKind::Reply | ItipKind::Counter) => {
                finding.answer = Some(itip);
                return finding;
            }
            Ok(_) => {}
            Err(error) => {
                finding.error.get_or_insert(error);
            }
        }
    }
    finding
}
