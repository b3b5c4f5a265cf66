//! The sender checks the researcher's own provider made when the message arrived: the
//! verdicts of SPF, DKIM and DMARC in `Authentication-Results` (RFC 8601).
//!
//! Only the topmost of these headers are the provider's: the receiving server adds its own
//! above whatever the message brought with it, and anything lower may have been written by
//! the sender. Those topmost headers are the first `Authentication-Results` and the ones
//! that directly follow it. Only a failure counts; a message whose provider wrote nothing is
//! not suspect for that.

use mail_parser::Message;

const HEADER: &str = "Authentication-Results";

/// The failing verdicts, as "dmarc=fail, spf=fail", or `None` when nothing failed.
///
/// A DMARC pass outweighs an SPF or DKIM failure: it means the address in From was
/// confirmed one way or the other (forwarding breaks SPF, and a mailing list a DKIM
/// signature, while the other check still passes). A DKIM failure next to another
/// signature that passes is not a failure either.
pub(super) fn failed(message: &Message<'_>) -> Option<String> {
    let headers = message.headers();
    let first = headers
        .iter()
        .position(|h| h.name().eq_ignore_ascii_case(HEADER))?;
    let mut verdicts: Vec<(String, String)> = Vec::new();
    for header in headers[first..]
        .iter()
        .take_while(|h| h.name().eq_ignore_ascii_case(HEADER))
    {
        let raw = message
            .raw_message()
            .get(header.offset_start() as usize..header.offset_end() as usize)
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        verdicts.extend(read(&raw));
    }
    let has = |method: &str, result: &str| verdicts.iter().any(|(m, r)| m == method && r == result);
    if has("dmarc", "pass") {
        return None;
    }
    let failing: Vec<String> = verdicts
        .iter()
        .filter(|(method, result)| {
            result == "fail"
                && match method.as_str() {
                    "dmarc" | "spf" => true,
                    "dkim" => !has("dkim", "pass"),
                    _ => false,
                }
        })
        .map(|(method, result)| format!("{method}={result}"))
        .collect::<Vec<_>>();
    let mut failing = failing;
    failing.dedup();
    (!failing.is_empty()).then(|| failing.join(", "))
}

/// The (method, result) pairs of one header's value, lower-cased: "mx.example.org;
/// spf=fail (comment) smtp.mailfrom=x; dkim=pass header.d=y" gives spf=fail and dkim=pass.
fn read(value: &str) -> Vec<(String, String)> {
    let text = without_comments(value);
    text.split(';')
        // The first part names the server that checked (the authserv-id).
        .skip(1)
        .filter_map(|part| {
            let word = part.split_whitespace().next()?;
            let (method, result) = word.split_once('=')?;
            let method = method.split('/').next().unwrap_or("").trim();
            Some((
                method.to_ascii_lowercase(),
                result.trim().to_ascii_lowercase(),
            ))
        })
        .filter(|(method, result)| !method.is_empty() && !result.is_empty())
        .collect()
}

/// The value without its (comments), which may nest and hold semicolons.
fn without_comments(value: &str) -> String {
    let mut depth = 0_usize;
    let mut out = String::with_capacity(value.len());
    let mut escaped = false;
    for c in value.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                out.push(c);
            }
            continue;
        }
        match c {
            '\\' => escaped = true,
            '(' => depth = depth.saturating_add(1),
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    fn check(headers: &str) -> Option<String> {
        let raw = format!("{headers}From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n");
        let message = MessageParser::default().parse(raw.as_bytes()).unwrap();
        failed(&message)
    }

    #[test]
    fn the_provider_s_failing_verdicts_are_read() {
        let gmail = "Authentication-Results: mx.google.com;\r\n       dkim=pass header.i=@b.example header.s=s1;\r\n       spf=fail (google.com: domain of a@b.example does not designate 203.0.113.9 as permitted sender; see x) smtp.mailfrom=a@b.example;\r\n       dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=b.example\r\n";
        assert_eq!(check(gmail).as_deref(), Some("spf=fail, dmarc=fail"));
        let microsoft = "Authentication-Results: spf=fail (sender IP is 203.0.113.9)\r\n smtp.mailfrom=b.example; dkim=none (message not signed)\r\n header.d=none;dmarc=fail action=quarantine header.from=b.example;compauth=fail\r\n reason=000\r\n";
        // Microsoft 365 writes no authserv-id: the first verdict is read all the same.
        assert_eq!(check(microsoft).as_deref(), Some("dmarc=fail"));
    }

    #[test]
    fn passing_checks_and_lower_headers_do_not_count() {
        let pass = "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=b.example; dkim=pass header.d=b.example; dmarc=pass header.from=b.example\r\n";
        assert_eq!(check(pass), None);
        let forwarded = "Authentication-Results: mx.example.org; spf=fail smtp.mailfrom=b.example; dkim=pass header.d=b.example; dmarc=pass header.from=b.example\r\n";
        assert_eq!(check(forwarded), None);
        // A failure the sender wrote below the provider's own header is not the provider's.
        let planted = "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=b.example\r\nReceived: from x by y; Mon, 1 Jun 2026 10:00:00 +0000\r\nAuthentication-Results: fake; dmarc=fail\r\n";
        assert_eq!(check(planted), None);
        assert_eq!(check(""), None);
        let second_signature = "Authentication-Results: mx.example.org; dkim=fail header.d=list.example; dkim=pass header.d=b.example\r\n";
        assert_eq!(check(second_signature), None);
    }
}
