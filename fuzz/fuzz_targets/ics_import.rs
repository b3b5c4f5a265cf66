//! An interviewer's calendar file, whatever its text: its busy times or a refusal, within the
//! stretch asked for and the occurrence limit, never a panic.
#![no_main]

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use confab_mail::busy::read_busy_times;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let from = DateTime::<Utc>::from_timestamp(1_767_225_600, 0).unwrap(); // 2026-01-01
    let to = DateTime::<Utc>::from_timestamp(1_772_323_200, 0).unwrap(); // 2026-03-01
    if let Ok(import) =
        read_busy_times(&String::from_utf8_lossy(data), Tz::Europe__Berlin, from, to)
    {
        for event in &import.events {
            assert!(event.start < to && event.end > from && event.start < event.end);
        }
    }
});
