#![allow(clippy::unwrap_used)]

//! A researcher who ran a study on their laptop joins the lab's team database and moves the
//! study there, half-way through: one participant has answered and is booked, the other has
//! not answered yet. After the move the other answers the invitation he got before it, from
//! his own mailbox; the first Sync on the team database reads it (the inbox is read on from
//! where the laptop stopped), books him, and nothing goes out twice. A copy
//! taken back to the laptop holds the same study. Real mail servers, a real PostgreSQL, the
//! laptop's real file.

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::{Confab, ErrorCode, InterviewList};
use confab_store::test_server::{admin_url, fresh_database};
use support::mail::{
    alice_and_bob_invited, click, delivered_to, inbox_with, mailto_link, researcher_profile,
    subject, sync, text_body,
};
use support::{Fixture, me};

async fn team(stack: &MailStack) -> (Confab, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let team = Confab::open_team(dir.path(), &fresh_database(&admin_url()).await)
        .await
        .unwrap();
    team.update_mail_profile(researcher_profile(stack))
        .await
        .unwrap();
    (team, dir)
}

/// The participant answers the invitation in their mailbox with its `n`th time.
async fn answers(stack: &MailStack, user: &str, n: usize, message_id: &str) {
    let invitation = inbox_with(stack, user, "", 1).await.remove(0);
    let link = mailto_link(&text_body(&invitation), n);
    click(stack, user, &link, message_id).await;
    delivered_to(stack, "researcher", &link.subject, 1).await;
}

async fn scheduled_names(confab: &Confab, study: i64) -> Vec<String> {
    let mut names: Vec<String> = confab
        .list_interviews(study, InterviewList::Upcoming)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.participant_name)
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn a_study_moved_half_way_keeps_its_links_and_sends_nothing_twice() {
    let stack = MailStack::start();
    let laptop_dir = tempfile::tempdir().unwrap();
    let laptop = Confab::open(laptop_dir.path()).await.unwrap();
    let f = Fixture::on(laptop.clone()).await;
    f.interviewer_on_session("Iris Novak", &stack.address("carol"))
        .await;
    // Capacity for both, and invitations out to Alice and Bob.
    let (alice, _bob) = alice_and_bob_invited(&f, &stack).await;

    // Alice answers and is booked on the laptop.
    answers(&stack, "alice", 0, "alice-1@test").await;
    let read = sync(&laptop, &stack).await;
    assert_eq!(read.applied, 1, "{read:?}");
    assert_eq!(scheduled_names(&laptop, f.study_id).await, ["Alice Park"]);
    let history_before = laptop.study_history(f.study_id).await.unwrap().len();

    // The move, in one go.
    let (team, _team_dir) = team(&stack).await;
    let moved = laptop
        .transfer_study(f.study_id, &team, true)
        .await
        .unwrap();
    assert!(moved.removed);
    assert_eq!((moved.participants, moved.interviews), (2, 1));
    assert!(moved.links >= 2, "{moved:?}");
    assert!(
        moved.messages >= 3,
        "two invitations and a confirmation: {moved:?}"
    );
    assert!(laptop.list_studies().await.unwrap().is_empty());
    assert!(
        laptop
            .search_participants(Default::default())
            .await
            .unwrap()
            .is_empty()
    );
    let study = moved.study_id;
    assert_eq!(
        team.list_studies().await.unwrap()[0].name,
        "Checkout usability"
    );
    assert_eq!(scheduled_names(&team, study).await, ["Alice Park"]);
    let upcoming = team
        .list_interviews(study, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(
        upcoming[0].participant_id,
        team_id(&team, study, "Alice Park").await
    );
    assert!(
        !upcoming[0].interviewers.is_empty(),
        "Iris stays on Alice's interview"
    );
    assert!(team.study_history(study).await.unwrap().len() >= history_before);

    // Bob answers the invitation he got before the move; the first Sync on the team
    // database reads it and books him, and what waited in the outbox goes out.
    answers(&stack, "bob", 1, "bob-1@test").await;
    let first = sync(&team, &stack).await;
    assert_eq!(
        (first.read, first.applied),
        (1, 1),
        "Bob's choice: {first:?}"
    );
    assert_eq!(
        scheduled_names(&team, study).await,
        ["Alice Park", "Bob Stone"]
    );
    let second = sync(&team, &stack).await;
    assert_eq!(first.failed + second.failed, 0, "{first:?} {second:?}");
    assert_eq!(sync(&team, &stack).await.sent, 0, "nothing is left to send");
    // Each got one invitation and one confirmation: nothing twice.
    for user in ["alice", "bob"] {
        let mail = inbox_with(&stack, user, "", 2).await;
        assert_eq!(
            mail.len(),
            2,
            "{user}: {:?}",
            mail.iter().map(|m| subject(m)).collect::<Vec<_>>()
        );
    }
    // The laptop has nothing left to send.
    assert_eq!(sync(&laptop, &stack).await.sent, 0);

    // A copy back to the laptop: the same study, both booked; the team database keeps it.
    let copied = team.transfer_study(study, &laptop, false).await.unwrap();
    assert!(!copied.removed);
    assert_eq!(
        scheduled_names(&laptop, copied.study_id).await,
        ["Alice Park", "Bob Stone"]
    );
    assert_eq!(team.list_studies().await.unwrap().len(), 1);
    let _ = alice;
}

/// A participant's id in the team database, found by name.
async fn team_id(team: &Confab, study: i64, name: &str) -> i64 {
    team.search_participants(confab_service::ParticipantQuery {
        study_id: Some(study),
        ..Default::default()
    })
    .await
    .unwrap()
    .into_iter()
    .find(|p| p.name == name)
    .unwrap()
    .id
}

#[tokio::test(flavor = "multi_thread")]
async fn a_study_copied_twice_is_refused_the_second_time_and_nothing_changes() {
    let stack = MailStack::start();
    let f = Fixture::new(2, true).await;
    alice_and_bob_invited(&f, &stack).await;
    let (team, _dir) = team(&stack).await;
    f.confab
        .transfer_study(f.study_id, &team, false)
        .await
        .unwrap();
    let again = f
        .confab
        .transfer_study(f.study_id, &team, false)
        .await
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict, "{}", again.message);
    assert!(
        again.message.contains("moved or copied there before"),
        "{}",
        again.message
    );
    assert_eq!(team.list_studies().await.unwrap().len(), 1);
    assert_eq!(f.confab.list_studies().await.unwrap().len(), 1);
    let same = f
        .confab
        .transfer_study(f.study_id, &f.confab, true)
        .await
        .unwrap_err();
    assert_eq!(same.code, ErrorCode::InvalidInput);
    let _ = me();
}
