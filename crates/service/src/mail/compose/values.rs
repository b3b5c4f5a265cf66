//! The values a participant's message shares with the others: who and what it is about, and
//! which of the study's interviews, in words.

use confab_core::Language;
use confab_core::language::phrases::fill;
use confab_mail::template::{Field, Values};
use confab_store::entity::{participant, study};

use super::reader::reader_zone;
use crate::mail::profile::MailProfile;

pub(super) fn base_values(
    profile: &MailProfile,
    study: &study::Model,
    person: &participant::Model,
) -> Values {
    Values::new()
        .with(Field::ParticipantName, person.name.clone())
        .with(Field::StudyName, study.name.clone())
        .with(Field::ResearcherName, profile.researcher_name.clone())
        .with(
            Field::ParticipantTimeZone,
            reader_zone(person, study).name(),
        )
        .with(Field::Location, study.location.clone())
        .with(Field::ConferencingUrl, study.conferencing_url.clone())
        .with(Field::DialIn, study.dial_in.clone())
}

/// "2 of 3" for a study that holds several interviews with each participant; empty for one.
pub(super) fn round_words(round: i32, of: i32, language: &Language) -> String {
    if of.max(round) <= 1 {
        String::new()
    } else {
        fill(
            language.phrases().round_of,
            &[
                ("round", &round.to_string()),
                ("count", &of.max(round).to_string()),
            ],
        )
    }
}
