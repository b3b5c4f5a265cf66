//! Booking throughput on a team database (PostgreSQL): through the service, beside a
//! plain-SQL baseline that performs the same check-and-insert transaction with sqlx on the
//! same server and schema, one writer at a time and four at once (four desktops, each with its
//! own connections). The server is the one `CONFAB_TEST_DATABASE_URL` names, or one that
//! `scripts/postgres.sh` starts for the run.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

#[path = "support/booking_study.rs"]
mod booking_study;

use booking_study::{Bench, setup};
use chrono::{DateTime, Duration as Days, Utc};
use confab_service::{Actor, Confab};
use confab_store::test_server::{admin_url, fresh_database};
use criterion::{Criterion, criterion_group, criterion_main};
use sea_orm::sqlx::{self, Row, postgres::PgPoolOptions};
use tokio::runtime::Runtime;

const WRITERS: usize = 4;

struct Team {
    bench: Bench,
    url: String,
}

async fn fresh() -> Team {
    let url = fresh_database(&admin_url()).await;
    let dir = tempfile::tempdir().unwrap();
    let confab = Confab::open_team(dir.path(), &url).await.unwrap();
    Team {
        bench: setup(confab, dir).await,
        url,
    }
}

/// The same check-and-insert, by hand, as a careful program would write it for PostgreSQL:
/// the session's row locked before its places are counted, an overlap check, the insert, the
/// status and an audit line.
async fn book_plain(
    pool: &sqlx::PgPool,
    study: i64,
    participant: i64,
    session: i64,
    start: i64,
    end: i64,
) {
    let mut tx = pool.begin().await.unwrap();
    let capacity: i32 = sqlx::query("SELECT capacity FROM sessions WHERE id = $1 FOR UPDATE")
        .bind(session)
        .fetch_one(&mut *tx)
        .await
        .unwrap()
        .get(0);
    let taken: i64 = sqlx::query(
        "SELECT count(*) FROM interviews WHERE session_id = $1 AND starts_at = $2 AND state = 'scheduled'",
    )
    .bind(session)
    .bind(start)
    .fetch_one(&mut *tx)
    .await
    .unwrap()
    .get(0);
    assert!(taken < i64::from(capacity));
    let clash = sqlx::query(
        "SELECT 1 FROM interviews WHERE participant_id = $1 AND state = 'scheduled' AND starts_at < $2 AND $3 < ends_at",
    )
    .bind(participant)
    .bind(end)
    .bind(start)
    .fetch_optional(&mut *tx)
    .await
    .unwrap();
    assert!(clash.is_none());
    let enrolment: i64 =
        sqlx::query("SELECT id FROM enrolments WHERE study_id = $1 AND participant_id = $2")
            .bind(study)
            .bind(participant)
            .fetch_one(&mut *tx)
            .await
            .unwrap()
            .get(0);
    let now = Utc::now().timestamp();
    let id: i64 = sqlx::query(
        "INSERT INTO interviews (study_id, enrolment_id, participant_id, session_id, starts_at, ends_at, state, calendar_uid, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'scheduled', $7, $8, $9) RETURNING id",
    )
    .bind(study)
    .bind(enrolment)
    .bind(participant)
    .bind(session)
    .bind(start)
    .bind(end)
    .bind(format!("{participant}-{start}@bench"))
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .unwrap()
    .get(0);
    sqlx::query(
        "UPDATE enrolments SET status = 'interview_scheduled', updated_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(enrolment)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("INSERT INTO audit_log (at, actor_kind, actor, study_id, participant_id, interview_id, action) VALUES ($1, 'researcher', '', $2, $3, $4, 'interview booked')")
        .bind(now)
        .bind(study)
        .bind(participant)
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

type Work = Vec<(i64, i64, DateTime<Utc>)>;

/// `work` dealt out to `WRITERS` lists, round-robin.
fn deal(work: Work) -> Vec<Work> {
    let mut hands: Vec<Work> = vec![Vec::new(); WRITERS];
    for (i, item) in work.into_iter().enumerate() {
        hands[i % WRITERS].push(item);
    }
    hands
}

/// Runs one task per hand at once and says how long they took together.
async fn all_at_once<F, Fut>(hands: Vec<Work>, mut task: F) -> Duration
where
    F: FnMut(usize, Work) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let started = Instant::now();
    let running: Vec<_> = hands
        .into_iter()
        .enumerate()
        .map(|(writer, hand)| tokio::spawn(task(writer, hand)))
        .collect();
    for one in running {
        one.await.unwrap();
    }
    started.elapsed()
}

async fn plain_pool(url: &str) -> sqlx::PgPool {
    PgPoolOptions::new()
        .max_connections(2)
        .connect(url)
        .await
        .unwrap()
}

fn booking_team(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let mut group = c.benchmark_group("booking on a team database");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));

    let mut service = rt.block_on(fresh());
    group.bench_function("service book_manually", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let work = service.bench.participants(iters).await;
                let started = Instant::now();
                for (p, session, start) in work {
                    service
                        .bench
                        .confab
                        .book_manually(
                            service.bench.study,
                            p,
                            session,
                            start,
                            &[],
                            &Actor::researcher(),
                        )
                        .await
                        .unwrap();
                }
                started.elapsed()
            })
        })
    });

    let mut plain = rt.block_on(fresh());
    let pool = rt.block_on(plain_pool(&plain.url));
    group.bench_function("plain sqlx transaction", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let work = plain.bench.participants(iters).await;
                let started = Instant::now();
                for (p, session, start) in work {
                    let end = start + Days::hours(8);
                    book_plain(
                        &pool,
                        plain.bench.study,
                        p,
                        session,
                        start.timestamp(),
                        end.timestamp(),
                    )
                    .await;
                }
                started.elapsed()
            })
        })
    });

    // Four desktops at once: each its own Confab (its own connections) on one database.
    let mut shared = rt.block_on(fresh());
    let desktops: Vec<Confab> = rt.block_on(async {
        let mut out = Vec::new();
        for _ in 0..WRITERS {
            let dir = tempfile::tempdir().unwrap();
            out.push(Confab::open_team(dir.path(), &shared.url).await.unwrap());
        }
        out
    });
    let study = shared.bench.study;
    group.bench_function(format!("service book_manually, {WRITERS} writers"), |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let hands = deal(shared.bench.participants(iters).await);
                all_at_once(hands, |writer, hand| {
                    let confab = desktops[writer].clone();
                    async move {
                        for (p, session, start) in hand {
                            confab
                                .book_manually(study, p, session, start, &[], &Actor::researcher())
                                .await
                                .unwrap();
                        }
                    }
                })
                .await
            })
        })
    });

    let mut plain_shared = rt.block_on(fresh());
    let pools: Vec<sqlx::PgPool> = rt.block_on(async {
        let mut out = Vec::new();
        for _ in 0..WRITERS {
            out.push(plain_pool(&plain_shared.url).await);
        }
        out
    });
    let plain_study = plain_shared.bench.study;
    group.bench_function(format!("plain sqlx transaction, {WRITERS} writers"), |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let hands = deal(plain_shared.bench.participants(iters).await);
                all_at_once(hands, |writer, hand| {
                    let pool = pools[writer].clone();
                    async move {
                        for (p, session, start) in hand {
                            let end = start + Days::hours(8);
                            book_plain(
                                &pool,
                                plain_study,
                                p,
                                session,
                                start.timestamp(),
                                end.timestamp(),
                            )
                            .await;
                        }
                    }
                })
                .await
            })
        })
    });
    group.finish();
}

criterion_group!(benches, booking_team);
criterion_main!(benches);
