//! A calendar reply or counter-proposal, whatever its text: read or refused, never a panic.
#![no_main]

use confab_mail::calendar::parse_itip;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_itip(&String::from_utf8_lossy(data));
});
