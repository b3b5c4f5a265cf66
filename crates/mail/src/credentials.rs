//! The account's password or OAuth token, kept in the OS keyring (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows) and never in the database, logs or
//! error messages.

use std::fmt;

use crate::account::{AccountSettings, AuthMethod};

/// The keyring service under which every Confab secret is filed.
pub const KEYRING_SERVICE: &str = "org.confab.desktop";

/// A password or token. Its `Debug` shows no content, and it has no `Display` or
/// `Serialize`, so it cannot end up in a log line or an export by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for handing to a server.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl Drop for Secret {
    // Best effort: the copies that the protocol libraries make are out of reach.
    fn drop(&mut self) {
        let mut bytes = std::mem::take(&mut self.0).into_bytes();
        bytes.fill(0);
        std::hint::black_box(&bytes);
    }
}

/// Why a secret could not be stored, loaded or deleted. No variant carries the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    #[error("no {what} saved for {entry} in the system keyring; enter it in the account settings")]
    Missing { what: &'static str, entry: String },
    #[error(
        "the system keyring is not available ({reason}); on Linux, a Secret Service such as \
         GNOME Keyring or KWallet must be running and unlocked"
    )]
    Unavailable { reason: String },
    #[error("the system keyring failed for {entry}: {reason}")]
    Failed { entry: String, reason: String },
}

/// The keyring entry (its user name under [`KEYRING_SERVICE`]) for an account:
/// `username@imap-host`, so two accounts with the same login on different providers stay
/// apart.
pub fn entry_name(account: &AccountSettings) -> String {
    format!("{}@{}", account.username, account.imap.host)
}

fn what(account: &AccountSettings) -> &'static str {
    match account.auth {
        AuthMethod::Password => "password",
        AuthMethod::OAuth2 => "sign-in token",
    }
}

/// Saves (or replaces) the account's secret.
pub async fn store(account: &AccountSettings, secret: &Secret) -> Result<(), CredentialError> {
    store_entry(&entry_name(account), secret).await
}

/// Reads the account's secret.
pub async fn load(account: &AccountSettings) -> Result<Secret, CredentialError> {
    load_entry(&entry_name(account), what(account)).await
}

/// Removes the account's secret. Removing one that is not there is not an error.
pub async fn delete(account: &AccountSettings) -> Result<(), CredentialError> {
    delete_entry(&entry_name(account)).await
}

/// Saves (or replaces) the secret kept under `entry`, for accounts other than mail (a
/// calendar server's).
pub async fn store_entry(entry: &str, secret: &Secret) -> Result<(), CredentialError> {
    let entry = entry.to_owned();
    let secret = secret.clone();
    blocking(entry.clone(), move || {
        open(&entry)?
            .set_password(secret.expose())
            .map_err(|err| failure(&entry, err))
    })
    .await
}

/// Reads the secret kept under `entry`; `what` names it in the error when there is none.
pub async fn load_entry(entry: &str, what: &'static str) -> Result<Secret, CredentialError> {
    let entry = entry.to_owned();
    blocking(entry.clone(), move || match open(&entry)?.get_password() {
        Ok(password) => Ok(Secret(password)),
        Err(keyring::Error::NoEntry) => Err(CredentialError::Missing { what, entry }),
        Err(err) => Err(failure(&entry, err)),
    })
    .await
}

/// Removes the secret kept under `entry`; one that is not there is not an error.
pub async fn delete_entry(entry: &str) -> Result<(), CredentialError> {
    let entry = entry.to_owned();
    blocking(entry.clone(), move || {
        match open(&entry)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(failure(&entry, err)),
        }
    })
    .await
}

// The keyring API blocks (D-Bus round trips, or an unlock prompt), so it runs off the async
// worker threads.
async fn blocking<T: Send + 'static>(
    entry: String,
    work: impl FnOnce() -> Result<T, CredentialError> + Send + 'static,
) -> Result<T, CredentialError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|err| {
            Err(CredentialError::Failed {
                entry,
                reason: format!("the keyring task stopped: {err}"),
            })
        })
}

fn open(entry: &str) -> Result<keyring::Entry, CredentialError> {
    keyring::Entry::new(KEYRING_SERVICE, entry).map_err(|err| failure(entry, err))
}

// Spelled out per variant: some keyring errors carry the secret's bytes in their Debug form.
fn failure(entry: &str, err: keyring::Error) -> CredentialError {
    use keyring::Error as E;
    let failed = |reason: String| CredentialError::Failed {
        entry: entry.to_owned(),
        reason,
    };
    match err {
        E::NoDefaultStore => CredentialError::Unavailable {
            reason: "no keyring could be opened".into(),
        },
        E::NoStorageAccess(err) => CredentialError::Unavailable {
            reason: err.to_string(),
        },
        E::PlatformFailure(err) => failed(err.to_string()),
        E::NoEntry => failed("no such entry".into()),
        E::BadEncoding(_) | E::BadDataFormat(..) => {
            failed("the saved secret is not readable text; enter it again".into())
        }
        E::BadStoreFormat(reason) => failed(format!("the keyring's data is damaged: {reason}")),
        E::TooLong(name, limit) => failed(format!("the {name} is longer than {limit} characters")),
        E::Invalid(name, reason) => failed(format!("invalid {name}: {reason}")),
        E::Ambiguous(entries) => failed(format!(
            "{} entries match; remove the extra ones in the keyring application",
            entries.len()
        )),
        E::NotSupportedByStore(what) => failed(format!("not supported: {what}")),
        _ => failed("unexpected keyring error".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let secret = Secret::new("hunter2-Correct-Horse");
        let shown = format!("{secret:?} {:?} {:#?}", Some(&secret), vec![secret.clone()]);
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("redacted"));
        assert_eq!(secret.expose(), "hunter2-Correct-Horse");
    }

    #[test]
    fn missing_names_the_entry_and_what_is_missing() {
        let err = CredentialError::Missing {
            what: "password",
            entry: "ada@imap.example.org".into(),
        };
        assert_eq!(
            err.to_string(),
            "no password saved for ada@imap.example.org in the system keyring; enter it in \
             the account settings"
        );
    }

    #[test]
    fn bad_encoding_does_not_repeat_the_bytes() {
        let err = failure("e", keyring::Error::BadEncoding(b"s3cret\xff".to_vec()));
        assert!(!format!("{err} {err:?}").contains("s3cret"));
    }
}
