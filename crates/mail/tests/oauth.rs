//! Signing in with OAuth 2 and using the tokens, against a real authorization server
//! (oauth2-mock-server) and a Dovecot that checks every token with it. Each test runs in a
//! private keyring session, where the sign-in is kept as it would be on a researcher's
//! computer.
#![cfg(target_os = "linux")]

mod support;

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use confab_mail::account::AccountSettings;
use confab_mail::connect_options::OAuthMechanism;
use confab_mail::credentials::Secret;
use confab_mail::imap::ImapSession;
use confab_mail::oauth::access::access_token;
use confab_mail::oauth::connect::{OAuthLoginError, imap_session};
use confab_mail::oauth::grant::{self, SavedToken};
use confab_mail::oauth::{Grant, OAuthClient, OAuthErrorKind, SignIn};
use confab_mail::smtp::SmtpSender;
use confab_mail::test_keyring::in_private_keyring;
use confab_mail::test_stack::MailStack;
use support::{message, wait_for_message};

const TIMEOUT: Duration = Duration::from_secs(10);

fn run(test: &str, body: impl AsyncFnOnce()) {
    in_private_keyring(test, || {
        tokio::runtime::Runtime::new().unwrap().block_on(body());
    });
}

/// Signs `account` in, with the browser step played by an HTTP client, and saves the grant.
async fn sign_in(stack: &MailStack, account: &AccountSettings) -> Grant {
    let grant = sign_in_with(stack.oauth_client(), &account.address)
        .await
        .expect("the sign-in succeeds");
    grant::save(account, &grant).await.unwrap();
    grant
}

async fn sign_in_with(
    client: OAuthClient,
    address: &str,
) -> Result<Grant, confab_mail::oauth::OAuthError> {
    let sign_in = SignIn::start(client, Some(address), TIMEOUT).await?;
    let url = sign_in.authorization_url().to_owned();
    let browser = std::thread::spawn(move || MailStack::play_browser(&url));
    let grant = sign_in.finish(TIMEOUT).await;
    let page = browser.join().unwrap();
    if grant.is_ok() {
        assert!(page.contains("signed in"), "{page}");
    }
    grant
}

/// Sends a message from `account` to `to` over SMTP with `token`, and returns its bytes.
async fn send(
    stack: &MailStack,
    account: &AccountSettings,
    token: &Secret,
    to: &str,
    subject: &str,
) -> Vec<u8> {
    let (_, bytes) = message(&account.address, to, subject);
    let sender = SmtpSender::new(account, token, &stack.connect_options()).unwrap();
    sender.send(&account.address, &[to], &bytes).await.unwrap();
    sender.close().await;
    bytes
}

/// Bob's inbox, read with his password: password accounts work beside OAuth ones.
async fn bobs_inbox(stack: &MailStack) -> ImapSession {
    ImapSession::connect(
        &stack.tls_account("bob"),
        &stack.secret(),
        &stack.connect_options(),
    )
    .await
    .expect("a password login still works on the OAuth stack")
}

#[test]
fn sign_in_then_log_in_send_and_read_over_oauthbearer_and_xoauth2() {
    run(
        "sign_in_then_log_in_send_and_read_over_oauthbearer_and_xoauth2",
        async || {
            let stack = MailStack::start_with_oauth();
            let alice = stack.oauth_account("alice");
            let first = sign_in(&stack, &alice).await;
            assert!(first.refresh_token.is_some());
            assert!(first.expires_at.is_some_and(|t| t > Utc::now()));
            let bob = stack.address("bob");
            let mut inbox = bobs_inbox(&stack).await;

            for mechanism in [OAuthMechanism::OAuthBearer, OAuthMechanism::XOAuth2] {
                let options = stack.connect_options().with_oauth_mechanisms(&[mechanism]);
                let (mut session, token) = imap_session(&alice, &options).await.unwrap();
                assert_eq!(session.message_count("INBOX").await.unwrap(), 0);
                session.logout().await.unwrap();
                assert!(
                    stack
                        .dovecot_log()
                        .contains(&format!("user=<alice>, method={}", mechanism.name())),
                    "IMAP logged in with {}:\n{}",
                    mechanism.name(),
                    stack.dovecot_log()
                );
                let bytes = send(&stack, &alice, &token, &bob, mechanism.name()).await;
                wait_for_message(&mut inbox, "INBOX", &bytes).await;
            }
            assert!(
                stack
                    .dovecot_log()
                    .contains("submission-login: Info: Login: user=<alice>, method=XOAUTH2"),
                "SMTP logged in with XOAUTH2:\n{}",
                stack.dovecot_log()
            );
            // The token in the keyring is the one from the sign-in: nothing needed renewing.
            let SavedToken::Grant(saved) = grant::load(&alice).await.unwrap() else {
                panic!("a grant is saved");
            };
            assert_eq!(saved.access_token, first.access_token);
        },
    );
}

#[test]
fn an_expired_access_token_is_renewed_and_nothing_is_sent_twice() {
    run(
        "an_expired_access_token_is_renewed_and_nothing_is_sent_twice",
        async || {
            let stack = MailStack::start_with_oauth();
            let options = stack.connect_options();
            let alice = stack.oauth_account("alice");
            let bob = stack.address("bob");
            stack.set_access_token_lifetime(2);
            let signed_in = sign_in(&stack, &alice).await;

            // Due for renewal (it expires within the minute): renewed before use.
            let (session, token) = imap_session(&alice, &options).await.unwrap();
            session.logout().await.unwrap();
            assert_ne!(token, signed_in.access_token, "renewed before use");
            let first = send(&stack, &alice, &token, &bob, "before expiry").await;

            // The token runs out between two uses although the saved expiry says it lasts:
            // the server refuses it, and it is renewed once.
            tokio::time::sleep(Duration::from_secs(3)).await;
            let SavedToken::Grant(mut saved) = grant::load(&alice).await.unwrap() else {
                panic!("a grant is saved");
            };
            saved.expires_at = Some(Utc::now() + TimeDelta::hours(1));
            grant::save(&alice, &saved).await.unwrap();
            stack.set_access_token_lifetime(3600);
            let (session, renewed) = imap_session(&alice, &options).await.unwrap();
            session.logout().await.unwrap();
            assert_ne!(renewed, saved.access_token);
            let second = send(&stack, &alice, &renewed, &bob, "after expiry").await;

            let mut inbox = bobs_inbox(&stack).await;
            wait_for_message(&mut inbox, "INBOX", &second).await;
            let all = inbox.fetch_new("INBOX", None, 100).await.unwrap().messages;
            for bytes in [&first, &second] {
                let copies = all.iter().filter(|m| m.bytes.ends_with(bytes)).count();
                assert_eq!(copies, 1, "each message arrives once");
            }
            let log = stack.oauth_log();
            assert_eq!(
                log.matches("token issued refresh_token").count(),
                2,
                "{log}"
            );
            assert!(log.contains("introspect: inactive expired"), "{log}");
        },
    );
}

#[test]
fn a_revoked_refresh_token_asks_to_sign_in_again() {
    run(
        "a_revoked_refresh_token_asks_to_sign_in_again",
        async || {
            let stack = MailStack::start_with_oauth();
            let alice = stack.oauth_account("alice");
            stack.set_access_token_lifetime(1);
            let grant = sign_in(&stack, &alice).await;
            stack.revoke(grant.refresh_token.as_ref().unwrap());
            tokio::time::sleep(Duration::from_secs(2)).await;

            let err = access_token(&alice, TIMEOUT).await.unwrap_err();
            assert_eq!(err.kind, OAuthErrorKind::SignInAgain, "{err}");
            assert!(
                err.message
                    .starts_with("Sign in to your 127.0.0.1 account again"),
                "{err}"
            );
            let Err(OAuthLoginError::Token(err)) =
                imap_session(&alice, &stack.connect_options()).await
            else {
                panic!("no login without a token");
            };
            assert_eq!(err.kind, OAuthErrorKind::SignInAgain);
            for token in [&grant.access_token, grant.refresh_token.as_ref().unwrap()] {
                assert!(!err.message.contains(token.expose()));
            }
            // The sign-in stays as it was, for the researcher to replace by signing in again.
            assert!(matches!(
                grant::load(&alice).await,
                Ok(SavedToken::Grant(_))
            ));
        },
    );
}

#[test]
fn bad_sign_ins_say_what_happened() {
    run("bad_sign_ins_say_what_happened", async || {
        let stack = MailStack::start_with_oauth();
        let address = stack.address("alice");

        let mut wrong = stack.oauth_client();
        wrong.client_id = "not-registered".into();
        let err = sign_in_with(wrong, &address).await.unwrap_err();
        assert_eq!(err.kind, OAuthErrorKind::InvalidClient, "{err}");
        assert!(err.message.contains("not-registered"), "{err}");

        // Consent declined at the provider.
        stack.deny_next_authorization();
        let err = sign_in_with(stack.oauth_client(), &address)
            .await
            .unwrap_err();
        assert_eq!(err.kind, OAuthErrorKind::Denied, "{err}");
        assert!(err.message.starts_with("Access was not granted"), "{err}");

        // A redirect that does not carry this sign-in's state is refused.
        let sign_in = SignIn::start(stack.oauth_client(), Some(&address), TIMEOUT)
            .await
            .unwrap();
        let url = oauth2::url::Url::parse(sign_in.authorization_url()).unwrap();
        let redirect = url
            .query_pairs()
            .find(|(key, _)| key == "redirect_uri")
            .unwrap()
            .1
            .into_owned();
        let forged = format!("{redirect}?code=stolen&state=forged");
        let browser = std::thread::spawn(move || MailStack::play_browser(&forged));
        let err = sign_in.finish(TIMEOUT).await.unwrap_err();
        assert_eq!(err.kind, OAuthErrorKind::StateMismatch, "{err}");
        assert!(browser.join().unwrap().contains("another sign-in request"));

        // A browser that never comes back.
        let sign_in = SignIn::start(stack.oauth_client(), Some(&address), TIMEOUT)
            .await
            .unwrap();
        let err = sign_in.finish(Duration::from_secs(1)).await.unwrap_err();
        assert_eq!(err.kind, OAuthErrorKind::TimedOut, "{err}");
        assert!(err.message.contains("within 1 second;"), "{err}");

        // A provider that is down.
        let mut down = stack.oauth_client();
        down.provider = confab_mail::oauth::Provider::Other {
            issuer: format!("http://127.0.0.1:{}", support::free_port()),
        };
        let err = SignIn::start(down, None, TIMEOUT).await.unwrap_err();
        assert_eq!(err.kind, OAuthErrorKind::Provider, "{err}");
    });
}

#[test]
fn an_account_without_a_sign_in_is_told_to_sign_in() {
    run(
        "an_account_without_a_sign_in_is_told_to_sign_in",
        async || {
            let stack = MailStack::start_with_oauth();
            let carol = stack.oauth_account("carol");
            let err = access_token(&carol, TIMEOUT).await.unwrap_err();
            assert_eq!(err.kind, OAuthErrorKind::SignInAgain, "{err}");
            assert!(err.message.contains("not signed in"), "{err}");
        },
    );
}
