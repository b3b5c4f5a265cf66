//! Interview days end to end on a real database: generate, swap, export, publish, republish.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

#![allow(clippy::unwrap_used)]

mod support;

use confab_service::OutboxKind;
use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;
use chrono_tz::Tz;
use confab_service::{
    DayPair, DayScheduleView, DaySettings, DaySlot, ErrorCode, MailProfile, NewSession,
    OutboxFilter, SessionPattern,
};
use sea_orm::ConnectionTrait;
use support::{Fixture, me};

struct Day {
    f: Fixture,
    session_id: i64,
    applicants: Vec<i64>,
}

fn profile() -> MailProfile {
    MailProfile {
        researcher_name: "Dr Sam Rivera".into(),
        researcher_email: "sam@example.org".into(),
        time_zone: "America/New_York".into(),
        account: None,
        sync_automatically: false,
    }
}

fn settings(rounds: u32) -> DaySettings {
    DaySettings {
        rounds,
        round_minutes: 30,
        passing_minutes: 10,
        start: None,
        fixed_blocks: Vec::new(),
        conflicts: Vec::new(),
        must_meet: Vec::new(),
    }
}

/// A day session tomorrow 09:00–17:00 in New York with six booked applicants and three
/// interviewers.
async fn day() -> Day {
    let f = Fixture::new(1, false).await;
    let tz: Tz = "America/New_York".parse().unwrap();
    let local = |h: i64| {
        (f.first + Duration::hours(h))
            .with_timezone(&tz)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let session = f
        .confab
        .create_session(
            NewSession {
                study_id: f.study_id,
                title: "Interview day".into(),
                pattern: SessionPattern::Day {
                    start: local(0),
                    end: local(8),
                },
                capacity: 6,
                visible: true,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    for name in ["Iris", "Jon", "Kim"] {
        f.confab
            .add_interviewer(
                f.study_id,
                &format!("Dr {name}"),
                &format!("{}@uni.example.org", name.to_lowercase()),
                &me(),
            )
            .await
            .unwrap();
    }
    let mut applicants = Vec::new();
    for name in ["Ada", "Bea", "Cal", "Dee", "Eve", "Fay"] {
        let id = f.participant(name).await;
        f.confab
            .book_manually(f.study_id, id, session.id, f.first, &[], &me())
            .await
            .unwrap();
        applicants.push(id);
    }
    Day {
        f,
        session_id: session.id,
        applicants,
    }
}

/// Interviewer per applicant per round (None for a break).
fn grid(view: &DayScheduleView) -> BTreeMap<i64, Vec<Option<i64>>> {
    view.itineraries
        .iter()
        .map(|it| {
            (
                it.applicant_id,
                it.seats.iter().map(|s| s.interviewer_id).collect(),
            )
        })
        .collect()
}

fn nobody_meets_anyone_twice(view: &DayScheduleView) -> bool {
    grid(view).values().all(|seats| {
        let met: Vec<i64> = seats.iter().flatten().copied().collect();
        met.len() == met.iter().collect::<BTreeSet<_>>().len()
    })
}

/// Participant, calendar method and calendar event of each queued message of `kind`: the
/// outbox view leaves the event out.
async fn events(d: &Day, kind: &str) -> Vec<(i64, String, serde_json::Value)> {
    let db = d.f.database().await;
    let rows = db
        .query_all_raw(confab_store::statement(
            &db,
            "SELECT participant_id, calendar_method, calendar_event FROM outbox WHERE kind = ? ORDER BY id",
            [kind.into()],
        ))
        .await
        .unwrap();
    let out = rows
        .iter()
        .map(|r| {
            let event: Option<String> = r.try_get("", "calendar_event").unwrap();
            (
                // Timetables go to interviewers, who are not participants.
                r.try_get::<Option<i64>>("", "participant_id")
                    .unwrap()
                    .unwrap_or(0),
                r.try_get::<Option<String>>("", "calendar_method")
                    .unwrap()
                    .unwrap_or_default(),
                event.map_or(serde_json::Value::Null, |e| {
                    serde_json::from_str(&e).unwrap()
                }),
            )
        })
        .collect();
    db.close().await.unwrap();
    out
}

#[tokio::test]
async fn generating_a_day_gives_everyone_different_interviewers_and_saves_it_unpublished() {
    let d = day().await;
    let view =
        d.f.confab
            .generate_day_schedule(d.session_id, settings(3))
            .await
            .unwrap();
    assert_eq!(view.rounds.len(), 3);
    assert_eq!(view.itineraries.len(), 6);
    assert_eq!(view.timetables.len(), 3);
    assert!(nobody_meets_anyone_twice(&view));
    assert!(view.conflicts.is_empty());
    // Three interviewers, six applicants: every round, three of them wait.
    for round in 0..3 {
        let busy = grid(&view).values().filter(|s| s[round].is_some()).count();
        assert_eq!(busy, 3);
    }
    assert!(view.published_at.is_none());
    assert!(view.unpublished_changes);
    assert_eq!(d.f.confab.day_schedule(d.session_id).await.unwrap(), view);
    // Nothing goes out before the researcher publishes.
    d.f.confab.update_mail_profile(profile()).await.unwrap();
    let queued = d.f.confab.list_outbox(OutboxFilter::All).await.unwrap();
    assert!(queued.iter().all(|m| m.kind != OutboxKind::Itinerary));
}

#[tokio::test]
async fn a_day_schedule_is_only_for_day_sessions() {
    let d = day().await;
    let err =
        d.f.confab
            .generate_day_schedule(d.f.session_id, settings(3))
            .await
            .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = d.f.confab.day_schedule(d.session_id).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn a_swap_that_double_books_an_interviewer_is_saved_with_its_conflict() {
    let d = day().await;
    let view =
        d.f.confab
            .generate_day_schedule(d.session_id, settings(3))
            .await
            .unwrap();
    let g = grid(&view);
    // A meets X in round r; in round s X sees someone else while B waits: moving A's
    // meeting onto B's break puts B with X in round s, where X is already busy.
    let mut found = None;
    'search: for (&a, seats) in &g {
        for (r, seat) in seats.iter().enumerate() {
            let Some(x) = seat else { continue };
            for s in 0..3 {
                let x_busy = g.iter().any(|(&c, cs)| c != a && cs[s] == Some(*x));
                if s == r || !x_busy {
                    continue;
                }
                if let Some((&b, _)) = g.iter().find(|(b, bs)| **b != a && bs[s].is_none()) {
                    found = Some((a, r as u32 + 1, b, s as u32 + 1));
                    break 'search;
                }
            }
        }
    }
    let (a, ra, b, rb) = found.unwrap();
    let slot = |applicant_id, round| DaySlot {
        applicant_id,
        round,
    };
    let report =
        d.f.confab
            .swap_day_assignments(d.session_id, slot(a, ra), slot(b, rb))
            .await
            .unwrap();
    assert!(!report.conflicts.is_empty(), "{report:?}");
    assert_eq!(
        d.f.confab
            .day_schedule(d.session_id)
            .await
            .unwrap()
            .conflicts,
        report.conflicts
    );
    d.f.confab.update_mail_profile(profile()).await.unwrap();
    let refused =
        d.f.confab
            .publish_day_schedule(d.session_id)
            .await
            .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Conflict);
    // Swapping back mends it.
    let report =
        d.f.confab
            .swap_day_assignments(d.session_id, slot(a, ra), slot(b, rb))
            .await
            .unwrap();
    assert!(report.conflicts.is_empty());
    assert_eq!(grid(&report.schedule), g);
}

#[tokio::test]
async fn publishing_queues_one_itinerary_per_applicant_and_republishing_updates_the_same_events() {
    let d = day().await;
    d.f.confab.update_mail_profile(profile()).await.unwrap();
    let view =
        d.f.confab
            .generate_day_schedule(d.session_id, settings(3))
            .await
            .unwrap();
    let report = d.f.confab.publish_day_schedule(d.session_id).await.unwrap();
    assert_eq!(
        (report.itineraries, report.timetables, report.sequence),
        (6, 3, 0)
    );

    let first = events(&d, "itinerary").await;
    assert_eq!(first.len(), 6);
    let people: BTreeSet<i64> = first.iter().map(|(p, _, _)| *p).collect();
    assert_eq!(people, d.applicants.iter().copied().collect());
    assert!(
        first
            .iter()
            .all(|(_, method, e)| method == "REQUEST" && e["sequence"] == 0)
    );
    let uids: BTreeMap<i64, String> = first
        .iter()
        .map(|(p, _, e)| (*p, e["uid"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(uids.values().collect::<BTreeSet<_>>().len(), 6);
    assert_eq!(events(&d, "timetable").await.len(), 3);
    let outbox = d.f.confab.list_outbox(OutboxFilter::All).await.unwrap();
    let ada = outbox
        .iter()
        .find(|m| m.kind == OutboxKind::Itinerary && m.participant_id == Some(d.applicants[0]))
        .unwrap();
    assert!(ada.text.contains("Round 1:"), "{}", ada.text);
    let published = d.f.confab.day_schedule(d.session_id).await.unwrap();
    assert!(published.published_at.is_some() && !published.unpublished_changes);

    // A conflict-free change: A's meeting with X in round r goes to B, who waits then and
    // has not met X.
    let g = grid(&view);
    let (a, b, r) = g
        .iter()
        .flat_map(|(&a, seats)| {
            let g = &g;
            seats.iter().enumerate().filter_map(move |(r, seat)| {
                let x = (*seat)?;
                g.iter()
                    .find(|(b, bs)| **b != a && bs[r].is_none() && !bs.contains(&Some(x)))
                    .map(|(&b, _)| (a, b, r as u32 + 1))
            })
        })
        .next()
        .unwrap();
    let slot = |applicant_id| DaySlot {
        applicant_id,
        round: r,
    };
    let swapped =
        d.f.confab
            .swap_day_assignments(d.session_id, slot(a), slot(b))
            .await
            .unwrap();
    assert!(swapped.conflicts.is_empty(), "{:?}", swapped.conflicts);
    assert!(swapped.schedule.unpublished_changes);
    let again = d.f.confab.publish_day_schedule(d.session_id).await.unwrap();
    assert_eq!(again.sequence, 1);
    // Nothing of the first publication had been sent: it is replaced, never sent as well.
    assert_eq!(again.withdrawn, 6 + 3);

    let all = events(&d, "itinerary").await;
    assert_eq!(all.len(), 6);
    assert_eq!(events(&d, "timetable").await.len(), 3);
    for (p, method, e) in &all {
        assert_eq!(method, "REQUEST");
        assert_eq!(e["uid"].as_str().unwrap(), uids[p]);
        assert_eq!(e["sequence"], 1);
    }
}

#[tokio::test]
async fn the_csv_has_one_row_per_applicant_per_round() {
    let d = day().await;
    d.f.confab
        .generate_day_schedule(d.session_id, settings(4))
        .await
        .unwrap();
    let csv =
        d.f.confab
            .export_day_schedule_csv(d.session_id)
            .await
            .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("applicant_id,applicant,"));
    assert_eq!(lines.len(), 1 + 6 * 4);
    for id in &d.applicants {
        let rows = lines[1..]
            .iter()
            .filter(|l| l.starts_with(&format!("{id},")))
            .count();
        assert_eq!(rows, 4);
    }
}

/// Marks every queued message as sent, as a Sync would.
async fn pretend_sync_sent_everything(d: &Day) {
    let db = d.f.database().await;
    db.execute_raw(confab_store::statement(
        &db,
        "UPDATE outbox SET state = 'sent', sent_at = 1, raw = ? WHERE state = 'queued'",
        [vec![0u8].into()],
    ))
    .await
    .unwrap();
}

#[tokio::test]
async fn a_cancellation_leaves_open_rounds_a_newcomer_fills_them_and_republishing_cancels_the_old_event()
 {
    let d = day().await;
    let first =
        d.f.confab
            .generate_day_schedule(d.session_id, settings(3))
            .await
            .unwrap();
    d.f.confab.update_mail_profile(profile()).await.unwrap();
    d.f.confab.publish_day_schedule(d.session_id).await.unwrap();
    pretend_sync_sent_everything(&d).await;
    let uids = events(&d, "itinerary").await;

    // Bea cancels; her rounds open up and everyone else keeps theirs.
    let bea = d.applicants[1];
    let interviews =
        d.f.confab
            .list_interviews(d.f.study_id, confab_service::InterviewList::Upcoming)
            .await
            .unwrap();
    let beas = interviews.iter().find(|i| i.participant_id == bea).unwrap();
    d.f.confab
        .cancel_interview(beas.id, "ill", &me())
        .await
        .unwrap();
    let gap = d.f.confab.day_schedule(d.session_id).await.unwrap();
    assert!(gap.unpublished_changes);
    assert!(
        gap.roster_changes
            .iter()
            .any(|c| c.starts_with("Bea ") && c.contains("cancellation")),
        "{:?}",
        gap.roster_changes
    );
    let mut kept = grid(&first);
    let beas_rounds = kept.remove(&bea).unwrap();
    assert_eq!(grid(&gap), kept);

    // Gus is booked into the day from the waitlist and placed into Bea's rounds.
    let gus = d.f.participant("Gus").await;
    d.f.confab
        .book_manually(d.f.study_id, gus, d.session_id, d.f.first, &[], &me())
        .await
        .unwrap();
    let joined = d.f.confab.day_schedule(d.session_id).await.unwrap();
    assert!(
        joined.roster_changes.iter().any(|c| c.starts_with("Gus ")),
        "{:?}",
        joined.roster_changes
    );
    let mut placed = None;
    for (r, seat) in beas_rounds.iter().enumerate() {
        let report =
            d.f.confab
                .place_day_applicant(
                    d.session_id,
                    DaySlot {
                        applicant_id: gus,
                        round: r as u32 + 1,
                    },
                    *seat,
                )
                .await
                .unwrap();
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
        assert!(
            report
                .schedule
                .roster_changes
                .iter()
                .any(|c| c.starts_with("Bea ")),
            "Bea's leaving is news until the next publication: {:?}",
            report.schedule.roster_changes
        );
        placed = Some(report.schedule);
    }
    assert_eq!(grid(&placed.unwrap())[&gus], beas_rounds);

    let again = d.f.confab.publish_day_schedule(d.session_id).await.unwrap();
    assert_eq!(
        (again.withdrawn, again.canceled, again.itineraries),
        (0, 1, 6)
    );
    let all = events(&d, "itinerary").await;
    let (_, method, cancel) = all
        .iter()
        .find(|(p, m, _)| *p == bea && m == "CANCEL")
        .expect("Bea's day event is canceled");
    assert_eq!(method, "CANCEL");
    let beas_uid = &uids.iter().find(|(p, _, _)| *p == bea).unwrap().2["uid"];
    assert_eq!(&cancel["uid"], beas_uid);
    assert_eq!(cancel["sequence"], 1);
    // Gus gets an event of his own; nobody else gets a second one.
    let requests: Vec<i64> = all[uids.len()..]
        .iter()
        .filter(|(_, m, _)| m == "REQUEST")
        .map(|(p, _, _)| *p)
        .collect();
    assert_eq!(requests.len(), 6);
    assert!(requests.contains(&gus) && !requests.contains(&bea));

    // Publishing once more before a Sync replaces the unsent updates, never the cancellation.
    let gus_round_1 = DaySlot {
        applicant_id: gus,
        round: 1,
    };
    d.f.confab
        .place_day_applicant(d.session_id, gus_round_1, None)
        .await
        .unwrap();
    let third = d.f.confab.publish_day_schedule(d.session_id).await.unwrap();
    assert_eq!((third.withdrawn, third.canceled), (6 + 3, 0));
    let cancels: Vec<i64> = events(&d, "itinerary")
        .await
        .into_iter()
        .filter(|(_, m, _)| m == "CANCEL")
        .map(|(p, _, _)| p)
        .collect();
    assert_eq!(cancels, vec![bea]);
}

#[tokio::test]
async fn conflicts_of_interest_given_with_the_settings_are_kept_and_respected() {
    let d = day().await;
    let interviewers = d.f.confab.list_interviewers(d.f.study_id).await.unwrap();
    let (ada, iris) = (d.applicants[0], interviewers[0].id);
    let mut with_conflict = settings(3);
    with_conflict.conflicts = vec![DayPair {
        applicant_id: ada,
        interviewer_id: iris,
    }];
    let view =
        d.f.confab
            .generate_day_schedule(d.session_id, with_conflict.clone())
            .await
            .unwrap();
    assert!(!grid(&view)[&ada].contains(&Some(iris)));
    assert_eq!(view.settings.conflicts, with_conflict.conflicts);
    let shown = d.f.confab.day_schedule(d.session_id).await.unwrap();
    assert_eq!(shown.settings.conflicts, with_conflict.conflicts);
}
