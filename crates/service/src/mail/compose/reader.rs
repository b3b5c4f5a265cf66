//! A message's reader: the participant and study it is about, and the zone and language each
//! reader reads it in.

use chrono_tz::Tz;
use confab_core::Language;
use confab_core::time_zone::parse_time_zone;
use confab_store::ConnectionTrait;
use confab_store::entity::{participant, study};

use crate::AppError;
use crate::mail::profile::load_profile;

/// The zone a participant reads times in: their own, else the study's.
pub(crate) fn reader_zone(person: &participant::Model, study: &study::Model) -> Tz {
    person
        .time_zone
        .as_deref()
        .and_then(|z| parse_time_zone(z).ok())
        .or_else(|| parse_time_zone(&study.time_zone).ok())
        .unwrap_or(chrono_tz::UTC)
}

/// The language a study writes in when a participant has none of their own.
fn study_language(study: &study::Model) -> Language {
    study
        .language
        .parse()
        .unwrap_or_else(|_| Language::study_default())
}

/// The language a participant reads their messages in: their own, else the study's.
pub(crate) fn reader_language(person: &participant::Model, study: &study::Model) -> Language {
    person
        .language
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| study_language(study))
}

/// The zone the researcher reads times in: their own, else the study's.
pub(crate) async fn researcher_zone(
    db: &impl ConnectionTrait,
    study: &study::Model,
) -> Result<Tz, AppError> {
    let profile = load_profile(db).await?;
    Ok(parse_time_zone(&profile.time_zone)
        .or_else(|_| parse_time_zone(&study.time_zone))
        .unwrap_or(chrono_tz::UTC))
}

pub(crate) async fn person_and_study(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_id: i64,
) -> Result<(study::Model, participant::Model), AppError> {
    let study = crate::participants::records::require_study(db, study_id).await?;
    let person = crate::participants::records::require_participant(db, participant_id).await?;
    Ok((study, person))
}
