//! Every input with which a fuzz target once crashed or hung (scripts/fuzz.sh files them
//! under tests/corpus/fuzz/<target>/), replayed through the same function: each must now be
//! handled without a panic and quickly.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use confab_mail::{busy::read_busy_times, calendar::parse_itip, inbound::interpret};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
        .join("tests/corpus/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

fn replay(target: &str, run: impl Fn(&[u8])) {
    for (path, bytes) in inputs(target) {
        let started = Instant::now();
        run(&bytes);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
    }
}

#[test]
fn inbound_messages_that_once_crashed_are_read() {
    replay("inbound_message", |bytes| {
        interpret(bytes);
    });
}

#[test]
fn calendar_replies_that_once_crashed_are_read() {
    replay("itip", |bytes| {
        let _ = parse_itip(&String::from_utf8_lossy(bytes));
    });
}

#[test]
fn calendar_files_that_once_crashed_are_read() {
    let from = DateTime::<Utc>::from_timestamp(1_767_225_600, 0).unwrap();
    let to = DateTime::<Utc>::from_timestamp(1_772_323_200, 0).unwrap();
    replay("ics_import", |bytes| {
        let _ = read_busy_times(
            &String::from_utf8_lossy(bytes),
            Tz::Europe__Berlin,
            from,
            to,
        );
    });
}
