//! Secrets in a real Secret Service (GNOME Keyring). The test runs itself again inside a
//! private D-Bus session with its own unlocked keyring and home folder, so it never touches
//! the keyring of the person running it. Linux only: elsewhere the OS keyring is the
//! user's own and is not started per test.
#![cfg(target_os = "linux")]

use std::process::Command;

use confab_mail::account::{AccountSettings, AuthMethod, Security, ServerSettings};
use confab_mail::credentials::{self, CredentialError, KEYRING_SERVICE, Secret};

#[test]
fn secrets_round_trip_through_the_secret_service() {
    confab_mail::test_keyring::in_private_keyring(
        "secrets_round_trip_through_the_secret_service",
        || {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            runtime.block_on(round_trip());
        },
    );
}

async fn round_trip() {
    let account = account();
    let entry = credentials::entry_name(&account);

    let missing = credentials::load(&account).await.unwrap_err();
    assert_eq!(
        missing,
        CredentialError::Missing {
            what: "password",
            entry: entry.clone()
        }
    );
    assert!(missing.to_string().contains("no password saved for"));

    let first = Secret::new(format!("first-{}", uuid::Uuid::new_v4()));
    credentials::store(&account, &first).await.unwrap();
    assert_eq!(credentials::load(&account).await.unwrap(), first);
    // Another client of the Secret Service sees the same item under Confab's service name.
    assert_eq!(secret_tool_lookup(&entry).as_deref(), Some(first.expose()));

    let second = Secret::new("second-password-ünïcode");
    credentials::store(&account, &second).await.unwrap();
    let loaded = credentials::load(&account).await.unwrap();
    assert_eq!(loaded.expose(), second.expose());
    assert!(!format!("{loaded:?}").contains("second-password"));

    credentials::delete(&account).await.unwrap();
    assert!(matches!(
        credentials::load(&account).await,
        Err(CredentialError::Missing { .. })
    ));
    assert_eq!(secret_tool_lookup(&entry), None);
    // Deleting again is not an error: the goal, no secret, holds.
    credentials::delete(&account).await.unwrap();

    let mut oauth = account.clone();
    oauth.auth = AuthMethod::OAuth2;
    let err = credentials::load(&oauth).await.unwrap_err();
    assert!(err.to_string().contains("no sign-in token saved"), "{err}");
}

fn account() -> AccountSettings {
    AccountSettings {
        display_name: "Ada".into(),
        address: "ada@uni.example.org".into(),
        // Unique, so a run never meets the entry of an earlier run.
        username: format!("ada-{}@uni.example.org", uuid::Uuid::new_v4()),
        auth: AuthMethod::Password,
        smtp: ServerSettings::new("smtp.uni.example.org", 465, Security::Tls),
        smtp_login: true,
        imap: ServerSettings::new("imap.uni.example.org", 993, Security::Tls),
    }
}

fn secret_tool_lookup(entry: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", KEYRING_SERVICE, "username", entry])
        .output()
        .expect("secret-tool runs (apt-get install libsecret-tools)");
    output
        .status
        .success()
        .then(|| String::from_utf8(output.stdout).unwrap())
}
