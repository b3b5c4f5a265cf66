//! `mailto:` links (RFC 6068) that open a message to the researcher, ready to send.

/// A link that opens a message to `to` with `subject` and `body`; either may be empty and is
/// then left out. Header values are percent-encoded as UTF-8 except for the unreserved
/// characters, so `&`, `=`, `#`, `%` and `+` arrive as written and a space is `%20` (not
/// `+`, which mail programs keep as a plus). Line breaks in the body become `%0D%0A`.
pub fn mailto_link(to: &str, subject: &str, body: &str) -> String {
    let mut link = String::from("mailto:");
    encode_into(&mut link, to.trim(), ADDRESS_EXTRA);
    let mut separator = '?';
    for (name, value) in [("subject", subject.to_owned()), ("body", crlf(body))] {
        if value.is_empty() {
            continue;
        }
        link.push(separator);
        link.push_str(name);
        link.push('=');
        encode_into(&mut link, &value, b"");
        separator = '&';
    }
    link
}

/// Characters an address keeps as they are besides the unreserved ones: RFC 6068's
/// `some-delims` without `,` (which separates addresses), `;` and `:`.
const ADDRESS_EXTRA: &[u8] = b"@!$'()*+";

fn encode_into(out: &mut String, value: &str, keep: &[u8]) {
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || keep.contains(&b)
        {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_are_percent_encoded() {
        assert_eq!(
            mailto_link(
                "res+study@uni.example",
                "Interview choice: Tue 3 Dec 10:00 [CF-0123]",
                "Hi & bye = 100%\nÄda #1 +",
            ),
            "mailto:res+study@uni.example?subject=Interview%20choice%3A%20Tue%203%20Dec%2010%3A00%20%5BCF-0123%5D&body=Hi%20%26%20bye%20%3D%20100%25%0D%0A%C3%84da%20%231%20%2B"
        );
    }

    #[test]
    fn empty_fields_are_left_out_and_addresses_cannot_add_fields() {
        assert_eq!(mailto_link("a@b.c", "", ""), "mailto:a@b.c");
        assert_eq!(mailto_link("a@b.c", "", "x"), "mailto:a@b.c?body=x");
        assert_eq!(
            mailto_link("a@b.c?cc=eve@evil.example", "s", ""),
            "mailto:a@b.c%3Fcc%3Deve@evil.example?subject=s"
        );
    }
}
