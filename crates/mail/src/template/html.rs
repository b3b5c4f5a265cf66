//! The HTML alternative, made from the same layout as the text. Every character of the
//! template and of the values is escaped; the only markup is what is written here, so neither
//! a researcher's template nor a participant's name can add any.

use html_escape::{encode_double_quoted_attribute, encode_text};

use super::{
    layout::{Block, Piece},
    text::normalise_breaks,
    values::{Field, Link},
};

const HEAD: &str = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n</head>\n<body style=\"font-family: sans-serif; line-height: 1.5;\">\n";
const TAIL: &str = "</body>\n</html>\n";

pub(super) fn render(blocks: &[Block<'_>]) -> String {
    let mut out = String::from(HEAD);
    let mut paragraph: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Line(pieces) => paragraph.push(line(pieces)),
            Block::Blank => close(&mut out, &mut paragraph),
            Block::Links(links) => {
                close(&mut out, &mut paragraph);
                out.push_str("<ul>\n");
                for link in *links {
                    out.push_str("<li>");
                    out.push_str(&anchor(link));
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
        }
    }
    close(&mut out, &mut paragraph);
    out.push_str(TAIL);
    out
}

fn close(out: &mut String, paragraph: &mut Vec<String>) {
    if paragraph.is_empty() {
        return;
    }
    out.push_str("<p>");
    out.push_str(&paragraph.join("<br>\n"));
    out.push_str("</p>\n");
    paragraph.clear();
}

fn line(pieces: &[Piece<'_>]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match *piece {
            Piece::Value(Field::ConferencingUrl, url) if is_followable(url) => {
                out.push_str(&anchor(&Link::new(url, url)));
            }
            Piece::Literal(text) | Piece::Value(_, text) => out.push_str(&escaped(text)),
        }
    }
    out.trim_end().to_owned()
}

fn anchor(link: &Link) -> String {
    let label = escaped(link.label.trim());
    let label = if label.is_empty() {
        escaped(&link.href)
    } else {
        label
    };
    if is_followable(&link.href) {
        format!(
            "<a href=\"{}\">{label}</a>",
            encode_double_quoted_attribute(link.href.trim())
        )
    } else {
        label
    }
}

fn escaped(text: &str) -> String {
    encode_text(&normalise_breaks(text)).replace('\n', "<br>\n")
}

/// Links go to mail, or to the web; nothing else (`javascript:`, `data:`) is made a link.
fn is_followable(href: &str) -> bool {
    let href = href.trim();
    ["mailto:", "https://", "http://"].iter().any(|scheme| {
        href.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    }) && !href.chars().any(|c| c.is_whitespace() || c.is_control())
}
