//! Tests of the SMTP client that need no server: refusals before connecting, the envelope,
//! and what its debug output leaves out.

use super::*;
use crate::account::ServerSettings;

fn account(host: &str, security: Security) -> AccountSettings {
    AccountSettings {
        display_name: "Ada".into(),
        address: "ada@example.org".into(),
        username: "ada".into(),
        auth: AuthMethod::Password,
        smtp: ServerSettings::new(host, 2525, security),
        smtp_login: true,
        imap: ServerSettings::new("imap.example.org", 993, Security::Tls),
    }
}

#[tokio::test]
async fn plain_to_a_remote_host_is_refused_before_connecting() {
    let err = SmtpSender::new(
        &account("smtp.example.org", Security::Plain),
        &Secret::new("pw"),
        &ConnectOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Permanent);
    assert!(
        err.message
            .contains("only allowed to a server on this computer")
    );
}

#[test]
fn a_bad_envelope_names_the_address() {
    let err = envelope("ada@example.org", &["not an address"]).unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Permanent);
    assert!(err.message.contains("\"not an address\""), "{err}");
    assert!(envelope::<&str>("ada@example.org", &[]).is_err());
}

#[tokio::test]
async fn debug_shows_no_secret() {
    let sender = SmtpSender::new(
        &account("localhost", Security::Plain),
        &Secret::new("hunter2-secret"),
        &ConnectOptions::default(),
    )
    .unwrap();
    assert!(!format!("{sender:?}").contains("hunter2"));
}
