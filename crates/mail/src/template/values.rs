use std::collections::BTreeMap;

use confab_core::Language;
use serde::{Deserialize, Serialize};

use crate::dates;

/// A placeholder that stands for text, e.g. `{{participant_name}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ParticipantName,
    StudyName,
    ResearcherName,
    /// Already formatted for the participant, e.g. "Tuesday 3 December, 10:00–10:45".
    InterviewTime,
    ParticipantTimeZone,
    /// A room or an address.
    Location,
    /// Shown as a link in the HTML version.
    ConferencingUrl,
    DialIn,
    /// The researcher's own words for this message; may span paragraphs.
    Message,
    /// An applicant's rounds on an interview day, one per line.
    Itinerary,
    /// Which of the study's interviews this is, e.g. "2 of 3"; empty when the study holds one,
    /// so a line with nothing else is left out.
    InterviewRound,
    /// Who the participant meets (the interview's interviewers and note-takers), by name;
    /// empty when nobody is on it, so a line with nothing else is left out.
    Interviewers,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::ParticipantName,
        Field::StudyName,
        Field::ResearcherName,
        Field::InterviewTime,
        Field::ParticipantTimeZone,
        Field::Location,
        Field::ConferencingUrl,
        Field::DialIn,
        Field::Message,
        Field::Itinerary,
        Field::InterviewRound,
        Field::Interviewers,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::ParticipantName => "participant_name",
            Field::StudyName => "study_name",
            Field::ResearcherName => "researcher_name",
            Field::InterviewTime => "interview_time",
            Field::ParticipantTimeZone => "participant_time_zone",
            Field::Location => "location",
            Field::ConferencingUrl => "conferencing_url",
            Field::DialIn => "dial_in",
            Field::Message => "message",
            Field::Itinerary => "itinerary",
            Field::InterviewRound => "interview_round",
            Field::Interviewers => "interviewers",
        }
    }
}

/// A placeholder that stands for a list of links and takes a line of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkList {
    /// One link per offered time or session.
    Choices,
    DeclineLink,
    CancelLink,
}

impl LinkList {
    pub const ALL: [LinkList; 3] = [
        LinkList::Choices,
        LinkList::DeclineLink,
        LinkList::CancelLink,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LinkList::Choices => "choices",
            LinkList::DeclineLink => "decline_link",
            LinkList::CancelLink => "cancel_link",
        }
    }
}

/// A link as the participant sees it: `label` is shown, `href` is followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub href: String,
}

impl Link {
    pub fn new(label: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: href.into(),
        }
    }
}

/// What the placeholders of one message stand for. A placeholder without a value is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Values {
    pub fields: BTreeMap<Field, String>,
    pub links: BTreeMap<LinkList, Vec<Link>>,
}

impl Values {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with(mut self, field: Field, value: impl Into<String>) -> Self {
        self.fields.insert(field, value.into());
        self
    }

    pub fn with_links(mut self, list: LinkList, links: Vec<Link>) -> Self {
        self.links.insert(list, links);
        self
    }

    pub fn field(&self, field: Field) -> &str {
        self.fields.get(&field).map_or("", String::as_str)
    }

    pub fn link_list(&self, list: LinkList) -> &[Link] {
        self.links.get(&list).map_or(&[], Vec::as_slice)
    }

    /// Made-up values for previewing a template in the settings.
    /// What the template editor's preview shows, written in `language`.
    pub fn sample(language: &Language) -> Self {
        use chrono::TimeZone;
        use confab_core::language::phrases::fill;
        let phrases = language.phrases();
        let mail = |subject: &str| {
            crate::mailto::mailto_link(
                "researcher@example.org",
                &format!("{subject} [CF-SAMPLE]"),
                "",
            )
        };
        let zone = chrono_tz::Europe::London;
        let at = |day: u32, hour: u32| {
            chrono::Utc
                .with_ymd_and_hms(2026, 12, day, hour, 0, 0)
                .single()
                .unwrap_or_default()
        };
        let choice = |number: u32, day: u32, hour: u32, code: &str| {
            let time = dates::choice_time(
                at(day, hour),
                at(day, hour) + chrono::Duration::minutes(45),
                zone,
                language,
            );
            Link::new(
                fill(
                    phrases.choice_label,
                    &[
                        ("number", &number.to_string()),
                        ("time", &time),
                        ("code", code),
                    ],
                ),
                mail(&fill(phrases.choice_subject, &[("time", &time)])),
            )
        };
        Self::new()
            .with(Field::ParticipantName, "Alex Morgan")
            .with(Field::StudyName, "Everyday Sleep Study")
            .with(Field::ResearcherName, "Dr. Sam Rivera")
            .with(
                Field::InterviewTime,
                dates::interview_time(
                    at(8, 10),
                    at(8, 10) + chrono::Duration::minutes(45),
                    zone,
                    language,
                ),
            )
            .with(Field::ParticipantTimeZone, "Europe/London")
            .with(
                Field::InterviewRound,
                fill(phrases.round_of, &[("round", "1"), ("count", "2")]),
            )
            .with(Field::Interviewers, "Ana Lind, Ben Okafor")
            .with(Field::Location, phrases.sample_location)
            .with(
                Field::ConferencingUrl,
                "https://meet.example.org/sleep-study",
            )
            .with(Field::DialIn, "+44 20 7946 0000, PIN 123 456")
            .with(Field::Message, phrases.sample_message)
            .with(
                Field::Itinerary,
                format!(
                    "{}  Dr. Sam Rivera\n{}  Dr. Lee Chen",
                    dates::clock_span(
                        at(8, 9),
                        at(8, 9) + chrono::Duration::minutes(30),
                        zone,
                        language
                    ),
                    dates::clock_span(
                        at(8, 10),
                        at(8, 10) + chrono::Duration::minutes(30),
                        zone,
                        language
                    )
                ),
            )
            .with_links(
                LinkList::Choices,
                vec![choice(1, 8, 10, "K7QX"), choice(2, 9, 14, "M3TA")],
            )
            .with_links(
                LinkList::DeclineLink,
                vec![Link::new(
                    phrases.decline_label,
                    mail(phrases.decline_subject),
                )],
            )
            .with_links(
                LinkList::CancelLink,
                vec![Link::new(
                    phrases.cancel_label,
                    mail(phrases.cancel_subject),
                )],
            )
    }
}
