#![allow(clippy::unwrap_used)]

//! A researcher books, cancels and moves interviews on the team database while things go
//! wrong between Confab and the server. The line breaks at the worst moment, the COMMIT:
//! before the server sees it, after the server took it but before its answer arrives, and
//! while the server stays out of reach; each time the booking is either there or not, and
//! what Confab says matches what the database holds. And another program's transaction
//! deadlocks with a booking: PostgreSQL ends the booking's, Confab runs it again, and the
//! researcher sees a booking, not an error. A real PostgreSQL, behind a proxy that cuts the
//! connection where the line breaks.

mod support;

use confab_service::{Confab, ErrorCode, InterviewList};
use confab_store::ConnectionTrait;
use confab_store::sqlx::{self, Connection};
use confab_store::test_server::{admin_url, fresh_database};
use support::pg_proxy::{CommitCut, PgProxy};
use support::{Fixture, me};

/// The team database behind a proxy, and a direct connection to it for looking.
async fn behind_proxy() -> (
    Fixture,
    PgProxy,
    sea_orm::DatabaseConnection,
    tempfile::TempDir,
) {
    let url = url::Url::parse(&fresh_database(&admin_url()).await).unwrap();
    let proxy = PgProxy::start((url.host_str().unwrap().to_owned(), url.port().unwrap()));
    let mut proxied = url.clone();
    proxied.set_port(Some(proxy.port)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let confab = Confab::open_team(dir.path(), proxied.as_str())
        .await
        .unwrap();
    let direct = sea_orm::Database::connect(url.as_str()).await.unwrap();
    (Fixture::on(confab).await, proxy, direct, dir)
}

/// The participant's interviews as the database holds them: (state, start).
async fn held(db: &sea_orm::DatabaseConnection, participant_id: i64) -> Vec<(String, i64)> {
    let rows = db
        .query_all_raw(confab_store::statement(
            db,
            "SELECT state, starts_at FROM interviews WHERE participant_id = ? ORDER BY id",
            [participant_id.into()],
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            (
                r.try_get_by_index(0).unwrap(),
                r.try_get_by_index(1).unwrap(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_booking_whose_commit_is_cut_off_is_there_or_not_and_confab_says_which() {
    let (f, proxy, direct, _dir) = behind_proxy().await;
    let ada = f.participant("Ada").await;
    let researcher = me();
    let book = |start| {
        f.confab
            .book_manually(f.study_id, ada, f.session_id, start, &[], &researcher)
    };

    // The line breaks before the server sees the COMMIT: not booked, and Confab says so.
    proxy.cut_next_commit(CommitCut::Before);
    let lost = book(f.slot(0)).await.unwrap_err();
    assert_eq!(proxy.cuts(), 1);
    assert_eq!(
        lost.code,
        ErrorCode::DatabaseUnreachable,
        "{}",
        lost.message
    );
    assert!(
        lost.message.contains("nothing was saved"),
        "{}",
        lost.message
    );
    assert_eq!(held(&direct, ada).await, vec![]);

    // The server takes the COMMIT but its answer is lost: booked, and Confab says booked.
    proxy.cut_next_commit(CommitCut::After);
    let booked = book(f.slot(0)).await.unwrap();
    assert_eq!(proxy.cuts(), 2);
    assert_eq!(booked.start, f.slot(0));
    assert_eq!(
        held(&direct, ada).await,
        vec![("scheduled".to_owned(), f.slot(0).timestamp())]
    );
    // And the window's list agrees, once the line is back.
    let upcoming = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(upcoming.len(), 1);

    // A move whose answer is lost: moved, once.
    proxy.cut_next_commit(CommitCut::After);
    let moved = f
        .confab
        .reschedule_interview(booked.id, f.session_id, f.slot(1), &[], &me())
        .await
        .unwrap();
    assert_eq!(moved.start, f.slot(1));
    assert_eq!(
        held(&direct, ada).await,
        vec![("scheduled".to_owned(), f.slot(1).timestamp())]
    );

    // A cancellation cut off before the server saw it: still scheduled, and said so.
    proxy.cut_next_commit(CommitCut::Before);
    let lost = f
        .confab
        .cancel_interview(booked.id, "Ada is ill", &me())
        .await
        .unwrap_err();
    assert!(
        lost.message.contains("nothing was saved"),
        "{}",
        lost.message
    );
    assert_eq!(held(&direct, ada).await[0].0, "scheduled");

    // Its answer lost while the server stays out of reach: Confab cannot tell, and says so
    // and where to look; once the server is back, the list shows it canceled.
    proxy.cut_next_commit(CommitCut::AfterThenDown);
    let unknown = f
        .confab
        .cancel_interview(booked.id, "Ada is ill", &me())
        .await
        .unwrap_err();
    assert_eq!(
        unknown.code,
        ErrorCode::DatabaseUnreachable,
        "{}",
        unknown.message
    );
    assert!(
        unknown.message.contains("cannot be reached to ask"),
        "{}",
        unknown.message
    );
    proxy.refuse_connections(false);
    assert_eq!(held(&direct, ada).await[0].0, "canceled");
    let canceled = f
        .confab
        .list_interviews(f.study_id, InterviewList::Canceled)
        .await
        .unwrap();
    assert_eq!(canceled.len(), 1);
}

/// How many deadlocks PostgreSQL has ended in the database at `url`.
async fn deadlocks(url: &str) -> i64 {
    let mut db = sqlx::PgConnection::connect(url).await.unwrap();
    sqlx::query_scalar("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        .fetch_one(&mut db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_booking_that_the_server_ends_in_a_deadlock_runs_again_and_books_once() {
    let url = fresh_database(&admin_url()).await;
    let dir = tempfile::tempdir().unwrap();
    let f = Fixture::on(Confab::open_team(dir.path(), &url).await.unwrap()).await;
    let ada = f.participant("Ada").await;
    let before = deadlocks(&url).await;

    // Another program on the server, not Confab: it holds the session's row...
    let mut other = sqlx::PgConnection::connect(&url).await.unwrap();
    // ...and waits patiently, so that the booking's side is the one PostgreSQL ends.
    sqlx::query("SET deadlock_timeout = '20s'")
        .execute(&mut other)
        .await
        .unwrap();
    sqlx::query("BEGIN").execute(&mut other).await.unwrap();
    sqlx::query("UPDATE sessions SET capacity = capacity WHERE id = $1")
        .bind(f.session_id)
        .execute(&mut other)
        .await
        .unwrap();

    // The researcher books: Confab takes its write lock, then waits for the session's row.
    let confab = f.confab.clone();
    let (study, session, start) = (f.study_id, f.session_id, f.slot(0));
    let booking = tokio::spawn(async move {
        confab
            .book_manually(study, ada, session, start, &[], &me())
            .await
    });
    let mut watcher = sqlx::PgConnection::connect(&url).await.unwrap();
    let mut waits = 0;
    while waits < 200 {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .fetch_one(&mut watcher)
        .await
        .unwrap();
        if waiting > 0 {
            break;
        }
        waits += 1;
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(
        waits < 200,
        "the booking never waited for the session's row"
    );

    // The other program now asks for Confab's write lock ("Confab" in ASCII): each waits for
    // the other. PostgreSQL ends the booking's transaction; the other program gets the lock.
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(0x436f_6e66_6162_i64)
        .execute(&mut other)
        .await
        .unwrap();
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();

    // Confab ran the booking again: booked, once, and no error reached the researcher.
    let booked = booking.await.unwrap().unwrap();
    assert_eq!(booked.start, f.slot(0));
    let direct = sea_orm::Database::connect(url.as_str()).await.unwrap();
    assert_eq!(
        held(&direct, ada).await,
        vec![("scheduled".to_owned(), f.slot(0).timestamp())]
    );
    let mut counted = deadlocks(&url).await;
    for _ in 0..40 {
        if counted > before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        counted = deadlocks(&url).await;
    }
    assert_eq!(counted, before + 1, "PostgreSQL ended one deadlock");
}

#[tokio::test(flavor = "multi_thread")]
async fn what_the_window_knew_is_kept_and_read_back_while_the_server_is_out_of_reach() {
    let (f, proxy, _direct, _dir) = behind_proxy().await;
    let ada = f.participant("Ada").await;
    f.confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(1), &[], &me())
        .await
        .unwrap();
    let dir = f.confab.data_dir().to_owned();
    assert_eq!(confab_service::last_known(&dir), None);
    f.confab.keep_last_known().await.unwrap();

    // The server goes out of reach: Confab cannot open it, and what it knew is still there.
    proxy.refuse_connections(true);
    let url = format!("postgres://confab@127.0.0.1:{}/whatever", proxy.port);
    let down = Confab::open_team(&dir, &url).await.unwrap_err();
    assert_eq!(
        down.code,
        ErrorCode::DatabaseUnreachable,
        "{}",
        down.message
    );
    let known = confab_service::last_known(&dir).unwrap();
    assert_eq!(known.studies.len(), 1);
    assert_eq!(known.studies[0].name, "Checkout usability");
    let upcoming = &known.studies[0].upcoming;
    assert_eq!(upcoming.len(), 1);
    assert_eq!(
        (upcoming[0].participant_name.as_str(), upcoming[0].start),
        ("Ada", f.slot(1))
    );
    assert!(known.server.ends_with(&format!(
            ":{}/{}",
            proxy.port,
            f.confab
                .team_database()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        )));

    // This computer's file keeps no such copy: it is always there.
    let laptop = tempfile::tempdir().unwrap();
    let local = Confab::open(laptop.path()).await.unwrap();
    local.keep_last_known().await.unwrap();
    assert_eq!(confab_service::last_known(laptop.path()), None);
}

/// The window listens to the team database for other researchers' changes. When the server
/// goes out of reach it is told so (and shows what it last knew), the listener keeps trying,
/// and once the server is back the window is told to load everything again, and hears of
/// changes as before.
#[tokio::test(flavor = "multi_thread")]
async fn the_window_hears_when_the_team_database_goes_away_and_when_it_is_back() {
    use confab_service::Changed;
    use std::time::Duration;

    let (f, proxy, _direct, _dir) = behind_proxy().await;
    let (tx, mut heard) = tokio::sync::mpsc::unbounded_channel();
    let confab = f.confab.clone();
    let listening = tokio::spawn(async move {
        confab
            .watch_team_changes(move |changed| {
                let _ = tx.send(changed);
            })
            .await
    });
    // Within seconds: the window must not wait the driver's half minute to say the server went.
    let next = async |heard: &mut tokio::sync::mpsc::UnboundedReceiver<Changed>,
                      what: &str,
                      wanted: fn(&Changed) -> bool| {
        loop {
            let changed = tokio::time::timeout(Duration::from_secs(20), heard.recv())
                .await
                .unwrap_or_else(|_| panic!("not heard within 20 s: {what}"))
                .unwrap();
            if wanted(&changed) {
                return changed;
            }
        }
    };
    // The listener is connected once a change made now is heard.
    tokio::time::sleep(Duration::from_millis(500)).await;
    f.participant("Ada").await;
    next(&mut heard, "Ada added", |c| matches!(c, Changed::Tables(_))).await;

    // The server stops: its port closes and the system refuses every new connection.
    proxy.stop_server();
    let lost = next(&mut heard, "the server gone", |c| {
        matches!(c, Changed::Unreachable { .. })
    })
    .await;
    let Changed::Unreachable { why, detail } = lost else {
        unreachable!()
    };
    assert!(!detail.is_empty());
    assert!(why.contains("refuses connections"), "{why}");
    assert!(!listening.is_finished(), "the listener keeps trying");

    proxy.start_again();
    next(&mut heard, "the server back", |c| *c == Changed::Anything).await;
    f.participant("Bo").await;
    let changed = next(&mut heard, "Bo added", |c| matches!(c, Changed::Tables(_))).await;
    assert!(
        matches!(&changed, Changed::Tables(tables) if tables.iter().any(|t| t == "participants")),
        "{changed:?}"
    );
    listening.abort();
}
