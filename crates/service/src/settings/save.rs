//! Saving a study's settings: checking every field, merging with what another researcher
//! saved meanwhile, and recording each change in the audit log.

use confab_core::Language;
use confab_store::audit::{self, NewEntry};
use confab_store::entity::study;
use confab_store::interview_interviewers::NOTE_TAKER;
use confab_store::{Set, interviewers, interviews, studies};

use super::changed_meanwhile::settings_changed_meanwhile;
use super::{MAX_INTERVIEWS_PER_PARTICIPANT, StudySettings};
use crate::clock::now_ts;
use crate::participants::records::require_study;
use crate::staffing::Staffing;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode};

/// Two weeks: a reminder further ahead is not a reminder.
const MAX_REMINDER_HOURS: i32 = 24 * 14;

/// A panel larger than this is a hearing, not an interview.
const MAX_PANEL: u32 = 12;

/// A fixed interviewer must be one of the study's interviewers (not a note-taker).
async fn check_staffing(
    db: &impl confab_store::ConnectionTrait,
    study_id: i64,
    staffing: &Staffing,
) -> Result<(), AppError> {
    match staffing {
        Staffing::RoundRobin => Ok(()),
        Staffing::Panel { size } => match size {
            Some(n) if !(1..=MAX_PANEL).contains(n) => Err(AppError::about_field(
                ErrorCode::InvalidInput,
                "staffing",
                format!(
                    "A panel has 1 to {MAX_PANEL} interviewers, or leave the number empty for all of a session's interviewers."
                ),
            )),
            _ => Ok(()),
        },
        Staffing::Fixed { interviewer_id } => {
            let person = interviewers::find(db, *interviewer_id)
                .await?
                .filter(|p| p.study_id == study_id);
            match person {
                Some(p) if p.role == NOTE_TAKER => Err(AppError::about_field(
                    ErrorCode::InvalidInput,
                    "staffing",
                    format!(
                        "{} takes notes in this study; choose an interviewer to run every interview.",
                        p.name
                    ),
                )),
                Some(_) => Ok(()),
                None => Err(AppError::about_field(
                    ErrorCode::InvalidInput,
                    "staffing",
                    "Choose one of the study's interviewers to run every interview.",
                )),
            }
        }
    }
}

impl Confab {
    pub(crate) async fn study_row(&self, study_id: i64) -> Result<study::Model, AppError> {
        require_study(&self.db, study_id).await
    }

    pub async fn study_settings(&self, study_id: i64) -> Result<StudySettings, AppError> {
        StudySettings::of(&self.study_row(study_id).await?)
    }

    /// Saves the study's settings as given, whatever is stored.
    pub async fn update_study_settings(
        &self,
        study_id: i64,
        settings: StudySettings,
        actor: &Actor,
    ) -> Result<StudySettings, AppError> {
        self.save_study_settings(study_id, None, settings, actor)
            .await
    }

    /// Saves the settings form. `loaded` is what the form started from: a field the form left
    /// as loaded keeps what is stored now (another researcher may have changed it meanwhile),
    /// and a field both changed, to different values, is refused as changed meanwhile, naming
    /// the field and who changed it; nothing is saved then.
    pub async fn save_study_settings(
        &self,
        study_id: i64,
        loaded: Option<StudySettings>,
        edited: StudySettings,
        actor: &Actor,
    ) -> Result<StudySettings, AppError> {
        in_transaction(&self.db, async |txn| {
            let row = require_study(txn, study_id).await?;
            let before = StudySettings::of(&row)?;
            let mut settings = match loaded {
                None => edited,
                Some(loaded) => match crate::three_way::merge(&loaded, &edited, &before) {
                    Ok(merged) => merged,
                    Err(fields) => {
                        let since = loaded.changes(&before);
                        let changed: Vec<&str> = since.iter().map(|(label, _, _)| *label).collect();
                        return Err(settings_changed_meanwhile(txn, &row, &fields, &changed).await?);
                    }
                },
            };
            settings.location = settings.location.trim().to_owned();
            settings.conferencing_url = settings.conferencing_url.trim().to_owned();
            settings.dial_in = settings.dial_in.trim().to_owned();
            if settings
                .reminder_hours
                .is_some_and(|h| !(1..=MAX_REMINDER_HOURS).contains(&h))
            {
                return Err(AppError::about_field(
                    ErrorCode::InvalidInput,
                    "reminderHours",
                    format!(
                        "A reminder goes 1 to {MAX_REMINDER_HOURS} hours before the interview, or leave it empty for none."
                    ),
                ));
            }
            if settings
                .waitlist_offer_hours
                .is_some_and(|h| !(1..=MAX_REMINDER_HOURS).contains(&h))
            {
                return Err(AppError::about_field(
                    ErrorCode::InvalidInput,
                    "waitlistOfferHours",
                    format!(
                        "A waitlist offer stays open 1 to {MAX_REMINDER_HOURS} hours, or leave it empty for no limit."
                    ),
                ));
            }
            if !(1..=MAX_INTERVIEWS_PER_PARTICIPANT).contains(&settings.interviews_per_participant) {
                return Err(AppError::about_field(
                    ErrorCode::InvalidInput,
                    "interviewsPerParticipant",
                    format!(
                        "A study holds 1 to {MAX_INTERVIEWS_PER_PARTICIPANT} interviews per participant."
                    ),
                ));
            }
            let language = settings.language.parse::<Language>().map_err(|e| {
                AppError::about_field(ErrorCode::InvalidInput, "language", e.to_string())
            })?;
            let settings = StudySettings {
                language: language.to_string(),
                ..settings
            };
            settings.rules().validate()?;
            check_staffing(txn, study_id, &settings.staffing).await?;
            let held = interviews::most_rounds_held(txn, study_id).await?;
            if settings.interviews_per_participant < held {
                return Err(AppError::about_field(
                    ErrorCode::InvalidInput,
                    "interviewsPerParticipant",
                    format!(
                        "A participant of this study already has {held} interviews scheduled or completed, so the study holds at least {held} interviews per participant."
                    ),
                ));
            }
            let now = now_ts();
            for (field, from, to) in before.changes(&settings) {
                audit::record(
                    txn,
                    NewEntry {
                        study_id: Some(study_id),
                        from_value: from,
                        to_value: to,
                        ..actor.entry(format!("setting changed: {field}"), now)
                    },
                )
                .await?;
            }
            let (staffing, fixed_interviewer, panel_size) = settings.staffing.columns();
            let updated = studies::update(
                txn,
                study::ActiveModel {
                    id: Set(study_id),
                    staffing: Set(staffing.to_owned()),
                    fixed_interviewer_id: Set(fixed_interviewer),
                    panel_size: Set(panel_size),
                    kind: Set(settings.kind.key().to_owned()),
                    buffer_before_minutes: Set(settings.buffer_before_minutes),
                    buffer_after_minutes: Set(settings.buffer_after_minutes),
                    min_notice_minutes: Set(settings.min_notice_minutes),
                    horizon_days: Set(settings.horizon_days),
                    max_per_day: Set(settings.max_per_day),
                    max_per_week: Set(settings.max_per_week),
                    reminder_hours: Set(settings.reminder_hours),
                    waitlist_offer_hours: Set(settings.waitlist_offer_hours),
                    interviews_per_participant: Set(settings.interviews_per_participant),
                    language: Set(settings.language.clone()),
                    change_cutoff_hours: Set(settings.change_cutoff_hours),
                    location: Set(settings.location.clone()),
                    conferencing_url: Set(settings.conferencing_url.clone()),
                    dial_in: Set(settings.dial_in.clone()),
                    self_scheduling: Set(settings.self_scheduling),
                    updated_at: Set(chrono::Utc::now()),
                    ..Default::default()
                },
            )
            .await?;
            StudySettings::of(&updated)
        })
        .await
    }
}
