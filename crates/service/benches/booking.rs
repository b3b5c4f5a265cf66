//! Booking throughput through the service, beside a plain-SQL baseline that performs the same
//! check-and-insert transaction with sqlx directly on the same schema.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

#[path = "support/booking_study.rs"]
mod booking_study;

use booking_study::setup;
use chrono::{Duration as Days, Utc};
use confab_service::{Actor, Confab};
use criterion::{Criterion, criterion_group, criterion_main};
use sea_orm::sqlx::{self, Row};
use tokio::runtime::Runtime;

/// The same check-and-insert, by hand: capacity, overlap, insert, status, audit line.
async fn book_plain(
    pool: &sqlx::SqlitePool,
    study: i64,
    participant: i64,
    session: i64,
    start: i64,
    end: i64,
) {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
    let capacity: i64 = sqlx::query("SELECT capacity FROM sessions WHERE id = ?")
        .bind(session)
        .fetch_one(&mut *tx)
        .await
        .unwrap()
        .get(0);
    let taken: i64 = sqlx::query("SELECT count(*) FROM interviews WHERE session_id = ? AND starts_at = ? AND state = 'scheduled'")
        .bind(session)
        .bind(start)
        .fetch_one(&mut *tx)
        .await
        .unwrap()
        .get(0);
    assert!(taken < capacity);
    let clash = sqlx::query("SELECT 1 FROM interviews WHERE participant_id = ? AND state = 'scheduled' AND starts_at < ? AND ? < ends_at")
        .bind(participant)
        .bind(end)
        .bind(start)
        .fetch_optional(&mut *tx)
        .await
        .unwrap();
    assert!(clash.is_none());
    let enrolment: i64 =
        sqlx::query("SELECT id FROM enrolments WHERE study_id = ? AND participant_id = ?")
            .bind(study)
            .bind(participant)
            .fetch_one(&mut *tx)
            .await
            .unwrap()
            .get(0);
    let now = Utc::now().timestamp();
    let id: i64 = sqlx::query(
        "INSERT INTO interviews (study_id, enrolment_id, participant_id, session_id, starts_at, ends_at, state, calendar_uid, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?) RETURNING id",
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
        "UPDATE enrolments SET status = 'interview_scheduled', updated_at = ? WHERE id = ?",
    )
    .bind(now)
    .bind(enrolment)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("INSERT INTO audit_log (at, actor_kind, actor, study_id, participant_id, interview_id, action) VALUES (?, 'researcher', '', ?, ?, ?, 'interview booked')")
        .bind(now)
        .bind(study)
        .bind(participant)
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn fresh() -> booking_study::Bench {
    let dir = tempfile::tempdir().unwrap();
    let confab = Confab::open(dir.path()).await.unwrap();
    setup(confab, dir).await
}

fn booking(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let mut group = c.benchmark_group("booking");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));

    let mut service = rt.block_on(fresh());
    group.bench_function("service book_manually", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let work = service.participants(iters).await;
                let started = Instant::now();
                for (p, session, start) in work {
                    service
                        .confab
                        .book_manually(service.study, p, session, start, &[], &Actor::researcher())
                        .await
                        .unwrap();
                }
                started.elapsed()
            })
        })
    });

    // The read half alone: what one booking's rule check costs.
    let (study, (session, start)) = (service.study, service.sessions[0]);
    group.bench_function("service check_booking", |b| {
        b.iter(|| {
            rt.block_on(service.confab.check_booking(study, session, start, None))
                .unwrap()
        })
    });

    let mut plain = rt.block_on(fresh());
    let pool = plain.confab.sqlite_pool();
    group.bench_function("plain sqlx transaction", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let work = plain.participants(iters).await;
                let started = Instant::now();
                for (p, session, start) in work {
                    let end = start + Days::hours(8);
                    book_plain(
                        &pool,
                        plain.study,
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
    group.finish();
}

criterion_group!(benches, booking);
criterion_main!(benches);
