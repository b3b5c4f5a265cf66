//! Every message in every language Confab ships, filled in as a participant receives it and
//! read for what a participant must never see: placeholders left over, English in a message
//! that is not English, a subject on two lines.

use confab_core::language::phrases::names_in;
use confab_core::{BaseLanguage, Language};
use confab_mail::template::{MessageKind, Values, render, validate_template};

/// English words that no sentence of the other shipped languages uses. ("is", "interview" and
/// "for" are left out: Dutch, German and Portuguese write them too.)
const ENGLISH: &[&str] = &[
    "the", "and", "your", "you", "please", "with", "this", "that", "would", "thank", "will",
    "here", "there", "which", "when", "have", "should", "been", "choose", "cancel", "time",
    "message", "best", "wishes", "hello", "dear", "booked", "reply", "click", "send",
];

fn english_words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| ENGLISH.contains(w))
        .map(str::to_owned)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// What the sample holds that is a name, not a sentence: left out before looking for English.
fn without_names(text: &str) -> String {
    [
        "Everyday Sleep Study",
        "Alex Morgan",
        "Dr. Sam Rivera",
        "Dr. Lee Chen",
        "researcher@example.org",
        "https://meet.example.org/sleep-study",
        "Europe/London",
    ]
    .iter()
    .fold(text.to_owned(), |t, name| t.replace(name, " "))
}

#[test]
fn every_message_in_every_language_is_filled_in_and_reads_in_that_language() {
    for base in BaseLanguage::ALL {
        let language = Language::new(base);
        let values = Values::sample(&language);
        for kind in MessageKind::ALL {
            let template = kind.default_template(base);
            validate_template(&template).unwrap_or_else(|e| panic!("{base:?} {kind:?}: {e}"));
            let rendered =
                render(&template, &values).unwrap_or_else(|e| panic!("{base:?} {kind:?}: {e}"));
            for text in [&rendered.subject, &rendered.text] {
                assert!(!text.contains("{{"), "{base:?} {kind:?}: {text}");
                assert!(names_in(text).is_empty(), "{base:?} {kind:?}: {text}");
            }
            assert!(!rendered.subject.contains('\n'));
            if base != BaseLanguage::English && kind != MessageKind::ResearcherNotice {
                let text = without_names(&format!("{}\n{}", rendered.subject, rendered.text));
                let words = english_words(&text);
                assert!(
                    words.is_empty(),
                    "{base:?} {kind:?} has English words {words:?}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn every_language_keeps_the_placeholders_of_each_message() {
    for base in BaseLanguage::ALL {
        for kind in MessageKind::ALL {
            let english = kind.default_template(BaseLanguage::English);
            let theirs = kind.default_template(base);
            for (name, ours, translated) in [
                ("subject", &english.subject, &theirs.subject),
                ("body", &english.body, &theirs.body),
            ] {
                let mut a = placeholders(ours);
                let mut b = placeholders(translated);
                a.sort();
                b.sort();
                assert_eq!(a, b, "{base:?} {kind:?} {name}");
            }
        }
    }
}

fn placeholders(text: &str) -> Vec<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("}}")
                .map(|(name, _)| name.trim().to_owned())
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}
