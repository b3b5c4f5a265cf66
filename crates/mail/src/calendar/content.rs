//! Reads the content lines and components of a received calendar (RFC 5545 §3.1, §3.4).
//!
//! Replies come from many calendar programs, some careless, so this reader is lenient where
//! it can be (a line it cannot read is left out; `LF` or `CR` alone end lines; names are
//! case-insensitive) and strict only where the meaning would be in doubt (a component left
//! open, or closed by the wrong END). It keeps its own stack instead of recursing, so no
//! input can exhaust the call stack.

use super::CalendarError;

/// Components nest three deep in practice (VCALENDAR > VTIMEZONE > STANDARD).
const MAX_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ContentLine {
    /// Upper-cased.
    pub name: String,
    /// Keys upper-cased; values without their quotes, RFC 6868 escapes decoded.
    pub params: Vec<(String, String)>,
    /// As written (TEXT escapes are undone by [`unescape_text`] where the value is text).
    pub value: String,
}

impl ContentLine {
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Node {
    /// Upper-cased component name, e.g. `VEVENT`.
    pub name: String,
    pub properties: Vec<ContentLine>,
    pub children: Vec<usize>,
}

impl Node {
    pub fn property(&self, name: &str) -> Option<&ContentLine> {
        self.properties.iter().find(|p| p.name == name)
    }

    pub fn all(&self, name: &'static str) -> impl Iterator<Item = &ContentLine> {
        self.properties.iter().filter(move |p| p.name == name)
    }
}

/// All components of one VCALENDAR; index 0 is the VCALENDAR itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tree {
    pub nodes: Vec<Node>,
}

impl Tree {
    pub fn root(&self) -> &Node {
        &self.nodes[0]
    }

    pub fn children<'a>(&'a self, node: &'a Node) -> impl Iterator<Item = &'a Node> {
        node.children.iter().filter_map(|&i| self.nodes.get(i))
    }

    pub fn components<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.children(self.root()).filter(move |n| n.name == name)
    }
}

/// Reads the first VCALENDAR of `text`; anything after its END is ignored.
pub(super) fn read(text: &str) -> Result<Tree, CalendarError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = logical_lines(text).filter(|l| !l.trim().is_empty());
    let first = lines.next().and_then(|l| parse_line(&l));
    if !first.is_some_and(|l| l.name == "BEGIN" && l.value.trim().eq_ignore_ascii_case("VCALENDAR"))
    {
        return Err(CalendarError::NotACalendar);
    }
    let mut nodes = vec![new_node("VCALENDAR")];
    let mut open = vec![0usize];
    for raw in lines {
        let Some(line) = parse_line(&raw) else {
            continue;
        };
        match line.name.as_str() {
            "BEGIN" => {
                if open.len() >= MAX_DEPTH {
                    return Err(CalendarError::TooDeep { limit: MAX_DEPTH });
                }
                let index = nodes.len();
                nodes.push(new_node(line.value.trim()));
                if let Some(&parent) = open.last() {
                    nodes[parent].children.push(index);
                }
                open.push(index);
            }
            "END" => {
                let Some(&current) = open.last() else {
                    break;
                };
                let found = line.value.trim().to_ascii_uppercase();
                if found != nodes[current].name {
                    return Err(CalendarError::Mismatched {
                        expected: nodes[current].name.clone(),
                        found,
                    });
                }
                open.pop();
                if open.is_empty() {
                    return Ok(Tree { nodes });
                }
            }
            _ => {
                if let Some(&current) = open.last() {
                    nodes[current].properties.push(line);
                }
            }
        }
    }
    let innermost = open.last().map_or(0, |&i| i);
    Err(CalendarError::Unclosed {
        component: nodes[innermost].name.clone(),
    })
}

fn new_node(name: &str) -> Node {
    Node {
        name: name.to_ascii_uppercase(),
        properties: Vec::new(),
        children: Vec::new(),
    }
}

/// Physical lines joined where a line starts with a space or tab (RFC 5545 §3.1 folding).
fn logical_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut physical = text.split(['\n', '\r']).peekable();
    std::iter::from_fn(move || {
        loop {
            let first = physical.next()?;
            // `\r\n` leaves an empty piece between the two; it is not a line.
            if first.is_empty() {
                continue;
            }
            let mut line = first.to_owned();
            loop {
                match physical.peek() {
                    Some(&"") => {
                        physical.next();
                    }
                    Some(next) if next.starts_with([' ', '\t']) => {
                        line.push_str(&next[1..]);
                        physical.next();
                    }
                    _ => break,
                }
            }
            return Some(line);
        }
    })
}

/// `NAME *(";" param) ":" value`; `None` for a line that does not have that shape.
fn parse_line(line: &str) -> Option<ContentLine> {
    let name_end = line.find([';', ':'])?;
    let name = &line[..name_end];
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let mut rest = &line[name_end..];
    let mut params = Vec::new();
    while let Some(after) = rest.strip_prefix(';') {
        let key_end = after.find(['=', ':', ';'])?;
        let key = after[..key_end].trim().to_ascii_uppercase();
        rest = &after[key_end..];
        let mut values: Vec<String> = Vec::new();
        if let Some(mut value_text) = rest.strip_prefix('=') {
            loop {
                let (value, remaining) = if let Some(quoted) = value_text.strip_prefix('"') {
                    let close = quoted.find('"')?;
                    (&quoted[..close], &quoted[close + 1..])
                } else {
                    let end = value_text.find([';', ':', ',']).unwrap_or(value_text.len());
                    (&value_text[..end], &value_text[end..])
                };
                values.push(decode_param(value));
                match remaining.strip_prefix(',') {
                    Some(more) => value_text = more,
                    None => {
                        rest = remaining;
                        break;
                    }
                }
            }
        }
        params.push((key, values.join(",")));
    }
    let value = rest.strip_prefix(':')?;
    Some(ContentLine {
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_owned(),
    })
}

/// RFC 6868: `^n` is a line break, `^'` a double quote, `^^` a caret.
fn decode_param(value: &str) -> String {
    if !value.contains('^') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('n') | Some('N') => {
                out.push('\n');
                chars.next();
            }
            Some('\'') => {
                out.push('"');
                chars.next();
            }
            Some('^') => {
                out.push('^');
                chars.next();
            }
            _ => out.push('^'),
        }
    }
    out
}

/// Undoes TEXT escaping (RFC 5545 §3.3.11).
pub(super) fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other @ ('\\' | ',' | ';' | ':' | '"')) => out.push(other),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lines_quoted_parameters_and_rfc_6868_are_read() {
        let tree = read(concat!(
            "\u{feff}BEGIN:VCALENDAR\r\n",
            "METHOD:REPLY\n",
            "BEGIN:VEVENT\r\n",
            "ATTENDEE;CN=\"Ng, Ada ^'Ace^'\";PARTSTAT=ACC\r\n EPTED:mailto:ada@\r\n\texample.org\r\n",
            "attendee;cn=Bo:mailto:bo@example.org\r\n",
            "this line is not a property\r\n",
            "END:VEVENT\r\n",
            "END:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\n",
        ))
        .unwrap();
        assert_eq!(tree.root().property("METHOD").unwrap().value, "REPLY");
        let event = tree.components("VEVENT").next().unwrap();
        let attendees: Vec<&ContentLine> = event.all("ATTENDEE").collect();
        assert_eq!(attendees.len(), 2);
        assert_eq!(attendees[0].param("CN"), Some("Ng, Ada \"Ace\""));
        assert_eq!(attendees[0].param("PARTSTAT"), Some("ACCEPTED"));
        assert_eq!(attendees[0].value, "mailto:ada@example.org");
        assert_eq!(attendees[1].param("CN"), Some("Bo"));
    }

    #[test]
    fn broken_structure_is_named() {
        assert_eq!(read("hello"), Err(CalendarError::NotACalendar));
        assert_eq!(read(""), Err(CalendarError::NotACalendar));
        assert_eq!(
            read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"),
            Err(CalendarError::Unclosed {
                component: "VEVENT".into()
            })
        );
        assert_eq!(
            read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"),
            Err(CalendarError::Mismatched {
                expected: "VEVENT".into(),
                found: "VTODO".into()
            })
        );
        let deep = format!("BEGIN:VCALENDAR\r\n{}", "BEGIN:X\r\n".repeat(100_000));
        assert_eq!(
            read(&deep),
            Err(CalendarError::TooDeep { limit: MAX_DEPTH })
        );
    }

    #[test]
    fn text_escapes_are_undone_once() {
        assert_eq!(unescape_text(r"a\, b\; c\\n d\nE\"), "a, b; c\\n d\nE\\");
    }
}
