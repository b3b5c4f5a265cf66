use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Lists of participants are ordered by name in lower case as Rust lowercases it (every
// script, not only ASCII as SQLite's `lower()`), then by id. Keeping that key in a column with
// an index lets the first screenful of a study of thousands be read in order with a LIMIT,
// rather than reading and sorting the whole study. On PostgreSQL the column compares bytes
// (COLLATE "C"), the order Rust's strings have, whatever the server's locale.
const SQLITE: &str = r#"
ALTER TABLE participants ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
CREATE INDEX participants_sort_name ON participants (sort_name, id);
"#;

const POSTGRES: &str = r#"
ALTER TABLE participants ADD COLUMN sort_name TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX participants_sort_name ON participants (sort_name, id);
"#;

/// Rows per statement when filling the column: two parameters each, well below SQLite's limit.
const ROWS_PER_STATEMENT: usize = 500;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let sql = if backend == sea_orm::DbBackend::Postgres {
            POSTGRES
        } else {
            SQLITE
        };
        db.execute_unprepared(sql).await?;
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id, name FROM participants",
            ))
            .await?;
        let mut keys = Vec::with_capacity(rows.len());
        for row in rows {
            let id: i64 = row.try_get_by_index(0)?;
            let name: String = row.try_get_by_index(1)?;
            keys.push((id, crate::participants::sort_key(&name)));
        }
        for chunk in keys.chunks(ROWS_PER_STATEMENT) {
            let pairs = vec!["(?, ?)"; chunk.len()].join(", ");
            let values = chunk
                .iter()
                .flat_map(|(id, key)| [(*id).into(), key.clone().into()]);
            db.execute_raw(crate::dialect::statement(
                db,
                format!(
                    "WITH keys (id, sort_name) AS (VALUES {pairs}) \
                     UPDATE participants SET sort_name = \
                     (SELECT keys.sort_name FROM keys WHERE keys.id = participants.id) \
                     WHERE id IN (SELECT id FROM keys)"
                ),
                values,
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "DROP INDEX participants_sort_name;\nALTER TABLE participants DROP COLUMN sort_name;",
            )
            .await
            .map(|_| ())
    }
}
