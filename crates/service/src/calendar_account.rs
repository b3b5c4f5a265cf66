//! The researcher's calendar account (CalDAV: Fastmail, iCloud, Nextcloud, a university's
//! server; Google with an app password): which of its calendars hold each interviewer's busy
//! times, and which one receives a study's interviews. Sync does the reading and writing.
//! Microsoft 365 offers no CalDAV; its researchers keep the calendar file route.

use chrono::{DateTime, Utc};
use confab_mail::caldav::{self, CalDavAccount, CalDavError};
use confab_mail::connect_options::ConnectOptions;
use confab_mail::credentials::{self, Secret};
use confab_store::calendar_account::{self as store, CalendarAccountRow};
use confab_store::interviewers;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::from_ts;
use crate::transaction::in_transaction;
use crate::{AppError, Confab, ErrorCode};

/// The account as the settings screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarAccountView {
    pub url: String,
    pub username: String,
    /// When Sync last read the calendars.
    pub last_read_at: Option<DateTime<Utc>>,
    /// Why the last Sync could not read or write them; empty when it could.
    pub last_problem: String,
}

/// What the researcher types to connect an account.
#[derive(Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarAccountInput {
    pub url: String,
    pub username: String,
    /// Kept in the system keyring, never in the database.
    pub password: String,
}

impl std::fmt::Debug for CalendarAccountInput {
    // The password never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CalendarAccountInput")
            .field("url", &self.url)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// One calendar of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemoteCalendarView {
    pub href: String,
    pub name: String,
    /// Whether Confab may write the study's interviews into it.
    pub writable: bool,
}

fn view(row: CalendarAccountRow) -> CalendarAccountView {
    CalendarAccountView {
        url: row.url,
        username: row.username,
        last_read_at: row.last_read_at.map(from_ts),
        last_problem: row.last_problem,
    }
}

/// The keyring entry of a calendar account: apart from the mail account's, even for the same
/// user name.
pub(crate) fn keyring_entry(url: &str, username: &str) -> String {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or_default();
    format!("caldav:{username}@{host}")
}

pub(crate) fn calendar_error(e: CalDavError) -> AppError {
    AppError::new(ErrorCode::Mail, e.to_string())
}

/// The account to read and write with: `password` when given (a headless Sync), else the
/// keyring's.
pub(crate) async fn caldav_account(
    row: &CalendarAccountRow,
    password: Option<&str>,
    connect: &ConnectOptions,
) -> Result<CalDavAccount, AppError> {
    let secret = match password {
        Some(p) => Secret::new(p),
        None => credentials::load_entry(&keyring_entry(&row.url, &row.username), "password")
            .await
            .map_err(|e| {
                AppError::new(
                    ErrorCode::Mail,
                    format!("The calendar account's password could not be read: {e}."),
                )
            })?,
    };
    Ok(
        CalDavAccount::new(row.url.clone(), row.username.clone(), secret)
            .with_trust(connect.trust.clone()),
    )
}

fn check_input(input: &CalendarAccountInput) -> Result<(), AppError> {
    if input.url.trim().is_empty() {
        return Err(AppError::about_field(
            ErrorCode::InvalidInput,
            "url",
            "Enter the calendar server's address, such as https://caldav.fastmail.com/ or your Nextcloud's address.",
        ));
    }
    if input.username.trim().is_empty() {
        return Err(AppError::about_field(
            ErrorCode::InvalidInput,
            "username",
            "Enter the user name you sign in to the calendar with.",
        ));
    }
    if input.password.is_empty() {
        return Err(AppError::about_field(
            ErrorCode::InvalidInput,
            "password",
            "Enter the password (Google and iCloud need an app password).",
        ));
    }
    if input.url.to_lowercase().contains("outlook.office")
        || input.url.to_lowercase().contains("office365")
    {
        return Err(AppError::about_field(
            ErrorCode::InvalidInput,
            "url",
            "Microsoft 365 has no CalDAV. Keep using calendar files for Microsoft 365: export each interviewer's calendar as .ics and open it in Sessions & availability.",
        ));
    }
    Ok(())
}

impl Confab {
    pub async fn calendar_account(&self) -> Result<Option<CalendarAccountView>, AppError> {
        Ok(store::find(&self.db).await?.map(view))
    }

    /// Logs in to the calendar server and lists the account's calendars; only then is the
    /// account saved, its password in the keyring first.
    pub async fn connect_calendar_account(
        &self,
        input: CalendarAccountInput,
    ) -> Result<Vec<RemoteCalendarView>, AppError> {
        let calendars = discover_with(&input, &ConnectOptions::default()).await?;
        credentials::store_entry(
            &keyring_entry(input.url.trim(), input.username.trim()),
            &Secret::new(input.password.clone()),
        )
        .await
        .map_err(|e| {
            AppError::new(
                ErrorCode::Mail,
                format!("The calendar account works, but its password could not be kept: {e}."),
            )
        })?;
        self.save_calendar_account(&input).await?;
        Ok(calendars)
    }

    /// [`Confab::connect_calendar_account`] without the keyring: the password is given to
    /// each Sync instead (a scheduled `confab sync`, tests).
    #[doc(hidden)]
    pub async fn connect_calendar_account_without_keyring(
        &self,
        input: &CalendarAccountInput,
        connect: &ConnectOptions,
    ) -> Result<Vec<RemoteCalendarView>, AppError> {
        let calendars = discover_with(input, connect).await?;
        self.save_calendar_account(input).await?;
        Ok(calendars)
    }

    async fn save_calendar_account(&self, input: &CalendarAccountInput) -> Result<(), AppError> {
        in_transaction(&self.db, async |txn| {
            store::put(txn, input.url.trim(), input.username.trim()).await?;
            Ok(())
        })
        .await
    }

    /// The account's calendars that hold events, as the server lists them now.
    pub async fn remote_calendars(&self) -> Result<Vec<RemoteCalendarView>, AppError> {
        self.remote_calendars_with(None, &ConnectOptions::default())
            .await
    }

    /// [`Confab::remote_calendars`] with the password given (not the keyring's).
    pub async fn remote_calendars_with(
        &self,
        password: Option<&str>,
        connect: &ConnectOptions,
    ) -> Result<Vec<RemoteCalendarView>, AppError> {
        let row = store::find(&self.db).await?.ok_or_else(|| {
            AppError::not_found(
                "No calendar account is connected. Connect one in Settings → Calendar account.",
            )
        })?;
        let account = caldav_account(&row, password, connect).await?;
        let found = caldav::discover(&account).await.map_err(calendar_error)?;
        Ok(calendars_of(found))
    }

    /// Disconnects the calendar account: busy times already read stay until replaced, and
    /// interviews already written stay in the calendar.
    pub async fn remove_calendar_account(&self) -> Result<(), AppError> {
        let Some(row) = store::find(&self.db).await? else {
            return Ok(());
        };
        in_transaction(&self.db, async |txn| {
            store::delete(txn).await?;
            Ok(())
        })
        .await?;
        let _ = credentials::delete_entry(&keyring_entry(&row.url, &row.username)).await;
        Ok(())
    }

    /// Reads an interviewer's busy times from `href`, a calendar of the account, at every
    /// Sync (none: from files opened by hand, as before).
    pub async fn set_interviewer_calendar(
        &self,
        interviewer_id: i64,
        href: Option<String>,
    ) -> Result<(), AppError> {
        interviewers::find(&self.db, interviewer_id)
            .await?
            .ok_or_else(|| {
                AppError::not_found(format!("There is no interviewer {interviewer_id}."))
            })?;
        self.require_account_for(href.as_deref()).await?;
        in_transaction(&self.db, async |txn| {
            store::set_interviewer_calendar(txn, interviewer_id, href.as_deref()).await?;
            Ok(())
        })
        .await
    }

    /// Writes the study's interviews into `href`, a calendar of the account, at every Sync
    /// (none: only the study's calendar file).
    pub async fn set_study_calendar(
        &self,
        study_id: i64,
        href: Option<String>,
    ) -> Result<(), AppError> {
        self.study_row(study_id).await?;
        self.require_account_for(href.as_deref()).await?;
        in_transaction(&self.db, async |txn| {
            store::set_study_calendar(txn, study_id, href.as_deref()).await?;
            Ok(())
        })
        .await
    }

    /// The calendar the study's interviews are written into, if any, and on a team database
    /// the colleague it was chosen by when that is not this researcher.
    pub async fn study_calendar(&self, study_id: i64) -> Result<StudyCalendarView, AppError> {
        let (href, chosen_by) = store::study_calendar(&self.db, study_id)
            .await?
            .ok_or_else(|| AppError::no_such("study", study_id))?;
        Ok(StudyCalendarView { href, chosen_by })
    }

    async fn require_account_for(&self, href: Option<&str>) -> Result<(), AppError> {
        if href.is_some() && store::find(&self.db).await?.is_none() {
            return Err(AppError::invalid(
                "Connect a calendar account in Settings → Calendar account first.",
            ));
        }
        Ok(())
    }
}

/// The calendar a study's interviews are written into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudyCalendarView {
    pub href: Option<String>,
    /// On a team database, the colleague whose calendar account it was chosen from, when it
    /// is not this researcher's: their Sync writes into it. `None` when it is one's own.
    pub chosen_by: Option<String>,
}

/// Checks what was typed and lists the account's calendars, saving nothing.
async fn discover_with(
    input: &CalendarAccountInput,
    connect: &ConnectOptions,
) -> Result<Vec<RemoteCalendarView>, AppError> {
    check_input(input)?;
    let account = CalDavAccount::new(
        input.url.trim(),
        input.username.trim(),
        Secret::new(input.password.clone()),
    )
    .with_trust(connect.trust.clone());
    let found = caldav::discover(&account).await.map_err(calendar_error)?;
    Ok(calendars_of(found))
}

fn calendars_of(found: Vec<caldav::RemoteCalendar>) -> Vec<RemoteCalendarView> {
    found
        .into_iter()
        .filter(|c| c.holds_events)
        .map(|c| RemoteCalendarView {
            href: c.href,
            name: c.name,
            writable: c.writable,
        })
        .collect()
}
