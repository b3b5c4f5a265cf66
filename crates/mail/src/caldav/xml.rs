//! The XML of WebDAV and CalDAV: the bodies Confab sends, and the multistatus answers
//! (RFC 4918 §13) read into plain values, whatever prefixes the server gives the namespaces.

use chrono::{DateTime, Utc};

pub(super) const DAV: &str = "DAV:";
pub(super) const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";

/// The account's principal and calendar homes, and what the resource itself is.
pub(super) const PROPFIND_PRINCIPAL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:current-user-principal/><c:calendar-home-set/><d:resourcetype/></d:prop>
</d:propfind>"#;

/// What Confab shows of each calendar in a calendar home.
pub(super) const PROPFIND_CALENDARS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop>
    <d:resourcetype/>
    <d:displayname/>
    <c:supported-calendar-component-set/>
    <d:current-user-privilege-set/>
  </d:prop>
</d:propfind>"#;

/// The events that overlap [from, to), whole (repeating ones unexpanded), RFC 4791 §7.8.
pub(super) fn calendar_query(from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    let time = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:getetag/><c:calendar-data/></d:prop>
  <c:filter>
    <c:comp-filter name="VCALENDAR">
      <c:comp-filter name="VEVENT">
        <c:time-range start="{}" end="{}"/>
      </c:comp-filter>
    </c:comp-filter>
  </c:filter>
</c:calendar-query>"#,
        time(from),
        time(to)
    )
}

/// A new calendar for events named `name`, RFC 4791 §5.3.1.
pub(super) fn mkcalendar(name: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:set><d:prop>
    <d:displayname>{}</d:displayname>
    <c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>
  </d:prop></d:set>
</c:mkcalendar>"#,
        escape(name)
    )
}

fn escape(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\t' || c == '\n' || !c.is_control())
        .fold(String::with_capacity(text.len()), |mut out, c| {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
            out
        })
}

/// One `<response>` of a multistatus: the resource and the properties the server found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Resource {
    pub href: String,
    /// The status of the whole response, when it has one instead of properties (a
    /// resource that went away between listing and reading answers 404 this way).
    pub status: Option<u16>,
    /// The properties answered with 200.
    pub props: Vec<Prop>,
}

/// One property, flattened to what Confab reads of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Prop {
    pub namespace: String,
    pub name: String,
    /// Its text, as sent (calendar data keeps its line breaks).
    pub text: String,
    /// The `<href>`s inside it.
    pub hrefs: Vec<String>,
    /// Every element inside it: (namespace, name, its `name` attribute).
    pub elements: Vec<(String, String, Option<String>)>,
}

impl Resource {
    pub fn prop(&self, namespace: &str, name: &str) -> Option<&Prop> {
        self.props
            .iter()
            .find(|p| p.namespace == namespace && p.name == name)
    }
}

impl Prop {
    pub fn contains(&self, namespace: &str, name: &str) -> bool {
        self.elements
            .iter()
            .any(|(ns, n, _)| ns == namespace && n == name)
    }
}

/// The responses of a multistatus body, or why it is not one.
pub(super) fn multistatus(body: &str) -> Result<Vec<Resource>, String> {
    let doc =
        roxmltree::Document::parse(body).map_err(|err| format!("its answer is not XML ({err})"))?;
    let root = doc.root_element();
    if !root.has_tag_name((DAV, "multistatus")) {
        return Err(format!(
            "its answer is <{}>, not a WebDAV multistatus",
            root.tag_name().name()
        ));
    }
    let mut resources = Vec::new();
    for response in children(root, DAV, "response") {
        let Some(href) = children(response, DAV, "href").next() else {
            continue;
        };
        let mut resource = Resource {
            href: text_of(href).trim().to_owned(),
            status: children(response, DAV, "status").next().and_then(status),
            props: Vec::new(),
        };
        for propstat in children(response, DAV, "propstat") {
            let ok = children(propstat, DAV, "status")
                .next()
                .and_then(status)
                .is_some_and(|s| (200..300).contains(&s));
            if !ok {
                continue;
            }
            for prop in children(propstat, DAV, "prop") {
                resource
                    .props
                    .extend(prop.children().filter(|n| n.is_element()).map(read_prop));
            }
        }
        resources.push(resource);
    }
    Ok(resources)
}

fn read_prop(node: roxmltree::Node) -> Prop {
    let elements = node.descendants().skip(1).filter(|n| n.is_element());
    Prop {
        namespace: node.tag_name().namespace().unwrap_or_default().to_owned(),
        name: node.tag_name().name().to_owned(),
        text: text_of(node),
        hrefs: elements
            .clone()
            .filter(|n| n.has_tag_name((DAV, "href")))
            .map(|n| text_of(n).trim().to_owned())
            .collect(),
        elements: elements
            .map(|n| {
                (
                    n.tag_name().namespace().unwrap_or_default().to_owned(),
                    n.tag_name().name().to_owned(),
                    n.attribute("name").map(str::to_owned),
                )
            })
            .collect(),
    }
}

fn children<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    namespace: &'static str,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> + Clone {
    node.children()
        .filter(move |n| n.has_tag_name((namespace, name)))
}

/// All the text inside a node (CDATA included).
fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The code of an `HTTP/1.1 404 Not Found` status line.
fn status(node: roxmltree::Node) -> Option<u16> {
    text_of(node).split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_multistatus_is_read_whatever_the_prefixes() {
        let body = r#"<?xml version="1.0"?>
<D:multistatus xmlns:D="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
  <D:response>
    <D:href>/dav/ada/Work%20Calendar/</D:href>
    <D:propstat>
      <D:prop>
        <D:resourcetype><D:collection/><cal:calendar/></D:resourcetype>
        <D:displayname>Work &amp; study</D:displayname>
        <cal:supported-calendar-component-set><cal:comp name="VEVENT"/></cal:supported-calendar-component-set>
      </D:prop>
      <D:status>HTTP/1.1 200 OK</D:status>
    </D:propstat>
    <D:propstat>
      <D:prop><D:current-user-privilege-set/></D:prop>
      <D:status>HTTP/1.1 404 Not Found</D:status>
    </D:propstat>
  </D:response>
  <D:response><D:href>/dav/ada/old.ics</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>
</D:multistatus>"#;
        let resources = multistatus(body).unwrap();
        assert_eq!(resources.len(), 2);
        let calendar = &resources[0];
        assert_eq!(calendar.href, "/dav/ada/Work%20Calendar/");
        assert!(
            calendar
                .prop(DAV, "resourcetype")
                .unwrap()
                .contains(CALDAV, "calendar")
        );
        assert_eq!(
            calendar.prop(DAV, "displayname").unwrap().text,
            "Work & study"
        );
        let components = calendar
            .prop(CALDAV, "supported-calendar-component-set")
            .unwrap();
        assert_eq!(
            components.elements,
            [(CALDAV.into(), "comp".into(), Some("VEVENT".into()))]
        );
        assert!(calendar.prop(DAV, "current-user-privilege-set").is_none());
        assert_eq!(resources[1].status, Some(404));
    }

    #[test]
    fn what_is_not_a_multistatus_is_named() {
        assert!(
            multistatus("<html><body>Hello</body></html>")
                .unwrap_err()
                .contains("<html>")
        );
        assert!(multistatus("Hello").unwrap_err().contains("not XML"));
    }

    #[test]
    fn a_calendar_name_is_escaped() {
        assert!(
            mkcalendar("R&D <lab>").contains("<d:displayname>R&amp;D &lt;lab&gt;</d:displayname>")
        );
    }
}
