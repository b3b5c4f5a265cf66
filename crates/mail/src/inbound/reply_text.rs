//! The words a participant wrote, without the earlier messages their mail program quoted.
//!
//! A reply to an invitation usually quotes it, and with it every choice link the invitation
//! offered; reading those would pick every time at once. Quoted text is recognised by its
//! `>` marks, by the line that introduces it ("On … wrote:", "Am … schrieb …:"), by
//! Outlook's separators and header blocks, and in HTML by the elements mail programs wrap it
//! in. What follows such a line is left out.

use mail_parser::{Message, PartType, decoders::html::html_to_text};

use super::parts;
use super::quote_markers::{
    DATE_LED_INTRODUCTIONS, FROM_LABELS, HTML_QUOTE_MARKERS, INTRODUCTION_STARTS,
    INTRODUCTION_VERBS, SENT_LABELS, SEPARATOR_WORDS,
};

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

/// A line as the tables are written: lower-case, full-width colons as colons, no space
/// before a colon, and without the asterisks a bold label gets in plain text.
fn normalized(line: &str) -> String {
    let lower = line
        .trim()
        .trim_start_matches('*')
        .to_lowercase()
        .replace('：', ":")
        .replace('\u{a0}', " ");
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        if c == ':' {
            while out.ends_with(' ') {
                out.pop();
            }
        }
        if c == '*' {
            continue;
        }
        out.push(c);
    }
    out
}

/// "On Tue, 3 Dec 2024 at 10:00, Sam Rivera <sam@uni.example> wrote:" and its kin in other
/// languages; see [`quote_markers`].
fn introduces(line: &str) -> bool {
    let text = normalized(line);
    if !text.ends_with(':') || text.chars().count() > 300 {
        return false;
    }
    let has_verb = INTRODUCTION_VERBS.iter().any(|verb| text.contains(verb));
    let opens = INTRODUCTION_STARTS
        .iter()
        .any(|start| text.starts_with(start));
    let dated_or_addressed = text.chars().any(|c| c.is_ascii_digit()) || text.contains('@');
    if has_verb && (opens || dated_or_addressed || text.ends_with("wrote:")) {
        return true;
    }
    // Gmail in Japanese: "2026年6月3日(月) 10:00 X <x@y>:".
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits == 4
        && DATE_LED_INTRODUCTIONS
            .iter()
            .any(|mark| text[digits..].starts_with(mark))
}

/// An introduction, on this line or wrapped over this and the next one.
fn starts_quote(line: &str, next: Option<&str>) -> bool {
    if introduces(line) {
        return true;
    }
    let text = normalized(line);
    if text.ends_with(':') {
        return false;
    }
    let may_open = INTRODUCTION_STARTS
        .iter()
        .any(|start| text.starts_with(start))
        || text.chars().any(|c| c.is_ascii_digit());
    may_open && next.is_some_and(|next| introduces(&format!("{line} {next}")))
}

fn is_separator(line: &str) -> bool {
    if line.chars().count() >= 20 && line.chars().all(|c| c == '_') {
        return true;
    }
    let text = normalized(line);
    (text.starts_with("--") || text.starts_with("——") || text.starts_with("＝"))
        && SEPARATOR_WORDS.iter().any(|w| text.contains(w))
}

/// Outlook's "From: … / Sent: …" block that heads the quoted message.
fn starts_header_block(lines: &[&str]) -> bool {
    let labelled = |line: &str, labels: &[&str]| {
        let text = normalized(line);
        labels.iter().any(|label| text.starts_with(label))
    };
    lines.first().is_some_and(|l| labelled(l, FROM_LABELS))
        && lines
            .iter()
            .skip(1)
            .take(3)
            .any(|l| labelled(l, SENT_LABELS))
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
