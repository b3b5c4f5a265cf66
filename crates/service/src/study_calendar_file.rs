//! Each study's interviews as a calendar file in Confab's data folder, for a researcher whose
//! calendar has no CalDAV (Microsoft 365) or who connects no calendar account: their calendar
//! program imports it, or subscribes to it and reads it again as it changes. The file is
//! written afresh after every change made in the window and at the end of every Sync.

use std::path::PathBuf;

use chrono::Duration;
use confab_mail::calendar::build_calendar_file;
use confab_store::{interview_interviewers, interviews, studies};

use crate::clock::now_ts;
use std::collections::HashMap;

use confab_mail::calendar::Person;
use confab_store::entity::participant;

use crate::mail::profile::load_profile;
use crate::mail::staff::researcher_copy;
use crate::{AppError, Confab, ErrorCode};

/// The folder of the data directory that holds the studies' calendar files.
pub const CALENDARS_FOLDER: &str = "calendars";

/// Interviews that ended longer ago than this are left out of the file.
const DAYS_BEHIND: i64 = 90;

/// How long after a change its study's file is written: a burst of changes (a CSV of
/// bookings, a Sync's replies) writes it once.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(500);

/// The studies whose calendar files are to be written again, and whether a writer is on its
/// way.
#[derive(Debug, Default)]
pub(crate) struct PendingFiles {
    studies: std::sync::Mutex<std::collections::BTreeSet<i64>>,
    writing: std::sync::atomic::AtomicBool,
    /// Counts changes, so that the writer can tell whether more came while it waited.
    changes: std::sync::atomic::AtomicU64,
}

/// The longest a file waits behind a run of changes that does not stop.
const LONGEST_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

impl Confab {
    /// Where the study's calendar file is (whether or not it was written yet).
    pub fn study_calendar_path(&self, study_id: i64) -> PathBuf {
        self.data_dir()
            .join(CALENDARS_FOLDER)
            .join(format!("study-{study_id}.ics"))
    }

    /// Writes the study's calendar file afresh (its scheduled interviews, each with the same
    /// UID as the participant's invitation) and returns where it is. The file is replaced in
    /// one step, so a calendar program never reads half of it.
    pub async fn write_study_calendar_file(&self, study_id: i64) -> Result<PathBuf, AppError> {
        let study = self.study_row(study_id).await?;
        let since = now_ts() - Duration::days(DAYS_BEHIND).num_seconds();
        let rows: Vec<_> =
            interviews::for_study_in_state(&self.db, study_id, interviews::SCHEDULED)
                .await?
                .into_iter()
                .filter(|r| r.ends_at > since)
                .collect();
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut staff = interview_interviewers::staff_of(&self.db, &ids).await?;
        // One read of the people on these interviews and of the profile, however many.
        let mut on_file: Vec<i64> = rows.iter().map(|r| r.participant_id).collect();
        on_file.sort_unstable();
        on_file.dedup();
        let people: HashMap<i64, participant::Model> =
            confab_store::participants::with_ids(&self.db, &on_file)
                .await?
                .into_iter()
                .map(|p| (p.id, p))
                .collect();
        let profile = load_profile(&self.db).await?;
        let organizer = Person::new(profile.researcher_name, profile.researcher_email);
        let mut events = Vec::with_capacity(rows.len());
        for row in &rows {
            let Some(participant) = people.get(&row.participant_id) else {
                continue;
            };
            let on_it = staff.remove(&row.id).unwrap_or_default();
            let mut event = researcher_copy(&study, participant, row, &on_it);
            event.organizer = organizer.clone();
            events.push(event);
        }
        let text = build_calendar_file(&format!("Interviews: {}", study.name), &events);
        let path = self.study_calendar_path(study_id);
        let write = |path: &PathBuf| -> std::io::Result<()> {
            let folder = path.parent().unwrap_or(path);
            std::fs::create_dir_all(folder)?;
            // A name of its own per write: two writers (the window, a `confab sync`) never
            // write into one half-made file.
            static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let part = path.with_extension(format!("ics.{}-{n}.part", std::process::id()));
            std::fs::write(&part, text.as_bytes())?;
            std::fs::rename(&part, path)
        };
        write(&path).map_err(|e| {
            AppError::new(
                ErrorCode::Storage,
                format!(
                    "The study's calendar file could not be written to {}: {e}. Check that the folder can be written to.",
                    path.display()
                ),
            )
        })?;
        Ok(path)
    }

    /// After a change: the study's calendar file is written again shortly, in the background,
    /// so that the change itself never waits for it. A file that cannot be written does not
    /// undo the change; the next Sync writes it again and says why it could not.
    pub(crate) fn calendar_file_follows(&self, study_id: i64) {
        use std::sync::atomic::Ordering;
        let pending = &self.calendar_files;
        pending
            .studies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(study_id);
        pending.changes.fetch_add(1, Ordering::SeqCst);
        if pending.writing.swap(true, Ordering::SeqCst) {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            pending.writing.store(false, Ordering::SeqCst);
            return;
        };
        let confab = self.clone();
        runtime.spawn(async move {
            // Written once the changes have settled for SETTLE, or after LONGEST_WAIT of
            // changes that do not stop: a run of them (a Sync applying hundreds of answers,
            // bookings one after the other) writes each file a few times, not once per change.
            loop {
                let waiting_since = std::time::Instant::now();
                let mut seen = confab.calendar_files.changes.load(Ordering::SeqCst);
                loop {
                    tokio::time::sleep(SETTLE).await;
                    let now = confab.calendar_files.changes.load(Ordering::SeqCst);
                    if now == seen || waiting_since.elapsed() >= LONGEST_WAIT {
                        break;
                    }
                    seen = now;
                }
                let studies: Vec<i64> = {
                    let mut set = confab
                        .calendar_files
                        .studies
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    std::mem::take(&mut *set).into_iter().collect()
                };
                if studies.is_empty() {
                    confab.calendar_files.writing.store(false, Ordering::SeqCst);
                    // A change that came in between taking the set and saying so is written too.
                    let more = !confab
                        .calendar_files
                        .studies
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .is_empty();
                    if more && !confab.calendar_files.writing.swap(true, Ordering::SeqCst) {
                        continue;
                    }
                    return;
                }
                for study in studies {
                    if let Err(e) = confab.write_study_calendar_file(study).await {
                        tracing::warn!(study, error = %e.message, "calendar file not written");
                    }
                }
            }
        });
    }

    /// Writes every active study's calendar file afresh.
    pub(crate) async fn write_calendar_files(&self) -> Result<(), AppError> {
        for study in studies::list_active(&self.db).await? {
            self.write_study_calendar_file(study.id).await?;
        }
        Ok(())
    }
}
