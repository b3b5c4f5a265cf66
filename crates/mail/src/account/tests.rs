//! Tests of checking a mail account's settings: which fields are wrong, plain connections
//! only to this computer, and settings read from JSON.

use super::*;

fn account() -> AccountSettings {
    AccountSettings {
        display_name: "Dr. Ada Researcher".into(),
        address: "ada@uni.example.org".into(),
        username: "ada@uni.example.org".into(),
        auth: AuthMethod::Password,
        smtp: ServerSettings::new("smtp.example.org", 465, Security::Tls),
        smtp_login: true,
        imap: ServerSettings::new("imap.example.org", 993, Security::Tls),
    }
}

#[test]
fn a_provider_account_is_valid() {
    assert_eq!(account().validate(), Ok(()));
}

#[test]
fn plain_is_refused_for_a_remote_host_and_names_the_field() {
    let mut settings = account();
    settings.imap.security = Security::Plain;
    let problem = settings.validate().unwrap_err();
    assert_eq!(problem.field, AccountField::ImapSecurity);
    assert!(problem.reason.contains("imap.example.org"), "{problem}");
    assert!(
        problem
            .to_string()
            .starts_with("incoming (IMAP) security: ")
    );
}

#[test]
fn plain_is_allowed_for_loopback_hosts() {
    for host in ["localhost", "127.0.0.1", "127.1.2.3", "::1", "LOCALHOST."] {
        let mut settings = account();
        settings.smtp = ServerSettings::new(host, 1025, Security::Plain);
        settings.smtp_login = false;
        assert_eq!(settings.validate(), Ok(()), "{host}");
    }
    let mut settings = account();
    settings.smtp = ServerSettings::new("localhost.example.org", 25, Security::Plain);
    assert_eq!(
        settings.validate().unwrap_err().field,
        AccountField::SmtpSecurity
    );
}

#[test]
fn sending_without_login_needs_a_local_relay() {
    let mut settings = account();
    settings.smtp_login = false;
    assert_eq!(
        settings.validate().unwrap_err().field,
        AccountField::SmtpLogin
    );
}

#[test]
fn each_wrong_field_is_named() {
    let mut settings = account();
    settings.address = "ada at uni".into();
    settings.username = " ".into();
    settings.smtp.host = "smtp.example.org:587".into();
    settings.smtp.port = 0;
    settings.imap.host = "imaps://imap.example.org".into();
    let fields: Vec<_> = settings.problems().iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            AccountField::Address,
            AccountField::Username,
            AccountField::SmtpHost,
            AccountField::SmtpPort,
            AccountField::ImapHost,
        ]
    );
}

#[test]
fn header_breaking_text_is_refused() {
    let mut settings = account();
    settings.display_name = "Ada\r\nBcc: everyone@example.org".into();
    assert_eq!(
        settings.validate().unwrap_err().field,
        AccountField::DisplayName
    );
}

#[test]
fn settings_read_from_json_default_to_logging_in() {
    let json = r#"{"display_name":"A","address":"a@b.example","username":"a",
        "auth":"oauth2","smtp":{"host":"smtp.b.example","port":587,"security":"start_tls"},
        "imap":{"host":"imap.b.example","port":993,"security":"tls"}}"#;
    let settings: AccountSettings = serde_json::from_str(json).unwrap();
    assert!(settings.smtp_login);
    assert_eq!(settings.auth, AuthMethod::OAuth2);
    assert_eq!(settings.smtp.security, Security::StartTls);
    let again: AccountSettings =
        serde_json::from_str(&serde_json::to_string(&settings).unwrap()).unwrap();
    assert_eq!(again, settings);
}
