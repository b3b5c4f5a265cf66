use super::layout::{Block, Piece};

/// The plain-text body. A link is its label on one line and its address, which mail
/// programs make clickable, indented on the next.
pub(super) fn render(blocks: &[Block<'_>]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Blank => out.push('\n'),
            Block::Line(pieces) => {
                let mut line = String::new();
                for piece in pieces {
                    match piece {
                        Piece::Literal(text) | Piece::Value(_, text) => line.push_str(text),
                    }
                }
                out.push_str(&normalise_breaks(line.trim_end()));
                out.push('\n');
            }
            Block::Links(links) => {
                for link in *links {
                    let label = normalise_breaks(link.label.trim()).replace('\n', " ");
                    if label.is_empty() || label == link.href {
                        out.push_str(&format!("  {}\n", link.href));
                    } else {
                        out.push_str(&format!("  * {label}\n    {}\n", link.href));
                    }
                }
            }
        }
    }
    out
}

pub(super) fn normalise_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}
