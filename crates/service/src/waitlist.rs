//! The waitlist: a freed place is offered to one waitlisted participant at a time, the one who
//! has waited longest, with the deadline the study sets. When it passes unanswered, the offer's
//! links stop acting and the place moves on to the next person, each person once.

use chrono::Duration;
use confab_core::EnrolmentStatus;
use confab_store::audit::{self, NewEntry};
use confab_store::entity::interview;
use confab_store::waitlist_offers::{self, NewOffer};
use confab_store::{DatabaseTransaction, enrolments, tokens};

use crate::clock::{from_ts, now_ts};
use crate::mail::compose::queue_waitlist_offer;
use crate::participants::records::require_study;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, ChoiceInput, Confab};

/// A place that became free.
pub(crate) struct FreedPlace {
    pub study_id: i64,
    pub session_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The interview whose cancellation freed it, when one did.
    pub interview_id: Option<i64>,
}

impl FreedPlace {
    pub fn of(canceled: &interview::Model) -> Self {
        Self {
            study_id: canceled.study_id,
            session_id: canceled.session_id,
            starts_at: canceled.starts_at,
            ends_at: canceled.ends_at,
            interview_id: Some(canceled.id),
        }
    }
}

/// Offers `place` to the waitlisted participant who has waited longest and has not been
/// offered it before; returns who, if anyone.
pub(crate) async fn offer_place(
    txn: &DatabaseTransaction,
    place: &FreedPlace,
    actor: &Actor,
) -> Result<Option<i64>, AppError> {
    let study = require_study(txn, place.study_id).await?;
    let offered_before =
        waitlist_offers::offered_for_place(txn, place.session_id, place.starts_at).await?;
    let waiting = enrolments::for_study(txn, place.study_id).await?;
    let Some(next) = waiting
        .into_iter()
        .filter(|e| e.status == EnrolmentStatus::Waitlisted.key())
        .filter(|e| !offered_before.contains(&e.id))
        .min_by_key(|e| (e.updated_at, e.id))
    else {
        return Ok(None);
    };
    let now = now_ts();
    let expires_at = study
        .waitlist_offer_hours
        .map(|h| now + Duration::hours(i64::from(h)).num_seconds());
    waitlist_offers::insert(
        txn,
        NewOffer {
            study_id: place.study_id,
            enrolment_id: next.id,
            session_id: place.session_id,
            starts_at: place.starts_at,
            ends_at: place.ends_at,
            offered_at: now,
            expires_at,
        },
    )
    .await?;
    queue_waitlist_offer(
        txn,
        place,
        next.id,
        next.participant_id,
        expires_at.map(from_ts),
    )
    .await?;
    audit::record(
        txn,
        NewEntry {
            study_id: Some(place.study_id),
            participant_id: Some(next.participant_id),
            interview_id: place.interview_id,
            to_value: from_ts(place.starts_at).to_rfc3339(),
            reason: match expires_at {
                Some(t) => format!("a place was freed; open until {}", from_ts(t).to_rfc3339()),
                None => "a place was freed".into(),
            },
            ..actor.entry("waitlist offer", now)
        },
    )
    .await?;
    Ok(Some(next.participant_id))
}

impl Confab {
    /// Closes the waitlist offers whose deadline has passed and offers each place, if it is
    /// still free, to the next person. Sync runs it first; returns how many offers ran out.
    pub async fn expire_waitlist_offers(&self) -> Result<u32, AppError> {
        let now = now_ts();
        let due = waitlist_offers::expired_by(&self.db, now).await?;
        if due.is_empty() {
            return Ok(0);
        }
        in_transaction(&self.db, async |txn| {
            let mut expired = 0;
            for offer in due {
                let Some(enrolment) = enrolments::find_by_id(txn, offer.enrolment_id).await? else {
                    continue;
                };
                // Someone who booked, declined or was set otherwise is no longer waiting for it.
                if enrolment.status != EnrolmentStatus::Waitlisted.key() {
                    waitlist_offers::close(txn, offer.id, waitlist_offers::CLOSED).await?;
                    continue;
                }
                if !waitlist_offers::close(txn, offer.id, waitlist_offers::EXPIRED).await? {
                    continue;
                }
                expired += 1;
                tokens::retire_for_time(txn, offer.enrolment_id, offer.starts_at, now).await?;
                audit::record(
                    txn,
                    NewEntry {
                        study_id: Some(offer.study_id),
                        participant_id: Some(enrolment.participant_id),
                        from_value: from_ts(offer.starts_at).to_rfc3339(),
                        reason: "not taken before its deadline".into(),
                        ..Actor::system().entry("waitlist offer expired", now)
                    },
                )
                .await?;
                let study = require_study(txn, offer.study_id).await?;
                let pick = ChoiceInput {
                    session_id: offer.session_id,
                    start: from_ts(offer.starts_at),
                };
                if crate::slots::why_not(
                    txn,
                    &study,
                    &pick,
                    None,
                    confab_core::BaseLanguage::English.phrases(),
                )
                .await?
                .is_none()
                {
                    let place = FreedPlace {
                        study_id: offer.study_id,
                        session_id: offer.session_id,
                        starts_at: offer.starts_at,
                        ends_at: offer.ends_at,
                        interview_id: None,
                    };
                    offer_place(txn, &place, &Actor::system()).await?;
                }
            }
            Ok(expired)
        })
        .await
    }
}
