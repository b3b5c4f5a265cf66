//! How the mail commands show a mail profile and an outbox message as text.

use confab_service::{AppError, MailAuth, MailProfile};

use crate::output::{print_json, print_text};

pub(super) fn show_profile(p: &MailProfile, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(p);
    }
    let mut text = format!(
        "Researcher: {} <{}>\nTime zone:  {}\nSync automatically: {}\n",
        p.researcher_name,
        p.researcher_email,
        p.time_zone,
        if p.sync_automatically { "yes" } else { "no" }
    );
    match &p.account {
        None => text
            .push_str("Mail account: not set up (confab mail set --smtp-host … --imap-host …)\n"),
        Some(a) => text.push_str(&format!(
            "Login:      {} ({})\nSMTP:       {}:{} ({:?}{})\nIMAP:       {}:{} ({:?})\nRead mail:  {}\n",
            a.username,
            match a.auth {
                MailAuth::Password => "password",
                MailAuth::Oauth2 => "signed in with OAuth",
            },
            a.smtp_host,
            a.smtp_port,
            a.smtp_security,
            if a.smtp_login { "" } else { ", no login" },
            a.imap_host,
            a.imap_port,
            a.imap_security,
            match &a.read_since {
                Some(day) => format!("received since {day}"),
                None => "received after the account was connected".into(),
            }
        )),
    }
    print_text(&text)
}

pub(super) fn print_message(m: &confab_service::OutboxMessage) -> Result<(), AppError> {
    print_text(&format!(
        "Message {} ({}, {})\nTo: {}\nSubject: {}\n{}{}\n{}\n",
        m.id,
        m.kind,
        m.state,
        m.recipients.join(", "),
        m.subject,
        m.calendar_method
            .map(|c| format!("Calendar: {}\n", c.as_str()))
            .unwrap_or_default(),
        if m.last_error.is_empty() {
            String::new()
        } else {
            format!("Last error: {}\n", m.last_error)
        },
        m.text
    ))
}
