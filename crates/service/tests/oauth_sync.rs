//! Sync for an account that signs in with OAuth, against a real authorization server
//! (oauth2-mock-server) and a Dovecot that checks every token with it: the sign-in itself,
//! Syncs over OAUTHBEARER and XOAUTH2, a token that expires between two Syncs, a revoked
//! sign-in, and saving Settings without switching the sign-in method. Each test runs in a
//! private keyring session.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)]

mod support;

use std::time::Duration;

use confab_mail::connect_options::OAuthMechanism;
use confab_mail::oauth::grant::{self, SavedToken};
use confab_mail::test_stack::MailStack;
use confab_service::{
    Actor, Confab, ErrorCode, MailAuth, NewParticipant, OutboxFilter, SignInChoice, SyncOptions,
    SyncReport,
};
use support::mail::{inbox, inbox_with, researcher_profile};
use support::{Fixture, in_keyring};

/// The researcher's profile on the stack, signed in through the authorization server with
/// the browser step played by an HTTP client.
async fn signed_in(f: &Fixture, stack: &MailStack) {
    f.confab
        .update_mail_profile(researcher_profile(stack))
        .await
        .unwrap();
    let pending = f
        .confab
        .start_mail_sign_in(SignInChoice {
            issuer: Some(stack.oauth_issuer().to_owned()),
            client_id: Some(stack.oauth_client().client_id),
            ..Default::default()
        })
        .await
        .unwrap();
    let url = pending.authorization_url().to_owned();
    let browser = std::thread::spawn(move || MailStack::play_browser(&url));
    let profile = f
        .confab
        .finish_mail_sign_in(pending, Duration::from_secs(10))
        .await
        .unwrap();
    assert!(browser.join().unwrap().contains("signed in"));
    assert_eq!(profile.account.unwrap().auth, MailAuth::Oauth2);
}

async fn invite(f: &Fixture, stack: &MailStack, user: &str) {
    let participant = f
        .confab
        .create_participant(
            NewParticipant {
                name: format!("Participant {user}"),
                email: stack.address(user),
                time_zone: Some("Europe/Berlin".into()),
                phone: String::new(),
                notes: String::new(),
                custom_fields: Default::default(),
                study_id: Some(f.study_id),
                language: None,
            },
            &Actor::researcher(),
        )
        .await
        .unwrap()
        .id;
    f.confab
        .invite_participants(f.study_id, &[participant], &Actor::researcher())
        .await
        .unwrap();
}

async fn sync(confab: &Confab, stack: &MailStack, mechanisms: &[OAuthMechanism]) -> SyncReport {
    confab
        .sync(
            SyncOptions {
                password: None,
                connect: stack.connect_options().with_oauth_mechanisms(mechanisms),
                ..Default::default()
            },
            |_| {},
        )
        .await
        .unwrap()
}

async fn invitations_to(stack: &MailStack, user: &str) -> usize {
    inbox_with(stack, user, "", 1).await.len()
}

#[test]
fn sync_signs_in_over_oauthbearer_and_xoauth2() {
    in_keyring("sync_signs_in_over_oauthbearer_and_xoauth2", async || {
        let stack = MailStack::start_with_oauth();
        let f = Fixture::new(1, true).await;
        signed_in(&f, &stack).await;

        invite(&f, &stack, "alice").await;
        let report = sync(&f.confab, &stack, &[OAuthMechanism::OAuthBearer]).await;
        assert_eq!((report.sent, report.failed), (1, 0), "{report:?}");
        invite(&f, &stack, "bob").await;
        let report = sync(&f.confab, &stack, &[OAuthMechanism::XOAuth2]).await;
        assert_eq!((report.sent, report.failed), (1, 0), "{report:?}");

        let log = stack.dovecot_log();
        for mechanism in [
            "imap-login: Info: Login: user=<researcher>, method=OAUTHBEARER",
            "imap-login: Info: Login: user=<researcher>, method=XOAUTH2",
            "submission-login: Info: Login: user=<researcher>, method=XOAUTH2",
        ] {
            assert!(log.contains(mechanism), "{mechanism} missing:\n{log}");
        }
        assert_eq!(invitations_to(&stack, "alice").await, 1);
        assert_eq!(invitations_to(&stack, "bob").await, 1);
    });
}

#[test]
fn a_token_that_expires_between_two_syncs_is_renewed_and_nothing_goes_twice() {
    in_keyring(
        "a_token_that_expires_between_two_syncs_is_renewed_and_nothing_goes_twice",
        async || {
            let stack = MailStack::start_with_oauth();
            let f = Fixture::new(1, true).await;
            stack.set_access_token_lifetime(2);
            signed_in(&f, &stack).await;
            let defaults = [OAuthMechanism::OAuthBearer, OAuthMechanism::XOAuth2];

            invite(&f, &stack, "alice").await;
            let first = sync(&f.confab, &stack, &defaults).await;
            assert_eq!(first.sent, 1, "{first:?}");
            tokio::time::sleep(Duration::from_secs(3)).await;
            invite(&f, &stack, "bob").await;
            let second = sync(&f.confab, &stack, &defaults).await;
            assert_eq!((second.sent, second.failed), (1, 0), "{second:?}");

            assert_eq!(invitations_to(&stack, "alice").await, 1, "sent once");
            assert_eq!(invitations_to(&stack, "bob").await, 1, "sent once");
            let renewals = stack
                .oauth_log()
                .matches("token issued refresh_token")
                .count();
            assert_eq!(renewals, 2, "{}", stack.oauth_log());
            assert!(
                f.confab
                    .list_outbox(OutboxFilter::Waiting)
                    .await
                    .unwrap()
                    .is_empty()
            );
        },
    );
}

#[test]
fn a_revoked_sign_in_stops_sync_before_anything_is_sent() {
    in_keyring(
        "a_revoked_sign_in_stops_sync_before_anything_is_sent",
        async || {
            let stack = MailStack::start_with_oauth();
            let f = Fixture::new(1, true).await;
            stack.set_access_token_lifetime(1);
            signed_in(&f, &stack).await;
            let account = stack.oauth_account("researcher");
            let SavedToken::Grant(saved) = grant::load(&account).await.unwrap() else {
                panic!("the sign-in is saved");
            };
            stack.revoke(saved.refresh_token.as_ref().unwrap());
            tokio::time::sleep(Duration::from_secs(2)).await;

            invite(&f, &stack, "carol").await;
            let err = f
                .confab
                .sync(
                    SyncOptions {
                        password: None,
                        connect: stack.connect_options(),
                        ..Default::default()
                    },
                    |_| {},
                )
                .await
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::SignIn);
            assert!(
                err.message
                    .starts_with("Sign in to your 127.0.0.1 account again"),
                "{err:?}"
            );
            let waiting = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
            assert_eq!(waiting.len(), 1, "the invitation waits for the next Sync");
            assert!(waiting[0].last_error.is_empty(), "{waiting:?}");
            let check = f.confab.test_mail_connection(None).await.unwrap();
            assert!(!check.ok);
            assert_eq!(check.stage.as_deref(), Some("login"));
            assert!(check.message.starts_with("Sign in to your"), "{check:?}");
            let log = stack.oauth_log();
            assert_eq!(
                log.matches("token issued").count(),
                1,
                "only the sign-in's:\n{log}"
            );
            assert!(log.contains("refresh refused"), "{log}");
            assert!(inbox(&stack, "carol").await.is_empty(), "nothing sent");
        },
    );
}

#[test]
fn saving_settings_keeps_the_sign_in_method() {
    in_keyring("saving_settings_keeps_the_sign_in_method", async || {
        let stack = MailStack::start_with_oauth();
        let f = Fixture::new(1, true).await;
        signed_in(&f, &stack).await;

        // The window's form sends the account as it shows it, password method included.
        let mut form = researcher_profile(&stack);
        form.researcher_name = "Dr Sam Rivera-Lopez".into();
        let saved = f.confab.update_mail_profile(form).await.unwrap();
        assert_eq!(saved.account.unwrap().auth, MailAuth::Oauth2);
        assert_eq!(
            f.confab.mail_profile().await.unwrap().account.unwrap().auth,
            MailAuth::Oauth2
        );

        // Switching is its own step.
        let switched = f
            .confab
            .set_mail_sign_in_method(MailAuth::Password)
            .await
            .unwrap();
        assert_eq!(switched.account.unwrap().auth, MailAuth::Password);
        // The sign-in's tokens are gone with the switch: no password to send yet.
        let err = f
            .confab
            .sync(
                SyncOptions {
                    password: None,
                    connect: stack.connect_options(),
                    ..Default::default()
                },
                |_| {},
            )
            .await
            .unwrap_err();
        assert!(err.message.contains("no password saved"), "{err:?}");
        f.confab.save_mail_password(stack.password()).await.unwrap();
        invite(&f, &stack, "dave").await;
        let report = f
            .confab
            .sync(
                SyncOptions {
                    password: None,
                    connect: stack.connect_options(),
                    ..Default::default()
                },
                |_| {},
            )
            .await
            .unwrap();
        assert_eq!(report.sent, 1, "{report:?}");
        assert!(
            stack
                .dovecot_log()
                .contains("submission-login: Info: Login: user=<researcher>, method=PLAIN"),
            "the password account logs in with a password:\n{}",
            stack.dovecot_log()
        );
    });
}
