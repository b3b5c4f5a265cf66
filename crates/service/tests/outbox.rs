//! The outbox before any Sync: what queues a message, and what a researcher can do with it.

#![allow(clippy::unwrap_used)]

mod support;

use confab_service::ItipMethod;
use confab_service::OutboxKind;
use confab_service::OutboxState;
use confab_service::{ErrorCode, MailProfile, OutboxEdit, OutboxFilter};
use support::{Fixture, me};

fn profile() -> MailProfile {
    MailProfile {
        researcher_name: "Dr Sam Rivera".into(),
        researcher_email: "sam@example.org".into(),
        time_zone: "Europe/Berlin".into(),
        account: None,
        sync_automatically: false,
    }
}

#[tokio::test]
async fn a_booking_queues_its_confirmation_only_once_the_researcher_has_an_address() {
    let f = Fixture::new(2, true).await;
    let ada = f.participant("Ada").await;
    let bea = f.participant("Bea").await;
    f.confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    assert!(
        f.confab
            .list_outbox(OutboxFilter::All)
            .await
            .unwrap()
            .is_empty()
    );

    f.confab.update_mail_profile(profile()).await.unwrap();
    let booked = f
        .confab
        .book_manually(f.study_id, bea, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let queued = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
    assert_eq!(queued.len(), 1);
    let m = &queued[0];
    assert_eq!((m.kind.key(), m.state.key()), ("confirmation", "queued"));
    assert_eq!(m.calendar_method, Some(ItipMethod::Request));
    assert_eq!(m.interview_id, Some(booked.id));
    assert_eq!(m.recipients, vec!["Bea <bea@example.org>".to_owned()]);
    assert!(m.text.contains("Bea"), "{}", m.text);

    // Canceling before the confirmation went out takes the confirmation back: no calendar
    // holds the event, so there is nothing to cancel in one, and the freed place goes to
    // nobody (no waitlist).
    f.confab
        .cancel_interview(booked.id, "moved away", &me())
        .await
        .unwrap();
    let kinds: Vec<String> = f
        .confab
        .list_outbox(OutboxFilter::Waiting)
        .await
        .unwrap()
        .into_iter()
        .map(|m| format!("{}:{:?}", m.kind, m.calendar_method))
        .collect();
    assert!(kinds.is_empty(), "{kinds:?}");
}

#[tokio::test]
async fn queued_messages_can_be_held_edited_released_and_deleted_but_not_once_sent() {
    let f = Fixture::new(1, true).await;
    f.confab.update_mail_profile(profile()).await.unwrap();
    let ada = f.participant("Ada").await;
    let report = f
        .confab
        .invite_participants(f.study_id, &[ada], &me())
        .await
        .unwrap();
    assert_eq!(report.queued, vec![ada]);
    let id = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap()[0].id;

    let held = f.confab.hold_outbox_message(id).await.unwrap();
    assert_eq!(held.state, OutboxState::Held);
    let edited = f
        .confab
        .edit_outbox_message(
            id,
            OutboxEdit {
                subject: "A friendlier subject".into(),
                text: "Hello <b>Ada</b>".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.subject, "A friendlier subject");
    assert!(
        edited.html.contains("&lt;b&gt;Ada&lt;/b&gt;"),
        "{}",
        edited.html
    );
    assert_eq!(
        f.confab.release_outbox_message(id).await.unwrap().state,
        OutboxState::Queued
    );
    f.confab.delete_outbox_message(id).await.unwrap();
    let err = f.confab.outbox_message(id).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn invitations_need_an_address_and_skip_who_cannot_be_invited() {
    let f = Fixture::new(1, true).await;
    let ada = f.participant("Ada").await;
    let err = f
        .confab
        .invite_participants(f.study_id, &[ada], &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("Settings"), "{}", err.message);

    f.confab.update_mail_profile(profile()).await.unwrap();
    f.confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let report = f
        .confab
        .invite_participants(f.study_id, &[ada, 9999], &me())
        .await
        .unwrap();
    assert!(report.queued.is_empty());
    assert_eq!(report.skipped.len(), 2, "{report:?}");
    assert!(
        report.skipped[0].reason.contains("Interview Scheduled"),
        "{report:?}"
    );
    assert!(
        report.skipped[1].reason.contains("not enrolled"),
        "{report:?}"
    );
}

/// Each refusal of Settings → Mail names the field it is about, as the form names it, so the
/// form marks that field without reading the message; nothing is saved.
#[tokio::test]
async fn a_profile_with_a_bad_address_zone_or_server_is_refused_on_its_field() {
    use confab_service::{MailAccount, MailAuth, MailSecurity};

    let f = Fixture::new(1, true).await;
    let account = MailAccount {
        username: "sam@example.org".into(),
        auth: MailAuth::Password,
        smtp_host: "smtp.example.org".into(),
        smtp_port: 587,
        smtp_security: MailSecurity::StartTls,
        smtp_login: true,
        imap_host: "imap.example.org".into(),
        imap_port: 993,
        imap_security: MailSecurity::Tls,
        read_since: None,
    };
    let with = |change: &dyn Fn(&mut MailProfile)| {
        let mut p = profile();
        p.account = Some(account.clone());
        change(&mut p);
        p
    };
    let cases: Vec<(MailProfile, &str)> = vec![
        (
            with(&|p| p.researcher_email = "sam at example".into()),
            "researcherEmail",
        ),
        (with(&|p| p.time_zone = "Mars/Olympus".into()), "timeZone"),
        (
            with(&|p| p.researcher_name = "Sam\nRivera".into()),
            "researcherName",
        ),
        (
            with(&|p| p.account.as_mut().unwrap().smtp_port = 0),
            "smtpPort",
        ),
        (
            with(&|p| p.account.as_mut().unwrap().imap_host = "imap example".into()),
            "imapHost",
        ),
        (
            with(&|p| p.account.as_mut().unwrap().read_since = Some("last week".into())),
            "readSince",
        ),
    ];
    for (bad, field) in cases {
        let err = f.confab.update_mail_profile(bad).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
        let named: Vec<&str> = err.fields.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(named, [field], "{err:?}");
    }
    assert_eq!(
        f.confab.mail_profile().await.unwrap().researcher_email,
        "",
        "nothing was saved"
    );
}

#[tokio::test]
async fn a_reminder_is_queued_once_when_the_interview_is_near_enough() {
    let f = Fixture::new(1, true).await;
    f.confab.update_mail_profile(profile()).await.unwrap();
    let ada = f.participant("Ada").await;
    f.confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    // No reminder setting: nothing to remind.
    assert_eq!(f.confab.queue_due_reminders().await.unwrap(), 0);

    let mut settings = f.confab.study_settings(f.study_id).await.unwrap();
    settings.reminder_hours = Some(0);
    let err = f
        .confab
        .update_study_settings(f.study_id, settings.clone(), &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    // The interview is tomorrow morning, within two days.
    settings.reminder_hours = Some(48);
    f.confab
        .update_study_settings(f.study_id, settings, &me())
        .await
        .unwrap();
    assert_eq!(f.confab.queue_due_reminders().await.unwrap(), 1);
    assert_eq!(f.confab.queue_due_reminders().await.unwrap(), 0);
    let reminders: Vec<_> = f
        .confab
        .list_outbox(OutboxFilter::Waiting)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == OutboxKind::Reminder)
        .collect();
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].calendar_method, Some(ItipMethod::Request));
}
