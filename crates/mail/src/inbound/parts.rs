use std::borrow::Cow;

use mail_parser::{MessagePart, MimeHeaders, PartType};

use super::MAX_PART_BYTES;

/// Whether `part` is `ctype/subtype`, in any case.
pub(super) fn is_type(part: &MessagePart<'_>, ctype: &str, subtype: &str) -> bool {
    part.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case(ctype)
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case(subtype))
    })
}

/// The decoded text of `part`, or why it is not read.
pub(super) fn text<'a>(part: &'a MessagePart<'_>, what: &str) -> Result<Cow<'a, str>, String> {
    let size = part.len();
    if size > MAX_PART_BYTES {
        return Err(format!(
            "the {what} is {} KB; parts over {} KB are not read",
            size / 1024,
            MAX_PART_BYTES / 1024
        ));
    }
    Ok(match &part.body {
        PartType::Text(text) | PartType::Html(text) => Cow::Borrowed(text.as_ref()),
        PartType::Binary(bytes) | PartType::InlineBinary(bytes) => String::from_utf8_lossy(bytes),
        PartType::Message(message) => String::from_utf8_lossy(message.raw_message()),
        PartType::Multipart(_) => Cow::Borrowed(""),
    })
}
