//! Reads a template into lines of literal text and placeholders.

use super::{
    TemplateError,
    values::{Field, LinkList},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Segment {
    Literal(String),
    Field(Field),
    Links(LinkList),
}

pub(super) type Line = Vec<Segment>;

/// The lines of `text`; `subject` says no placeholder may stand for links.
pub(super) fn parse(text: &str, subject: bool) -> Result<Vec<Line>, TemplateError> {
    let mut unknown: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    for raw in text.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        lines.push(parse_line(raw, &mut unknown)?);
    }
    if !unknown.is_empty() {
        return Err(TemplateError::UnknownPlaceholders { names: unknown });
    }
    for line in &lines {
        let Some(list) = line.iter().find_map(|s| match s {
            Segment::Links(list) => Some(*list),
            _ => None,
        }) else {
            continue;
        };
        if subject {
            return Err(TemplateError::LinksInSubject {
                name: list.name().to_owned(),
            });
        }
        let alone = line.iter().all(|s| match s {
            Segment::Links(_) => true,
            Segment::Literal(text) => text.trim().is_empty(),
            Segment::Field(_) => false,
        }) && line
            .iter()
            .filter(|s| matches!(s, Segment::Links(_)))
            .count()
            == 1;
        if !alone {
            return Err(TemplateError::LinksNotAlone {
                name: list.name().to_owned(),
            });
        }
    }
    Ok(lines)
}

fn parse_line(raw: &str, unknown: &mut Vec<String>) -> Result<Line, TemplateError> {
    let mut segments = Vec::new();
    let mut rest = raw;
    while let Some(open) = rest.find("{{") {
        if open > 0 {
            segments.push(Segment::Literal(rest[..open].to_owned()));
        }
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            return Err(TemplateError::Unclosed {
                context: rest[open..].chars().take(40).collect(),
            });
        };
        let name = after[..close].trim();
        match placeholder(name) {
            Some(segment) => segments.push(segment),
            None => {
                let name = name.to_owned();
                if !unknown.contains(&name) {
                    unknown.push(name);
                }
            }
        }
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        segments.push(Segment::Literal(rest.to_owned()));
    }
    Ok(segments)
}

fn placeholder(name: &str) -> Option<Segment> {
    if let Some(field) = Field::ALL
        .into_iter()
        .find(|f| f.name().eq_ignore_ascii_case(name))
    {
        return Some(Segment::Field(field));
    }
    LinkList::ALL
        .into_iter()
        .find(|l| l.name().eq_ignore_ascii_case(name))
        .map(Segment::Links)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_read_with_spaces_and_any_case() {
        assert_eq!(
            parse("Hi {{ Participant_Name }}, {study}", false).unwrap(),
            vec![vec![
                Segment::Literal("Hi ".into()),
                Segment::Field(Field::ParticipantName),
                Segment::Literal(", {study}".into()),
            ]]
        );
    }

    #[test]
    fn mistakes_are_named() {
        assert_eq!(
            parse("{{nmae}} {{time}}\n{{nmae}}", false),
            Err(TemplateError::UnknownPlaceholders {
                names: vec!["nmae".into(), "time".into()]
            })
        );
        assert!(matches!(
            parse("Hi {{participant_name", false),
            Err(TemplateError::Unclosed { .. })
        ));
        assert_eq!(
            parse("Pick: {{choices}}", false),
            Err(TemplateError::LinksNotAlone {
                name: "choices".into()
            })
        );
        assert_eq!(
            parse("{{choices}}{{cancel_link}}", false),
            Err(TemplateError::LinksNotAlone {
                name: "choices".into()
            })
        );
        assert_eq!(
            parse("Cancel {{cancel_link}}", true),
            Err(TemplateError::LinksInSubject {
                name: "cancel_link".into()
            })
        );
        assert!(parse("  {{choices}} ", false).is_ok());
    }
}
