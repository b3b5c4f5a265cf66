//! Moving a study between this computer's file and the lab's team database, and taking a copy
//! back. The study arrives whole in one transaction (its people, times, interviews, history,
//! outbox and links) or not at all; a move then removes it from where it was, so no message
//! goes out from both. The links already sent keep their codes, so they keep working.

use confab_store::study_copy::{self, StudyRows};
use confab_store::{
    ConnectionTrait, begin_write, inbound, is_unique_violation, mail_profile, refusal,
};
use serde::Serialize;
use ts_rs::TS;

use crate::mail::sync::INBOX;
use crate::{AppError, Confab, ErrorCode, StudySummary};

/// What went where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StudyTransferReport {
    /// The study's id in the database it went to.
    #[ts(type = "number")]
    pub study_id: i64,
    pub name: String,
    pub participants: u32,
    pub interviews: u32,
    /// Messages of its outbox, sent or waiting.
    pub messages: u32,
    /// Links sent to participants, which keep working.
    pub links: u32,
    /// Whether it was removed from where it was (a move), or left there (a copy).
    pub removed: bool,
}

impl Confab {
    /// The studies in this computer's file, listed while Confab works on the team database.
    pub async fn studies_on_this_computer(&self) -> Result<Vec<StudySummary>, AppError> {
        let here = self.this_computer().await?;
        let listed = here.list_studies().await;
        let _ = here.close().await;
        listed
    }

    /// Moves study `study_id` of this computer's file into the team database Confab works
    /// on; it is removed from the file.
    pub async fn move_study_from_this_computer(
        &self,
        study_id: i64,
    ) -> Result<StudyTransferReport, AppError> {
        let here = self.this_computer().await?;
        let moved = here.transfer_study(study_id, self, true).await;
        let _ = here.close().await;
        moved
    }

    /// Copies study `study_id` of the team database into this computer's file; the team
    /// database keeps it.
    pub async fn copy_study_to_this_computer(
        &self,
        study_id: i64,
    ) -> Result<StudyTransferReport, AppError> {
        let here = self.this_computer().await?;
        let copied = self.transfer_study(study_id, &here, false).await;
        let _ = here.close().await;
        copied
    }

    /// This computer's file, opened beside the team database.
    async fn this_computer(&self) -> Result<Confab, AppError> {
        if self.team.is_none() {
            return Err(AppError::invalid(
                "Confab works on this computer's database now. Choose the team database in Settings → Database first, then move studies into it.",
            ));
        }
        Confab::open(&self.data_dir).await
    }

    /// Copies study `study_id` into `to` in one transaction; with `remove`, then removes it
    /// from this database, so it lives on in `to` alone.
    pub async fn transfer_study(
        &self,
        study_id: i64,
        to: &Confab,
        remove: bool,
    ) -> Result<StudyTransferReport, AppError> {
        if self.same_database(to) {
            return Err(AppError::invalid("The study is already in that database."));
        }
        // This database's write lock is held until the end, so nothing changes in the study
        // between the copy and its removal.
        let here = begin_write(&self.db).await?;
        let rows = study_copy::read_study(&here, study_id)
            .await?
            .ok_or_else(|| AppError::not_found(format!("There is no study {study_id}.")))?;
        if rows.outbox.iter().any(|m| m.state == "sending") {
            return Err(AppError::conflict(format!(
                "A Sync is sending messages of \"{}\" right now. Move it once the Sync has finished.",
                rows.study.name
            )));
        }
        let there = begin_write(&to.db).await?;
        let new_id = study_copy::write_study(&there, &rows)
            .await
            .map_err(|e| arrival_refused(&rows, e))?;
        carry_reading_position(&here, &there).await?;
        there.commit().await?;
        if remove {
            let removed = async {
                study_copy::delete_study(&here, study_id).await?;
                here.commit().await
            }
            .await;
            if let Err(error) = removed {
                tracing::error!(%error, study_id, "the moved study stayed where it was");
                return Err(AppError::new(
                    ErrorCode::Storage,
                    format!(
                        "\"{}\" was copied, but could not be removed from where it was ({error}). Archive that copy by hand so that its messages are not sent twice.",
                        rows.study.name
                    ),
                ));
            }
        }
        Ok(report(&rows, new_id, remove))
    }

    fn same_database(&self, other: &Confab) -> bool {
        match (&self.team, &other.team) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.database_path == other.database_path,
            _ => false,
        }
    }
}

/// Answers to the study's invitations that reached the inbox after the last Sync here must
/// be read by the first Sync there. The same researcher's mailbox is read from where this
/// database stopped, unless the other database's position is further back already; a message
/// read by both is known by its key and applied once.
async fn carry_reading_position(
    here: &impl ConnectionTrait,
    there: &impl ConnectionTrait,
) -> Result<(), AppError> {
    let address = |p: Option<confab_store::entity::mail_profile::Model>| {
        p.map(|p| p.researcher_email.to_lowercase())
            .filter(|a| !a.is_empty())
    };
    let same_mailbox = match (
        address(mail_profile::get(here).await?),
        address(mail_profile::get(there).await?),
    ) {
        (Some(a), Some(b)) => a == b,
        // Not set up there yet: it will be this researcher's mailbox.
        (Some(_), None) => true,
        _ => false,
    };
    let Some((validity, last)) = inbound::position(here, INBOX).await? else {
        return Ok(());
    };
    if !same_mailbox {
        return Ok(());
    }
    let further_back = match inbound::position(there, INBOX).await? {
        None => true,
        Some((v, l)) => v != validity || last < l,
    };
    if further_back {
        inbound::set_position(there, INBOX, validity, last).await?;
    }
    Ok(())
}

fn report(rows: &StudyRows, study_id: i64, removed: bool) -> StudyTransferReport {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    StudyTransferReport {
        study_id,
        name: rows.study.name.clone(),
        participants: count(rows.participants.len()),
        interviews: count(rows.interviews.len()),
        messages: count(rows.outbox.len()),
        links: count(rows.tokens.len()),
        removed,
    }
}

/// Why the database the study went to refused it, in the researcher's words; nothing of it
/// was written there.
fn arrival_refused(rows: &StudyRows, error: confab_store::DbErr) -> AppError {
    let name = &rows.study.name;
    if refusal(&error).is_some() {
        return AppError::conflict(format!(
            "\"{name}\" was not moved: one of its participants or interviewers has an interview at the same time in a study that is there already. Nothing was changed; cancel or move one of the two first. ({error})"
        ));
    }
    if is_unique_violation(&error) {
        return AppError::conflict(format!(
            "\"{name}\" was not moved: its links or messages are there already, so it was moved or copied there before. Nothing was changed."
        ));
    }
    error.into()
}
