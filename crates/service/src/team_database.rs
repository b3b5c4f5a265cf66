//! Where this computer keeps its data: the database file in the data folder (the default), or
//! a lab's team database on PostgreSQL. The choice is a small file in the data folder, since
//! it must be read before any database is open; the password lives in the system keyring.

use std::path::{Path, PathBuf};

use confab_mail::credentials::{self, CredentialError, Secret};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AppError, ErrorCode};

/// The file in the data folder that names the team database; without it the data lives on
/// this computer.
pub const TEAM_DATABASE_FILE: &str = "team-database.json";

/// Overrides the saved choice, for scripts and test machines.
pub const DATABASE_URL_ENV: &str = "CONFAB_DATABASE_URL";

/// How the connection to the team database is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TeamTls {
    /// Encrypted, and the server proven to be the one named (the system's roots, or the
    /// lab's own authority).
    Verified,
    /// Encrypted, the server's certificate not checked.
    Encrypted,
    /// Encrypted when the server offers it.
    IfOffered,
    /// Never encrypted: for a server on this computer or behind the lab's own tunnel.
    Off,
}

impl TeamTls {
    fn sslmode(self) -> &'static str {
        match self {
            TeamTls::Verified => "verify-full",
            TeamTls::Encrypted => "require",
            TeamTls::IfOffered => "prefer",
            TeamTls::Off => "disable",
        }
    }
}

/// The team database as Settings → Database keeps it; the password is apart, in the keyring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamDatabaseSettings {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    pub tls: TeamTls,
    /// The lab's own certificate authority (a PEM file), trusted beside the system's roots.
    pub ca_file: Option<String>,
}

/// What the researcher sends to check or to use a team database.
#[derive(Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamDatabaseInput {
    pub settings: TeamDatabaseSettings,
    /// Empty to keep the password saved for the same server, database and user.
    pub password: String,
}

impl std::fmt::Debug for TeamDatabaseInput {
    // The password never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamDatabaseInput")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// Where the data lives, as Settings → Database shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseChoiceView {
    /// The saved team database, or none when the data lives on this computer.
    pub team: Option<TeamDatabaseSettings>,
    /// Whether the keyring holds its password.
    pub password_saved: bool,
    /// The team database (`host:port/database`) that `CONFAB_DATABASE_URL` names, which wins
    /// over the saved choice.
    pub from_environment: Option<String>,
}

/// What a look at a team database found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamDatabaseCheck {
    /// `host:port/database`.
    pub server: String,
    /// PostgreSQL's version, such as `15.4`.
    pub version: String,
    /// Whether a colleague's Confab set it up already; otherwise its tables are made when it
    /// is first used.
    pub set_up: bool,
}

/// Where the data of `data_dir` lives, read before the database is opened.
pub(crate) enum Location {
    ThisComputer,
    Team { url: String },
}

/// The team database that the environment or the saved choice names, with its password.
pub(crate) async fn location(data_dir: &Path) -> Result<Location, AppError> {
    if let Some(url) = url_from_environment() {
        return Ok(Location::Team { url });
    }
    let Some(settings) = saved(data_dir)? else {
        return Ok(Location::ThisComputer);
    };
    let password = credentials::load_entry(&keyring_entry(&settings), "password")
        .await
        .map_err(|e| keyring_error(&settings, e))?;
    Ok(Location::Team {
        url: url(&settings, &password)?,
    })
}

fn url_from_environment() -> Option<String> {
    std::env::var(DATABASE_URL_ENV)
        .ok()
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty())
}

/// Settings → Database as saved for `data_dir`.
pub async fn database_choice(data_dir: &Path) -> Result<DatabaseChoiceView, AppError> {
    let team = saved(data_dir)?;
    let password_saved = match &team {
        Some(settings) => credentials::load_entry(&keyring_entry(settings), "password")
            .await
            .is_ok(),
        None => false,
    };
    Ok(DatabaseChoiceView {
        team,
        password_saved,
        from_environment: url_from_environment().map(|url| confab_store::team_label(&url)),
    })
}

/// Signs in to the team database and checks that Confab can use it, changing nothing there
/// and saving nothing here.
pub async fn check_team_database(input: &TeamDatabaseInput) -> Result<TeamDatabaseCheck, AppError> {
    let url = url(&input.settings, &password_for(input).await?)?;
    let found = confab_store::check_team(&url).await?;
    Ok(TeamDatabaseCheck {
        server: found.server,
        version: found.version,
        set_up: found.set_up,
    })
}

/// Opens the team database (setting it up if it is new), and only then saves it as this
/// computer's choice, with its password in the keyring: a choice that cannot be opened is
/// never saved, so Confab always starts on something that worked.
pub async fn use_team_database(
    data_dir: &Path,
    input: &TeamDatabaseInput,
) -> Result<crate::Confab, AppError> {
    check(&input.settings)?;
    let password = password_for(input).await?;
    let confab = crate::Confab::open_team(data_dir, &url(&input.settings, &password)?).await?;
    let saved = async {
        credentials::store_entry(&keyring_entry(&input.settings), &password)
            .await
            .map_err(|e| keyring_error(&input.settings, e))?;
        write_choice(data_dir, Some(&input.settings))
    }
    .await;
    match saved {
        Ok(()) => Ok(confab),
        Err(error) => {
            let _ = confab.close().await;
            Err(error)
        }
    }
}

/// Makes the database file on this computer the place of the data again. The team
/// database and its saved password stay, so that going back is one click.
pub fn use_this_computer(data_dir: &Path) -> Result<(), AppError> {
    write_choice(data_dir, None)
}

async fn password_for(input: &TeamDatabaseInput) -> Result<Secret, AppError> {
    check(&input.settings)?;
    if !input.password.is_empty() {
        return Ok(Secret::new(input.password.clone()));
    }
    credentials::load_entry(&keyring_entry(&input.settings), "password")
        .await
        .map_err(|e| match e {
            CredentialError::Missing { .. } => AppError::about_field(
                ErrorCode::InvalidInput,
                "password",
                format!(
                    "Enter the password of {} for the team database.",
                    input.settings.user.trim()
                ),
            ),
            other => keyring_error(&input.settings, other),
        })
}

fn check(settings: &TeamDatabaseSettings) -> Result<(), AppError> {
    let missing = |field: &str, what: &str| {
        Err(AppError::about_field(
            ErrorCode::InvalidInput,
            field,
            format!("Enter the team database's {what}."),
        ))
    };
    if settings.host.trim().is_empty() {
        return missing("host", "server name (such as db.lab.example.edu)");
    }
    if settings.host.trim().contains(['/', ':', '@', ' ']) {
        return Err(AppError::about_field(
            ErrorCode::InvalidInput,
            "host",
            "Enter only the server's name or address, such as db.lab.example.edu; the port, database and user have their own fields.",
        ));
    }
    if settings.port == 0 {
        return missing("port", "port (PostgreSQL's is usually 5432)");
    }
    if settings.database.trim().is_empty() {
        return missing("database", "database name");
    }
    if settings.user.trim().is_empty() {
        return missing("user", "user name");
    }
    if let Some(ca) = settings.ca_file.as_deref().filter(|f| !f.trim().is_empty())
        && !Path::new(ca.trim()).is_file()
    {
        return Err(AppError::about_field(
            ErrorCode::InvalidInput,
            "caFile",
            format!(
                "There is no file {}; choose the certificate authority's PEM file your lab gave you, or leave it empty.",
                ca.trim()
            ),
        ));
    }
    Ok(())
}

/// The connection URL, with every part escaped (a password may hold `@` or `/`).
fn url(settings: &TeamDatabaseSettings, password: &Secret) -> Result<String, AppError> {
    check(settings)?;
    let mut url = url::Url::parse("postgres://localhost/").expect("a fixed URL");
    let bad_host = |e: url::ParseError| {
        AppError::about_field(
            ErrorCode::InvalidInput,
            "host",
            format!(
                "The server name {} is not valid: {e}.",
                settings.host.trim()
            ),
        )
    };
    url.set_host(Some(settings.host.trim())).map_err(bad_host)?;
    let fixed = "a postgres URL takes a port, user and password";
    url.set_port(Some(settings.port)).expect(fixed);
    url.set_username(settings.user.trim()).expect(fixed);
    url.set_password(Some(password.expose())).expect(fixed);
    url.path_segments_mut()
        .expect(fixed)
        .clear()
        .push(settings.database.trim());
    {
        let mut query = url.query_pairs_mut();
        query.append_pair("sslmode", settings.tls.sslmode());
        if let Some(ca) = settings.ca_file.as_deref().filter(|f| !f.trim().is_empty()) {
            query.append_pair("sslrootcert", ca.trim());
        }
    }
    Ok(url.into())
}

/// The keyring entry of a team database's password: apart from the mail and calendar
/// accounts', even for the same user name.
fn keyring_entry(settings: &TeamDatabaseSettings) -> String {
    format!(
        "postgres:{}@{}:{}/{}",
        settings.user.trim(),
        settings.host.trim(),
        settings.port,
        settings.database.trim()
    )
}

fn keyring_error(settings: &TeamDatabaseSettings, error: CredentialError) -> AppError {
    let server = format!(
        "{}:{}/{}",
        settings.host.trim(),
        settings.port,
        settings.database.trim()
    );
    match error {
        CredentialError::Missing { .. } => AppError::new(
            ErrorCode::DatabaseSignIn,
            format!(
                "No password for the team database {server} is saved in the system keyring. Enter it in Settings → Database."
            ),
        ),
        other => AppError::new(
            ErrorCode::DatabaseSignIn,
            format!(
                "The password of the team database {server} could not be read: {other}. Unlock the keyring, then try again."
            ),
        ),
    }
}

fn choice_file(data_dir: &Path) -> PathBuf {
    data_dir.join(TEAM_DATABASE_FILE)
}

fn saved(data_dir: &Path) -> Result<Option<TeamDatabaseSettings>, AppError> {
    let path = choice_file(data_dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        // No file, or no data folder yet: the data is on this computer (and opening it says
        // what is wrong with the folder).
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => {
            return Err(AppError::new(
                ErrorCode::Storage,
                format!("Confab could not read {}: {e}.", path.display()),
            ));
        }
    };
    serde_json::from_str(&text).map(Some).map_err(|e| {
        AppError::new(
            ErrorCode::Storage,
            format!(
                "The team database settings in {} cannot be read ({e}). Correct the file, or delete it to use the database on this computer.",
                path.display()
            ),
        )
    })
}

/// Writes the choice whole or not at all: a new file beside the old, then renamed over it.
fn write_choice(data_dir: &Path, team: Option<&TeamDatabaseSettings>) -> Result<(), AppError> {
    let path = choice_file(data_dir);
    let failed = |e: std::io::Error| {
        AppError::new(
            ErrorCode::Storage,
            format!("Confab could not save {}: {e}.", path.display()),
        )
    };
    match team {
        None => match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(failed(e)),
        },
        Some(settings) => {
            let text = serde_json::to_string_pretty(settings).expect("settings serialize");
            let partial = data_dir.join(format!("{TEAM_DATABASE_FILE}.partial"));
            std::fs::create_dir_all(data_dir).map_err(failed)?;
            std::fs::write(&partial, text).map_err(failed)?;
            std::fs::rename(&partial, &path).map_err(failed)
        }
    }
}

#[cfg(test)]
mod tests;
