//! Sync's calendar side. First, each interviewer's busy times are read from their calendar
//! over the study's booking horizon, so that the replies read next are judged against them;
//! last, the study's interviews are written into the researcher's chosen calendar (moved ones
//! updated, canceled ones removed). A calendar server that is down or refuses the login
//! stops neither mail nor the other calendars: Sync says so, and the busy times last read
//! stay in use with their age shown.

use chrono::{Duration, Utc};
use confab_mail::caldav::{self, CalDavAccount, CalDavError};
use confab_mail::calendar::build_stored_event;
use confab_store::calendar_account as store;
use confab_store::entity::{interview, study};
use confab_store::{interviewers, interviews, studies};

use super::{SyncOptions, SyncReport};
use crate::calendar_account::caldav_account;
use crate::clock::now_ts;
use crate::mail::staff::{researcher_event, staff_now};
use crate::{AppError, Confab};

/// Every calendar event Confab makes (interviews, interview days) has a UID ending so.
const CONFAB_UID_SUFFIX: &str = "@confab";

/// Interviews that ended longer ago than this are left as they were written.
pub(crate) const WRITE_DAYS_BEHIND: i64 = 30;
/// Busy times are read from a week ago to a week past the booking horizon, as from files.
const READ_DAYS_AROUND: i64 = 7;

/// Whether a problem is the account's (stop talking to the server) or one calendar's.
fn whole_account(e: &CalDavError) -> bool {
    matches!(
        e,
        CalDavError::Unreachable { .. }
            | CalDavError::LoginRefused { .. }
            | CalDavError::NotCalDav { .. }
            | CalDavError::BadAddress { .. }
    )
}

impl Confab {
    /// Reads every linked interviewer's busy times; returns the account to write with at the
    /// end of Sync, or `None` when there is none or it cannot be reached.
    pub(super) async fn read_calendars(
        &self,
        options: &SyncOptions,
        report: &mut SyncReport,
    ) -> Result<Option<CalDavAccount>, AppError> {
        let Some(row) = store::find(&self.db).await? else {
            return Ok(None);
        };
        let account = match caldav_account(
            &row,
            options.calendar_password.as_deref(),
            &options.connect,
        )
        .await
        {
            Ok(account) => account,
            Err(e) => {
                self.calendar_problem(report, &e.message).await?;
                return Ok(None);
            }
        };
        let now = Utc::now();
        for person in interviewers::with_calendars(&self.db).await? {
            let (Some(href), Some(study)) = (
                person.calendar_href.clone(),
                studies::find(&self.db, person.study_id).await?,
            ) else {
                continue;
            };
            let zone = crate::slots::study_zone(&study)?;
            let to = now + Duration::days(i64::from(study.horizon_days.max(1)) + READ_DAYS_AROUND);
            let from = now - Duration::days(READ_DAYS_AROUND);
            match caldav::busy_times(&account, &href, zone, from, to).await {
                Ok(read) => {
                    let rows: Vec<(i64, i64, String, String)> = read
                        .events
                        .iter()
                        // Confab's own interviews, accepted into the interviewer's calendar,
                        // are already counted as theirs; read back as busy time they would
                        // keep the interviewer from their own interview when it moves.
                        .filter(|e| !e.uid.ends_with(CONFAB_UID_SUFFIX))
                        .map(|e| {
                            (
                                e.start.timestamp(),
                                e.end.timestamp(),
                                e.summary.clone(),
                                e.uid.clone(),
                            )
                        })
                        .collect();
                    let txn = confab_store::begin_write(&self.db).await?;
                    interviewers::replace_busy_times(&txn, person.id, &rows).await?;
                    store::mark_busy_read(&txn, person.id, now_ts()).await?;
                    txn.commit().await?;
                    report.calendars_read += 1;
                }
                Err(e) if whole_account(&e) => {
                    self.calendar_problem(report, &e.to_string()).await?;
                    return Ok(None);
                }
                Err(e) => report.warnings.push(format!(
                    "{}'s busy times were not read: {e} The times last read stay in use.",
                    person.name
                )),
            }
        }
        store::record_read(&self.db, Some(now_ts()), "").await?;
        Ok(Some(account))
    }

    async fn calendar_problem(
        &self,
        report: &mut SyncReport,
        problem: &str,
    ) -> Result<(), AppError> {
        let since = store::find(&self.db)
            .await?
            .and_then(|row| row.last_read_at)
            .map(|at| {
                let hours = (now_ts() - at) / 3600;
                match hours {
                    0 => " Busy times read less than an hour ago stay in use.".to_owned(),
                    h if h < 48 => format!(" Busy times read {h} hours ago stay in use."),
                    h => format!(" Busy times read {} days ago stay in use.", h / 24),
                }
            })
            .unwrap_or_default();
        report.warnings.push(format!(
            "The calendar account could not be used, so calendars were neither read nor written: {problem}{since} Mail went on as usual."
        ));
        store::record_read(&self.db, None, problem).await?;
        Ok(())
    }

    /// Writes each study's interviews into its chosen calendar: what changed since the last
    /// Sync is written again, canceled ones are removed.
    pub(super) async fn write_calendars(
        &self,
        account: &CalDavAccount,
        report: &mut SyncReport,
    ) -> Result<(), AppError> {
        for study in store::studies_written_by_me(&self.db).await? {
            let Some(href) = study.calendar_href.clone() else {
                continue;
            };
            if let Err(e) = self.write_study(account, &study, &href, report).await {
                match e {
                    Stop::Account(e) => {
                        self.calendar_problem(report, &e.to_string()).await?;
                        return Ok(());
                    }
                    Stop::Calendar(e) => report.warnings.push(format!(
                        "The interviews of {} were not written to its calendar: {e}",
                        study.name
                    )),
                    Stop::App(e) => return Err(e),
                }
            }
        }
        Ok(())
    }

    async fn write_study(
        &self,
        account: &CalDavAccount,
        study: &study::Model,
        href: &str,
        report: &mut SyncReport,
    ) -> Result<(), Stop> {
        let copies = store::copies_in_study(&self.db, study.id).await?;
        let copy_of = |id: i64| copies.iter().find(|(i, _, _)| *i == id);
        let since = now_ts() - Duration::days(WRITE_DAYS_BEHIND).num_seconds();
        for row in interviews::for_study_in_state(&self.db, study.id, interviews::SCHEDULED)
            .await?
            .into_iter()
            .filter(|r| r.ends_at > since)
        {
            let staff = staff_now(&self.db, row.id).await?;
            let written = fingerprint(&row, study, href, &staff);
            let copy = copy_of(row.id);
            if copy.is_some_and(|(_, h, w)| h == href && *w == written) {
                continue;
            }
            if let Some((_, old_href, _)) = copy.filter(|(_, h, _)| h != href)
                && let Err(e) = caldav::delete_event(account, old_href, &row.calendar_uid).await
            {
                one_interview(e, &row, report)?;
                continue;
            }
            let event = researcher_event(&self.db, study, &row, &staff).await?;
            let stored = build_stored_event(&event, false);
            if let Err(e) = caldav::put_event(account, href, &row.calendar_uid, &stored).await {
                one_interview(e, &row, report)?;
                continue;
            }
            store::put_copy(&self.db, row.id, href, &written, now_ts()).await?;
            report.calendar_written += 1;
        }
        for row in interviews::for_study_in_state(&self.db, study.id, interviews::CANCELED).await? {
            let Some((_, old_href, _)) = copy_of(row.id) else {
                continue;
            };
            if let Err(e) = caldav::delete_event(account, old_href, &row.calendar_uid).await {
                one_interview(e, &row, report)?;
                continue;
            }
            store::delete_copy(&self.db, row.id).await?;
            report.calendar_removed += 1;
        }
        Ok(())
    }
}

/// A write refused for one interview is reported and the others go on; only a server that
/// cannot be reached or refuses the login stops the calendar part of Sync.
fn one_interview(
    e: CalDavError,
    row: &interview::Model,
    report: &mut SyncReport,
) -> Result<(), Stop> {
    if matches!(
        e,
        CalDavError::Unreachable { .. } | CalDavError::LoginRefused { .. }
    ) {
        return Err(Stop::Account(e));
    }
    report.warnings.push(format!(
        "The interview of {} was not written to the calendar: {e}",
        crate::clock::from_ts(row.starts_at).format("%Y-%m-%d %H:%M UTC")
    ));
    Ok(())
}

/// What of an interview its calendar copy shows; a change in any of it writes it again.
fn fingerprint(
    row: &interview::Model,
    study: &study::Model,
    href: &str,
    staff: &[confab_store::interview_interviewers::OnInterview],
) -> String {
    let people: Vec<String> = staff
        .iter()
        .map(|p| format!("{}<{}>:{}", p.name, p.email.to_lowercase(), p.role))
        .collect();
    format!(
        "{href}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        row.sequence,
        row.starts_at,
        row.ends_at,
        row.session_id,
        people.join(","),
        study.name,
        study.location,
        study.conferencing_url,
        study.dial_in
    )
}

/// Why writing a study's calendar stopped.
enum Stop {
    /// The account itself cannot be used: nothing more is tried this Sync.
    Account(CalDavError),
    /// This calendar cannot be written (gone, read-only): the other studies go on.
    Calendar(CalDavError),
    App(AppError),
}

impl From<CalDavError> for Stop {
    fn from(e: CalDavError) -> Self {
        if whole_account(&e) {
            Stop::Account(e)
        } else {
            Stop::Calendar(e)
        }
    }
}

impl From<AppError> for Stop {
    fn from(e: AppError) -> Self {
        Stop::App(e)
    }
}

impl From<confab_store::DbErr> for Stop {
    fn from(e: confab_store::DbErr) -> Self {
        Stop::App(e.into())
    }
}
