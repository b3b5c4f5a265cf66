//! A real PostgreSQL server on loopback for tests of the team database, started by
//! `scripts/postgres.sh` in a temporary folder, once per test process (or the one that
//! `CONFAB_TEST_DATABASE_URL` names), with a fresh database for each test.
//!
//! Needs Debian's `postgresql` package; as root, the script runs the server as `nobody`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use sea_orm::sqlx::{self, Connection};

/// The server's maintenance database as its superuser; tests make their own databases there.
pub fn admin_url() -> String {
    if let Some(url) = named_server() {
        return url;
    }
    static STARTED: OnceLock<Started> = OnceLock::new();
    STARTED.get_or_init(|| start(&[])).url.clone()
}

/// A server of its own that also takes TLS, with a certificate signed by a certificate
/// authority of its own (as a university's may be): its superuser's URL on the maintenance
/// database, and the authority's certificate file.
pub fn tls_server() -> (String, PathBuf) {
    static STARTED: OnceLock<Started> = OnceLock::new();
    let started = STARTED.get_or_init(|| start(&["--tls"]));
    (
        started.url.clone(),
        started
            .ca_file
            .clone()
            .expect("CA_FILE in postgres.env of a server with --tls"),
    )
}

struct Started {
    _dir: tempfile::TempDir,
    url: String,
    ca_file: Option<PathBuf>,
}

/// The server that `CONFAB_TEST_DATABASE_URL` names, on which the whole suite then runs.
pub fn named_server() -> Option<String> {
    std::env::var("CONFAB_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

fn start(options: &[&str]) -> Started {
    let dir = tempfile::Builder::new()
        .prefix("confab-postgres-")
        .tempdir()
        .expect("a temporary folder for PostgreSQL");
    let output = Command::new("bash")
        .arg(script())
        .arg("start")
        .arg(dir.path())
        .args(options)
        .arg("--watch")
        .arg(std::process::id().to_string())
        .output()
        .expect("bash runs scripts/postgres.sh");
    assert!(
        output.status.success(),
        "PostgreSQL did not start ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let env = std::fs::read_to_string(dir.path().join("postgres.env")).expect("postgres.env");
    let value = |key: &str| {
        env.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|rest| rest.strip_prefix('=')))
            .map(str::to_owned)
    };
    Started {
        url: value("DATABASE_URL").expect("DATABASE_URL in postgres.env"),
        ca_file: value("CA_FILE").map(PathBuf::from),
        _dir: dir,
    }
}

/// Creates an empty database on the server of `admin_url` and says its URL.
pub async fn fresh_database(admin_url: &str) -> String {
    let name = format!("confab_test_{}", uuid_like());
    let mut admin = sqlx::PgConnection::connect(admin_url)
        .await
        .expect("the test server takes connections");
    // The name is ours: letters, digits and underscores only.
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("CREATE DATABASE");
    let _ = admin.close().await;
    let (base, _) = admin_url.rsplit_once('/').expect("a URL with a database");
    format!("{base}/{name}")
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos,
        COUNT.fetch_add(1, Ordering::Relaxed)
    )
}

/// The script beside this checkout's crates (see the mail crate's `test_stack`).
fn script() -> PathBuf {
    let crate_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    crate_dir.join("../../scripts/postgres.sh")
}
