//! A participant asked to choose a new time picks one that someone else takes first: their
//! interview stays, and they are offered what is still open, or told plainly when nothing is.

#![allow(clippy::unwrap_used)]

mod support;

use confab_service::AttentionKind;
use confab_service::OutboxKind;
use confab_service::{ChoiceInput, InterviewList, MailProfile, OutboxFilter};
use support::mail::{mailto_link, reply_from_link};
use support::{Fixture, me};

async fn book(f: &Fixture, name: &str, slot: i64) -> (i64, i64) {
    let who = f.participant(name).await;
    let booked = f
        .confab
        .book_manually(f.study_id, who, f.session_id, f.slot(slot), &[], &me())
        .await
        .unwrap();
    (who, booked.id)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_time_taken_first_leaves_the_interview_and_says_what_is_open() {
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
    let (ada, interview) = book(&f, "Ada", 0).await;
    book(&f, "Bea", 1).await;
    let request = f
        .confab
        .compose_reschedule_request(interview, "Could we move our call?")
        .await
        .unwrap();
    // Only the third time is open; Cem takes it before Ada answers.
    let cem = f.participant("Cem").await;
    f.confab
        .submit_choices(
            f.study_id,
            cem,
            &[ChoiceInput {
                session_id: f.session_id,
                start: f.slot(2),
            }],
            &me(),
        )
        .await
        .unwrap();
    let link = mailto_link(&request.text, 0);
    let report = f
        .confab
        .receive_message(&reply_from_link(
            "ada@example.org",
            &link,
            "ada-new-time@test",
        ))
        .await
        .unwrap();
    assert_eq!(report.needs_attention, 1, "{report:?}");
    let upcoming = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    let ada_now = upcoming.iter().find(|i| i.participant_id == ada).unwrap();
    assert_eq!(ada_now.start, f.slot(0), "her interview stays where it was");
    // No list of times that would be empty: a plain answer, and the researcher is told.
    let waiting = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
    assert!(
        waiting
            .iter()
            .all(|m| m.kind != OutboxKind::ChoiceUnavailable),
        "{waiting:?}"
    );
    let answer = waiting
        .iter()
        .find(|m| m.kind == OutboxKind::Answer)
        .unwrap();
    assert!(
        answer.text.contains("no other time is open"),
        "{}",
        answer.text
    );
    assert!(
        answer.text.contains("taken by someone else"),
        "{}",
        answer.text
    );
    let items = f.confab.attention_items(None).await.unwrap();
    assert!(
        items.iter().any(|i| i.kind == AttentionKind::ChoiceTaken),
        "{items:?}"
    );
}
