//! Every participant list with which the csv_import fuzz target once crashed or hung
//! (scripts/fuzz.sh files them under tests/corpus/fuzz/csv_import/), read again: each must now
//! be read or refused without a panic, and quickly.

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[test]
fn participant_lists_that_once_crashed_are_read() {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
        .join("tests/corpus/fuzz/csv_import");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let started = Instant::now();
        let _ = confab_service::read_participant_file(&bytes);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
    }
}
