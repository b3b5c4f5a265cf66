//! Sending the outbox, so that each message goes out once and only once.
//!
//! A message is first claimed by one Sync (`queued` → `sending`, a conditional update that
//! only one of two Syncs can make) with its bytes and Message-ID fixed. Up to the SMTP
//! server's go-ahead for the data nothing can have been delivered, so a failure there puts it
//! back as before. Just before the data goes, the message becomes `unknown`: if the
//! connection then drops or the server's verdict never comes, or the process dies, nobody
//! knows whether the server took it. Every message also goes to the researcher's own address
//! as an envelope recipient, which the server delivers in the same step in which it accepts
//! the message; so the next Syncs look for that copy (in the inbox, or in Sent where the read
//! phase files it) and mark the message sent when they find it. Only when no copy has turned
//! up after [`UNKNOWN_WINDOW_HOURS`] is the message sent again.

use confab_core::OutboxKind;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Duration, Utc};
use confab_mail::calendar::{InterviewEvent, ItipMethod, Person, build_calendar};
use confab_mail::imap::ImapSession;
use confab_mail::mime::{AutoSubmitted, CalendarPart, OutgoingMail, build_mime};
use confab_mail::smtp::{Handover, SendError, SendErrorKind, SmtpSender};
use confab_mail::template::MessageKind;
use confab_store::entity::outbox_message;
use confab_store::{Set, begin_write, crash_point, outbox};

use super::{INBOX, SyncProgress, SyncReport};
use crate::clock::now_ts;
use crate::mail::compose::outbox_kind;
use crate::mail::outbox::recipients_of;
use crate::mail::profile::MailProfile;
use crate::{AppError, Confab, ErrorCode};

/// How long Sync looks for the researcher's copy of a message whose sending was cut off
/// after its data reached the server, before it sends the message again. A server that took
/// the message delivers the copy within seconds; a day covers a provider whose delivery is
/// held up for hours, and a researcher whose computer is off or offline in between (the
/// copy is looked for at each Sync). See docs/RELIABILITY.md.
pub const UNKNOWN_WINDOW_HOURS: i64 = 24;

pub(super) struct Outgoing<'a> {
    pub smtp: &'a SmtpSender,
    pub imap: &'a mut ImapSession,
    pub sent_folder: Option<&'a str>,
    pub from: &'a str,
    pub profile: &'a MailProfile,
    /// This Sync's name in the outbox's claims and the lease.
    pub owner: &'a str,
    /// Set when this Sync's lease was lost (the process stalled and another Sync took over).
    pub lease_lost: &'a AtomicBool,
}

/// Temporary refusals are tried again this many times in one Sync, after a short wait.
const RETRIES_NOW: u32 = 2;

fn mail_error(message: String) -> AppError {
    AppError::new(ErrorCode::Mail, message)
}

/// The message as it will go out: the organizer of its calendar part is the researcher as
/// the profile has them now.
fn build(row: &outbox_message::Model, profile: &MailProfile) -> Result<Vec<u8>, String> {
    let me = Person::new(
        profile.researcher_name.clone(),
        profile.researcher_email.clone(),
    );
    let calendar = match (&row.calendar_method, &row.calendar_event) {
        (Some(method), Some(event)) => {
            let mut event: InterviewEvent = serde_json::from_str(event)
                .map_err(|e| format!("its calendar part is damaged ({e})"))?;
            event.organizer = me.clone();
            let method = ItipMethod::from_stored(method).ok_or_else(|| {
                format!("its calendar method {method:?} is not one Confab writes")
            })?;
            Some(CalendarPart {
                method,
                ics: build_calendar(&event, method),
            })
        }
        _ => None,
    };
    let mail = OutgoingMail {
        message_id: row.message_id.clone(),
        from: me,
        to: recipients_of(row),
        reply_to: None,
        subject: row.subject.clone(),
        text: row.text_body.clone(),
        html: row.html_body.clone(),
        calendar,
        in_reply_to: row.in_reply_to.clone(),
        date: Utc::now(),
        auto_submitted: auto_submitted(row),
    };
    build_mime(&mail).map_err(|e| e.to_string())
}

/// Invitations and reschedule requests carry the researcher's own words and ask for a
/// person's answer; everything else Confab writes by itself, and says so (RFC 3834) so that
/// no vacation program or other robot answers it: an answer to a received message as
/// auto-replied, the rest as auto-generated.
fn auto_submitted(row: &outbox_message::Model) -> Option<AutoSubmitted> {
    let researchers_own = [MessageKind::Invitation, MessageKind::RescheduleRequest];
    if researchers_own
        .iter()
        .any(|k| outbox_kind(*k).key() == row.kind)
    {
        None
    } else if row.kind == OutboxKind::Answer.key() || row.in_reply_to.is_some() {
        Some(AutoSubmitted::Replied)
    } else {
        Some(AutoSubmitted::Generated)
    }
}

/// Minutes to wait before the next try: 1, 2, 4 … up to a day.
fn backoff(attempts: i32) -> i64 {
    let exp = u32::try_from(attempts.clamp(0, 11)).unwrap_or(0);
    (1_i64 << exp).min(24 * 60)
}

enum Outcome {
    Sent,
    Deferred,
    Failed,
    /// The outcome is unclear; the message waits as `unknown`.
    Unclear,
    /// Another Sync has it.
    Skipped,
}

fn lease_lost() -> AppError {
    AppError::new(
        ErrorCode::SyncRunning,
        "This Sync stopped because another Sync took over while it was held up; nothing was \
         sent twice. The other Sync goes on with the rest.",
    )
}

impl Confab {
    pub(super) async fn send_due(
        &self,
        out: &mut Outgoing<'_>,
        report: &mut SyncReport,
        progress: &mut impl FnMut(SyncProgress),
    ) -> Result<(), AppError> {
        let due = outbox::due(&self.db, now_ts()).await?;
        let total = u32::try_from(due.len()).unwrap_or(u32::MAX);
        // Messages the server took, to be marked sent with the next write: one commit fewer
        // per message. Until then they read as `unknown`, which a crash leaves them as anyway.
        let mut accepted = Vec::new();
        let mut result = Ok(());
        for (done, row) in due.into_iter().enumerate() {
            if out.lease_lost.load(Ordering::SeqCst) {
                result = Err(lease_lost());
                break;
            }
            progress(SyncProgress::Sending {
                done: u32::try_from(done).unwrap_or(u32::MAX),
                total,
            });
            match self.send_one(out, row, &mut accepted).await {
                Ok(Outcome::Sent) => report.sent += 1,
                Ok(Outcome::Deferred) => report.deferred += 1,
                Ok(Outcome::Failed) => report.failed += 1,
                // Counted once, at the end of the Sync.
                Ok(Outcome::Unclear | Outcome::Skipped) => {}
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        outbox::mark_all_sent(&self.db, &accepted, now_ts()).await?;
        result?;
        progress(SyncProgress::Sending { done: total, total });
        Ok(())
    }

    async fn send_one(
        &self,
        out: &mut Outgoing<'_>,
        row: outbox_message::Model,
        accepted: &mut Vec<i64>,
    ) -> Result<Outcome, AppError> {
        let now = now_ts();
        let (raw, from_states): (Vec<u8>, &[&str]) = match (row.state.as_str(), &row.raw) {
            (outbox::UNKNOWN, Some(raw)) => {
                if self.went_out(out, &row.message_id).await? {
                    outbox::mark_sent(&self.db, row.id, now).await?;
                    return Ok(Outcome::Sent);
                }
                let since = row.unknown_since.unwrap_or(row.updated_at);
                if now - since < UNKNOWN_WINDOW_HOURS * 3600 {
                    return Ok(Outcome::Unclear);
                }
                // No copy for a day: the server did not take it.
                (raw.clone(), &[outbox::UNKNOWN])
            }
            // Claimed by a Sync that stopped before the data went: nothing was delivered.
            (outbox::SENDING, Some(raw)) => (raw.clone(), &[outbox::SENDING]),
            _ => match build(&row, out.profile) {
                Ok(bytes) => (bytes, &[outbox::QUEUED]),
                Err(why) => {
                    self.fail(
                        &row,
                        &format!("The message cannot be built: {why}. Edit or delete it."),
                    )
                    .await?;
                    return Ok(Outcome::Failed);
                }
            },
        };
        let txn = begin_write(&self.db).await?;
        outbox::mark_all_sent(&txn, accepted, now).await?;
        let claimed = outbox::claim(&txn, row.id, from_states, out.owner, &raw, now).await?;
        txn.commit().await?;
        accepted.clear();
        if !claimed {
            return Ok(Outcome::Skipped);
        }
        let mut to: Vec<String> = recipients_of(&row).into_iter().map(|p| p.email).collect();
        if !to.iter().any(|a| a.eq_ignore_ascii_case(out.from)) {
            to.push(out.from.to_owned());
        }
        let handover = match self.start_with_retries(out.smtp, out.from, &to, &raw).await {
            Ok(handover) => handover,
            Err(e) => return self.not_sent(&row, e).await,
        };
        // From here the server may take the message at any moment: say so first.
        if !outbox::handing_over(&self.db, row.id, out.owner, now_ts()).await? {
            // Taken back meanwhile (edited or deleted by the researcher); dropping the
            // handover closes the connection before any data goes.
            return Ok(Outcome::Skipped);
        }
        crash_point("before_data");
        match handover.finish(&raw).await {
            Ok(()) => {
                crash_point("accepted");
                accepted.push(row.id);
                Ok(Outcome::Sent)
            }
            Err(e) if e.kind == SendErrorKind::Unclear => {
                let change = outbox_message::ActiveModel {
                    id: Set(row.id),
                    last_error: Set(e.message),
                    ..Default::default()
                };
                outbox::update(&self.db, change).await?;
                Ok(Outcome::Unclear)
            }
            // The server said no to the message itself: as plain as a refusal before it.
            Err(e) => self.not_sent(&row, e).await,
        }
    }

    /// The envelope and `DATA`, with temporary refusals tried again a few times.
    async fn start_with_retries<'s>(
        &self,
        smtp: &'s SmtpSender,
        from: &str,
        to: &[String],
        raw: &[u8],
    ) -> Result<Handover<'s>, SendError> {
        let mut tries = 0;
        loop {
            match smtp.start(from, to, raw).await {
                Err(e) if e.kind == SendErrorKind::Temporary && tries < RETRIES_NOW => {
                    tries += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(500 * u64::from(tries)))
                        .await;
                }
                other => return other,
            }
        }
    }

    /// A send the server plainly did not take: failed for good, or queued for later.
    async fn not_sent(
        &self,
        row: &outbox_message::Model,
        e: SendError,
    ) -> Result<Outcome, AppError> {
        if e.kind == SendErrorKind::Permanent {
            self.fail(row, &e.message).await?;
            return Ok(Outcome::Failed);
        }
        self.defer(row, &e.message).await?;
        match e.kind {
            // The server is there and said "later": go on with the next message.
            SendErrorKind::Temporary => Ok(Outcome::Deferred),
            // No server or no login: nothing else will go either.
            _ => Err(mail_error(e.message)),
        }
    }

    /// Whether the researcher's copy of a message is in Sent or the inbox: then the server
    /// took the message.
    async fn went_out(&self, out: &mut Outgoing<'_>, message_id: &str) -> Result<bool, AppError> {
        for folder in out.sent_folder.into_iter().chain([INBOX]) {
            if out
                .imap
                .contains_message_id(folder, message_id)
                .await
                .map_err(|e| mail_error(e.message))?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    async fn defer(&self, row: &outbox_message::Model, why: &str) -> Result<(), AppError> {
        let now = Utc::now();
        let change = outbox_message::ActiveModel {
            id: Set(row.id),
            state: Set(outbox::QUEUED.to_owned()),
            claimed_by: Set(None),
            unknown_since: Set(None),
            last_error: Set(why.to_owned()),
            next_attempt_at: Set(Some(
                (now + Duration::minutes(backoff(row.attempts))).timestamp(),
            )),
            updated_at: Set(now.timestamp()),
            ..Default::default()
        };
        outbox::update(&self.db, change).await?;
        Ok(())
    }

    async fn fail(&self, row: &outbox_message::Model, why: &str) -> Result<(), AppError> {
        let change = outbox_message::ActiveModel {
            id: Set(row.id),
            state: Set(outbox::FAILED.to_owned()),
            claimed_by: Set(None),
            unknown_since: Set(None),
            last_error: Set(why.to_owned()),
            updated_at: Set(now_ts()),
            ..Default::default()
        };
        outbox::update(&self.db, change).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_doubles_up_to_a_day() {
        assert_eq!(super::backoff(0), 1);
        assert_eq!(super::backoff(3), 8);
        assert_eq!(super::backoff(40), 24 * 60);
    }
}
