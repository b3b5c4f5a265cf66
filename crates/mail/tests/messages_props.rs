//! Properties over generated input: no input makes the readers panic, and every token
//! written into text is found again.

use confab_mail::{calendar::parse_itip, inbound::interpret, token::find_tokens};
use proptest::prelude::*;

const CROCKFORD: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn token() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(CROCKFORD.as_bytes().to_vec()), 26)
        .prop_map(|chars| format!("CF-{}", String::from_utf8(chars).unwrap()))
}

/// How a mail program may have changed a token on its way back: case, and a line break with
/// quote marks somewhere in its body.
fn as_written(token: &str, lower: bool, wrap_at: Option<usize>, wrap: &str) -> String {
    let mut written = if lower {
        token.to_lowercase()
    } else {
        token.to_owned()
    };
    if let Some(at) = wrap_at {
        written.insert_str(3 + at % 26, wrap);
    }
    written
}

const MESSAGE: &str = "From: Ada <ada@example.org>\r\nTo: sam@uni.example\r\nSubject: Interview choice [CF-7Q2M0X9R4T6V8W1Y3Z5B7D9F0H]\r\nMessage-ID: <a@b>\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: text/calendar; method=REPLY\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:ada@example.org\r\nDTSTART;TZID=Europe/Berlin:20261201T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--b--\r\n";

const CALENDAR_LINES: &[&str] = &[
    "BEGIN:VCALENDAR",
    "END:VCALENDAR",
    "BEGIN:VEVENT",
    "END:VEVENT",
    "BEGIN:VTIMEZONE",
    "END:VTIMEZONE",
    "BEGIN:STANDARD",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "END:DAYLIGHT",
    "METHOD:COUNTER",
    "METHOD:REPLY",
    "UID:abc",
    "SEQUENCE:4294967296",
    "TZID:Zone",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:-2359",
    "RRULE:FREQ=YEARLY;BYDAY=-5SU;BYMONTH=2",
    "RRULE:FREQ=YEARLY;BYMONTHDAY=31;BYMONTH=2;COUNT=2147483647",
    "RRULE:FREQ=YEARLY;UNTIL=99991231T235959Z;BYDAY=1MO",
    "RDATE:20261301T000000,19700101",
    "DTSTART;TZID=Zone:99991231T235959",
    "DTSTART;TZID=Zone:00000101T000000",
    "DTEND;TZID=\"Zone\":20261201T100000",
    "DTSTART;VALUE=DATE:99991231",
    "DURATION:P99999999W",
    "DURATION:-PT1S",
    "ATTENDEE;CN=\"a^n^'\";PARTSTAT=DECLINED:MAILTO:é@x",
    "COMMENT:\\",
    " folded",
    "",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn interpret_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = interpret(&bytes);
    }

    #[test]
    fn interpret_never_panics_on_a_damaged_message(
        cut in 0..MESSAGE.len(),
        insert in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = MESSAGE.as_bytes().to_vec();
        bytes.splice(cut..cut, insert);
        let _ = interpret(&bytes);
    }

    #[test]
    fn parse_itip_never_panics_on_text(text in "\\PC{0,2000}") {
        let _ = parse_itip(&text);
    }

    #[test]
    fn parse_itip_never_panics_on_calendar_like_lines(
        lines in proptest::collection::vec(proptest::sample::select(CALENDAR_LINES.to_vec()), 0..60),
        separator in prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
    ) {
        let text = format!("BEGIN:VCALENDAR{separator}{}", lines.join(separator));
        let _ = parse_itip(&text);
    }

    #[test]
    fn every_written_token_is_found_in_order(
        pieces in proptest::collection::vec(
            (
                token(),
                "[a-z ,.!?\n]{0,30}",
                any::<bool>(),
                proptest::option::of(0usize..26),
                prop_oneof![Just("\n"), Just("\r\n"), Just("\r\n> "), Just("\n>> ")],
                prop_oneof![Just(" "), Just("["), Just("\n> "), Just(": "), Just("%5B")],
            ),
            1..6,
        ),
    ) {
        let mut text = String::new();
        let mut expected: Vec<String> = Vec::new();
        for (token, filler, lower, wrap_at, wrap, before) in &pieces {
            text.push_str(filler);
            text.push_str(before);
            text.push_str(&as_written(token, *lower, *wrap_at, wrap));
            text.push(' ');
            if !expected.contains(token) {
                expected.push(token.clone());
            }
        }
        prop_assert_eq!(find_tokens(&text), expected);
    }
}
