//! Sending the outbox. A message's bytes and Message-ID are fixed (state `sending`) before
//! the SMTP server sees it, and it is `sent` once the server has taken it. Every message also
//! goes to the researcher's own address as an envelope recipient: the server delivers that
//! copy in the same transaction in which it accepts the message, so after a crash a copy in
//! the inbox (or in Sent, where the read phase files it) proves the message went out, and
//! only a message without one is sent again.

use chrono::{Duration, Utc};
use confab_mail::calendar::{InterviewEvent, ItipMethod, Person, build_calendar};
use confab_mail::imap::ImapSession;
use confab_mail::mime::{AutoSubmitted, CalendarPart, OutgoingMail, build_mime};
use confab_mail::smtp::{SendErrorKind, SmtpSender};
use confab_mail::template::MessageKind;
use confab_store::entity::outbox_message;
use confab_store::{Set, outbox};

use super::{INBOX, SyncProgress, SyncReport};
use crate::clock::now_ts;
use crate::mail::compose::{ANSWER, kind_key};
use crate::mail::outbox::recipients_of;
use crate::mail::profile::MailProfile;
use crate::{AppError, Confab, ErrorCode};

pub(super) struct Outgoing<'a> {
    pub smtp: &'a SmtpSender,
    pub imap: &'a mut ImapSession,
    pub sent_folder: Option<&'a str>,
    pub from: &'a str,
    pub profile: &'a MailProfile,
}

/// How long to wait for the researcher's copy of a message an interrupted Sync may have sent.
const COPY_WAIT_SECONDS: u64 = 5;

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
            let method = match method.as_str() {
                "CANCEL" => ItipMethod::Cancel,
                "DECLINECOUNTER" => ItipMethod::DeclineCounter,
                _ => ItipMethod::Request,
            };
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
    if researchers_own.iter().any(|k| kind_key(*k) == row.kind) {
        None
    } else if row.kind == ANSWER || row.in_reply_to.is_some() {
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
        for (done, row) in due.into_iter().enumerate() {
            progress(SyncProgress::Sending {
                done: u32::try_from(done).unwrap_or(u32::MAX),
                total,
            });
            match self.send_one(out, row).await? {
                Outcome::Sent => report.sent += 1,
                Outcome::Deferred => report.deferred += 1,
                Outcome::Failed => report.failed += 1,
            }
        }
        progress(SyncProgress::Sending { done: total, total });
        Ok(())
    }

    async fn send_one(
        &self,
        out: &mut Outgoing<'_>,
        row: outbox_message::Model,
    ) -> Result<Outcome, AppError> {
        if row.state == outbox::SENDING && self.went_out(out, &row.message_id).await? {
            self.mark_sent(row.id).await?;
            return Ok(Outcome::Sent);
        }
        let raw = match (&row.state[..], &row.raw) {
            (outbox::SENDING, Some(raw)) => raw.clone(),
            _ => match build(&row, out.profile) {
                Ok(bytes) => bytes,
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
        if row.state != outbox::SENDING {
            let change = outbox_message::ActiveModel {
                id: Set(row.id),
                raw: Set(Some(raw.clone())),
                state: Set(outbox::SENDING.to_owned()),
                attempts: Set(row.attempts + 1),
                updated_at: Set(now_ts()),
                ..Default::default()
            };
            outbox::update(&self.db, change).await?;
        }
        let mut to: Vec<String> = recipients_of(&row).into_iter().map(|p| p.email).collect();
        if !to.iter().any(|a| a.eq_ignore_ascii_case(out.from)) {
            to.push(out.from.to_owned());
        }
        let mut tries = 0;
        loop {
            match out.smtp.send(out.from, &to, &raw).await {
                Ok(()) => break,
                Err(e) if e.kind == SendErrorKind::Temporary && tries < RETRIES_NOW => {
                    tries += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(500 * u64::from(tries)))
                        .await;
                }
                Err(e) if e.kind == SendErrorKind::Permanent => {
                    self.fail(&row, &e.message).await?;
                    return Ok(Outcome::Failed);
                }
                Err(e) => {
                    self.defer(&row, &e.message).await?;
                    return match e.kind {
                        // The server is there and said "later": go on with the next message.
                        SendErrorKind::Temporary => Ok(Outcome::Deferred),
                        // No server or no login: nothing else will go either.
                        _ => Err(mail_error(e.message)),
                    };
                }
            }
        }
        self.mark_sent(row.id).await?;
        Ok(Outcome::Sent)
    }

    /// Whether the researcher's copy of a message left mid-way by an interrupted Sync has
    /// arrived. The server delivers it a moment after accepting the message, so this looks
    /// for a few seconds before concluding that the message never went out.
    async fn went_out(&self, out: &mut Outgoing<'_>, message_id: &str) -> Result<bool, AppError> {
        let deadline =
            std::time::Instant::now() + std::time::Duration::from_secs(COPY_WAIT_SECONDS);
        loop {
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
            if std::time::Instant::now() > deadline {
                return Ok(false);
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
    }

    async fn mark_sent(&self, id: i64) -> Result<(), AppError> {
        let now = now_ts();
        let change = outbox_message::ActiveModel {
            id: Set(id),
            state: Set(outbox::SENT.to_owned()),
            sent_at: Set(Some(now)),
            last_error: Set(String::new()),
            updated_at: Set(now),
            ..Default::default()
        };
        outbox::update(&self.db, change).await?;
        Ok(())
    }

    async fn defer(&self, row: &outbox_message::Model, why: &str) -> Result<(), AppError> {
        let now = Utc::now();
        let change = outbox_message::ActiveModel {
            id: Set(row.id),
            state: Set(outbox::QUEUED.to_owned()),
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
