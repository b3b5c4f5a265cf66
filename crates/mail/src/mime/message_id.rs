use super::MimeError;

/// A new Message-ID, `<uuid@domain>`, in the domain of the sender's address so that it is
/// unique without naming the computer it was made on.
pub fn new_message_id(from_email: &str) -> String {
    let domain = from_email
        .rsplit_once('@')
        .map(|(_, d)| d.trim().trim_end_matches('>').to_ascii_lowercase())
        .filter(|d| is_dot_atom(d))
        .unwrap_or_else(|| "confab.invalid".to_owned());
    format!("<{}@{domain}>", uuid::Uuid::new_v4().simple())
}

/// `id` as `<left@right>` (RFC 5322 §3.6.4, dot-atom forms), or an error naming `field`.
pub(super) fn checked(id: &str, field: &str) -> Result<String, MimeError> {
    let trimmed = id.trim();
    let bare = trimmed
        .strip_prefix('<')
        .and_then(|s| s.strip_suffix('>'))
        .unwrap_or(trimmed);
    match bare.split_once('@') {
        Some((left, right)) if is_dot_atom(left) && is_dot_atom(right) => Ok(format!("<{bare}>")),
        _ => Err(MimeError::InvalidMessageId {
            field: field.to_owned(),
            value: id.chars().filter(|c| !c.is_control()).take(200).collect(),
        }),
    }
}

fn is_dot_atom(text: &str) -> bool {
    !text.is_empty()
        && text.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_use_the_sender_s_domain() {
        let id = new_message_id("Rivera@Uni.Example");
        assert!(id.starts_with('<') && id.ends_with("@uni.example>"), "{id}");
        assert_ne!(id, new_message_id("rivera@uni.example"));
        assert!(new_message_id("no domain").ends_with("@confab.invalid>"));
        assert_eq!(checked(&id, "Message-ID"), Ok(id));
    }

    #[test]
    fn ids_are_bracketed_or_refused() {
        assert_eq!(checked("a.b@c.d", "In-Reply-To").unwrap(), "<a.b@c.d>");
        for bad in [
            "",
            "<>",
            "a@",
            "a b@c",
            "<a@b>\r\nBcc: x@y",
            "a@@b",
            "<a@b.>",
        ] {
            assert!(checked(bad, "Message-ID").is_err(), "{bad:?}");
        }
    }
}
