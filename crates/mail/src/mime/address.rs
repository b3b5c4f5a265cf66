use lettre::{Address, message::Mailbox};

use super::MimeError;
use crate::calendar::Person;

/// `person` as a header mailbox; the address must be one a mail server accepts.
pub(super) fn mailbox(person: &Person, field: &str) -> Result<Mailbox, MimeError> {
    let invalid = |reason: String| MimeError::InvalidAddress {
        field: field.to_owned(),
        address: single_line(&person.email),
        reason,
    };
    let email = person.email.trim();
    if email.is_empty() {
        return Err(invalid("it is empty".into()));
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid("it contains spaces or line breaks".into()));
    }
    let address: Address = email.parse().map_err(|e| invalid(format!("{e}")))?;
    let name = single_line(&person.name);
    Ok(Mailbox::new((!name.is_empty()).then_some(name), address))
}

/// Header text on one line: each run of whitespace and control characters becomes a space.
pub(super) fn single_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_with_a_reason() {
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.org",
            "ada@exa mple.org",
            "a\r\nb@c.d",
        ] {
            let err = mailbox(&Person::new("Ada", bad), "To").unwrap_err();
            assert!(
                matches!(&err, MimeError::InvalidAddress { field, .. } if field == "To"),
                "{bad}: {err}"
            );
        }
        assert!(mailbox(&Person::new("", "ada+study@example.org"), "To").is_ok());
    }

    #[test]
    fn names_lose_line_breaks() {
        assert_eq!(single_line(" Ada\r\nBcc: eve@x\t Ng "), "Ada Bcc: eve@x Ng");
    }
}
