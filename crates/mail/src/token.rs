//! Choice tokens: the unguessable codes that a participant's reply carries back.
//!
//! A token is `CF-` and 26 characters of Crockford's base32, 130 bits from the operating
//! system's CSPRNG (through `rand`'s thread generator, which it seeds). Crockford's alphabet
//! has no I, L, O or U, so a token read aloud or retyped survives: `find_tokens` reads
//! lower case as upper case, I and L as 1, and O as 0, and returns the canonical form.

use rand::Rng;

pub const TOKEN_PREFIX: &str = "CF-";
const BODY_LEN: usize = 26;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new token, e.g. `CF-7Q2M0X9R4T6V8W1Y3Z5B7D9F0H`.
pub fn new_token() -> String {
    let mut rng = rand::rng();
    let mut token = String::with_capacity(TOKEN_PREFIX.len() + BODY_LEN);
    token.push_str(TOKEN_PREFIX);
    for _ in 0..BODY_LEN {
        token.push(char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]));
    }
    token
}

/// `subject [token]`: the subject of a choice link, which names the choice for the
/// participant and carries its token back.
pub fn tagged_subject(subject: &str, token: &str) -> String {
    format!("{} [{token}]", subject.trim())
}

/// At most this many different tokens are taken from one text: a reply carries a first and
/// a second choice, so anything past a handful is not a participant's answer.
pub const MAX_TOKENS: usize = 8;
/// At most this many code-shaped strings are looked at in one text, repeats included, so a
/// message stuffed with codes costs no more than a short one.
pub const MAX_CANDIDATES: usize = 64;

/// The tokens in `text`, canonical, in order of first appearance, each once; at most
/// [`MAX_TOKENS`] of them, from the first [`MAX_CANDIDATES`] code-shaped strings.
///
/// A token may be broken across lines by a mail program that wraps long lines, and the
/// continuation may start with quote marks (`> `); it may be in any case. The characters
/// either side of a token must not be letters or digits, so a longer code is not mistaken
/// for one; a percent escape before it is allowed, so a token in a mailto link is found.
pub fn find_tokens(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found: Vec<String> = Vec::new();
    let mut candidates = 0;
    let mut i = 0;
    while i + TOKEN_PREFIX.len() <= bytes.len()
        && found.len() < MAX_TOKENS
        && candidates < MAX_CANDIDATES
    {
        let starts_token = bytes[i..i + TOKEN_PREFIX.len()].eq_ignore_ascii_case(b"CF-")
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric() || after_percent_escape(bytes, i));
        if starts_token {
            candidates += 1;
        }
        if starts_token && let Some((token, end)) = read_body(bytes, i + TOKEN_PREFIX.len()) {
            if !found.contains(&token) {
                found.push(token);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    found
}

/// A token inside a mailto link follows an escape such as `%5B` (`[`).
fn after_percent_escape(bytes: &[u8], i: usize) -> bool {
    i >= 3
        && bytes[i - 3] == b'%'
        && bytes[i - 2].is_ascii_hexdigit()
        && bytes[i - 1].is_ascii_hexdigit()
}

/// The canonical token whose body starts at `start`, and where it ends.
fn read_body(bytes: &[u8], start: usize) -> Option<(String, usize)> {
    let mut token = String::with_capacity(TOKEN_PREFIX.len() + BODY_LEN);
    token.push_str(TOKEN_PREFIX);
    let mut taken = 0;
    let mut j = start;
    while taken < BODY_LEN {
        let &b = bytes.get(j)?;
        if let Some(c) = canonical(b) {
            token.push(c);
            taken += 1;
            j += 1;
        } else if b == b'\r' || b == b'\n' {
            j += 1;
            while bytes
                .get(j)
                .is_some_and(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t' | b'>'))
            {
                j += 1;
            }
        } else {
            return None;
        }
    }
    if bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some((token, j))
}

fn canonical(b: u8) -> Option<char> {
    let upper = b.to_ascii_uppercase();
    match upper {
        b'I' | b'L' => Some('1'),
        b'O' => Some('0'),
        b'U' => None,
        b'0'..=b'9' | b'A'..=b'Z' => Some(char::from(upper)),
        _ => None,
    }
}

/// `text` without its tokens (and the brackets around them): an answer's subject must not
/// carry a code back, where a mail loop could read it again.
pub fn without_tokens(text: &str) -> String {
    text.split_whitespace()
        .filter(|word| {
            let bare = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
            find_tokens(bare).is_empty()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The short code printed beside a time so that a participant can name it in their own
/// words: the first four characters of its token. It acts only together with the sender's
/// address and the message that offered it, so it needs no secrecy of its own.
pub fn short_code(token: &str) -> String {
    token
        .strip_prefix(TOKEN_PREFIX)
        .unwrap_or(token)
        .chars()
        .take(4)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_tokens_have_the_shape_and_differ() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 29);
        assert!(a.starts_with("CF-"));
        assert!(a[3..].bytes().all(|c| ALPHABET.contains(&c)));
        assert_eq!(find_tokens(&a), [a]);
    }

    #[test]
    fn tokens_survive_case_wrapping_quoting_and_retyping() {
        let token = "CF-0123456789ABCDEFGHJKMNPQRS";
        let text = "Re: Interview choice: Tue 3 Dec 10:00 [cf-0123456789abcdefghjkmnpqrs]";
        assert_eq!(find_tokens(text), [token]);
        let wrapped = "> Interview choice [CF-0123456789ABCD\r\n> EFGHJKMNPQRS] thanks";
        assert_eq!(find_tokens(wrapped), [token]);
        let retyped = "CF-OI23456789ABCDEFGHJKMNPQRS";
        assert_eq!(find_tokens(retyped), ["CF-0123456789ABCDEFGHJKMNPQRS"]);
    }

    #[test]
    fn order_is_kept_and_repeats_dropped() {
        let first = new_token();
        let second = new_token();
        let text = format!("first {first}, then {second}; again {first}");
        assert_eq!(find_tokens(&text), [first, second]);
    }

    #[test]
    fn near_misses_are_not_tokens() {
        for text in [
            "CF-0123456789ABCDEFGHJKMNPQR",   // 25 characters
            "CF-0123456789ABCDEFGHJKMNPQRST", // 27 characters
            "XCF-0123456789ABCDEFGHJKMNPQRS", // part of a longer word
            "CF-0123456789ABCDEFGHJKMNPQRU",  // U is not in the alphabet
            "CF-0123456789ABC DEFGHJKMNPQRS", // broken by a space, not a line break
            "CF-",
            "",
        ] {
            assert!(find_tokens(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_text_stuffed_with_codes_is_read_only_so_far() {
        let many: Vec<String> = (0..300_000).map(|_| new_token()).collect();
        let text = many.join(" ");
        let started = std::time::Instant::now();
        let found = find_tokens(&text);
        assert_eq!(found, many[..MAX_TOKENS]);
        // Repeats of one code and near misses count as looked at, too.
        let repeated = format!("{} {}", "CF-0 ".repeat(200_000), many[0]);
        assert!(find_tokens(&repeated).is_empty());
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn tokens_are_found_in_mailto_links() {
        let token = new_token();
        let link = crate::mailto::mailto_link("a@b.c", &tagged_subject("Choice", &token), "");
        assert_eq!(find_tokens(&link), [token]);
    }

    #[test]
    fn a_tagged_subject_carries_its_token() {
        let token = new_token();
        let subject = tagged_subject(" Interview choice: Tue 3 Dec 10:00 ", &token);
        assert_eq!(
            subject,
            format!("Interview choice: Tue 3 Dec 10:00 [{token}]")
        );
        assert_eq!(find_tokens(&subject), [token]);
    }

    #[test]
    fn an_answer_subject_carries_no_code() {
        let token = new_token();
        let subject = format!("Re: Interview choice: Wed 2 Dec [{token}]");
        assert_eq!(without_tokens(&subject), "Re: Interview choice: Wed 2 Dec");
        assert_eq!(without_tokens("Hello there"), "Hello there");
    }
}
