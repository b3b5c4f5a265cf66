use std::path::{Path, PathBuf};

use confab_store::{Database, DatabaseConnection};

use crate::{AppError, ErrorCode};

/// One open Confab database and the use cases over it.
#[derive(Debug, Clone)]
pub struct Confab {
    pub(crate) db: DatabaseConnection,
    pub(crate) data_dir: PathBuf,
    pub(crate) database_path: PathBuf,
    /// The team database's server and database, when the data lives there.
    pub(crate) team: Option<String>,
    /// How to reach it again, for the listener of other desktops' changes.
    team_url: Option<Secret>,
    pub(crate) calendar_files: std::sync::Arc<crate::study_calendar_file::PendingFiles>,
}

impl Confab {
    /// Opens, and if needed creates and migrates, the database in `data_dir`.
    pub async fn open(data_dir: &Path) -> Result<Self, AppError> {
        let Database { connection, path } = confab_store::open(data_dir).await?;
        Ok(Self {
            db: connection,
            data_dir: data_dir.to_owned(),
            database_path: path,
            team: None,
            team_url: None,
            calendar_files: Default::default(),
        })
    }

    /// Opens, and if needed migrates, the team database at `url` (PostgreSQL). `data_dir`
    /// keeps what stays on this computer (logs, calendar files, drafts).
    pub async fn open_team(data_dir: &Path, url: &str) -> Result<Self, AppError> {
        let connection = confab_store::open_team(url).await?;
        Ok(Self {
            db: connection,
            data_dir: data_dir.to_owned(),
            database_path: PathBuf::new(),
            team: Some(confab_store::team_label(url)),
            team_url: Some(Secret(url.to_owned())),
            calendar_files: Default::default(),
        })
    }

    /// Opens the data where this computer is set to keep it: the team database that
    /// `CONFAB_DATABASE_URL` or Settings → Database names, or else the file in `data_dir`.
    pub async fn open_configured(data_dir: &Path) -> Result<Self, AppError> {
        match crate::team_database::location(data_dir).await? {
            crate::team_database::Location::Team { url } => Self::open_team(data_dir, &url).await,
            crate::team_database::Location::ThisComputer => Self::open(data_dir).await,
        }
    }

    /// The team database's server and database (`host:port/database`), if the data lives
    /// there rather than in a file on this computer.
    pub fn team_database(&self) -> Option<&str> {
        self.team.as_deref()
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn database_path(&self) -> &Path {
        &self.database_path
    }

    /// Closes the pool so the file is fully written back before the process ends.
    pub async fn close(self) -> Result<(), AppError> {
        self.db.close().await.map_err(AppError::from)
    }
}

/// A URL that holds a password: never printed.
#[derive(Clone)]
struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("postgres://…")
    }
}

impl Confab {
    /// Tells `on_change` what other desktops (and this one) change on the team database, as
    /// they commit, for as long as the database can be reached; returns at once on this
    /// computer's file, which no other desktop writes.
    pub async fn watch_team_changes(
        &self,
        on_change: impl FnMut(confab_store::changes::Changed) + Send,
    ) -> Result<(), AppError> {
        let Some(Secret(url)) = &self.team_url else {
            return Ok(());
        };
        confab_store::changes::listen(url, on_change)
            .await
            .map_err(|detail| {
                AppError::new(
                    ErrorCode::DatabaseUnreachable,
                    format!(
                        "Confab stopped hearing of other researchers' changes on the team database: {detail}. Restart Confab to see them again."
                    ),
                )
            })
    }
}

impl Confab {
    /// The database underneath, for tests that look at rows no use case shows.
    #[doc(hidden)]
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The SQLite pool underneath, for benchmarks that compare the service with plain SQL.
    #[doc(hidden)]
    pub fn sqlite_pool(&self) -> confab_store::sqlx::SqlitePool {
        self.db.get_sqlite_connection_pool().clone()
    }
}
