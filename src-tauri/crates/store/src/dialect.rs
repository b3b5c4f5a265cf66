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
