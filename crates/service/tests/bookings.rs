//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.
#![allow(clippy::unwrap_used)]

mod support;

use confab_service::{ActorKind, InterviewState};
use confab_service::{ChoiceInput, ChoiceOutcome, ErrorCode, InterviewList};
use support::{Fixture, me};

fn pick(f: &Fixture, session: i64, n: i64) -> ChoiceInput {
    ChoiceInput {
        session_id: session,
        start: f.slot(n),
    }
}

#[tokio::test]
async fn self_scheduling_books_the_first_free_choice_or_waitlists() {
    let f = Fixture::new(1, true).await;
    let (ada, bea, cem) = (
        f.participant("Ada").await,
        f.participant("Bea").await,
        f.participant("Cem").await,
    );
    let s = f.session_id;

    let first = f
        .confab
        .submit_choices(f.study_id, ada, &[pick(&f, s, 0), pick(&f, s, 1)], &me())
        .await
        .unwrap();
    let ChoiceOutcome::Booked { interview, rank } = first else {
        panic!("{first:?}")
    };
    assert_eq!((rank, interview.start), (1, f.slot(0)));
    assert_eq!(f.status(ada).await, "interview_scheduled");

    // Bea wants the same first choice: she gets her second.
    let second = f
        .confab
        .submit_choices(f.study_id, bea, &[pick(&f, s, 0), pick(&f, s, 1)], &me())
        .await
        .unwrap();
    let ChoiceOutcome::Booked { interview, rank } = second else {
        panic!("{second:?}")
    };
    assert_eq!((rank, interview.start), (2, f.slot(1)));

    // Cem's choices are both taken now, but a third time is open: he is not waitlisted,
    // nothing changes, and he is told why.
    let before = f.status(cem).await;
    let third = f
        .confab
        .submit_choices(f.study_id, cem, &[pick(&f, s, 0), pick(&f, s, 1)], &me())
        .await
        .unwrap();
    let ChoiceOutcome::NotFree { reasons } = third else {
        panic!("{third:?}")
    };
    assert_eq!(reasons.len(), 2);
    assert!(reasons[0].contains("taken"), "{reasons:?}");
    assert_eq!(f.status(cem).await, before);

    let open: Vec<_> = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.start)
        .collect();
    assert_eq!(open, vec![f.slot(2)]);

    // Once the last time goes too, the same choices put him on the waitlist.
    let dov = f.participant("Dov").await;
    f.confab
        .submit_choices(f.study_id, dov, &[pick(&f, s, 2)], &me())
        .await
        .unwrap();
    let fourth = f
        .confab
        .submit_choices(f.study_id, cem, &[pick(&f, s, 0), pick(&f, s, 1)], &me())
        .await
        .unwrap();
    assert_eq!(fourth, ChoiceOutcome::Waitlisted);
    assert_eq!(f.status(cem).await, "waitlisted");
}

#[tokio::test]
async fn with_self_scheduling_off_choices_are_held_until_the_researcher_assigns_one() {
    let f = Fixture::new(1, false).await;
    let ada = f.participant("Ada").await;
    let s = f.session_id;
    let outcome = f
        .confab
        .submit_choices(f.study_id, ada, &[pick(&f, s, 0), pick(&f, s, 2)], &me())
        .await
        .unwrap();
    assert_eq!(outcome, ChoiceOutcome::Pending);
    assert_eq!(f.status(ada).await, "pending");
    // Held choices take their places, so nobody else is offered them.
    let open: Vec<_> = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.start)
        .collect();
    assert_eq!(open, vec![f.slot(1)]);

    let booked = f
        .confab
        .assign_choice(f.study_id, ada, 2, &me())
        .await
        .unwrap();
    assert_eq!(booked.start, f.slot(2));
    assert_eq!(f.status(ada).await, "interview_scheduled");
    // The other hold is released.
    let open: Vec<_> = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.start)
        .collect();
    assert_eq!(open, vec![f.slot(0), f.slot(1)]);
}

#[tokio::test]
async fn booking_by_hand_past_a_rule_needs_the_rule_accepted_and_records_it() {
    let f = Fixture::new(1, true).await;
    let ada = f.participant("Ada").await;
    // Half past nine is not one of the session's start times.
    let odd = f.slot(0) + chrono::Duration::minutes(30);
    let breaks = f
        .confab
        .check_booking(f.study_id, f.session_id, odd, None)
        .await
        .unwrap();
    let rules: Vec<&str> = breaks.iter().map(|b| b.rule.key()).collect();
    assert_eq!(rules, ["not_a_slot_start"]);

    let err = f
        .confab
        .book_manually(f.study_id, ada, f.session_id, odd, &[], &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("breaks the study's rules"),
        "{}",
        err.message
    );
    assert_eq!(f.status(ada).await, "added");

    let booked = f
        .confab
        .book_manually(
            f.study_id,
            ada,
            f.session_id,
            odd,
            &[confab_service::RuleBreak::NotASlotStart],
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(
        booked.rule_overrides,
        [confab_service::RuleBreak::NotASlotStart]
    );
    let history = f
        .confab
        .participant_history(ada, Some(f.study_id))
        .await
        .unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.reason.contains("booked by hand past: not_a_slot_start")),
        "{history:?}"
    );

    // Moved to a proper start, the interview breaks nothing any more; moved to another odd
    // time, the rule accepted for that move is what it records.
    let proper = f
        .confab
        .reschedule_interview(booked.id, f.session_id, f.slot(1), &[], &me())
        .await
        .unwrap();
    assert!(proper.rule_overrides.is_empty());
    let odd_again = f
        .confab
        .reschedule_interview(
            booked.id,
            f.session_id,
            f.slot(1) + chrono::Duration::minutes(15),
            &[confab_service::RuleBreak::NotASlotStart],
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(
        odd_again.rule_overrides,
        [confab_service::RuleBreak::NotASlotStart]
    );
}

#[tokio::test]
async fn a_full_slot_is_never_booked_even_by_hand() {
    let f = Fixture::new(1, true).await;
    let (ada, bea) = (f.participant("Ada").await, f.participant("Bea").await);
    f.confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let breaks = f
        .confab
        .check_booking(f.study_id, f.session_id, f.slot(0), None)
        .await
        .unwrap();
    assert!(
        breaks
            .iter()
            .any(|b| b.rule == confab_service::RuleBreak::Full)
    );
    let everything: Vec<confab_service::RuleBreak> = breaks.iter().map(|b| b.rule).collect();
    let err = f
        .confab
        .book_manually(f.study_id, bea, f.session_id, f.slot(0), &everything, &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(
        f.confab
            .list_interviews(f.study_id, InterviewList::Upcoming)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn cancel_frees_the_place_and_offers_it_to_the_waitlist() {
    let f = Fixture::new(1, true).await;
    let (ada, bea) = (f.participant("Ada").await, f.participant("Bea").await);
    let s = f.session_id;
    let ChoiceOutcome::Booked { interview, .. } = f
        .confab
        .submit_choices(f.study_id, ada, &[pick(&f, s, 0)], &me())
        .await
        .unwrap()
    else {
        panic!()
    };
    // Fill the other two slots, then Bea can only be waitlisted.
    for (name, n) in [("Cleo", 1), ("Dan", 2)] {
        let p = f.participant(name).await;
        f.confab
            .submit_choices(f.study_id, p, &[pick(&f, s, n)], &me())
            .await
            .unwrap();
    }
    assert_eq!(
        f.confab
            .submit_choices(f.study_id, bea, &[pick(&f, s, 0)], &me())
            .await
            .unwrap(),
        ChoiceOutcome::Waitlisted
    );

    let outcome = f
        .confab
        .cancel_interview(interview.id, "participant is ill", &me())
        .await
        .unwrap();
    assert_eq!(outcome.offered_to, Some(bea));
    assert_eq!(outcome.interview.state, InterviewState::Canceled);
    assert_eq!(outcome.interview.sequence, 1);
    assert_eq!(f.status(ada).await, "canceled_interview");
    let canceled = f
        .confab
        .list_interviews(f.study_id, InterviewList::Canceled)
        .await
        .unwrap();
    assert_eq!(canceled[0].cancel_reason, "participant is ill");
    // Cancelling twice is refused.
    assert_eq!(
        f.confab
            .cancel_interview(interview.id, "", &me())
            .await
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    let open: Vec<_> = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.start)
        .collect();
    assert_eq!(open, vec![f.slot(0)]);
}

#[tokio::test]
async fn reschedule_keeps_the_interview_and_raises_its_sequence() {
    let f = Fixture::new(1, true).await;
    let ada = f.participant("Ada").await;
    let booked = f
        .confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let moved = f
        .confab
        .reschedule_interview(booked.id, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    assert_eq!(moved.id, booked.id);
    assert_eq!(moved.calendar_uid, booked.calendar_uid);
    assert_eq!(moved.sequence, booked.sequence + 1);
    assert_eq!(moved.start, f.slot(2));
    assert_eq!(f.status(ada).await, "interview_scheduled");
    let open: Vec<_> = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.start)
        .collect();
    assert_eq!(open, vec![f.slot(0), f.slot(1)]);
}

#[tokio::test]
async fn no_show_and_the_interview_views() {
    let f = Fixture::new(2, true).await;
    let (ada, bea) = (f.participant("Ada").await, f.participant("Bea").await);
    let a = f
        .confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    f.confab
        .book_manually(f.study_id, bea, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    f.confab.mark_no_show(a.id, &me()).await.unwrap();
    assert_eq!(f.status(ada).await, "no_show");
    let upcoming = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    let no_show = f
        .confab
        .list_interviews(f.study_id, InterviewList::NoShow)
        .await
        .unwrap();
    assert_eq!(
        upcoming
            .iter()
            .map(|i| i.participant_name.as_str())
            .collect::<Vec<_>>(),
        ["Bea"]
    );
    assert_eq!(
        no_show
            .iter()
            .map(|i| i.participant_name.as_str())
            .collect::<Vec<_>>(),
        ["Ada"]
    );
    assert_eq!(
        f.confab.mark_no_show(a.id, &me()).await.unwrap_err().code,
        ErrorCode::Conflict
    );
}

#[tokio::test]
async fn a_status_set_by_hand_is_kept_in_the_history_with_its_reason() {
    let f = Fixture::new(1, true).await;
    let ada = f.participant("Ada").await;
    f.confab
        .set_status(f.study_id, ada, "Declined", "said no on the phone", &me())
        .await
        .unwrap();
    assert_eq!(f.status(ada).await, "declined");
    let history = f
        .confab
        .participant_history(ada, Some(f.study_id))
        .await
        .unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.from.as_str(), last.to.as_str(), last.reason.as_str()),
        ("Added", "Declined", "said no on the phone")
    );
    assert_eq!(last.actor_kind, ActorKind::Researcher);
    let err = f
        .confab
        .set_status(f.study_id, ada, "maybe", "", &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
}

#[tokio::test]
async fn an_invitation_needs_an_enrolment_a_ready_status_and_room() {
    let f = Fixture::new(1, true).await;
    let ada = f.participant("Ada").await;
    let ready = f
        .confab
        .invitation_readiness(f.study_id, ada)
        .await
        .unwrap();
    assert!(ready.ready, "{ready:?}");

    f.confab
        .set_status(f.study_id, ada, "completed", "", &me())
        .await
        .unwrap();
    f.confab
        .set_session_visible(f.session_id, false, &me())
        .await
        .unwrap();
    let not = f
        .confab
        .invitation_readiness(f.study_id, ada)
        .await
        .unwrap();
    assert!(!not.ready);
    assert_eq!(not.missing.len(), 2, "{not:?}");
    assert!(not.missing[0].contains("had every interview this study holds"));
    assert!(not.missing[1].contains("Add a visible session"));
}

#[tokio::test]
async fn an_interview_whose_end_has_passed_completes_by_itself() {
    let f = Fixture::new(1, true).await;
    let ada = f.participant("Ada").await;
    // On the hour, so that the session's first slot starts exactly there.
    let hour = chrono::Utc::now().timestamp() / 3600 * 3600;
    let yesterday = chrono::DateTime::from_timestamp(hour - 86_400, 0).unwrap();
    let local = |h: i64| (yesterday + chrono::Duration::hours(h)).to_rfc3339();
    let past = f
        .confab
        .create_session(
            confab_service::NewSession {
                study_id: f.study_id,
                title: "Yesterday".into(),
                pattern: confab_service::SessionPattern::Window {
                    start: local(0),
                    end: local(3),
                },
                capacity: 1,
                visible: true,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    let start = f.confab.study_instant(f.study_id, &local(0)).await.unwrap();
    let breaks = f
        .confab
        .check_booking(f.study_id, past.id, start, None)
        .await
        .unwrap();
    let rules: Vec<confab_service::RuleBreak> = breaks.iter().map(|b| b.rule).collect();
    assert_eq!(rules, [confab_service::RuleBreak::InThePast]);
    f.confab
        .book_manually(f.study_id, ada, past.id, start, &rules, &me())
        .await
        .unwrap();

    let completed = f
        .confab
        .list_interviews(f.study_id, InterviewList::Completed)
        .await
        .unwrap();
    assert_eq!(completed.len(), 1);
    assert!(
        f.confab
            .list_interviews(f.study_id, InterviewList::Upcoming)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(f.status(ada).await, "completed");
    let history = f
        .confab
        .participant_history(ada, Some(f.study_id))
        .await
        .unwrap();
    assert!(
        history.iter().any(|h| h.actor_kind == ActorKind::System
            && h.action == "status"
            && h.to == "Completed"),
        "{history:?}"
    );
}

#[tokio::test]
async fn weekly_hours_can_be_closed_or_changed_on_one_date_and_hidden() {
    let f = Fixture::new(1, true).await;
    let tz: chrono_tz::Tz = "America/New_York".parse().unwrap();
    let day = f.slot(0).with_timezone(&tz).date_naive();
    let weekly = f
        .confab
        .create_session(
            confab_service::NewSession {
                study_id: f.study_id,
                title: "Weekly".into(),
                pattern: confab_service::SessionPattern::Weekly {
                    weekday: u8::try_from(chrono::Datelike::weekday(&day).number_from_monday())
                        .unwrap(),
                    start_time: "14:00".into(),
                    end_time: "16:00".into(),
                    valid_from: day.to_string(),
                    valid_until: Some(day.to_string()),
                },
                capacity: 1,
                visible: true,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    let weekly_slots = |confab: confab_service::Confab| async move {
        confab
            .open_slots(f.study_id, None, None, None)
            .await
            .unwrap()
            .into_iter()
            .filter(|s| s.session_id == weekly.id)
            .map(|s| s.local_start[11..].to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(weekly_slots(f.confab.clone()).await, ["14:00", "15:00"]);

    let on = |start: Option<&str>, end: Option<&str>| confab_service::SessionExceptionView {
        date: day.to_string(),
        start_time: start.map(Into::into),
        end_time: end.map(Into::into),
    };
    f.confab
        .set_session_exception(weekly.id, on(Some("15:00"), Some("16:00")), &me())
        .await
        .unwrap();
    assert_eq!(weekly_slots(f.confab.clone()).await, ["15:00"]);
    f.confab
        .set_session_exception(weekly.id, on(None, None), &me())
        .await
        .unwrap();
    assert!(weekly_slots(f.confab.clone()).await.is_empty());

    let err = f
        .confab
        .set_session_exception(weekly.id, on(Some("16:00"), Some("15:00")), &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    // A one-off window has no weekly dates to except.
    let err = f
        .confab
        .set_session_exception(f.session_id, on(None, None), &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);

    f.confab
        .set_session_visible(f.session_id, false, &me())
        .await
        .unwrap();
    assert!(
        f.confab
            .open_slots(f.study_id, None, None, None)
            .await
            .unwrap()
            .is_empty()
    );
}

/// A session of another study (a wrong number on the command line, a window left open on
/// another study) books nothing: the check names the rule, and accepting it does not get past
/// it, since a booking needs a session of the study.
#[tokio::test]
async fn a_session_of_another_study_is_never_booked() {
    let f = Fixture::new(1, true).await;
    let other_study = f
        .confab
        .create_study(confab_service::NewStudy {
            name: "Onboarding".into(),
            description: String::new(),
            time_zone: "America/New_York".into(),
            interview_minutes: 60,
        })
        .await
        .unwrap()
        .id;
    let start = f.slot(0);
    let local = |at: chrono::DateTime<chrono::Utc>| {
        at.with_timezone(&chrono_tz::America::New_York)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let other_session = f
        .confab
        .create_session(
            confab_service::NewSession {
                study_id: other_study,
                title: String::new(),
                pattern: confab_service::SessionPattern::Window {
                    start: local(start),
                    end: local(f.slot(3)),
                },
                capacity: 1,
                visible: true,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap()
        .id;
    let ada = f.participant("ada").await;
    let breaks = f
        .confab
        .check_booking(f.study_id, other_session, start, None)
        .await
        .unwrap();
    let rules: Vec<confab_service::RuleBreak> = breaks.iter().map(|b| b.rule).collect();
    assert_eq!(rules, [confab_service::RuleBreak::UnknownSession]);
    let refused = f
        .confab
        .book_manually(f.study_id, ada, other_session, start, &[], &me())
        .await
        .unwrap_err();
    assert!(
        refused.message.contains("not part of this study"),
        "{}",
        refused.message
    );
    let still = f
        .confab
        .book_manually(
            f.study_id,
            ada,
            other_session,
            start,
            &[confab_service::RuleBreak::UnknownSession],
            &me(),
        )
        .await
        .unwrap_err();
    assert_eq!(still.code, ErrorCode::NotFound, "{}", still.message);
    for study in [f.study_id, other_study] {
        let booked = f
            .confab
            .list_interviews(study, InterviewList::Upcoming)
            .await
            .unwrap();
        assert!(booked.is_empty(), "{booked:?}");
    }
    assert_eq!(f.status(ada).await, "added");
}

#[tokio::test]
async fn no_choice_or_three_are_refused_and_change_nothing() {
    let f = Fixture::new(1, true).await;
    let ada = f.participant("Ada").await;
    let s = f.session_id;
    let before = f.status(ada).await;
    for picks in [
        Vec::new(),
        vec![pick(&f, s, 0), pick(&f, s, 1), pick(&f, s, 2)],
    ] {
        let err = f
            .confab
            .submit_choices(f.study_id, ada, &picks, &me())
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
        assert!(err.message.contains("at most a second"), "{}", err.message);
    }
    assert_eq!(f.status(ada).await, before);
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert!(booked.is_empty(), "{booked:?}");
}
