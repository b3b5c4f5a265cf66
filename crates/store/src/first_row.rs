//! A query's first row, with its `LIMIT 1` written into the SQL.
//!
//! SeaORM's `one()` sends the limit as a bound parameter. SQLite reads a bound LIMIT while it
//! plans the statement, and so marks the statement to be planned again whenever that parameter
//! is bound anew: every run of a cached `LIMIT ?` statement parses it from scratch. While a Sync
//! reads its replies that was a third of SQLite's work. A literal `1` keeps the cached plan.

use sea_orm::{
    ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult, QueryTrait, Select, Statement,
};

/// The first row `select` finds (in its order), or `None`. Use in place of `.one(db)`.
pub async fn first_row<E: EntityTrait>(
    db: &impl ConnectionTrait,
    select: Select<E>,
) -> Result<Option<E::Model>, DbErr> {
    let statement = first_row_statement(select, db.get_database_backend());
    E::Model::find_by_statement(statement).one(db).await
}

fn first_row_statement<E: EntityTrait>(select: Select<E>, backend: DbBackend) -> Statement {
    let mut statement = select.build(backend);
    debug_assert!(
        !statement.sql.contains(" LIMIT "),
        "a select given to first_row carries its own limit: {}",
        statement.sql
    );
    statement.sql.push_str(" LIMIT 1");
    statement
}

#[cfg(test)]
mod tests {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

    use super::*;
    use crate::entity::{study, token};

    fn newest_unused(backend: DbBackend) -> Statement {
        first_row_statement(
            token::Entity::find()
                .filter(token::Column::EnrolmentId.eq(7))
                .filter(token::Column::UsedAt.is_null())
                .order_by_desc(token::Column::CreatedAt),
            backend,
        )
    }

    #[tokio::test]
    async fn the_first_row_in_the_select_order_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::open(dir.path()).await.unwrap();
        let c = &db.connection;
        let now = chrono::Utc::now();
        for name in ["Bergen", "Aarhus", "Cork"] {
            let study = confab_core::study::StudyDraft {
                name: name.into(),
                description: String::new(),
                time_zone: "Europe/Oslo".into(),
                interview_minutes: 30,
            }
            .validate()
            .unwrap();
            crate::studies::insert(c, &study, now).await.unwrap();
        }
        let last = first_row(c, study::Entity::find().order_by_desc(study::Column::Name));
        assert_eq!(last.await.unwrap().unwrap().name, "Cork");
        let first = first_row(c, study::Entity::find().order_by_asc(study::Column::Name));
        assert_eq!(first.await.unwrap().unwrap().name, "Aarhus");
        let none = first_row(
            c,
            study::Entity::find().filter(study::Column::Name.eq("Dublin")),
        );
        assert_eq!(none.await.unwrap(), None);
    }

    #[test]
    fn the_limit_is_written_into_the_statement_and_never_bound() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let statement = newest_unused(backend);
            assert!(
                statement
                    .sql
                    .ends_with(r#"ORDER BY "tokens"."created_at" DESC LIMIT 1"#),
                "{}",
                statement.sql
            );
            // The enrolment's id is the one value sent beside the text.
            let values = statement.values.expect("the filter's value is bound").0;
            assert_eq!(values.len(), 1, "{values:?}");
        }
    }

    /// A `.one(…)` slipped back into the repository would bring the re-planning back, whatever
    /// its connection is called.
    #[test]
    fn no_repository_function_asks_for_one_row_with_a_bound_limit() {
        let mut found = Vec::new();
        let mut folders = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("first_row.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (n, line) in text.lines().enumerate() {
                        if line.contains(".one(") && !line.trim_start().starts_with("//") {
                            found.push(format!("{}:{}", path.display(), n + 1));
                        }
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "use first_row instead of .one(…) at {found:?}"
        );
    }
}
