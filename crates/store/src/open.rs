use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, DatabaseConnection, DbErr, Statement};
use sea_orm_migration::MigratorTrait;

use crate::migration::{Migrator, known_names, unknown_to_this_build};

pub const DATABASE_FILE: &str = "confab.sqlite3";
pub const BACKUP_FOLDER: &str = "backups";
pub(crate) const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An open, migrated database and where it lives.
#[derive(Debug, Clone)]
pub struct Database {
    pub connection: DatabaseConnection,
    pub path: PathBuf,
}

/// Why the database could not be opened. None of these leaves the file changed.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("Confab cannot write to its data folder {path}: {reason}.")]
    DataFolder { path: PathBuf, reason: String },
    #[error("The database {path} is damaged or is not a Confab database ({detail}).")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "The database {path} was written by a newer version of Confab (it has the changes {}), which this version does not know.",
        unknown.join(", ")
    )]
    TooNew { path: PathBuf, unknown: Vec<String> },
    #[error("Confab could not keep a copy of {path} before updating it: {detail}.")]
    Backup { path: PathBuf, detail: String },
    #[error("Confab could not update the database {path}: {detail}.")]
    Migration { path: PathBuf, detail: String },
    #[error("The team database's address is not a PostgreSQL connection URL ({detail}).")]
    TeamAddress { detail: String },
    #[error(
        "Confab cannot reach the team database {server}: {why}. (In technical terms: {detail}.)"
    )]
    TeamUnreachable {
        server: String,
        why: &'static str,
        detail: String,
    },
    #[error("The team database {server} did not let {user} in: {detail}.")]
    TeamSignIn {
        server: String,
        user: String,
        detail: String,
    },
    #[error("The team database {server} cannot hold Confab's data: {detail}.")]
    TeamUnsupported { server: String, detail: String },
    #[error(
        "The team database {server} was set up by a newer version of Confab (it has the changes {}), which this version does not know.",
        unknown.join(", ")
    )]
    TeamTooNew {
        server: String,
        unknown: Vec<String>,
    },
    #[error("Confab could not update the team database {server}: {detail}.")]
    TeamMigration { server: String, detail: String },
}

/// Opens (creating if needed) the database in `data_dir`, keeps a copy of it before any
/// migration, and migrates it. A file from a newer Confab or one that is not a database is
/// refused without being written to.
pub async fn open(data_dir: &Path) -> Result<Database, OpenError> {
    ensure_writable_folder(data_dir)?;
    let path = data_dir.join(DATABASE_FILE);
    check_header(&path)?;
    let connection = connect(&path).await?;
    let result = prepare(&connection, data_dir, &path).await;
    if result.is_err() {
        // Close now so the file is released before the caller reports the error.
        let _ = connection.clone().close().await;
    }
    result.map(|()| Database { connection, path })
}

fn ensure_writable_folder(dir: &Path) -> Result<(), OpenError> {
    let fail = |e: io::Error| OpenError::DataFolder {
        path: dir.to_owned(),
        reason: e.to_string(),
    };
    fs::create_dir_all(dir).map_err(fail)?;
    // Permissions alone do not say it (read-only mounts, ACLs): try to write.
    let probe = dir.join(format!(".confab-write-check-{}", std::process::id()));
    fs::write(&probe, b"").map_err(fail)?;
    fs::remove_file(&probe).map_err(fail)
}

/// SQLite would refuse a foreign file too, but only after it has been asked to change its
/// journal mode; reading the header first keeps the refusal read-only and its message plain.
fn check_header(path: &Path) -> Result<(), OpenError> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(OpenError::DataFolder {
                path: path.to_owned(),
                reason: e.to_string(),
            });
        }
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => {
                return Err(OpenError::Corrupt {
                    path: path.to_owned(),
                    detail: e.to_string(),
                });
            }
        }
    }
    // An empty file is a valid empty database to SQLite.
    if read == 0 || (read == header.len() && &header == SQLITE_HEADER) {
        Ok(())
    } else {
        Err(OpenError::Corrupt {
            path: path.to_owned(),
            detail: "its first bytes are not those of an SQLite database".into(),
        })
    }
}

async fn connect(path: &Path) -> Result<DatabaseConnection, OpenError> {
    let file = path.to_owned();
    let mut options = ConnectOptions::new("sqlite://confab.sqlite3");
    options
        .max_connections(4)
        .min_connections(1)
        // A connection to a local file does not go stale the way a network one does; pinging
        // it before every use only adds a round trip to each query.
        .test_before_acquire(false)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |o| {
            o.filename(&file)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL: in WAL mode NORMAL syncs only at checkpoints, so a power cut can
                // take back the last commits, among them "sent" or "applied" (see
                // docs/RELIABILITY.md). FULL syncs the WAL at every commit.
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                // SQLite's default page cache is 2 MB; a study with thousands of participants
                // outgrows it, and every miss is a system call.
                .pragma("cache_size", "-32000")
                .pragma("mmap_size", "268435456")
                .pragma("temp_store", "memory")
        });
    sea_orm::Database::connect(options)
        .await
        .map_err(|e| classify(path, e))
}

async fn prepare(db: &DatabaseConnection, data_dir: &Path, path: &Path) -> Result<(), OpenError> {
    let applied = applied_migrations(db)
        .await
        .map_err(|e| classify(path, e))?;
    let unknown = unknown_to_this_build(&applied);
    if !unknown.is_empty() {
        return Err(OpenError::TooNew {
            path: path.to_owned(),
            unknown,
        });
    }
    let pending: Vec<String> = known_names()
        .into_iter()
        .filter(|n| !applied.contains(n))
        .collect();
    let Some(first_pending) = pending.first() else {
        return Ok(());
    };
    if has_user_tables(db).await.map_err(|e| classify(path, e))? {
        backup(db, data_dir, path, first_pending).await?;
    }
    migrate(db).await.map_err(|e| OpenError::Migration {
        path: path.to_owned(),
        detail: e.to_string(),
    })
}

/// Runs every pending migration in one transaction. SeaORM's migrator wraps migrations in
/// transactions on PostgreSQL only; on SQLite an upgrade cut off half-way (a crash, a power
/// cut, a failing step) would leave a schema between two versions. SQLite's DDL is
/// transactional, so here the whole upgrade commits at once or not at all, and the database
/// stays as the previous version left it.
async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    let txn = crate::begin_write(db).await?;
    Migrator::up(&txn, None).await?;
    crate::crash_point("migration");
    txn.commit().await
}

pub(crate) async fn applied_migrations(db: &DatabaseConnection) -> Result<Vec<String>, DbErr> {
    let exists = db
        .query_one_raw(crate::dialect::table_exists(db, "seaql_migrations"))
        .await?
        .is_some();
    if !exists {
        return Ok(Vec::new());
    }
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await?;
    rows.iter().map(|row| row.try_get_by_index(0)).collect()
}

async fn has_user_tables(db: &DatabaseConnection) -> Result<bool, DbErr> {
    Ok(db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        ))
        .await?
        .is_some())
}

/// `VACUUM INTO` writes a consistent copy even while the WAL holds changes not yet in the
/// main file, which a plain file copy would miss.
async fn backup(
    db: &DatabaseConnection,
    data_dir: &Path,
    path: &Path,
    before: &str,
) -> Result<(), OpenError> {
    let fail = |detail: String| OpenError::Backup {
        path: path.to_owned(),
        detail,
    };
    let folder = data_dir.join(BACKUP_FOLDER);
    fs::create_dir_all(&folder).map_err(|e| fail(e.to_string()))?;
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    // Named to the second; an upgrade tried again within it (after one that failed) keeps
    // a copy of its own.
    let mut target = folder.join(format!("confab-{stamp}-before-{before}.sqlite3"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = folder.join(format!("confab-{stamp}-before-{before}-{n}.sqlite3"));
    }
    let target_text = target
        .to_str()
        .ok_or_else(|| fail("the backup folder's path is not valid UTF-8".into()))?;
    db.execute_raw(crate::dialect::statement(
        db,
        "VACUUM INTO ?",
        [target_text.into()],
    ))
    .await
    .map(|_| ())
    .map_err(|e| fail(e.to_string()))
}

fn classify(path: &Path, error: DbErr) -> OpenError {
    let detail = error.to_string();
    let lowered = detail.to_lowercase();
    if lowered.contains("not a database") || lowered.contains("malformed") {
        OpenError::Corrupt {
            path: path.to_owned(),
            detail,
        }
    } else if lowered.contains("readonly") || lowered.contains("unable to open") {
        OpenError::DataFolder {
            path: path.to_owned(),
            reason: detail,
        }
    } else {
        OpenError::Migration {
            path: path.to_owned(),
            detail,
        }
    }
}
