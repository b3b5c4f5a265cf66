//! The words a participant wrote, without the earlier messages their mail program quoted.
//!
//! A reply to an invitation usually quotes it, and with it every choice link the invitation
//! offered; reading those would pick every time at once. Quoted text is recognised by its
//! `>` marks, by the line that introduces it ("On … wrote:", "Am … schrieb …:"), by
//! Outlook's separators and header blocks, and in HTML by the elements mail programs wrap it
//! in. What follows such a line is left out.

use mail_parser::{Message, PartType, decoders::html::html_to_text};

use super::parts;

pub(super) struct OwnWords {
    pub text: String,
    pub too_large: Option<String>,
}

pub(super) fn own_words(message: &Message<'_>) -> OwnWords {
    let Some(part) = message
        .text_body
        .first()
        .and_then(|&i| message.parts.get(i as usize))
    else {
        return OwnWords {
            text: String::new(),
            too_large: None,
        };
    };
    match parts::text(part, "message text") {
        Err(reason) => OwnWords {
            text: String::new(),
            too_large: Some(reason),
        },
        Ok(text) => OwnWords {
            text: match part.body {
                PartType::Html(_) => without_quotes(&html_to_text(before_html_quote(&text))),
                _ => without_quotes(&text),
            },
            too_large: None,
        },
    }
}

/// Where mail programs start the quoted message in HTML, lower-cased.
const HTML_QUOTE_MARKERS: &[&str] = &[
    "<blockquote",
    "class=\"gmail_quote",
    "id=\"divrplyfwdmsg\"",
    "id=\"appendonsend\"",
    "class=\"moz-cite-prefix\"",
    "id=\"mail-editor-reference-message-container\"",
    "class=\"yahoo_quoted\"",
];

fn before_html_quote(html: &str) -> &str {
    let lower = html.to_ascii_lowercase();
    let cut = HTML_QUOTE_MARKERS
        .iter()
        .filter_map(|marker| {
            let at = lower.find(marker)?;
            // Cut at the start of the element that carries the marker.
            Some(if marker.starts_with('<') {
                at
            } else {
                lower[..at].rfind('<').unwrap_or(at)
            })
        })
        .min();
    match cut {
        Some(at) => &html[..at],
        None => html,
    }
}

pub(super) fn without_quotes(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut own = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if starts_quote(trimmed, lines.get(i + 1).map(|l| l.trim()))
            || is_separator(trimmed)
            || starts_header_block(&lines[i..])
        {
            break;
        }
        if trimmed.starts_with('>') {
            continue;
        }
        own.push(*line);
    }
    own.join("\n")
}

const INTRODUCTION_STARTS: &[&str] = &[
    "on ", "am ", "le ", "el ", "op ", "il ", "em ", "den ", "w dniu ",
];
const INTRODUCTION_VERBS: &[&str] = &[
    "wrote",
    "schrieb",
    "écrit",
    "escribió",
    "schreef",
    "scritto",
    "escreveu",
    "skrev",
    "napisał",
];

/// "On Tue, 3 Dec 2024 at 10:00, Sam Rivera <sam@uni.example> wrote:", which some programs
/// wrap over two lines.
fn starts_quote(line: &str, next: Option<&str>) -> bool {
    let introduces = |text: &str| {
        let lower = text.to_lowercase();
        lower.ends_with(':')
            && INTRODUCTION_VERBS.iter().any(|verb| lower.contains(verb))
            && (lower.ends_with("wrote:")
                || INTRODUCTION_STARTS
                    .iter()
                    .any(|start| lower.starts_with(start)))
    };
    if introduces(line) {
        return true;
    }
    let lower = line.to_lowercase();
    INTRODUCTION_STARTS
        .iter()
        .any(|start| lower.starts_with(start))
        && next.is_some_and(|next| introduces(&format!("{line} {next}")))
}

const SEPARATOR_WORDS: &[&str] = &[
    "original message",
    "forwarded message",
    "ursprüngliche nachricht",
    "message d'origine",
    "mensaje original",
    "messaggio originale",
    "oorspronkelijk bericht",
];

fn is_separator(line: &str) -> bool {
    if line.len() >= 20 && line.chars().all(|c| c == '_') {
        return true;
    }
    let lower = line.to_lowercase();
    lower.starts_with("--") && SEPARATOR_WORDS.iter().any(|w| lower.contains(w))
}

/// Outlook's "From: … / Sent: …" block that heads the quoted message.
fn starts_header_block(lines: &[&str]) -> bool {
    let is_from = |l: &str| {
        let lower = l.trim().to_lowercase();
        ["from:", "von:", "de:", "van:", "da:"]
            .iter()
            .any(|p| lower.starts_with(p))
    };
    let is_sent = |l: &str| {
        let lower = l.trim().to_lowercase();
        [
            "sent:",
            "date:",
            "gesendet:",
            "envoyé :",
            "envoyé:",
            "enviado:",
            "verzonden:",
            "inviato:",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    };
    lines.first().is_some_and(|l| is_from(l)) && lines.iter().skip(1).take(3).any(|l| is_sent(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_messages_are_left_out() {
        let gmail = "Tuesday please [CF-A]\n\nOn Mon, 2 Dec 2024 at 09:00, Sam Rivera <\nsam@uni.example> wrote:\n\nPick [CF-B]";
        assert_eq!(without_quotes(gmail), "Tuesday please [CF-A]\n");
        let german = "Gern!\nAm Mo., 2. Dez. 2024 um 09:00 Uhr schrieb Sam Rivera <sam@uni.example>:\n> [CF-B]";
        assert_eq!(without_quotes(german), "Gern!");
        let outlook = "Yes\n\n________________________________\nFrom: Sam\nSent: Monday\n[CF-B]";
        assert_eq!(without_quotes(outlook), "Yes\n");
        let outlook_plain =
            "Yes\nFrom: Sam Rivera <sam@uni.example>\nSent: Monday\nSubject: x\n[CF-B]";
        assert_eq!(without_quotes(outlook_plain), "Yes");
        let marks = "first\n> quoted [CF-B]\nsecond";
        assert_eq!(without_quotes(marks), "first\nsecond");
        let original = "ok\n-----Original Message-----\n[CF-B]";
        assert_eq!(without_quotes(original), "ok");
    }

    #[test]
    fn ordinary_lines_are_kept() {
        let text = "On Tuesday I can come.\nFrom: the lab, I guess.\nMy code: CF-A";
        assert_eq!(without_quotes(text), text);
    }

    #[test]
    fn html_quotes_are_cut_at_their_element() {
        let html = "<div>Tuesday [CF-A]</div><div class=\"gmail_quote\"><div>On … wrote:</div><blockquote>[CF-B]</blockquote></div>";
        assert_eq!(before_html_quote(html), "<div>Tuesday [CF-A]</div>");
    }
}
