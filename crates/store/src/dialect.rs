//! Where the SQL of SQLite and of PostgreSQL differ, in one place per difference. The
//! store's hand-written statements are written once, in SQLite's spelling, and pass through
//! here.

use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};

/// A statement with `?` or `?N` placeholders, numbered `$N` for PostgreSQL.
pub fn statement(
    db: &impl ConnectionTrait,
    sql: impl AsRef<str>,
    values: impl IntoIterator<Item = Value>,
) -> Statement {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => numbered_placeholders(sql.as_ref()),
        _ => sql.as_ref().to_owned(),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// `?` becomes `$1`, `$2`, … in order, and `?N` becomes `$N`; text between single quotes is
/// left alone.
fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut next = 0;
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    next += 1;
                    digits = next.to_string();
                }
                out.push('$');
                out.push_str(&digits);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The researcher acting, as SQL: on a team database the database user this desktop signed in
/// as, on this computer the one researcher there is (the empty name). What belongs to one
/// researcher (an owner column) is compared with it.
pub(crate) fn researcher(db: &impl ConnectionTrait) -> &'static str {
    match db.get_database_backend() {
        DbBackend::Postgres => "session_user",
        _ => "''",
    }
}

/// The values of `expr` over a subquery's rows, joined by commas (NULL when none).
pub(crate) fn comma_list(db: &impl ConnectionTrait, expr: &str) -> String {
    match db.get_database_backend() {
        DbBackend::Postgres => format!("string_agg(CAST({expr} AS TEXT), ',')"),
        _ => format!("group_concat({expr})"),
    }
}

/// The rows whose `column` names this researcher: on a team database the database user the
/// desktop signed in as; on this computer's file there is one researcher, and every row is
/// theirs.
pub(crate) fn mine(db: &impl ConnectionTrait, column: &'static str) -> sea_orm::sea_query::Expr {
    use sea_orm::sea_query::Expr;
    match db.get_database_backend() {
        DbBackend::Postgres => Expr::cust(format!("{column} = session_user")),
        _ => Expr::cust("1 = 1"),
    }
}

/// A statement that returns a row when the table `name` exists.
pub(crate) fn table_exists(db: &impl ConnectionTrait, name: &str) -> Statement {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => {
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        }
        _ => "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    };
    statement(db, sql, [name.into()])
}

/// Whether the write broke a unique constraint (an address or a name already taken).
pub fn is_unique_violation(error: &sea_orm::DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// Whether the connection to the database went (the network, the server restarting), rather
/// than the database refusing the statement: whatever was not committed is gone, and a commit
/// cut off this way may or may not have been taken.
pub fn is_connection_lost(error: &sea_orm::DbErr) -> bool {
    use sea_orm::{DbErr, RuntimeErr};
    use sqlx::Error as E;
    match error {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            matches!(
                e.as_ref(),
                // A stream cut in the middle of a message reads as a protocol error.
                E::Io(_)
                    | E::Tls(_)
                    | E::Protocol(_)
                    | E::PoolTimedOut
                    | E::PoolClosed
                    | E::WorkerCrashed
            )
        }
        _ => false,
    }
}

/// Whether PostgreSQL ended the transaction to let another one through: a deadlock
/// (`40P01`) or a serialization failure (`40001`). Nothing of it was written, and running it
/// again is safe.
pub fn is_write_conflict(error: &sea_orm::DbErr) -> bool {
    matches!(
        crate::open_team::sqlstate(error).as_deref(),
        Some("40001") | Some("40P01")
    )
}

#[cfg(test)]
mod tests {
    use super::numbered_placeholders;

    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(
            numbered_placeholders("SELECT ? , '?' FROM t WHERE a = ? AND b IN (?, ?)"),
            "SELECT $1 , '?' FROM t WHERE a = $2 AND b IN ($3, $4)"
        );
        assert_eq!(
            numbered_placeholders("SELECT EXISTS (SELECT 1 WHERE x = ?1) OR y = ?1"),
            "SELECT EXISTS (SELECT 1 WHERE x = $1) OR y = $1"
        );
    }
}
