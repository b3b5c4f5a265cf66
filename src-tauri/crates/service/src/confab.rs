use std::path::{Path, PathBuf};

use confab_store::{Database, DatabaseConnection};

use crate::AppError;

/// One open Confab database and the use cases over it.
#[derive(Debug, Clone)]
pub struct Confab {
    pub(crate) db: DatabaseConnection,
    data_dir: PathBuf,
    pub(crate) database_path: PathBuf,
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
            calendar_files: Default::default(),
        })
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

impl Confab {
    /// The SQLite pool underneath, for benchmarks that compare the service with plain SQL.
    #[doc(hidden)]
    pub fn sqlite_pool(&self) -> confab_store::sqlx::SqlitePool {
        self.db.get_sqlite_connection_pool().clone()
    }
}
