use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
}

impl Field {
    pub const ALL: [Field; 11] = [
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
    pub fn sample() -> Self {
        let mail = "mailto:researcher@example.org?subject=";
        Self::new()
            .with(Field::ParticipantName, "Alex Morgan")
            .with(Field::StudyName, "Everyday Sleep Study")
            .with(Field::ResearcherName, "Dr. Sam Rivera")
            .with(Field::InterviewTime, "Tuesday 3 December, 10:00–10:45")
            .with(Field::ParticipantTimeZone, "London time")
            .with(Field::Location, "Room 2.14, Psychology Building")
            .with(Field::ConferencingUrl, "https://meet.example.org/sleep-study")
            .with(Field::DialIn, "+44 20 7946 0000, PIN 123 456")
            .with(Field::Message, "Thank you again for your help with this study.")
            .with(
                Field::Itinerary,
                "09:00–09:30  Welcome, Room 1\n09:40–10:10  Interview with Dr. Rivera, Room 2",
            )
            .with_links(
                LinkList::Choices,
                vec![
                    Link::new(
                        "Tuesday 3 December, 10:00",
                        format!("{mail}Interview%20choice%3A%20Tue%203%20Dec%2010%3A00%20%5BCF-SAMPLE%5D"),
                    ),
                    Link::new(
                        "Wednesday 4 December, 14:00",
                        format!("{mail}Interview%20choice%3A%20Wed%204%20Dec%2014%3A00%20%5BCF-SAMPLE%5D"),
                    ),
                ],
            )
            .with_links(
                LinkList::DeclineLink,
                vec![Link::new(
                    "I would rather not take part",
                    format!("{mail}Decline%20%5BCF-SAMPLE%5D"),
                )],
            )
            .with_links(
                LinkList::CancelLink,
                vec![Link::new(
                    "Cancel my interview",
                    format!("{mail}Cancel%20%5BCF-SAMPLE%5D"),
                )],
            )
    }
}
