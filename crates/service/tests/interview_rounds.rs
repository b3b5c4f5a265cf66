//! A study that holds two interviews with each participant (a pre and a post), followed as the
//! participant lives it through a real mail stack: each interview is its own calendar event
//! with its own messages, every message says which interview it is about, and nobody is
//! invited to a third.

#![allow(clippy::unwrap_used)]

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::{InterviewList, StudySettings};
use support::mail::{
    calendar_part, click, delivered_to, inbox_with, mailbox_participant, mailto_link, python_reads,
    researcher_profile, sync, text_body,
};
use support::{Fixture, me, reads_right};

async fn two_interviews_each(f: &Fixture) {
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    f.confab
        .update_study_settings(
            f.study_id,
            StudySettings {
                interviews_per_participant: 2,
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
}

/// Ada clicks the `n`th time of the newest message whose subject holds `needle`.
async fn ada_clicks(stack: &MailStack, needle: &str, count: usize, n: usize, id: &str) {
    let message = inbox_with(stack, "alice", needle, count)
        .await
        .remove(count - 1);
    let link = mailto_link(&text_body(&message), n);
    click(stack, "alice", &link, id).await;
    // The next Sync must find the click: a loaded machine can take a while to deliver it.
    delivered_to(stack, "researcher", &link.subject, 1).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pre_and_a_post_interview_each_have_their_own_messages_and_calendar_event() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    two_interviews_each(&f).await;
    let ada = mailbox_participant(&f, &stack, "alice", "Ada Park").await;

    // The first invitation says which interview it is for; Ada takes the first time.
    f.confab
        .invite_participants(f.study_id, &[ada], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let invitation = inbox_with(&stack, "alice", "Invitation", 1).await.remove(0);
    let text = text_body(&invitation);
    assert!(
        text.contains("This invitation is for interview 1 of 2."),
        "{text}"
    );
    reads_right(&text).unwrap();
    ada_clicks(&stack, "Invitation", 1, 0, "pre@confab.test").await;
    sync(&f.confab, &stack).await;
    let confirmed = inbox_with(&stack, "alice", "Confirmed", 1).await.remove(0);
    let text = text_body(&confirmed);
    assert!(text.contains("This is interview 1 of 2."), "{text}");
    reads_right(&text).unwrap();
    let pre_event = python_reads(&calendar_part(&confirmed));
    assert_eq!(pre_event["summary"], "Interview 1 of 2: Checkout usability");

    // While the first is scheduled, nobody invites her again.
    let early = f
        .confab
        .invite_participants(f.study_id, &[ada], &me())
        .await
        .unwrap();
    assert_eq!(early.skipped.len(), 1, "{early:?}");

    // The first interview takes place; she is invited to the second and picks the last time.
    let pre = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap()
        .remove(0);
    assert_eq!((pre.round, pre.rounds), (1, 2));
    f.confab.mark_completed(pre.id, &me()).await.unwrap();
    assert_eq!(f.status(ada).await, "completed");
    let ready = f
        .confab
        .invitation_readiness(f.study_id, ada)
        .await
        .unwrap();
    assert!(ready.ready, "{ready:?}");
    let report = f
        .confab
        .invite_participants(f.study_id, &[ada], &me())
        .await
        .unwrap();
    assert!(report.skipped.is_empty(), "{report:?}");
    assert_eq!(f.status(ada).await, "invited");
    sync(&f.confab, &stack).await;
    let second_invitation = inbox_with(&stack, "alice", "Invitation", 2).await.remove(1);
    let text = text_body(&second_invitation);
    assert!(
        text.contains("This invitation is for interview 2 of 2."),
        "{text}"
    );
    ada_clicks(&stack, "Invitation", 2, 2, "post@confab.test").await;
    sync(&f.confab, &stack).await;
    let confirmations = inbox_with(&stack, "alice", "Confirmed", 2).await;
    let text = text_body(&confirmations[1]);
    assert!(text.contains("This is interview 2 of 2."), "{text}");
    let post_event = python_reads(&calendar_part(&confirmations[1]));
    assert_eq!(
        post_event["summary"],
        "Interview 2 of 2: Checkout usability"
    );
    assert_ne!(
        post_event["uid"], pre_event["uid"],
        "the second interview is its own event; the first stays in her calendar"
    );
    let post = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap()
        .remove(0);
    assert_eq!((post.round, post.start), (2, f.slot(2)));

    // The second interview is moved: the update names the same interview.
    f.confab
        .reschedule_interview(post.id, f.session_id, f.slot(1), &[], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let update = inbox_with(&stack, "alice", "New time", 1).await.remove(0);
    assert!(text_body(&update).contains("This is interview 2 of 2."));
    assert_eq!(
        python_reads(&calendar_part(&update))["uid"],
        post_event["uid"]
    );

    // Both done: she is not invited to a third, and booking one by hand says what to change.
    f.confab.mark_completed(post.id, &me()).await.unwrap();
    let done = f
        .confab
        .invite_participants(f.study_id, &[ada], &me())
        .await
        .unwrap();
    assert_eq!(done.skipped.len(), 1);
    assert!(
        done.skipped[0].reason.contains("had every interview"),
        "{done:?}"
    );
    let refused = f
        .confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap_err();
    assert!(
        refused.message.contains("all 2 interviews") && refused.message.contains("settings"),
        "{}",
        refused.message
    );
    // Nor can the study be set to hold fewer interviews than she has had.
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    let fewer = f
        .confab
        .update_study_settings(
            f.study_id,
            StudySettings {
                interviews_per_participant: 1,
                ..settings
            },
            &me(),
        )
        .await
        .unwrap_err();
    assert!(fewer.message.contains("at least 2"), "{}", fewer.message);
    let completed = f
        .confab
        .list_interviews(f.study_id, InterviewList::Completed)
        .await
        .unwrap();
    let mut rounds: Vec<i32> = completed.iter().map(|i| i.round).collect();
    rounds.sort_unstable();
    assert_eq!(rounds, [1, 2], "each interview keeps its own record");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_no_show_is_booked_again_for_the_same_interview_and_a_single_interview_study_says_nothing_of_rounds()
 {
    let f = Fixture::new(1, true).await;
    two_interviews_each(&f).await;
    let bea = f.participant("Bea").await;
    let first = f
        .confab
        .book_manually(f.study_id, bea, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    f.confab.mark_no_show(first.id, &me()).await.unwrap();
    let again = f
        .confab
        .book_manually(f.study_id, bea, f.session_id, f.slot(1), &[], &me())
        .await
        .unwrap();
    assert_eq!(
        (again.round, again.rounds),
        (1, 2),
        "a missed interview is still to hold"
    );

    let g = Fixture::new(1, true).await;
    let cem = g.participant("Cem").await;
    let only = g
        .confab
        .book_manually(g.study_id, cem, g.session_id, g.slot(0), &[], &me())
        .await
        .unwrap();
    assert_eq!((only.round, only.rounds), (1, 1));
    g.confab.mark_completed(only.id, &me()).await.unwrap();
    let refused = g
        .confab
        .book_manually(g.study_id, cem, g.session_id, g.slot(1), &[], &me())
        .await
        .unwrap_err();
    assert!(
        refused.message.contains("the one interview"),
        "{}",
        refused.message
    );
}
