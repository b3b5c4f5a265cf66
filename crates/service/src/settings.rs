use confab_core::Language;
use confab_core::study_settings::{SchedulingRules, StudyKind};
use confab_store::audit::{self, NewEntry};
use confab_store::entity::study;
use confab_store::interview_interviewers::NOTE_TAKER;
use confab_store::{Set, interviewers, interviews, studies};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_ts;
use crate::participants::records::require_study;
use crate::staffing::Staffing;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode};

/// Everything about how a study schedules, as the settings screen edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudySettings {
    pub kind: StudyKind,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub horizon_days: i32,
    pub max_per_day: Option<i32>,
    pub max_per_week: Option<i32>,
    /// Participants cannot cancel or reschedule later than this many hours before.
    pub change_cutoff_hours: i32,
    pub location: String,
    pub conferencing_url: String,
    pub dial_in: String,
    /// On: a participant's valid choice confirms at once. Off: it waits as Pending.
    pub self_scheduling: bool,
    /// A reminder goes out this many hours before each interview; none when empty.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub reminder_hours: Option<i32>,
    /// A waitlisted participant offered a freed place has this many hours to take it before
    /// it goes to the next person; no limit when empty.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub waitlist_offer_hours: Option<i32>,
    /// How many interviews the study holds with each participant, one at a time (a pre and
    /// a post, a follow-up): 1 to 9.
    #[serde(default = "one")]
    pub interviews_per_participant: i32,
    /// The language of messages to participants who have none of their own (`en-GB`, `de`).
    #[serde(default = "default_language")]
    pub language: String,
    /// How interviewers are put on interviews.
    #[serde(default)]
    pub staffing: Staffing,
}

fn default_language() -> String {
    Language::study_default().to_string()
}

fn one() -> i32 {
    1
}

/// More rounds than this are a different study design, not a follow-up.
pub const MAX_INTERVIEWS_PER_PARTICIPANT: i32 = 9;

/// Two weeks: a reminder further ahead is not a reminder.
const MAX_REMINDER_HOURS: i32 = 24 * 14;

impl StudySettings {
    /// The settings of a stored study; a kind this Confab does not know (a newer one wrote
    /// it) is refused rather than read as another.
    pub(crate) fn of(s: &study::Model) -> Result<Self, AppError> {
        let kind = StudyKind::parse(&s.kind).ok_or_else(|| {
            AppError::new(
                ErrorCode::Internal,
                format!(
                    "The study \"{}\" is of a kind this version of Confab does not know (\"{}\"); update Confab to open its settings.",
                    s.name, s.kind
                ),
            )
        })?;
        Ok(Self {
            kind,
            buffer_before_minutes: s.buffer_before_minutes,
            buffer_after_minutes: s.buffer_after_minutes,
            min_notice_minutes: s.min_notice_minutes,
            horizon_days: s.horizon_days,
            max_per_day: s.max_per_day,
            max_per_week: s.max_per_week,
            change_cutoff_hours: s.change_cutoff_hours,
            location: s.location.clone(),
            conferencing_url: s.conferencing_url.clone(),
            dial_in: s.dial_in.clone(),
            self_scheduling: s.self_scheduling,
            reminder_hours: s.reminder_hours,
            waitlist_offer_hours: s.waitlist_offer_hours,
            interviews_per_participant: s.interviews_per_participant,
            language: s.language.clone(),
            staffing: Staffing::of(s),
        })
    }
}

impl StudySettings {
    fn rules(&self) -> SchedulingRules {
        SchedulingRules {
            kind: self.kind,
            buffer_before_minutes: self.buffer_before_minutes,
            buffer_after_minutes: self.buffer_after_minutes,
            min_notice_minutes: self.min_notice_minutes,
            horizon_days: self.horizon_days,
            max_per_day: self.max_per_day,
            max_per_week: self.max_per_week,
            change_cutoff_hours: self.change_cutoff_hours,
            location: self.location.clone(),
            conferencing_url: self.conferencing_url.clone(),
            dial_in: self.dial_in.clone(),
            self_scheduling: self.self_scheduling,
        }
    }

    /// (name, old, new) of every field that differs, for the audit log.
    fn changes(&self, new: &Self) -> Vec<(&'static str, String, String)> {
        let opt = |v: Option<i32>| v.map(|v| v.to_string()).unwrap_or_default();
        let fields = [
            (
                "kind",
                self.kind.key().to_owned(),
                new.kind.key().to_owned(),
            ),
            (
                "buffer before (min)",
                self.buffer_before_minutes.to_string(),
                new.buffer_before_minutes.to_string(),
            ),
            (
                "buffer after (min)",
                self.buffer_after_minutes.to_string(),
                new.buffer_after_minutes.to_string(),
            ),
            (
                "minimum notice (min)",
                self.min_notice_minutes.to_string(),
                new.min_notice_minutes.to_string(),
            ),
            (
                "booking horizon (days)",
                self.horizon_days.to_string(),
                new.horizon_days.to_string(),
            ),
            ("cap per day", opt(self.max_per_day), opt(new.max_per_day)),
            (
                "cap per week",
                opt(self.max_per_week),
                opt(new.max_per_week),
            ),
            (
                "change cut-off (h)",
                self.change_cutoff_hours.to_string(),
                new.change_cutoff_hours.to_string(),
            ),
            ("location", self.location.clone(), new.location.clone()),
            (
                "conferencing link",
                self.conferencing_url.clone(),
                new.conferencing_url.clone(),
            ),
            ("dial-in", self.dial_in.clone(), new.dial_in.clone()),
            (
                "self-scheduling",
                self.self_scheduling.to_string(),
                new.self_scheduling.to_string(),
            ),
            (
                "reminder (h before)",
                opt(self.reminder_hours),
                opt(new.reminder_hours),
            ),
            (
                "waitlist offer (h to answer)",
                opt(self.waitlist_offer_hours),
                opt(new.waitlist_offer_hours),
            ),
            (
                "interviews per participant",
                self.interviews_per_participant.to_string(),
                new.interviews_per_participant.to_string(),
            ),
            ("language", self.language.clone(), new.language.clone()),
            (
                "interviewers on each interview",
                self.staffing.describe(),
                new.staffing.describe(),
            ),
        ];
        fields.into_iter().filter(|(_, a, b)| a != b).collect()
    }
}

/// The refusal of a settings form whose `fields` another researcher changed meanwhile. Who:
/// the last to change one of the settings (by their audit names, `changed`) that differ from
/// what the form loaded.
async fn settings_changed_meanwhile(
    db: &impl confab_store::ConnectionTrait,
    row: &study::Model,
    fields: &[String],
    changed: &[&str],
) -> Result<AppError, AppError> {
    let history = audit::for_study(db, row.id).await?;
    let by = history
        .iter()
        .rev()
        .find(|e| {
            e.action
                .strip_prefix("setting changed: ")
                .is_some_and(|setting| changed.contains(&setting))
        })
        .filter(|e| !e.actor.is_empty())
        .map(|e| format!(" by {}", e.actor))
        .unwrap_or_default();
    let names: Vec<&str> = fields.iter().map(|f| setting_label(f)).collect();
    let message = format!(
        "{} of \"{}\" {} changed{by} while you were editing, so nothing was saved. Your values are still in the form: save again to keep them, or discard your changes to see what is saved now.",
        capitalized(&match names.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        }),
        row.name,
        if names.len() == 1 { "was" } else { "were" }
    );
    Ok(AppError {
        fields: fields
            .iter()
            .map(|field| crate::error::FieldProblem {
                field: field.clone(),
                message: format!("Changed{by} while you were editing."),
            })
            .collect(),
        ..AppError::new(ErrorCode::ChangedMeanwhile, message)
    })
}

/// A setting as the form labels it, for a message, from its field name.
fn setting_label(field: &str) -> &str {
    match field {
        "kind" => "the kind of study",
        "bufferBeforeMinutes" => "the buffer before",
        "bufferAfterMinutes" => "the buffer after",
        "minNoticeMinutes" => "the minimum notice",
        "horizonDays" => "the booking horizon",
        "maxPerDay" => "the cap per day",
        "maxPerWeek" => "the cap per week",
        "changeCutoffHours" => "the change cut-off",
        "location" => "the location",
        "conferencingUrl" => "the conferencing link",
        "dialIn" => "the dial-in",
        "selfScheduling" => "self-scheduling",
        "reminderHours" => "the reminder",
        "waitlistOfferHours" => "the waitlist offer",
        "interviewsPerParticipant" => "interviews per participant",
        "language" => "the language",
        "staffing" => "the interviewers on each interview",
        other => other,
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

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
