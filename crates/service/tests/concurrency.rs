#![allow(clippy::unwrap_used)]

//! Many threads, on several connection pools to one file, book at once: the database, not the
//! callers' checks, keeps every slot within its capacity.

mod support;

use std::collections::HashMap;

use confab_service::{ErrorCode, InterviewList};
use support::{Fixture, me};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn threads_on_separate_pools_never_overfill_a_slot() {
    let f = Fixture::new(2, true).await;
    let mut people = Vec::new();
    for i in 0..24 {
        people.push(f.participant(&format!("P{i}")).await);
    }
    // Four pools, as four windows or processes would have.
    let mut pools = Vec::new();
    for _ in 0..4 {
        pools.push(f.another_window().await);
    }
    let mut tasks = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let confab = pools[i % pools.len()].clone();
        let (study, session, start) = (f.study_id, f.session_id, f.slot((i % 3) as i64));
        let p = *p;
        tasks.push(tokio::spawn(async move {
            confab
                .book_manually(study, p, session, start, &[], &me())
                .await
        }));
    }
    let mut refused = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => {}
            Err(e) => {
                assert_eq!(e.code, ErrorCode::Conflict, "{e:?}");
                refused += 1;
            }
        }
    }
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    let mut per_slot: HashMap<_, usize> = HashMap::new();
    for b in &booked {
        *per_slot.entry(b.start).or_default() += 1;
    }
    assert_eq!(per_slot.len(), 3);
    assert!(per_slot.values().all(|n| *n == 2), "{per_slot:?}");
    assert_eq!(refused, 24 - 6);
}
