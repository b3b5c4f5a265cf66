//! The researcher's list of things Sync could not settle alone: counter-proposals to accept
//! or decline, replies that were refused, bounces.

use chrono::{DateTime, Utc};
use confab_core::{AttentionKind, OutboxKind};
use confab_mail::calendar::{ItipMethod, Person};
use confab_mail::template::{Field, Template, Values, render};
use confab_store::attention;
use confab_store::entity::{attention_item, interview};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::compose::{Draft, event_of, queue};
use super::profile::load_profile;
use crate::clock::{from_ts, now_ts};
use crate::participants::records::{require_participant, require_study};
use crate::stored::stored;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode, InterviewView, RuleBreakView};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttentionItem {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: AttentionKind,
    pub summary: String,
    #[ts(type = "number | null")]
    pub study_id: Option<i64>,
    #[ts(type = "number | null")]
    pub participant_id: Option<i64>,
    #[ts(type = "number | null")]
    pub interview_id: Option<i64>,
    /// For a counter-proposal: the time the participant proposes.
    pub proposed_start: Option<DateTime<Utc>>,
    pub proposed_end: Option<DateTime<Utc>>,
    /// For an answer in the participant's own words that fits several offered times: those
    /// times, each booked with one click.
    pub candidates: Vec<ReplyCandidate>,
    pub created_at: DateTime<Utc>,
}

/// One offered time an unclear answer may mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplyCandidate {
    /// The code of the link that offered it.
    pub token: String,
    pub start: DateTime<Utc>,
}

fn view(row: attention_item::Model) -> Result<AttentionItem, AppError> {
    Ok(AttentionItem {
        id: row.id,
        kind: stored(&row.kind, AttentionKind::parse, "a kind of attention item")?,
        summary: row.summary,
        study_id: row.study_id,
        participant_id: row.participant_id,
        interview_id: row.interview_id,
        proposed_start: row.proposed_start.map(from_ts),
        proposed_end: row.proposed_end.map(from_ts),
        candidates: serde_json::from_str(&row.candidates).unwrap_or_default(),
        created_at: from_ts(row.created_at),
    })
}

impl Confab {
    pub async fn attention_items(
        &self,
        study_id: Option<i64>,
    ) -> Result<Vec<AttentionItem>, AppError> {
        attention::open_items(&self.db, study_id)
            .await?
            .into_iter()
            .map(view)
            .collect()
    }

    async fn open_item(&self, id: i64) -> Result<attention_item::Model, AppError> {
        attention::find(&self.db, id)
            .await?
            .filter(|r| r.state == attention::OPEN)
            .ok_or_else(|| {
                AppError::not_found(format!("There is no open item {id} needing attention."))
            })
    }

    /// Takes the item off the list; `note` says what the researcher did about it.
    pub async fn dismiss_attention_item(&self, id: i64, note: &str) -> Result<(), AppError> {
        self.open_item(id).await?;
        attention::resolve(&self.db, id, note.trim(), now_ts()).await?;
        Ok(())
    }

    /// Books the time an unclear answer meant, as if the participant had clicked its link:
    /// the same confirmation, or the same answer when it is no longer free. Returns what
    /// happened, in words.
    pub async fn book_reply_candidate(&self, id: i64, token: &str) -> Result<String, AppError> {
        let item = self.open_item(id).await?;
        let candidates: Vec<ReplyCandidate> =
            serde_json::from_str(&item.candidates).unwrap_or_default();
        if !candidates.iter().any(|c| c.token == token) {
            return Err(AppError::invalid(
                "That time is not one of those the participant's answer could mean.",
            ));
        }
        in_transaction(&self.db, async |txn| {
            let (booked, outcome) = self.choose_for_participant(txn, token).await?;
            if !booked {
                // Dropping the transaction takes back the answer it queued: the researcher
                // chooses again, or replies in their own words.
                return Err(AppError::conflict(
                    "That time can no longer be booked: someone else took it, or a rule of the study now stands in the way. Choose another, or reply to ask.",
                ));
            }
            attention::resolve(txn, id, &format!("chosen by you: {outcome}"), now_ts()).await?;
            Ok(outcome)
        })
        .await
    }

    /// The interview a counter-proposal would move, the session its time falls in, and the
    /// proposed start.
    async fn proposal(&self, id: i64) -> Result<(interview::Model, i64, DateTime<Utc>), AppError> {
        let item = self.open_item(id).await?;
        let (Some(interview_id), Some(start)) = (item.interview_id, item.proposed_start) else {
            return Err(AppError::invalid("This item is not a counter-proposal."));
        };
        let row = self.interview_row(&self.db, interview_id).await?;
        let start = from_ts(start);
        let session_id = self
            .session_covering(row.study_id, start)
            .await?
            .ok_or_else(|| {
                AppError::conflict(format!(
                    "No session of the study covers {}; add one that does, then accept again.",
                    start.to_rfc3339()
                ))
            })?;
        Ok((row, session_id, start))
    }

    /// The study's rules that accepting the proposal would break, before anything changes.
    pub async fn check_counter_proposal(&self, id: i64) -> Result<Vec<RuleBreakView>, AppError> {
        let (row, session_id, start) = self.proposal(id).await?;
        self.check_booking(row.study_id, session_id, start, Some(row.id))
            .await
    }

    pub async fn accept_counter_proposal(
        &self,
        id: i64,
        accepted_rules: &[crate::RuleBreak],
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        let (row, session_id, start) = self.proposal(id).await?;
        let moved = in_transaction(&self.db, async |txn| {
            let moved = self
                .reschedule_interview_in(txn, row.id, session_id, start, accepted_rules, actor)
                .await?;
            attention::resolve(txn, id, "accepted: interview moved", now_ts()).await?;
            Ok(moved)
        })
        .await?;
        self.calendar_file_follows(moved.study_id);
        Ok(moved)
    }

    /// Turns the proposal down: the participant's calendar gets a DECLINECOUNTER and the
    /// interview stays as it is.
    pub async fn decline_counter_proposal(&self, id: i64, note: &str) -> Result<(), AppError> {
        let item = self.open_item(id).await?;
        let Some(interview_id) = item
            .interview_id
            .filter(|_| item.kind == AttentionKind::Counter.key())
        else {
            return Err(AppError::invalid("This item is not a counter-proposal."));
        };
        let row = self.interview_row(&self.db, interview_id).await?;
        let study = require_study(&self.db, row.study_id).await?;
        let person = require_participant(&self.db, row.participant_id).await?;
        let profile = load_profile(&self.db).await?;
        let words = if note.trim().is_empty() {
            "Thank you for proposing another time. We cannot move the interview, so it stays as planned.".to_owned()
        } else {
            note.trim().to_owned()
        };
        let rendered = render(
            &Template {
                subject: "Your interview stays as planned: {{study_name}}".into(),
                body: "{{message}}\n\n{{researcher_name}}\n".into(),
            },
            &Values::new()
                .with(Field::StudyName, study.name.clone())
                .with(Field::ResearcherName, profile.researcher_name.clone())
                .with(Field::Message, words),
        )
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        in_transaction(&self.db, async |txn| {
            queue(
                txn,
                &profile,
                Draft {
                    study_id: Some(study.id),
                    participant_id: Some(person.id),
                    interview_id: Some(row.id),
                    kind: OutboxKind::DeclineCounter,
                    to: vec![Person::new(person.name.clone(), person.email.clone())],
                    rendered,
                    calendar: Some((
                        ItipMethod::DeclineCounter,
                        event_of(&study, &person, &row, &[]),
                    )),
                    in_reply_to: None,
                },
            )
            .await?;
            attention::resolve(txn, id, "declined", now_ts()).await?;
            Ok(())
        })
        .await
    }
}

impl Confab {
    /// A session of the study whose hours include `start`, hidden ones too: the researcher
    /// may accept a proposal outside what participants are offered.
    async fn session_covering(
        &self,
        study_id: i64,
        start: DateTime<Utc>,
    ) -> Result<Option<i64>, AppError> {
        use chrono::{Datelike, NaiveDate, NaiveTime};
        let study = require_study(&self.db, study_id).await?;
        let zone = confab_core::time_zone::parse_time_zone(&study.time_zone)
            .map_err(|m| AppError::new(ErrorCode::Storage, m))?;
        let local = start.with_timezone(&zone).naive_local();
        let t = start.timestamp();
        let time = |s: &Option<String>| {
            s.as_deref()
                .and_then(|v| NaiveTime::parse_from_str(v, "%H:%M").ok())
        };
        let date = |s: &Option<String>| {
            s.as_deref()
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        };
        for row in confab_store::sessions::for_study(&self.db, study_id).await? {
            let covers = match row.kind.as_str() {
                "weekly" => {
                    let weekday = i32::try_from(local.weekday().number_from_monday()).ok();
                    let in_dates = date(&row.valid_from).is_some_and(|d| local.date() >= d)
                        && date(&row.valid_until).is_none_or(|d| local.date() <= d);
                    let in_hours = match (time(&row.start_time), time(&row.end_time)) {
                        (Some(a), Some(b)) => local.time() >= a && local.time() < b,
                        _ => false,
                    };
                    row.weekday == weekday && in_dates && in_hours
                }
                _ => row.starts_at.is_some_and(|a| a <= t) && row.ends_at.is_some_and(|b| t < b),
            };
            if covers {
                return Ok(Some(row.id));
            }
        }
        Ok(None)
    }
}
