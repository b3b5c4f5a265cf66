//! Setting up the mail account from the terminal: `confab mail sign-in` against a real
//! authorization server (oauth2-mock-server), with the authorization address on a line of its
//! own, the wait for the browser, the sign-in kept in the OS keyring (a private one) and the
//! account switched to it; and `confab mail autoconfig`.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)]

mod support;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use confab_mail::test_keyring::in_private_keyring;
use confab_mail::test_stack::MailStack;
use support::{command, confab, json, stderr, stdout};

#[test]
fn sign_in_prints_the_address_waits_for_the_browser_and_switches_the_account() {
    in_private_keyring(
        "sign_in_prints_the_address_waits_for_the_browser_and_switches_the_account",
        || {
            let stack = MailStack::start_with_oauth();
            let dir = tempfile::tempdir().unwrap();
            let data = dir.path();
            let account = stack.tls_account("researcher");
            let (smtp_port, imap_port) =
                (account.smtp.port.to_string(), account.imap.port.to_string());
            json(
                data,
                &[
                    "mail",
                    "set",
                    "--email",
                    &account.address,
                    "--smtp-host",
                    "127.0.0.1",
                    "--smtp-port",
                    &smtp_port,
                    "--smtp-security",
                    "tls",
                    "--imap-host",
                    "127.0.0.1",
                    "--imap-port",
                    &imap_port,
                    "--imap-security",
                    "tls",
                ],
            );
            let client = stack.oauth_client();
            let mut child = command(
                data,
                &[
                    "mail",
                    "sign-in",
                    "--issuer",
                    stack.oauth_issuer(),
                    "--client-id",
                    &client.client_id,
                    "--no-browser",
                ],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
            let mut first_line = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut first_line)
                .unwrap();
            let url = first_line.trim_end();
            assert!(
                url.starts_with(&format!("{}/authorize?", stack.oauth_issuer())),
                "{first_line}"
            );
            assert!(url.contains("code_challenge_method=S256"), "{url}");
            assert!(url.contains("state="), "{url}");
            let page = MailStack::play_browser(url);
            assert!(page.contains("signed in"), "{page}");
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));

            let profile = json(data, &["mail", "show"]);
            assert_eq!(profile["account"]["auth"], "oauth2", "{profile}");
            // Saving other settings keeps the sign-in; a password cannot overwrite it.
            let profile = json(data, &["mail", "set", "--name", "Dr Sam Rivera"]);
            assert_eq!(profile["account"]["auth"], "oauth2", "{profile}");
            let refused = command(data, &["mail", "password"])
                .env("CONFAB_MAIL_PASSWORD", "a-password")
                .output()
                .unwrap();
            assert!(!refused.status.success());
            assert!(
                stderr(&refused).contains("signs in with OAuth"),
                "{}",
                stderr(&refused)
            );
            let shown = confab(data, &["mail", "show"]);
            assert!(
                stdout(&shown).contains("signed in with OAuth"),
                "{}",
                stdout(&shown)
            );
        },
    );
}

#[test]
fn a_sign_in_without_a_provider_says_which_to_give() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    json(
        data,
        &[
            "mail",
            "set",
            "--email",
            "ada@uni.example.org",
            "--smtp-host",
            "smtp.uni.example.org",
            "--imap-host",
            "imap.uni.example.org",
        ],
    );
    let out = confab(data, &["mail", "sign-in", "--no-browser"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Say which provider"),
        "{}",
        stderr(&out)
    );
    let out = confab(
        data,
        &["mail", "sign-in", "--provider", "google", "--no-browser"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("built without a client ID for Google"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn autoconfig_prints_the_settings_and_where_they_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let out = confab(dir.path(), &["mail", "autoconfig", "ada@gmail.com"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("From Confab's list of providers (Gmail and Google Workspace):"),
        "{text}"
    );
    assert!(text.contains("sign in with Google"), "{text}");
    let found = json(dir.path(), &["mail", "autoconfig", "ada@outlook.com"]);
    assert_eq!(found["sourceKind"], "shipped");
    assert_eq!(found["signIn"], "microsoft");
    assert_eq!(found["account"]["imapHost"], "outlook.office365.com");
    assert_eq!(found["account"]["smtpSecurity"], "start_tls");
    let bad = confab(dir.path(), &["mail", "autoconfig", "not-an-address"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("is not an email address"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn read_since_is_set_shown_and_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let set = |extra: &[&str]| {
        let mut args = vec![
            "mail",
            "set",
            "--email",
            "ada@uni.example.org",
            "--smtp-host",
            "smtp.uni.example.org",
            "--imap-host",
            "imap.uni.example.org",
        ];
        args.extend_from_slice(extra);
        args.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let args = set(&["--read-since", "2026-11-01"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let profile = json(data, &args);
    assert_eq!(profile["account"]["readSince"], "2026-11-01");
    let shown = confab(data, &["mail", "show"]);
    assert!(
        stdout(&shown).contains("Read mail:  received since 2026-11-01"),
        "{}",
        stdout(&shown)
    );
    let out = confab(data, &["mail", "set", "--read-since", "last week"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("2026-11-01"), "{}", stderr(&out));
    let profile = json(data, &["mail", "set", "--read-since", ""]);
    assert!(profile["account"].get("readSince").is_none(), "{profile}");
}
