//! Putting a backup in place of the database: only a Confab database that this version knows,
//! only while no one else has the database open, and only after the database as it was has
//! been kept in `backups/`.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::files::{connect_file, partial_beside, remove_if_present, replace_with, vacuum_into};
use crate::migration::known_names;
use crate::open::{BACKUP_FOLDER, DATABASE_FILE, SQLITE_HEADER, applied_migrations};

/// What a restore did besides putting the backup in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Where the database as it was before the restore is kept; `None` when there was none.
    pub previous: Option<PathBuf>,
}

/// Why a restore did not happen. None of these leaves the database changed.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{path} is not an SQLite database, so it is not a Confab backup.")]
    NotSqlite { path: PathBuf },
    #[error("{path} is an SQLite database but not a Confab one ({detail}).")]
    NotConfab { path: PathBuf, detail: String },
    #[error("{path} is damaged ({detail}).")]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer version of Confab (it has the changes {}), which this version does not know.",
        unknown.join(", ")
    )]
    TooNew { path: PathBuf, unknown: Vec<String> },
    #[error("{path} is the database Confab is using now, not a backup of it.")]
    SameFile { path: PathBuf },
    #[error(
        "The database {path} is open in another program: the Confab window, or a confab command still running."
    )]
    InUse { path: PathBuf },
    #[error("Confab could not read {path}: {detail}.")]
    Read { path: PathBuf, detail: String },
    #[error("Confab could not keep a copy of the database {path} before restoring: {detail}.")]
    Keep { path: PathBuf, detail: String },
    #[error("Confab could not put the backup in place of {path}: {detail}.")]
    Write { path: PathBuf, detail: String },
}

/// Checks that `source` is a Confab database this version can open, changing nothing.
pub async fn check_restore_source(source: &Path) -> Result<(), RestoreError> {
    let db = open_source(source).await?;
    let _ = db.close().await;
    Ok(())
}

/// Replaces the database in `data_dir` with a copy of `source`. Every connection of this
/// process to that database must be closed first; one held elsewhere makes the restore
/// refuse. Opening the database afterwards migrates a backup made by an older Confab.
pub async fn restore(data_dir: &Path, source: &Path) -> Result<Restored, RestoreError> {
    let database = data_dir.join(DATABASE_FILE);
    if same_file(source, &database) {
        return Err(RestoreError::SameFile {
            path: source.to_owned(),
        });
    }
    let source_db = open_source(source).await?;
    let result = swap(&source_db, data_dir, &database).await;
    let _ = source_db.close().await;
    result
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// Opens `source` read-only once it has passed every check.
async fn open_source(source: &Path) -> Result<DatabaseConnection, RestoreError> {
    let path = source.to_owned();
    if !has_sqlite_header(source).map_err(|e| RestoreError::Read {
        path: path.clone(),
        detail: e.to_string(),
    })? {
        return Err(RestoreError::NotSqlite { path });
    }
    let db = connect_file(source, true, Duration::from_secs(5))
        .await
        .map_err(|e| RestoreError::Read {
            path: path.clone(),
            detail: e.to_string(),
        })?;
    match check_contents(&db, source).await {
        Ok(()) => Ok(db),
        Err(error) => {
            let _ = db.close().await;
            Err(error)
        }
    }
}

fn has_sqlite_header(path: &Path) -> io::Result<bool> {
    let mut header = [0u8; 16];
    let mut file = fs::File::open(path)?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => return Ok(false),
            n => read += n,
        }
    }
    Ok(&header == SQLITE_HEADER)
}

async fn check_contents(db: &DatabaseConnection, source: &Path) -> Result<(), RestoreError> {
    let path = source.to_owned();
    let damaged = |detail: String| RestoreError::Damaged {
        path: path.clone(),
        detail,
    };
    let verdict: String = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "PRAGMA quick_check",
        ))
        .await
        .map_err(|e| damaged(e.to_string()))?
        .ok_or_else(|| damaged("SQLite's check gave no answer".into()))?
        .try_get_by_index(0)
        .map_err(|e| damaged(e.to_string()))?;
    if verdict != "ok" {
        return Err(damaged(verdict));
    }
    let applied = applied_migrations(db)
        .await
        .map_err(|e| damaged(e.to_string()))?;
    let known = known_names();
    if known.first().is_none_or(|first| !applied.contains(first)) {
        return Err(RestoreError::NotConfab {
            path,
            detail: "it lacks Confab's tables".into(),
        });
    }
    let unknown: Vec<String> = applied
        .into_iter()
        .filter(|name| !known.contains(name))
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(RestoreError::TooNew { path, unknown })
    }
}

async fn swap(
    source_db: &DatabaseConnection,
    data_dir: &Path,
    database: &Path,
) -> Result<Restored, RestoreError> {
    let write_error = |detail: String| RestoreError::Write {
        path: database.to_owned(),
        detail,
    };
    fs::create_dir_all(data_dir).map_err(|e| write_error(e.to_string()))?;
    let previous = keep_current(data_dir, database).await?;
    let partial = partial_beside(database, "restoring");
    remove_if_present(&partial).map_err(|e| write_error(e.to_string()))?;
    let copied = match vacuum_into(source_db, &partial).await {
        // A journal left beside the old file would be replayed into the new one.
        Ok(()) => remove_journals(database)
            .and_then(|()| replace_with(&partial, database))
            .map_err(|e| e.to_string()),
        Err(detail) => Err(detail),
    };
    if copied.is_err() {
        let _ = remove_if_present(&partial);
    }
    copied.map_err(write_error)?;
    Ok(Restored { previous })
}

fn remove_journals(database: &Path) -> io::Result<()> {
    for suffix in ["-wal", "-shm", "-journal"] {
        remove_if_present(&with_suffix(database, suffix))?;
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Copies the current database into `backups/`. Leaving WAL mode succeeds only on the one
/// connection left to a database, which is how another program holding it is found; it also
/// folds the WAL into the file, so that nothing of the old database stays beside the new one.
async fn keep_current(data_dir: &Path, database: &Path) -> Result<Option<PathBuf>, RestoreError> {
    match fs::metadata(database) {
        Ok(meta) if meta.len() > 0 => {}
        Ok(_) => return Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(RestoreError::Keep {
                path: database.to_owned(),
                detail: e.to_string(),
            });
        }
    }
    let keep_error = |detail: String| RestoreError::Keep {
        path: database.to_owned(),
        detail,
    };
    let folder = data_dir.join(BACKUP_FOLDER);
    fs::create_dir_all(&folder).map_err(|e| keep_error(e.to_string()))?;
    let target = unused_name(&folder);
    match connect_file(database, false, Duration::from_secs(2)).await {
        Ok(db) => {
            let kept = leave_wal_and_copy(&db, database, &target).await;
            let _ = db.close().await;
            match kept {
                Ok(()) => return Ok(Some(target)),
                Err(KeepFailure::InUse) => {
                    return Err(RestoreError::InUse {
                        path: database.to_owned(),
                    });
                }
                Err(KeepFailure::Unreadable) => {}
            }
        }
        Err(error) => tracing::warn!(%error, "the database to replace does not open"),
    }
    // A damaged or foreign file is kept byte for byte, with its WAL if it has one.
    let _ = remove_if_present(&target);
    fs::copy(database, &target).map_err(|e| keep_error(e.to_string()))?;
    let wal = with_suffix(database, "-wal");
    if wal.exists() {
        fs::copy(&wal, with_suffix(&target, "-wal")).map_err(|e| keep_error(e.to_string()))?;
    }
    Ok(Some(target))
}

enum KeepFailure {
    InUse,
    Unreadable,
}

async fn leave_wal_and_copy(
    db: &DatabaseConnection,
    database: &Path,
    target: &Path,
) -> Result<(), KeepFailure> {
    let mode = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "PRAGMA journal_mode = DELETE",
        ))
        .await
        .map_err(|error| {
            let text = error.to_string().to_lowercase();
            if text.contains("locked") || text.contains("busy") {
                KeepFailure::InUse
            } else {
                tracing::warn!(%error, path = %database.display(), "the database to replace is unreadable");
                KeepFailure::Unreadable
            }
        })?
        .and_then(|row| row.try_get_by_index::<String>(0).ok());
    if mode.as_deref() != Some("delete") {
        return Err(KeepFailure::InUse);
    }
    vacuum_into(db, target).await.map_err(|detail| {
        tracing::warn!(%detail, "the database to replace could not be copied");
        KeepFailure::Unreadable
    })
}

/// `backups/confab-<UTC time>-before-restore.sqlite3`, numbered if one of that second exists.
fn unused_name(folder: &Path) -> PathBuf {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut candidate = folder.join(format!("confab-{stamp}-before-restore.sqlite3"));
    let mut n = 2;
    while candidate.exists() {
        candidate = folder.join(format!("confab-{stamp}-before-restore-{n}.sqlite3"));
        n += 1;
    }
    candidate
}
