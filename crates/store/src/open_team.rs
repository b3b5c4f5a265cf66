//! Opening a team database: PostgreSQL at a connection URL, shared by a lab's desktops. The
//! same migrations as the local file build its schema (see `migration`), under the team
//! database's write lock, so two desktops started at once do not both migrate.

use std::str::FromStr;
use std::time::Duration;

use std::sync::Arc;

use sea_orm::sqlx::PgConnection;
use sea_orm::sqlx::postgres::PgConnectOptions;
use sea_orm::{ConnectOptions, ConnectionTrait, DatabaseConnection, DbErr, RuntimeErr, Statement};
use sea_orm_migration::MigratorTrait;

use crate::OpenError;
use crate::migration::{Migrator, known_names, unknown_to_this_build};

/// The oldest PostgreSQL whose features the schema uses (identity columns, `EXECUTE
/// FUNCTION`, trusted `btree_gist` and `citext`).
const OLDEST_SERVER: i32 = 130_000;

/// Opens the team database at `url` (`postgres://user:password@host:port/database`), and
/// migrates it if this Confab is newer than the one that last did.
pub async fn open_team(url: &str) -> Result<DatabaseConnection, OpenError> {
    let (db, server, user) = connect(url, 8).await?;
    let result = async {
        let (applied, _) = check_server(&db, &server, &user).await?;
        if known_names().iter().all(|n| applied.contains(n)) {
            return Ok(());
        }
        migrate(&db, &server, &user).await
    }
    .await;
    if result.is_err() {
        let _ = db.clone().close().await;
    }
    result.map(|()| db)
}

/// What a look at a team database, before using it, found there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamCheck {
    /// `host:port/database`.
    pub server: String,
    /// The server's version, such as `15.4`.
    pub version: String,
    /// Whether Confab's tables are there already (a colleague set it up), rather than to be
    /// made on first use.
    pub set_up: bool,
}

/// Signs in to the team database at `url` and checks that Confab can use it, without
/// changing anything there.
pub async fn check_team(url: &str) -> Result<TeamCheck, OpenError> {
    let (db, server, user) = connect(url, 1).await?;
    let checked = check_server(&db, &server, &user).await;
    let _ = db.close().await;
    let (applied, number) = checked?;
    Ok(TeamCheck {
        set_up: !applied.is_empty(),
        version: format!("{}.{}", number / 10_000, number % 10_000),
        server,
    })
}

/// Connects a pool of at most `connections` to the database at `url`, after one plain
/// attempt: the pool tries again and again until its timeout, and a researcher whose server
/// is down or whose password is wrong should hear it at once.
async fn connect(
    url: &str,
    connections: u32,
) -> Result<(DatabaseConnection, String, String), OpenError> {
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(OpenError::TeamAddress {
            detail: "it must begin with postgres://".into(),
        });
    }
    let parsed = PgConnectOptions::from_str(url).map_err(|e| OpenError::TeamAddress {
        detail: e.to_string(),
    })?;
    let server = label(&parsed);
    let user = parsed.get_username().to_owned();
    let probe = <PgConnection as sea_orm::sqlx::Connection>::connect_with(&parsed)
        .await
        .map_err(|e| {
            classify(
                &server,
                &user,
                DbErr::Conn(RuntimeErr::SqlxError(Arc::new(e))),
            )
        })?;
    let _ = sea_orm::sqlx::Connection::close(probe).await;
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false);
    let db = sea_orm::Database::connect(options)
        .await
        .map_err(|e| classify(&server, &user, e))?;
    Ok((db, server, user))
}

/// Where a team database is, without its password: `host:port/database`.
pub fn team_label(url: &str) -> String {
    PgConnectOptions::from_str(url)
        .map(|o| label(&o))
        .unwrap_or_else(|_| "(an address that is not a PostgreSQL URL)".into())
}

fn label(options: &PgConnectOptions) -> String {
    format!(
        "{}:{}/{}",
        options.get_host(),
        options.get_port(),
        options.get_database().unwrap_or(options.get_username())
    )
}

/// Checks the server's version and that no newer Confab set the database up; gives the
/// migrations already applied and the version number (such as 150004).
async fn check_server(
    db: &DatabaseConnection,
    server: &str,
    user: &str,
) -> Result<(Vec<String>, i32), OpenError> {
    let fail = |e: DbErr| classify(server, user, e);
    let version: String = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SHOW server_version_num",
        ))
        .await
        .map_err(fail)?
        .map(|row| row.try_get_by_index(0))
        .transpose()
        .map_err(fail)?
        .unwrap_or_default();
    let number: i32 = version.parse().unwrap_or_default();
    if number < OLDEST_SERVER {
        return Err(OpenError::TeamUnsupported {
            server: server.to_owned(),
            detail: format!(
                "it runs PostgreSQL {}.{}, and Confab needs 13 or newer",
                number / 10_000,
                number % 10_000
            ),
        });
    }
    let applied = crate::open::applied_migrations(db).await.map_err(fail)?;
    let unknown = unknown_to_this_build(&applied);
    if !unknown.is_empty() {
        return Err(OpenError::TeamTooNew {
            server: server.to_owned(),
            unknown,
        });
    }
    Ok((applied, number))
}

/// Builds or updates Confab's tables.
async fn migrate(db: &DatabaseConnection, server: &str, user: &str) -> Result<(), OpenError> {
    let fail = |e: DbErr| classify(server, user, e);
    // PostgreSQL changes its schema in transactions: an upgrade cut off half-way leaves the
    // previous version whole, so no copy is taken first (the server's own backups keep it).
    let txn = crate::begin_write(db).await.map_err(fail)?;
    // A lab's researchers each sign in as themselves, members of the role that owns the
    // database. Confab's tables are made as that role, so that every member may use them
    // whoever of them started Confab first.
    let owner = txn
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT quote_ident(d.owner) FROM (SELECT pg_get_userbyid(datdba) AS owner \
             FROM pg_database WHERE datname = current_database()) AS d \
             WHERE d.owner <> session_user AND pg_has_role(session_user, d.owner, 'MEMBER')",
        ))
        .await
        .map_err(fail)?
        .map(|row| row.try_get_by_index::<String>(0))
        .transpose()
        .map_err(fail)?;
    if let Some(owner) = owner {
        txn.execute_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SET LOCAL ROLE {owner}"),
        ))
        .await
        .map_err(fail)?;
    }
    Migrator::up(&txn, None).await.map_err(fail)?;
    txn.commit().await.map_err(fail)
}

/// The SQLSTATE of a database error, if the server sent one.
pub(crate) fn sqlstate(error: &DbErr) -> Option<String> {
    match error {
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => e
            .as_database_error()
            .and_then(|d| d.code())
            .map(|c| c.into_owned()),
        DbErr::ConnectionAcquire(_) => None,
        _ => None,
    }
}

fn classify(server: &str, user: &str, error: DbErr) -> OpenError {
    let server = server.to_owned();
    let detail = error.to_string();
    match sqlstate(&error).as_deref() {
        // invalid_password, invalid_authorization_specification
        Some("28P01") | Some("28000") => OpenError::TeamSignIn {
            server,
            user: user.to_owned(),
            detail,
        },
        // invalid_catalog_name: no such database
        Some("3D000") => OpenError::TeamUnsupported {
            server,
            detail: "there is no database of that name on the server; ask its administrator to create it".into(),
        },
        // insufficient_privilege
        Some("42501") => OpenError::TeamUnsupported {
            server,
            detail: format!(
                "the user {user} may not create Confab's tables there ({detail}); ask the server's administrator to make {user} the database's owner"
            ),
        },
        Some(_) => OpenError::TeamMigration { server, detail },
        None => OpenError::TeamUnreachable {
            server,
            why: crate::why_unreachable_db(&error),
            detail,
        },
    }
}
