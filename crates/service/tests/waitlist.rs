//! The waitlist as the people on it live it: a freed place is offered to the one who waited
//! longest, with a deadline; when it passes unanswered, their link stops working and the place
//! goes to the next person, who takes it with one click.

#![allow(clippy::unwrap_used)]

mod support;

use confab_service::OutboxKind;
use confab_service::{ChoiceInput, ChoiceOutcome, MailProfile, OutboxFilter, StudySettings};
use sea_orm::ConnectionTrait;
use support::mail::{mailto_link, reply_from_link};
use support::{Fixture, me};

fn pick(f: &Fixture, n: i64) -> ChoiceInput {
    ChoiceInput {
        session_id: f.session_id,
        start: f.slot(n),
    }
}

async fn newest_offer_to(f: &Fixture, who: &str) -> Option<String> {
    f.confab
        .list_outbox(OutboxFilter::All)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.kind == OutboxKind::WaitlistOffer && m.recipients[0].contains(who))
        .map(|m| m.text)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_place_moves_to_the_next_person_when_an_offer_runs_out() {
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(MailProfile {
            researcher_name: "Dr Sam Rivera".into(),
            researcher_email: "researcher@example.org".into(),
            time_zone: "Europe/Berlin".into(),
            account: None,
            sync_automatically: false,
        })
        .await
        .unwrap();
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    assert_eq!(
        settings.waitlist_offer_hours,
        Some(48),
        "the default deadline"
    );
    f.confab
        .update_study_settings(
            f.study_id,
            StudySettings {
                waitlist_offer_hours: Some(24),
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
    let mut booked = Vec::new();
    for (n, name) in ["Ada", "Bea", "Cem"].into_iter().enumerate() {
        let id = f.participant(name).await;
        let outcome = f
            .confab
            .submit_choices(f.study_id, id, &[pick(&f, n as i64)], &me())
            .await
            .unwrap();
        let ChoiceOutcome::Booked { interview, .. } = outcome else {
            panic!("{outcome:?}")
        };
        booked.push(interview.id);
    }
    // Every time is taken: Dov, then Eve, wait on the waitlist.
    let dov = f.participant("Dov").await;
    let eve = f.participant("Eve").await;
    for who in [dov, eve] {
        let outcome = f
            .confab
            .submit_choices(f.study_id, who, &[pick(&f, 0)], &me())
            .await
            .unwrap();
        assert_eq!(outcome, ChoiceOutcome::Waitlisted);
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    }

    // Ada cancels: the place goes to Dov, who waited longest, with a deadline.
    let canceled = f
        .confab
        .cancel_interview(booked[0], "cannot come", &me())
        .await
        .unwrap();
    assert_eq!(canceled.offered_to, Some(dov));
    let to_dov = newest_offer_to(&f, "dov@").await.unwrap();
    assert!(to_dov.contains("Please choose by"), "{to_dov}");
    assert!(newest_offer_to(&f, "eve@").await.is_none());
    assert_eq!(
        f.confab.expire_waitlist_offers().await.unwrap(),
        0,
        "not yet"
    );

    // A day passes without an answer from Dov.
    let db = f.database().await;
    db.execute_unprepared("UPDATE waitlist_offers SET expires_at = expires_at - 90000")
        .await
        .unwrap();
    assert_eq!(f.confab.expire_waitlist_offers().await.unwrap(), 1);
    let to_eve = newest_offer_to(&f, "eve@")
        .await
        .expect("Eve is offered the place next");
    assert_eq!(
        f.confab.expire_waitlist_offers().await.unwrap(),
        0,
        "once only"
    );

    // Dov's link no longer books; Eve's does.
    let late = mailto_link(&to_dov, 0);
    f.confab
        .receive_message(&reply_from_link("dov@example.org", &late, "dov-late@test"))
        .await
        .unwrap();
    assert_eq!(f.status(dov).await, "waitlisted");
    let take = mailto_link(&to_eve, 0);
    f.confab
        .receive_message(&reply_from_link("eve@example.org", &take, "eve-takes@test"))
        .await
        .unwrap();
    assert_eq!(f.status(eve).await, "interview_scheduled");

    // Eve's offer is settled: nothing more moves when time passes.
    db.execute_unprepared("UPDATE waitlist_offers SET expires_at = 0 WHERE state = 'open'")
        .await
        .unwrap();
    assert_eq!(f.confab.expire_waitlist_offers().await.unwrap(), 0);
    let history = f
        .confab
        .participant_history(dov, Some(f.study_id))
        .await
        .unwrap();
    assert!(
        history.iter().any(|h| h.action == "waitlist offer expired"),
        "{history:?}"
    );
}
