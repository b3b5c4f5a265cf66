//! "Test connection" against a real mail stack: each way of getting the settings wrong is
//! reported at its own stage.

use std::time::{Duration, Instant};

use confab_mail::account::{AccountField, Security};
use confab_mail::connect_options::ConnectOptions;
use confab_mail::connection_test::{Server, Stage, test_connection, test_connection_with};
use confab_mail::credentials::Secret;
use confab_mail::smtp::{SendErrorKind, SmtpSender};
use confab_mail::test_stack::MailStack;

#[tokio::test]
async fn good_settings_report_both_servers_and_the_sent_folder() {
    let stack = MailStack::start();
    let options = stack.connect_options();
    for account in [
        stack.account("alice"),
        stack.tls_account("alice"),
        stack.starttls_account("alice"),
    ] {
        let report = test_connection_with(&account, &stack.secret(), &options)
            .await
            .unwrap_or_else(|failure| panic!("{:?}: {failure}", account.imap.security));
        assert_eq!(report.sent_folder, "Sent");
        assert_eq!(report.inbox_messages, 0);
        assert_eq!(report.imap_server, account.imap.address());
        assert_eq!(report.smtp_server, account.smtp.address());
    }
}

#[tokio::test]
async fn a_wrong_password_fails_at_login() {
    let stack = MailStack::start();
    let failure = test_connection_with(
        &stack.tls_account("bob"),
        &Secret::new("not-the-password"),
        &stack.connect_options(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (failure.server, failure.stage),
        (Server::Imap, Stage::Login)
    );
    assert!(failure.message.contains("bob@confab.test"), "{failure}");
    assert!(!failure.message.contains("not-the-password"));
}

#[tokio::test]
async fn a_closed_port_fails_at_connect_for_the_right_server() {
    let stack = MailStack::start();
    let options = stack.connect_options();

    let mut account = stack.account("alice");
    account.imap.port = free_port();
    let failure = test_connection_with(&account, &stack.secret(), &options)
        .await
        .unwrap_err();
    assert_eq!(
        (failure.server, failure.stage),
        (Server::Imap, Stage::Connect)
    );
    assert!(failure.message.contains("refused"), "{failure}");

    let mut account = stack.account("alice");
    account.smtp.port = free_port();
    let failure = test_connection_with(&account, &stack.secret(), &options)
        .await
        .unwrap_err();
    assert_eq!(
        (failure.server, failure.stage),
        (Server::Smtp, Stage::Connect)
    );
}

#[tokio::test]
async fn certificate_and_security_mistakes_fail_at_tls() {
    let stack = MailStack::start();

    // Without the stack's CA, its certificate is as untrusted as a self-signed one.
    let failure = test_connection_with(
        &stack.tls_account("carol"),
        &stack.secret(),
        &ConnectOptions::default(),
    )
    .await
    .unwrap_err();
    assert_eq!((failure.server, failure.stage), (Server::Imap, Stage::Tls));
    assert!(
        failure.message.to_lowercase().contains("certificate"),
        "{failure}"
    );

    // TLS chosen for a port that speaks plain IMAP.
    let mut account = stack.tls_account("carol");
    account.imap.port = stack.imap_port();
    let failure = test_connection_with(&account, &stack.secret(), &stack.connect_options())
        .await
        .unwrap_err();
    assert_eq!((failure.server, failure.stage), (Server::Imap, Stage::Tls));

    // TLS chosen for a port that speaks plain SMTP.
    let mut account = stack.tls_account("carol");
    account.smtp.port = stack.smtp_port();
    let failure = test_connection_with(&account, &stack.secret(), &stack.connect_options())
        .await
        .unwrap_err();
    assert_eq!((failure.server, failure.stage), (Server::Smtp, Stage::Tls));
}

#[tokio::test]
async fn an_unknown_server_name_fails_at_dns() {
    let stack = MailStack::start();
    let mut account = stack.tls_account("dave");
    account.imap.host = "imap.no-such-host.invalid".into();
    let failure = test_connection(&account, &stack.secret())
        .await
        .unwrap_err();
    assert_eq!((failure.server, failure.stage), (Server::Imap, Stage::Dns));
    assert!(
        failure.message.contains("imap.no-such-host.invalid"),
        "{failure}"
    );
}

#[tokio::test]
async fn plain_for_a_remote_host_is_refused_before_connecting() {
    let stack = MailStack::start();
    let mut account = stack.account("dave");
    account.smtp.host = "smtp.example.org".into();
    account.smtp.security = Security::Plain;
    let failure = test_connection(&account, &stack.secret())
        .await
        .unwrap_err();
    assert_eq!(
        (failure.server, failure.stage),
        (Server::Smtp, Stage::Settings)
    );
    let problem = account.validate().unwrap_err();
    assert_eq!(problem.field, AccountField::SmtpSecurity);
}

#[tokio::test]
async fn a_server_that_never_answers_fails_within_the_timeout() {
    // Connections are accepted by the kernel into the backlog, and nothing ever replies.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let stack = MailStack::start();
    let mut account = stack.account("alice");
    account.imap.port = port;
    account.smtp.port = port;
    let options = stack
        .connect_options()
        .with_timeout(Duration::from_millis(500));
    let started = Instant::now();
    let failure = test_connection_with(&account, &stack.secret(), &options)
        .await
        .unwrap_err();
    assert_eq!(
        (failure.server, failure.stage),
        (Server::Imap, Stage::Conversation)
    );
    assert!(failure.message.contains("did not greet"), "{failure}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );

    let sender = SmtpSender::new(&account, &stack.secret(), &options).unwrap();
    let err = sender.check().await.unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Connection, "{err}");
    assert!(err.message.contains("did not answer"), "{err}");
    // The connection is out of step now: the sender refuses instead of trying again.
    let err = sender
        .send(&account.address, &[stack.address("bob")], b"x\r\n")
        .await
        .unwrap_err();
    assert!(err.message.contains("stopped answering earlier"), "{err}");
    assert!(err.is_retryable());
    drop(silent);
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}
