//! Fills a parsed template with values, leaving out the lines that have nothing to say.

use super::{
    syntax::{Line, Segment},
    values::{Field, Link, Values},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block<'a> {
    Line(Vec<Piece<'a>>),
    Blank,
    Links(&'a [Link]),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    Literal(&'a str),
    Value(Field, &'a str),
}

/// A line whose placeholders are all empty is left out, so "Dial in: {{dial_in}}" is not
/// there for an interview without dial-in; so is a list of links with no links. Blank lines
/// that this leaves next to each other become one, and none start or end the text.
pub(super) fn layout<'a>(lines: &'a [Line], values: &'a Values) -> Vec<Block<'a>> {
    let mut blocks: Vec<Block<'a>> = Vec::new();
    for line in lines {
        let Some(block) = fill(line, values) else {
            continue;
        };
        if block == Block::Blank && matches!(blocks.last(), None | Some(Block::Blank)) {
            continue;
        }
        blocks.push(block);
    }
    while blocks.last() == Some(&Block::Blank) {
        blocks.pop();
    }
    blocks
}

fn fill<'a>(line: &'a Line, values: &'a Values) -> Option<Block<'a>> {
    if let Some(list) = line.iter().find_map(|s| match s {
        Segment::Links(list) => Some(*list),
        _ => None,
    }) {
        let links = values.link_list(list);
        return (!links.is_empty()).then_some(Block::Links(links));
    }
    let mut pieces = Vec::with_capacity(line.len());
    let mut fields = 0;
    let mut filled = 0;
    for segment in line {
        match segment {
            Segment::Literal(text) => pieces.push(Piece::Literal(text)),
            Segment::Field(field) => {
                fields += 1;
                let value = values.field(*field).trim();
                if !value.is_empty() {
                    filled += 1;
                }
                pieces.push(Piece::Value(*field, value));
            }
            Segment::Links(_) => {}
        }
    }
    if fields > 0 && filled == 0 {
        return None;
    }
    let blank = pieces.iter().all(|p| match p {
        Piece::Literal(text) | Piece::Value(_, text) => text.trim().is_empty(),
    });
    Some(if blank {
        Block::Blank
    } else {
        Block::Line(pieces)
    })
}
