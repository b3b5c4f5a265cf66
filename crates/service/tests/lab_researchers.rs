#![allow(clippy::unwrap_used)]

//! Two researchers of a lab on one team database, each on their own desktop, signed in to the
//! database as themselves and sending through their own mailbox: each one's Sync sends only
//! what their desktop queued, reads only their own inbox, and the history says who acted. The
//! participants act as people do: each answers the invitation they got, from their own
//! mailbox, and both researchers Sync at the same moment.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::{
    Confab, ErrorCode, InterviewList, MailProfile, ParticipantUpdate, StudyCalendarView,
};
use confab_store::ConnectionTrait;
use confab_store::test_server::{admin_url, fresh_database};
use sea_orm::Statement;
use support::mail::{
    click, delivered_to, header_address, inbox_with, mailto_link, reply_from_link,
    researcher_profile, send_as, sync, text_body,
};
use support::me;

/// A lab on the server: a role that owns a new database, and two researchers who are members
/// of it and sign in with their own passwords. Says the database's URL for each of them.
async fn lab_database() -> (String, String, String, String) {
    let admin = admin_url();
    let url = fresh_database(&admin).await;
    let name = url.rsplit_once('/').unwrap().1.to_owned();
    let suffix = name.trim_start_matches("confab_test_");
    let (lab, first, second) = (
        format!("lab_{suffix}"),
        format!("ines_{suffix}"),
        format!("omar_{suffix}"),
    );
    let db = sea_orm::Database::connect(admin.clone()).await.unwrap();
    for sql in [
        format!("CREATE ROLE {lab} NOLOGIN"),
        format!("CREATE ROLE {first} LOGIN PASSWORD 'ines-pw' IN ROLE {lab}"),
        format!("CREATE ROLE {second} LOGIN PASSWORD 'omar-pw' IN ROLE {lab}"),
        format!("ALTER DATABASE {name} OWNER TO {lab}"),
    ] {
        db.execute_unprepared(&sql).await.unwrap();
    }
    let (_, rest) = admin.split_once('@').unwrap();
    let (server, _) = rest.rsplit_once('/').unwrap();
    (
        format!("postgres://{first}:ines-pw@{server}/{name}"),
        format!("postgres://{second}:omar-pw@{server}/{name}"),
        first,
        second,
    )
}

/// The second researcher's profile: the mailbox `carol` on the stack.
fn omar_profile(stack: &MailStack) -> MailProfile {
    let mut profile = researcher_profile(stack);
    let tls = stack.tls_account("carol");
    profile.researcher_name = "Omar Haddad".into();
    profile.researcher_email = stack.address("carol");
    if let Some(account) = profile.account.as_mut() {
        account.username = tls.username.clone();
    }
    profile
}

async fn participant(
    confab: &Confab,
    study: i64,
    stack: &MailStack,
    user: &str,
    name: &str,
) -> i64 {
    confab
        .create_participant(
            confab_service::NewParticipant {
                name: name.into(),
                email: stack.address(user),
                time_zone: Some("Europe/Berlin".into()),
                study_id: Some(study),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap()
        .id
}

/// A lab on a fresh team database: Ines and Omar signed in from their own data folders, each
/// with their own mailbox (`researcher` and `carol`), and the study Ines set up.
struct Lab {
    stack: MailStack,
    ines: Confab,
    omar: Confab,
    ines_user: String,
    omar_user: String,
    f: support::Fixture,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

impl Lab {
    async fn start() -> Self {
        let stack = MailStack::start();
        let (ines_url, omar_url, ines_user, omar_user) = lab_database().await;
        let dirs = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let ines = Confab::open_team(dirs.0.path(), &ines_url).await.unwrap();
        let omar = Confab::open_team(dirs.1.path(), &omar_url).await.unwrap();
        let f = support::Fixture::on(ines.clone()).await;
        ines.update_mail_profile(researcher_profile(&stack))
            .await
            .unwrap();
        omar.update_mail_profile(omar_profile(&stack))
            .await
            .unwrap();
        Self {
            stack,
            ines,
            omar,
            ines_user,
            omar_user,
            f,
            _dirs: dirs,
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_researchers_share_a_study_and_each_sends_and_reads_their_own_mail() {
    let Lab {
        stack,
        ines,
        omar,
        ines_user,
        omar_user,
        f,
        _dirs,
    } = Lab::start().await;
    // Ines set the study up; Omar sees it, as the same study.
    assert_eq!(omar.list_studies().await.unwrap().len(), 1);
    // Each desktop keeps its own researcher's name and account.
    assert_eq!(
        ines.mail_profile().await.unwrap().researcher_email,
        stack.address("researcher")
    );
    assert_eq!(
        omar.mail_profile().await.unwrap().researcher_email,
        stack.address("carol")
    );

    // Ines invites Alice, Omar invites Bob.
    let alice = participant(&ines, f.study_id, &stack, "alice", "Alice Park").await;
    let bob = participant(&omar, f.study_id, &stack, "bob", "Bob Stone").await;
    ines.invite_participants(f.study_id, &[alice], &me())
        .await
        .unwrap();
    omar.invite_participants(f.study_id, &[bob], &me())
        .await
        .unwrap();

    // Ines's Sync sends only her invitation, from her address; Omar's only his.
    assert_eq!(sync(&ines, &stack).await.sent, 1);
    assert_eq!(sync(&omar, &stack).await.sent, 1);
    let to_alice = inbox_with(&stack, "alice", "", 1).await.remove(0);
    let to_bob = inbox_with(&stack, "bob", "", 1).await.remove(0);
    assert_eq!(
        header_address(&to_alice, "From"),
        stack.address("researcher")
    );
    assert_eq!(header_address(&to_bob, "From"), stack.address("carol"));

    // Each answers the invitation they got, choosing its first time.
    let alice_choice = mailto_link(&text_body(&to_alice), 0);
    let bob_choice = mailto_link(&text_body(&to_bob), 1);
    click(&stack, "alice", &alice_choice, "alice-1@test").await;
    click(&stack, "bob", &bob_choice, "bob-1@test").await;
    delivered_to(&stack, "researcher", &alice_choice.subject, 1).await;
    delivered_to(&stack, "carol", &bob_choice.subject, 1).await;

    // Both Sync at the same moment: each reads their own inbox and applies it once.
    let (ines_report, omar_report) = tokio::join!(sync(&ines, &stack), sync(&omar, &stack));
    assert_eq!(ines_report.read, 1, "{ines_report:?}");
    assert_eq!(omar_report.read, 1, "{omar_report:?}");
    let booked = ines
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    let mut who: Vec<i64> = booked.iter().map(|i| i.participant_id).collect();
    who.sort();
    assert_eq!(who, [alice.min(bob), alice.max(bob)]);
    // Each confirmation went out in the same Sync, from the researcher who was written to.
    let confirmed_alice = inbox_with(&stack, "alice", "", 2).await.remove(1);
    let confirmed_bob = inbox_with(&stack, "bob", "", 2).await.remove(1);
    assert_eq!(
        header_address(&confirmed_alice, "From"),
        stack.address("researcher")
    );
    assert_eq!(
        header_address(&confirmed_bob, "From"),
        stack.address("carol")
    );
    // Nothing is left for either to send, and a second Sync sends nothing twice.
    assert_eq!(sync(&ines, &stack).await.sent, 0);
    assert_eq!(sync(&omar, &stack).await.sent, 0);

    // The history says which researcher acted.
    let db = ines.connection();
    let actors: Vec<(String, String)> = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT DISTINCT actor, action FROM audit_log WHERE actor_kind = 'researcher' \
             AND action IN ('participant created', 'enrolled') ORDER BY actor, action",
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.try_get_by_index(0).unwrap(),
                r.try_get_by_index(1).unwrap(),
            )
        })
        .collect();
    assert!(
        actors.iter().any(|(a, _)| a == &ines_user) && actors.iter().any(|(a, _)| a == &omar_user),
        "{actors:?}"
    );
    let owners: Vec<String> = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT DISTINCT owner FROM outbox ORDER BY owner",
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index(0).unwrap())
        .collect();
    let mut expected = vec![ines_user.clone(), omar_user.clone()];
    expected.sort();
    assert_eq!(owners, expected);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reply_that_reaches_both_researchers_is_applied_once() {
    let Lab {
        stack,
        ines,
        omar,
        f,
        _dirs,
        ..
    } = Lab::start().await;
    let alice = participant(&ines, f.study_id, &stack, "alice", "Alice Park").await;
    ines.invite_participants(f.study_id, &[alice], &me())
        .await
        .unwrap();
    assert_eq!(sync(&ines, &stack).await.sent, 1);
    let invitation = inbox_with(&stack, "alice", "", 1).await.remove(0);

    // Alice answers and copies the other researcher in: one message, in both inboxes.
    let choice = mailto_link(&text_body(&invitation), 0);
    let reply = reply_from_link(&stack.address("alice"), &choice, "alice-both@test");
    send_as(&stack, "alice", &stack.address("researcher"), &reply).await;
    send_as(&stack, "alice", &stack.address("carol"), &reply).await;
    delivered_to(&stack, "researcher", &choice.subject, 1).await;
    delivered_to(&stack, "carol", &choice.subject, 1).await;

    // Both Sync at the same moment: the answer books her once, and one confirmation goes out.
    let (first, second) = tokio::join!(sync(&ines, &stack), sync(&omar, &stack));
    assert_eq!(first.applied + second.applied, 1, "{first:?}\n{second:?}");
    let booked = ines
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), 1);
    assert_eq!(booked[0].participant_id, alice);
    let to_alice = inbox_with(&stack, "alice", "", 2).await;
    // Whatever a second Sync of either would still send arrives too, if anything.
    sync(&ines, &stack).await;
    sync(&omar, &stack).await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(
        inbox_with(&stack, "alice", "", 2).await.len(),
        to_alice.len(),
        "a second confirmation reached Alice"
    );
    assert_eq!(to_alice.len(), 2, "the invitation and one confirmation");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edit_that_lost_the_race_to_a_colleague_says_so_and_overwrites_nothing() {
    let Lab {
        stack,
        ines,
        omar,
        omar_user,
        f,
        _dirs,
        ..
    } = Lab::start().await;
    let alice = participant(&ines, f.study_id, &stack, "alice", "Alice Park").await;
    // Both open Alice's details at the same moment.
    let seen_by_ines = ines.get_participant(alice).await.unwrap().participant;
    let seen_by_omar = omar.get_participant(alice).await.unwrap().participant;
    assert_eq!(seen_by_ines.updated_at, seen_by_omar.updated_at);
    // A second passes, so that the saved time tells the two versions apart.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;

    // Omar saves first.
    omar.update_participant(
        alice,
        ParticipantUpdate {
            phone: Some("+49 30 1234567".into()),
            expected_updated_at: Some(seen_by_omar.updated_at),
            ..Default::default()
        },
        &me(),
    )
    .await
    .unwrap();

    // Ines saves what she typed into the form she opened before: refused, naming Omar.
    let lost = ines
        .update_participant(
            alice,
            ParticipantUpdate {
                notes: Some("Prefers mornings".into()),
                expected_updated_at: Some(seen_by_ines.updated_at),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap_err();
    assert_eq!(lost.code, ErrorCode::ChangedMeanwhile, "{}", lost.message);
    assert!(lost.message.contains(&omar_user), "{}", lost.message);
    assert!(lost.message.contains("were not saved"), "{}", lost.message);
    let now = ines.get_participant(alice).await.unwrap().participant;
    assert_eq!(now.phone, "+49 30 1234567");
    assert_eq!(now.notes, "", "nothing of Ines's edit was saved");

    // Made again on what is there now, it is saved, and Omar's change stays.
    ines.update_participant(
        alice,
        ParticipantUpdate {
            notes: Some("Prefers mornings".into()),
            expected_updated_at: Some(now.updated_at),
            ..Default::default()
        },
        &me(),
    )
    .await
    .unwrap();
    let both = omar.get_participant(alice).await.unwrap().participant;
    assert_eq!(
        (both.phone.as_str(), both.notes.as_str()),
        ("+49 30 1234567", "Prefers mornings")
    );
}

/// Each researcher connects their own calendar account (two users of one CalDAV server) and
/// chooses calendars from it: one interviewer's from Ines's account, another's from Omar's.
/// Each one's Sync reads only the calendars chosen from their own account, with their own
/// password; the study's calendar is written by whoever chose it, and when Omar chooses one
/// of his instead, his Sync writes every interview into it and Ines's writes nothing more.
#[tokio::test(flavor = "multi_thread")]
async fn each_researcher_reads_and_writes_the_calendars_of_their_own_account() {
    use confab_mail::test_caldav::Radicale;
    use confab_service::{CalendarAccountInput, SyncOptions, SyncReport};

    let Lab {
        stack,
        ines,
        omar,
        f,
        _dirs,
        ines_user,
        omar_user,
        ..
    } = Lab::start().await;
    let radicale = Radicale::start();
    let account = |user: &str| CalendarAccountInput {
        url: radicale.url().to_owned(),
        username: user.into(),
        password: radicale.password(user).to_owned(),
    };
    let ines_work = radicale.create_calendar("researcher", "work", "Interviews", &["VEVENT"]);
    let ana_cal = radicale.create_calendar("researcher", "ana", "Ana Lind", &["VEVENT"]);
    let omar_work =
        radicale.create_calendar("interviewer", "work", "Omar's interviews", &["VEVENT"]);
    let ben_cal = radicale.create_calendar("interviewer", "ben", "Ben Okafor", &["VEVENT"]);
    ines.connect_calendar_account_without_keyring(&account("researcher"), &Default::default())
        .await
        .unwrap();
    let listed = omar
        .connect_calendar_account_without_keyring(&account("interviewer"), &Default::default())
        .await
        .unwrap();
    assert!(listed.iter().all(|c| c.name != "Ana Lind"), "{listed:?}");
    // Each desktop shows its own account.
    assert_eq!(
        ines.calendar_account().await.unwrap().unwrap().username,
        "researcher"
    );
    assert_eq!(
        omar.calendar_account().await.unwrap().unwrap().username,
        "interviewer"
    );

    let ana = f
        .interviewer_on_session("Ana Lind", "ana@uni.example")
        .await;
    let ben = f
        .interviewer_on_session("Ben Okafor", "ben@uni.example")
        .await;
    ines.set_interviewer_calendar(ana, Some(ana_cal))
        .await
        .unwrap();
    omar.set_interviewer_calendar(ben, Some(ben_cal))
        .await
        .unwrap();
    ines.set_study_calendar(f.study_id, Some(ines_work.clone()))
        .await
        .unwrap();

    let sync = |confab: Confab, user: &'static str| {
        let options = SyncOptions {
            password: Some(stack.password().to_owned()),
            connect: stack.connect_options(),
            calendar_password: Some(radicale.password(user).to_owned()),
        };
        async move { confab.sync(options, |_| {}).await.unwrap() }
    };
    let (ines_report, omar_report): (SyncReport, SyncReport) = tokio::join!(
        sync(ines.clone(), "researcher"),
        sync(omar.clone(), "interviewer")
    );
    assert_eq!(ines_report.calendars_read, 1, "{ines_report:?}");
    assert_eq!(omar_report.calendars_read, 1, "{omar_report:?}");
    assert!(ines_report.warnings.is_empty(), "{ines_report:?}");
    assert!(omar_report.warnings.is_empty(), "{omar_report:?}");
    let read: Vec<bool> = ines
        .list_interviewers(f.study_id)
        .await
        .unwrap()
        .iter()
        .map(|i| i.busy_read_at.is_some())
        .collect();
    assert_eq!(
        read,
        [true, true],
        "both calendars were read, each by its owner"
    );
    // Each one's list says whose account the colleague's calendar came from, and only that.
    let chosen_by = |confab: &Confab| {
        let confab = confab.clone();
        async move {
            confab
                .list_interviewers(f.study_id)
                .await
                .unwrap()
                .into_iter()
                .map(|i| (i.name, i.calendar_chosen_by))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        chosen_by(&ines).await,
        [
            ("Ana Lind".to_owned(), None),
            ("Ben Okafor".to_owned(), Some(omar_user.clone()))
        ]
    );
    assert_eq!(
        chosen_by(&omar).await,
        [
            ("Ana Lind".to_owned(), Some(ines_user.clone())),
            ("Ben Okafor".to_owned(), None)
        ]
    );

    // A booking goes into Ines's calendar by her Sync; Omar's writes nothing.
    let alice = participant(&ines, f.study_id, &stack, "alice", "Alice Park").await;
    ines.book_manually(f.study_id, alice, f.session_id, f.slot(1), &[], &me())
        .await
        .unwrap();
    let omar_report = sync(omar.clone(), "interviewer").await;
    assert_eq!(omar_report.calendar_written, 0, "{omar_report:?}");
    let ines_report = sync(ines.clone(), "researcher").await;
    assert_eq!(ines_report.calendar_written, 1, "{ines_report:?}");
    assert_eq!(radicale.object_files("researcher", &ines_work).len(), 1);

    // Omar chooses a calendar of his own for the study: his Sync writes the interview there,
    // and Ines's writes nothing more.
    omar.set_study_calendar(f.study_id, Some(omar_work.clone()))
        .await
        .unwrap();
    // Each one's settings say whose the study's calendar is now.
    assert_eq!(
        ines.study_calendar(f.study_id).await.unwrap(),
        StudyCalendarView {
            href: Some(omar_work.clone()),
            chosen_by: Some(omar_user.clone()),
        }
    );
    assert_eq!(
        omar.study_calendar(f.study_id).await.unwrap().chosen_by,
        None
    );
    let omar_report = sync(omar.clone(), "interviewer").await;
    assert_eq!(omar_report.calendar_written, 1, "{omar_report:?}");
    assert_eq!(radicale.object_files("interviewer", &omar_work).len(), 1);
    let ines_report = sync(ines.clone(), "researcher").await;
    assert_eq!(
        (ines_report.calendar_written, ines_report.calendar_removed),
        (0, 0),
        "{ines_report:?}"
    );

    // Ines takes a copy of the study to her computer: her own calendar for Ana goes with it,
    // Ben's (Omar's) and the study's (Omar's now) do not.
    let copy = ines.copy_study_to_this_computer(f.study_id).await.unwrap();
    let here = Confab::open(_dirs.0.path()).await.unwrap();
    let copied: Vec<bool> = here
        .list_interviewers(copy.study_id)
        .await
        .unwrap()
        .iter()
        .map(|i| i.calendar_href.is_some())
        .collect();
    assert_eq!(copied, [true, false]);
    assert_eq!(
        here.study_calendar(copy.study_id).await.unwrap(),
        StudyCalendarView {
            href: None,
            chosen_by: None
        }
    );
    here.close().await.unwrap();

    // Ines removing her account forgets Ana's calendar, not Ben's.
    ines.remove_calendar_account().await.unwrap();
    let linked: Vec<bool> = omar
        .list_interviewers(f.study_id)
        .await
        .unwrap()
        .iter()
        .map(|i| i.calendar_href.is_some())
        .collect();
    assert_eq!(linked, [false, true]);
    assert!(omar.calendar_account().await.unwrap().is_some());
}
