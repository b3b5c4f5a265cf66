#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // Calendars arrive as decoded text; invalid UTF-8 becomes replacement characters first,
    // as it does when a mail part is decoded.
    let _ = confab_mail::calendar::parse_itip(&String::from_utf8_lossy(bytes));
});
