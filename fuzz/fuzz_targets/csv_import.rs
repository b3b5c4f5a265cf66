//! A participant list, whatever its bytes: read or refused with a reason, never a panic.
#![no_main]

use confab_service::read_participant_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_participant_file(data);
});
