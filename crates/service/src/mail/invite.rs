//! Invitations and reschedule requests: messages that offer open times, each a link that
//! books it when the participant sends the reply their mail program prepares.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use confab_core::StatusEvent;
use confab_mail::template::MessageKind;
use confab_store::{enrolments, interviews};
use serde::Serialize;
use ts_rs::TS;

use super::compose::{ChoicesMail, Offer, queue_choices_mail, reader_zone};
use super::outbox::OutboxMessage;
use super::profile::load_profile;
use crate::participants::records::{require_participant, require_study};
use crate::slots::SlotView;
use crate::statuses::{Readiness, apply_event, ready_for_round, status_of};
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab};

/// How many times one invitation offers: enough to find one that suits, few enough to read.
const OFFERS_PER_MESSAGE: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InviteReport {
    /// Participants whose invitation is now in the outbox.
    #[ts(type = "number[]")]
    pub queued: Vec<i64>,
    /// Participants left out, each with the reason.
    pub skipped: Vec<InviteSkip>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InviteSkip {
    #[ts(type = "number")]
    pub participant_id: i64,
    pub reason: String,
}

/// Up to `OFFERS_PER_MESSAGE` slots, spread over the days on offer: each day's first time,
/// then each day's second, and so on, so an invitation is not twelve times of one morning.
pub(crate) fn spread(slots: &[SlotView]) -> Vec<Offer> {
    let mut days: BTreeMap<NaiveDate, Vec<&SlotView>> = BTreeMap::new();
    for slot in slots {
        days.entry(slot.start.date_naive()).or_default().push(slot);
    }
    let mut picked: Vec<&SlotView> = Vec::new();
    let mut round = 0;
    while picked.len() < OFFERS_PER_MESSAGE {
        let before = picked.len();
        for day in days.values() {
            if let Some(slot) = day.get(round)
                && picked.len() < OFFERS_PER_MESSAGE
            {
                picked.push(slot);
            }
        }
        if picked.len() == before {
            break;
        }
        round += 1;
    }
    picked.sort_by_key(|s| (s.start, s.session_id));
    picked
        .into_iter()
        .map(|s| Offer {
            session_id: s.session_id,
            start: s.start,
            end: s.end,
        })
        .collect()
}

impl Confab {
    /// Puts an invitation for each participant in the outbox, with the study's open times as
    /// links. Participants who cannot be invited now are listed with the reason.
    pub async fn invite_participants(
        &self,
        study_id: i64,
        participant_ids: &[i64],
        actor: &Actor,
    ) -> Result<InviteReport, AppError> {
        let study = require_study(&self.db, study_id).await?;
        let profile = load_profile(&self.db).await?;
        if profile.researcher_email.is_empty() {
            return Err(AppError::invalid(
                "Set your email address in Settings → Mail first: participants answer to it.",
            ));
        }
        let slots = self.open_slots(study_id, None, None, None).await?;
        if slots.is_empty() {
            return Err(AppError::conflict(
                "The study has no open time to offer: add a visible session with free places inside the booking horizon.",
            ));
        }
        let offers = spread(&slots);
        let mut report = InviteReport {
            queued: Vec::new(),
            skipped: Vec::new(),
        };
        in_transaction(&self.db, async |txn| {
            for &participant_id in participant_ids {
                let skip = |reason: String| InviteSkip {
                    participant_id,
                    reason,
                };
                let Some(enrolment) = enrolments::find(txn, study_id, participant_id).await? else {
                    report
                        .skipped
                        .push(skip("not enrolled in this study".into()));
                    continue;
                };
                let status = status_of(&enrolment)?;
                match ready_for_round(txn, &enrolment, study.interviews_per_participant).await? {
                    Readiness::Ready => {}
                    Readiness::AllInterviewsHeld => {
                        report.skipped.push(skip(
                            "had every interview the study holds; raise \"Interviews per participant\" in its settings to invite again".to_owned(),
                        ));
                        continue;
                    }
                    Readiness::NotNow(status) => {
                        report.skipped.push(skip(format!(
                            "{status}; set another status first to invite again"
                        )));
                        continue;
                    }
                }
                let person = require_participant(txn, participant_id).await?;
                queue_choices_mail(
                    txn,
                    &profile,
                    &study,
                    &person,
                    enrolment.id,
                    ChoicesMail {
                        kind: MessageKind::Invitation,
                        offers: &offers,
                        reschedules: None,
                        message: "",
                        keeps_earlier_links: false,
                    },
                )
                .await?;
                if status.after(StatusEvent::InvitationSent).is_some() {
                    apply_event(
                        txn,
                        &enrolment,
                        StatusEvent::InvitationSent,
                        actor,
                        None,
                        "invitation queued",
                    )
                    .await?;
                }
                report.queued.push(participant_id);
            }
            Ok(report)
        })
        .await
    }

    /// "Compose reschedule email": the researcher's own words and fresh times; the time the
    /// participant picks moves this interview (same calendar event, a new time).
    pub async fn compose_reschedule_request(
        &self,
        interview_id: i64,
        message: &str,
    ) -> Result<OutboxMessage, AppError> {
        let row = self.interview_row(&self.db, interview_id).await?;
        if row.state != interviews::SCHEDULED {
            return Err(AppError::conflict(
                "Only a scheduled interview can be rescheduled.",
            ));
        }
        let study = require_study(&self.db, row.study_id).await?;
        let person = require_participant(&self.db, row.participant_id).await?;
        let profile = load_profile(&self.db).await?;
        let slots: Vec<SlotView> = self
            .open_slots(
                study.id,
                None,
                None,
                Some(reader_zone(&person, &study).name()),
            )
            .await?
            .into_iter()
            .filter(|s| s.start.timestamp() != row.starts_at)
            .collect();
        if slots.is_empty() {
            return Err(AppError::conflict(
                "There is no other open time to offer: add a session with free places first.",
            ));
        }
        let queued = in_transaction(&self.db, async |txn| {
            queue_choices_mail(
                txn,
                &profile,
                &study,
                &person,
                row.enrolment_id,
                ChoicesMail {
                    kind: MessageKind::RescheduleRequest,
                    offers: &spread(&slots),
                    reschedules: Some(&row),
                    message,
                    keeps_earlier_links: false,
                },
            )
            .await
        })
        .await?;
        // Read once committed: the outbox shows what was saved.
        self.outbox_message(queued).await
    }
}
