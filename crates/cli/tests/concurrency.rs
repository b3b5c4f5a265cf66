#![allow(clippy::unwrap_used)]

//! Many `confab` processes book at the same moment against one database file; afterwards no
//! slot holds more interviews than its capacity and no participant holds two.

mod support;

use support::{command, json};

use std::collections::HashMap;
use std::process::{Output, Stdio};

const SLOTS: usize = 6;
const CAPACITY: usize = 2;
const PARTICIPANTS: usize = 30;

#[test]
fn concurrent_processes_never_overfill_a_slot() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let study = json(
        data,
        &[
            "studies",
            "create",
            "--name",
            "Race",
            "--time-zone",
            "UTC",
            "--minutes",
            "60",
        ],
    )["id"]
        .as_i64()
        .unwrap()
        .to_string();
    json(
        data,
        &[
            "settings",
            "set",
            "--study",
            &study,
            "--min-notice-minutes",
            "0",
        ],
    );
    let day = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let session = json(
        data,
        &[
            "sessions",
            "add",
            "--study",
            &study,
            "--kind",
            "window",
            "--start",
            &format!("{day}T09:00"),
            "--end",
            &format!("{day}T{:02}:00", 9 + SLOTS),
            "--capacity",
            &CAPACITY.to_string(),
        ],
    )["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let mut people = Vec::new();
    for i in 0..PARTICIPANTS {
        let p = json(
            data,
            &[
                "participants",
                "add",
                "--name",
                &format!("P{i}"),
                "--email",
                &format!("p{i}@example.org"),
                "--study",
                &study,
            ],
        );
        people.push(p["id"].as_i64().unwrap().to_string());
    }

    // Every participant's process starts before any has finished.
    let children: Vec<(usize, std::process::Child)> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let start = format!("{day}T{:02}:00", 9 + i % SLOTS);
            let child = command(
                data,
                &[
                    "book",
                    "--study",
                    &study,
                    "--participant",
                    p,
                    "--session",
                    &session,
                    "--start",
                    &start,
                    "--json",
                ],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
            (i, child)
        })
        .collect();
    let outputs: Vec<(usize, Output)> = children
        .into_iter()
        .map(|(i, c)| (i, c.wait_with_output().unwrap()))
        .collect();

    let mut refused = 0;
    for (i, out) in &outputs {
        if out.status.success() {
            continue;
        }
        let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|_| {
            panic!("participant {i}: {}", String::from_utf8_lossy(&out.stderr))
        });
        assert_eq!(err["code"], "conflict", "participant {i}: {err}");
        refused += 1;
    }

    let booked = json(data, &["interviews", "list", "--study", &study]);
    let booked = booked.as_array().unwrap();
    let mut per_slot: HashMap<String, usize> = HashMap::new();
    let mut per_person: HashMap<i64, usize> = HashMap::new();
    for b in booked {
        *per_slot
            .entry(b["start"].as_str().unwrap().to_owned())
            .or_default() += 1;
        *per_person
            .entry(b["participantId"].as_i64().unwrap())
            .or_default() += 1;
    }
    assert_eq!(per_slot.len(), SLOTS, "{per_slot:?}");
    assert!(per_slot.values().all(|n| *n == CAPACITY), "{per_slot:?}");
    assert!(per_person.values().all(|n| *n == 1));
    assert_eq!(booked.len(), SLOTS * CAPACITY);
    assert_eq!(refused, PARTICIPANTS - SLOTS * CAPACITY);
}
