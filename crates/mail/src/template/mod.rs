//! The messages a study sends, which the researcher can reword.
//!
//! A template is plain text with placeholders in double braces, e.g. `{{participant_name}}`.
//! [`Field`]s stand for text; [`LinkList`]s (`{{choices}}`, `{{decline_link}}`,
//! `{{cancel_link}}`) stand for lists of links and take a line of their own. A line whose
//! placeholders are all empty is left out. The text body is the template filled in; the HTML
//! alternative is made from the same template, every character escaped, with paragraphs at
//! blank lines and links as `<a href>`.

mod defaults;
mod html;
mod layout;
mod syntax;
mod text;
mod values;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use confab_core::BaseLanguage;
use serde::{Deserialize, Serialize};

pub use values::{Field, Link, LinkList, Values};

/// Each kind of message a study sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// Asks a participant to choose a time.
    Invitation,
    /// A booked interview, with its calendar invitation.
    Confirmation,
    /// A rescheduled interview, with the updated invitation.
    Update,
    Cancellation,
    /// Asks a participant to choose a new time.
    RescheduleRequest,
    Reminder,
    /// Offers a freed place to someone on the waiting list.
    WaitlistOffer,
    /// An applicant's rounds on an interview day.
    Itinerary,
    /// Tells the researcher about something that needs them.
    ResearcherNotice,
    /// Answers a choice that could no longer be booked, with the times still open.
    ChoiceUnavailable,
    /// Tells a participant whose choices wait for the researcher that they arrived.
    ChoicesReceived,
}

impl MessageKind {
    pub const ALL: [MessageKind; 11] = [
        MessageKind::Invitation,
        MessageKind::Confirmation,
        MessageKind::Update,
        MessageKind::Cancellation,
        MessageKind::RescheduleRequest,
        MessageKind::Reminder,
        MessageKind::WaitlistOffer,
        MessageKind::Itinerary,
        MessageKind::ResearcherNotice,
        MessageKind::ChoiceUnavailable,
        MessageKind::ChoicesReceived,
    ];

    /// Confab's own wording for this kind of message, in `language`.
    pub fn default_template(self, language: BaseLanguage) -> Template {
        defaults::default_template(self, language)
    }
}

/// A subject line and a plain-text body, both with placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Template {
    pub subject: String,
    pub body: String,
}

/// A filled-in message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendered {
    /// One line.
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What is wrong with a template, worded for the template editor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum TemplateError {
    #[error("unknown placeholder: {}. {}", braced(names), known_list())]
    UnknownPlaceholders { names: Vec<String> },
    #[error("\"{context}\" opens a placeholder with {{{{ but does not close it with }}}}")]
    Unclosed { context: String },
    #[error("{{{{{name}}}}} is a list of links, so it needs a line of its own")]
    LinksNotAlone { name: String },
    #[error("{{{{{name}}}}} is a list of links and cannot be part of the subject")]
    LinksInSubject { name: String },
    #[error("the subject is empty")]
    EmptySubject,
}

fn braced(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{{{{{n}}}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn known_list() -> String {
    let names: Vec<String> = Field::ALL
        .iter()
        .map(|f| f.name().to_owned())
        .chain(LinkList::ALL.iter().map(|l| l.name().to_owned()))
        .collect();
    format!("The placeholders are {}", braced(&names))
}

/// Checks a template as the editor saves it: every placeholder known, lists of links on lines
/// of their own and not in the subject, a subject.
pub fn validate_template(template: &Template) -> Result<(), TemplateError> {
    parse_both(template).map(|_| ())
}

/// Fills `template` with `values`.
pub fn render(template: &Template, values: &Values) -> Result<Rendered, TemplateError> {
    let parsed = parsed(template)?;
    let (subject_lines, body_lines) = &*parsed;
    let subject_blocks = layout::layout(subject_lines, values);
    let subject = single_line(&text::render(&subject_blocks));
    if subject.is_empty() {
        return Err(TemplateError::EmptySubject);
    }
    let body = layout::layout(body_lines, values);
    Ok(Rendered {
        subject,
        text: text::render(&body),
        html: html::render(&body),
    })
}

type Parsed = (Vec<syntax::Line>, Vec<syntax::Line>);

/// How many read templates a thread keeps; more are read again.
const KEPT_TEMPLATES: usize = 64;

// A Sync fills the same few templates for hundreds of messages, and reading one costs more
// than filling it in. Kept by their words, so a reworded template is another entry and never
// finds the old reading.
thread_local! {
    static READ: RefCell<HashMap<Template, Rc<Parsed>>> = RefCell::default();
}

/// `template` read, from what this thread kept when it read the same words before.
fn parsed(template: &Template) -> Result<Rc<Parsed>, TemplateError> {
    if let Some(kept) = READ.with(|read| read.borrow().get(template).cloned()) {
        return Ok(kept);
    }
    let fresh = Rc::new(parse_both(template)?);
    READ.with(|read| {
        let mut read = read.borrow_mut();
        if read.len() >= KEPT_TEMPLATES {
            read.clear();
        }
        read.insert(template.clone(), Rc::clone(&fresh));
    });
    Ok(fresh)
}

/// Unknown placeholders of the subject and of the body are reported together.
fn parse_both(template: &Template) -> Result<Parsed, TemplateError> {
    if template.subject.trim().is_empty() {
        return Err(TemplateError::EmptySubject);
    }
    let subject = syntax::parse(&template.subject, true);
    let body = syntax::parse(&template.body, false);
    match (subject, body) {
        (Ok(subject), Ok(body)) => Ok((subject, body)),
        (
            Err(TemplateError::UnknownPlaceholders { mut names }),
            Err(TemplateError::UnknownPlaceholders { names: more }),
        ) => {
            names.extend(
                more.into_iter()
                    .filter(|n| !names.contains(n))
                    .collect::<Vec<_>>(),
            );
            Err(TemplateError::UnknownPlaceholders { names })
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

fn single_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use confab_core::Language;

    fn template(subject: &str, body: &str) -> Template {
        Template {
            subject: subject.into(),
            body: body.into(),
        }
    }

    #[test]
    fn every_default_template_is_valid_and_renders_the_sample() {
        for kind in MessageKind::ALL {
            let template = kind.default_template(BaseLanguage::English);
            validate_template(&template).unwrap();
            let rendered = render(&template, &Values::sample(&Language::study_default())).unwrap();
            assert!(!rendered.subject.contains('\n'));
            assert!(!rendered.text.contains("{{"), "{kind:?}: {}", rendered.text);
            assert!(rendered.text.contains("Alex Morgan") || rendered.text.contains("Sam Rivera"));
        }
    }

    #[test]
    fn choices_explain_how_to_give_a_second_choice() {
        for kind in [MessageKind::Invitation, MessageKind::RescheduleRequest] {
            let body = kind.default_template(BaseLanguage::English).body;
            assert!(body.contains("{{choices}}"));
            assert!(body.contains("the first message you send is your first choice"));
        }
    }

    #[test]
    fn values_are_escaped_in_html_and_links_become_anchors() {
        let values = Values::new()
            .with(Field::ParticipantName, "<script>alert(1)</script> & \"Co\"")
            .with(Field::ConferencingUrl, "https://meet.example/a?b=1&c=2")
            .with_links(
                LinkList::Choices,
                vec![
                    Link::new(
                        "Tue <b>10:00</b>",
                        "mailto:r@x.example?subject=A%20%5BCF-1%5D&body=\"x\"",
                    ),
                    Link::new("evil", "javascript:alert(1)"),
                ],
            );
        let rendered = render(
            &template(
                "Hi {{participant_name}}",
                "Hello {{participant_name}} <i>\n\nJoin: {{conferencing_url}}\n\n{{choices}}",
            ),
            &values,
        )
        .unwrap();
        let html = &rendered.html;
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Co\""),
            "{html}"
        );
        assert!(html.contains(
            "<a href=\"https://meet.example/a?b=1&amp;c=2\">https://meet.example/a?b=1&amp;c=2</a>"
        ), "{html}");
        assert!(html.contains(
            "<li><a href=\"mailto:r@x.example?subject=A%20%5BCF-1%5D&amp;body=&quot;x&quot;\">Tue &lt;b&gt;10:00&lt;/b&gt;</a></li>"
        ), "{html}");
        assert!(html.contains("<li>evil</li>"), "{html}");
        assert_eq!(rendered.subject, "Hi <script>alert(1)</script> & \"Co\"");
        assert!(
            rendered
                .text
                .starts_with("Hello <script>alert(1)</script> & \"Co\" <i>\n")
        );
    }

    #[test]
    fn paragraphs_lines_and_empty_placeholders() {
        let rendered = render(
            &template(
                "{{study_name}}\r\nline two",
                "Hello {{participant_name}},\nwelcome.\n\n{{message}}\n\nDial in: {{dial_in}}\n\n\nBye",
            ),
            &Values::new()
                .with(Field::ParticipantName, "Ada")
                .with(Field::StudyName, "Sleep"),
        )
        .unwrap();
        assert_eq!(rendered.subject, "Sleep line two");
        assert_eq!(rendered.text, "Hello Ada,\nwelcome.\n\nBye\n");
        assert!(
            rendered
                .html
                .contains("<p>Hello Ada,<br>\nwelcome.</p>\n<p>Bye</p>\n"),
            "{}",
            rendered.html
        );
    }

    #[test]
    fn link_lists_in_text() {
        let rendered = render(
            &template("s", "Pick:\n{{choices}}\n{{cancel_link}}\nEnd"),
            &Values::new().with_links(
                LinkList::Choices,
                vec![Link::new("Tue 10:00", "mailto:a@b.c?subject=x")],
            ),
        )
        .unwrap();
        assert_eq!(
            rendered.text,
            "Pick:\n  * Tue 10:00\n    mailto:a@b.c?subject=x\nEnd\n"
        );
    }

    #[test]
    fn errors_name_every_unknown_placeholder() {
        let err = validate_template(&template("{{studyname}}", "{{participant}} {{studyname}}"))
            .unwrap_err();
        assert_eq!(
            err,
            TemplateError::UnknownPlaceholders {
                names: vec!["studyname".into(), "participant".into()]
            }
        );
        let message = err.to_string();
        assert!(
            message.starts_with("unknown placeholder: {{studyname}}, {{participant}}."),
            "{message}"
        );
        assert!(message.contains("{{participant_name}}"), "{message}");
        assert_eq!(
            validate_template(&template("  ", "x")),
            Err(TemplateError::EmptySubject)
        );
        assert_eq!(
            render(&template("{{study_name}}", "x"), &Values::new()),
            Err(TemplateError::EmptySubject)
        );
    }

    #[test]
    fn kinds_are_snake_case_in_json() {
        assert_eq!(
            serde_json::to_string(&MessageKind::RescheduleRequest).unwrap(),
            "\"reschedule_request\""
        );
        assert_eq!(
            serde_json::from_str::<MessageKind>("\"waitlist_offer\"").unwrap(),
            MessageKind::WaitlistOffer
        );
    }

    /// A researcher rewords a template between two messages: the next message has the new
    /// words, an earlier template still renders as written, and a template that names an
    /// unknown placeholder is refused every time it is used.
    #[test]
    fn a_reworded_template_is_read_again() {
        let values = Values::sample(&Language::study_default());
        let name = values_name(&values);
        let before = template("Your interview", "See you soon, {{participant_name}}.");
        let after = template("Your interview", "Until then, {{participant_name}}.");
        let broken = template("Your interview", "Until then, {{participant_nmae}}.");
        for _ in 0..2 {
            assert_eq!(
                render(&before, &values).unwrap().text.trim(),
                format!("See you soon, {name}.")
            );
            assert_eq!(
                render(&after, &values).unwrap().text.trim(),
                format!("Until then, {name}.")
            );
            assert!(render(&broken, &values).is_err());
        }
        // More templates than a thread keeps, and the first again.
        for n in 0..=KEPT_TEMPLATES {
            let numbered = template("Your interview", &format!("Number {n}."));
            assert_eq!(
                render(&numbered, &values).unwrap().text.trim(),
                format!("Number {n}.")
            );
        }
        assert_eq!(
            render(&before, &values).unwrap().text.trim(),
            format!("See you soon, {name}.")
        );
    }

    /// The participant's name as the sample values give it.
    fn values_name(values: &Values) -> String {
        render(&template("Name", "{{participant_name}}"), values)
            .unwrap()
            .text
            .trim()
            .to_owned()
    }
}
