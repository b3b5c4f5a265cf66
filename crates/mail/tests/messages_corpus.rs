//! Malformed, hostile and real-world messages, each with the one result it must give.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

use chrono::{DateTime, NaiveDate, Utc};
use confab_mail::{
    calendar::{
        CalendarError, ItipAttendee, ItipKind, ItipMessage, ItipTime, PartStat, parse_itip,
    },
    inbound::{Inbound, InboundKind, Origin, interpret},
};

const T1: &str = "CF-7Q2M0X9R4T6V8W1Y3Z5B7D9F0H";
const T2: &str = "CF-K3N8P1R5S7T9V2W4X6Y8Z0A1B3";

enum Expect {
    Kind(Box<InboundKind>),
    /// Unreadable, with a reason that contains this text.
    Unreadable(&'static str),
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn kind(kind: InboundKind) -> Expect {
    Expect::Kind(Box::new(kind))
}

fn tokens(list: &[&str]) -> Expect {
    kind(InboundKind::Tokens(
        list.iter().map(|t| (*t).to_owned()).collect(),
    ))
}

fn attendee(email: &str, name: &str, partstat: PartStat) -> ItipAttendee {
    ItipAttendee {
        email: email.into(),
        name: Some(name.into()),
        partstat,
    }
}

fn messages() -> Vec<(&'static str, Expect)> {
    vec![
        ("empty.eml", Expect::Unreadable("the message is empty")),
        (
            "binary-garbage.bin",
            Expect::Unreadable("none of the headers a mail message has"),
        ),
        (
            "no-headers.txt",
            Expect::Unreadable("no mail headers could be read"),
        ),
        // The parts are lost, but the subject still carries the choice.
        ("broken-boundary.eml", tokens(&[T1])),
        ("unterminated-multipart.eml", tokens(&[T2])),
        ("unknown-charset.eml", tokens(&[T1])),
        ("wrong-charset.eml", tokens(&[T2])),
        ("nested-100.eml", tokens(&[T1])),
        ("two-choices.eml", tokens(&[T2, T1])),
        // A reply that quotes the invitation does not choose every time it offered.
        ("quoted-invitation-reply.eml", kind(InboundKind::Other)),
        ("outlook-html-reply.eml", tokens(&[T1, T2])),
        (
            "huge-part.eml",
            Expect::Unreadable("the calendar part is 1117 KB; parts over 1024 KB are not read"),
        ),
        (
            "bad-date.eml",
            Expect::Unreadable("DTSTART \"20261345T100000Z\" is not a date or time"),
        ),
        ("no-uid.eml", Expect::Unreadable("the event has no UID")),
        (
            "no-vevent.eml",
            Expect::Unreadable("the calendar has no event (VEVENT)"),
        ),
        (
            "deep-calendar.eml",
            Expect::Unreadable("more than 16 levels deep"),
        ),
        // A forwarded invitation is not an answer to one.
        ("request-forwarded.eml", kind(InboundKind::Other)),
        (
            "postfix-bounce.eml",
            kind(InboundKind::Bounce {
                failed_recipient: Some("ada@example.org".into()),
                original_message_id: Some("<5b2525a06b474d27ad7d4bdd9da3e959@uni.example>".into()),
            }),
        ),
        (
            "mailer-daemon-plain.eml",
            kind(InboundKind::Bounce {
                failed_recipient: Some("bo@example.org".into()),
                original_message_id: Some("<orig-2@uni.example>".into()),
            }),
        ),
        // The returned message is a bare message/rfc822 inside another, which trips an
        // internal assertion of mail-parser 0.11 in builds that keep its debug checks.
        (
            "dsn-nested-message.eml",
            kind(InboundKind::Bounce {
                failed_recipient: Some("ada@example.org".into()),
                original_message_id: None,
            }),
        ),
        // A list's copy still carries its code: the reply is read, but see `origins` below.
        ("list-with-code.eml", tokens(&[T1])),
        // A ticket system that quotes a code is a program, not a participant choosing.
        ("auto-generated-with-code.eml", kind(InboundKind::AutoReply)),
        ("null-sender-with-code.eml", tokens(&[T1])),
        ("bulk-newsletter.eml", kind(InboundKind::AutoReply)),
        // Still being retried: nothing has failed yet.
        ("dsn-delayed.eml", kind(InboundKind::AutoReply)),
        ("outlook-ooo.eml", kind(InboundKind::AutoReply)),
        ("vacation-auto-submitted.eml", kind(InboundKind::AutoReply)),
        (
            "gmail-counter.eml",
            kind(InboundKind::Itip(ItipMessage {
                method: ItipKind::Counter,
                uid: "interview-7@uni.example".into(),
                sequence: 1,
                organizer: Some("sam@uni.example".into()),
                attendee: Some(attendee(
                    "ada.ng@gmail.example",
                    "Ada Ng",
                    PartStat::NeedsAction,
                )),
                attendees: vec![
                    attendee("sam@uni.example", "Dr. Sam Rivera", PartStat::Accepted),
                    attendee("ada.ng@gmail.example", "Ada Ng", PartStat::NeedsAction),
                ],
                // 14:00 in London in July is 13:00 UTC.
                start: Some(ItipTime::At(utc("2026-07-01T13:00:00Z"))),
                end: Some(ItipTime::At(utc("2026-07-01T14:00:00Z"))),
                comment: Some(
                    "Could we do Wednesday afternoon instead? Tuesday morning I have a class."
                        .into(),
                ),
            })),
        ),
        (
            "outlook-reply-no-organizer.eml",
            kind(InboundKind::Itip(ItipMessage {
                method: ItipKind::Reply,
                uid: "interview-8@uni.example".into(),
                sequence: 2,
                organizer: None,
                attendee: Some(attendee(
                    "bo.lund@outlook.example",
                    "Bo Lund",
                    PartStat::Accepted,
                )),
                attendees: vec![attendee(
                    "bo.lund@outlook.example",
                    "Bo Lund",
                    PartStat::Accepted,
                )],
                start: Some(ItipTime::At(utc("2026-12-01T10:00:00Z"))),
                end: Some(ItipTime::At(utc("2026-12-01T11:00:00Z"))),
                comment: None,
            })),
        ),
    ]
}

fn corpus(name: &str) -> Vec<u8> {
    let path = package_dir().join("tests/corpus").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_message_in_the_corpus_gives_its_expected_result() {
    let mut failures = Vec::new();
    for (file, expect) in messages() {
        let inbound = interpret(&corpus(file));
        let ok = match (&expect, &inbound.kind) {
            (Expect::Kind(expected), actual) => **expected == *actual,
            (Expect::Unreadable(text), InboundKind::Unreadable { reason }) => reason.contains(text),
            (Expect::Unreadable(_), _) => false,
        };
        if !ok {
            failures.push(format!("{file}: got {:?}", inbound.kind));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_file_in_the_corpus_has_an_expectation() {
    let listed: Vec<&str> = messages().iter().map(|(f, _)| *f).collect();
    let dir = package_dir().join("tests/corpus");
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            let name = entry.file_name().into_string().unwrap();
            assert!(listed.contains(&name.as_str()), "{name} has no expectation");
        }
    }
}

#[test]
fn headers_of_damaged_messages_are_read_as_far_as_they_go() {
    let bad_date: Inbound = interpret(&corpus("bad-date.eml"));
    assert_eq!(bad_date.date, None);
    assert_eq!(bad_date.from.as_deref(), Some("ada@example.org"));
    assert_eq!(
        bad_date.message_id.as_deref(),
        Some("<bad-date@example.org>")
    );

    let wrong = interpret(&corpus("wrong-charset.eml"));
    let subject = wrong.subject.unwrap();
    assert!(subject.starts_with("Gr"), "{subject}");

    let ooo = interpret(&corpus("outlook-ooo.eml"));
    assert_eq!(ooo.in_reply_to.as_deref(), Some("<invite-1@uni.example>"));
}

#[test]
fn lists_and_programs_are_told_from_people() {
    for (file, origin) in [
        ("two-choices.eml", Origin::Person),
        ("outlook-html-reply.eml", Origin::Person),
        ("list-with-code.eml", Origin::MailingList),
        ("auto-generated-with-code.eml", Origin::Automatic),
        ("null-sender-with-code.eml", Origin::Automatic),
        ("bulk-newsletter.eml", Origin::Automatic),
        ("vacation-auto-submitted.eml", Origin::Automatic),
        ("outlook-ooo.eml", Origin::Automatic),
        ("postfix-bounce.eml", Origin::Automatic),
        ("mailer-daemon-plain.eml", Origin::Automatic),
    ] {
        let inbound = interpret(&corpus(file));
        assert_eq!(inbound.origin, origin, "{file}");
        assert_eq!(
            inbound.origin.may_be_answered(),
            origin == Origin::Person,
            "{file}"
        );
    }
}

/// What a calendar must read as, or the error it must give.
type CalendarCase = (
    &'static str,
    Result<fn(&ItipMessage) -> bool, CalendarError>,
);

fn calendars() -> Vec<CalendarCase> {
    vec![
        (
            "floating-counter.ics",
            Ok(|m| {
                let local = |h| {
                    NaiveDate::from_ymd_opt(2026, 12, 2)
                        .unwrap()
                        .and_hms_opt(h, 0, 0)
                        .unwrap()
                };
                m.method == ItipKind::Counter
                    && m.start == Some(ItipTime::Floating(local(14)))
                    && m.end == Some(ItipTime::Floating(local(15)))
            }),
        ),
        (
            "date-counter.ics",
            Ok(|m| {
                m.start
                    == Some(ItipTime::Date(
                        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
                    ))
                    && m.end
                        == Some(ItipTime::Date(
                            NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
                        ))
            }),
        ),
        (
            "outlook-zone-counter.ics",
            Ok(|m| {
                m.start == Some(ItipTime::At(utc("2026-07-01T12:00:00Z")))
                    && m.end == Some(ItipTime::At(utc("2026-07-01T12:45:00Z")))
                    && m.attendee.as_ref().unwrap().partstat == PartStat::Tentative
            }),
        ),
        (
            "lf-lowercase-rfc6868.ics",
            Ok(|m| {
                let a = m.attendee.as_ref().unwrap();
                m.method == ItipKind::Reply
                    && a.email == "ada@example.org"
                    && a.name.as_deref() == Some("Ng, Ada \"Ace\"")
                    && a.partstat == PartStat::Declined
                    && m.comment.as_deref() == Some("Sorry, no.")
            }),
        ),
        (
            "unknown-zone.ics",
            Err(CalendarError::UnknownTimeZone {
                property: "DTSTART".into(),
                tzid: "Mars/Olympus_Mons".into(),
            }),
        ),
        (
            "cut-off.ics",
            Err(CalendarError::Unclosed {
                component: "VEVENT".into(),
            }),
        ),
        (
            "mismatched-end.ics",
            Err(CalendarError::Mismatched {
                expected: "VEVENT".into(),
                found: "VTODO".into(),
            }),
        ),
        ("html-page.ics", Err(CalendarError::NotACalendar)),
        (
            "bad-sequence.ics",
            Err(CalendarError::BadSequence { value: "-1".into() }),
        ),
    ]
}

#[test]
fn every_calendar_in_the_corpus_gives_its_expected_result() {
    let mut failures = Vec::new();
    let dir = package_dir().join("tests/corpus/ics");
    let listed: Vec<&str> = calendars().iter().map(|(f, _)| *f).collect();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            listed.contains(&name.as_str()),
            "ics/{name} has no expectation"
        );
    }
    for (file, expect) in calendars() {
        let text = String::from_utf8(std::fs::read(dir.join(file)).unwrap()).unwrap();
        let result = parse_itip(&text);
        let ok = match (&expect, &result) {
            (Ok(check), Ok(message)) => check(message),
            (Err(expected), Err(actual)) => expected == actual,
            _ => false,
        };
        if !ok {
            failures.push(format!("ics/{file}: got {result:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// This package's folder as Cargo names it when the test runs, not where the test was
/// compiled: another checkout sharing the build folder may have compiled it.
fn package_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// The heads of tests/corpus/quotes/heads.txt: (language and program, the head's lines).
fn quote_heads() -> Vec<(String, String)> {
    let text = String::from_utf8(corpus("quotes/heads.txt")).unwrap();
    let mut heads: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("=== ") {
            heads.push((name.to_owned(), String::new()));
        } else if let Some((_, head)) = heads.last_mut() {
            head.push_str(line);
            head.push_str("\r\n");
        }
    }
    heads
}

/// An invitation's text as a participant's mail program quotes it: a code on every line.
fn quoted_invitation() -> String {
    format!(
        "Dear Alice,\r\n\r\nplease pick a time for your interview:\r\n\r\n  Tue 9 Jun 10:00  mailto:sam@uni.example?subject=Interview%20choice%20%5B{T1}%5D\r\n  Wed 10 Jun 14:00  [{T2}]\r\n\r\nSam Rivera\r\n"
    )
}

fn reply(content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Alice Park <alice@example.org>\r\nTo: sam@uni.example\r\nSubject: Re: Invitation: Checkout usability\r\nMessage-ID: <thanks@example.org>\r\nDate: Wed, 3 Jun 2026 11:00:00 +0200\r\nMIME-Version: 1.0\r\nContent-Type: {content_type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}"
    )
    .into_bytes()
}

/// "Thanks!" above a quoted invitation full of codes, under the head each program writes in
/// each language, holds no choice: the participant's own words are "Thanks!" alone.
#[test]
fn a_reply_that_quotes_an_invitation_under_any_head_picks_nothing() {
    let quoted = quoted_invitation();
    // Without a head, the quoted codes are read: the test would see a head that is missed.
    let bare = interpret(&reply("text/plain", &format!("Thanks!\r\n\r\n{quoted}")));
    assert!(
        matches!(bare.kind, InboundKind::Tokens(_)),
        "{:?}",
        bare.kind
    );
    let heads = quote_heads();
    assert!(heads.len() >= 40, "{} heads", heads.len());
    let mut failures = Vec::new();
    for (name, head) in &heads {
        let message = interpret(&reply(
            "text/plain",
            &format!("Thanks!\r\n\r\n{head}\r\n{quoted}"),
        ));
        if message.kind != InboundKind::Other || message.own_words.trim() != "Thanks!" {
            failures.push(format!(
                "{name}: {:?}, own words {:?}",
                message.kind, message.own_words
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The same in a reply that is HTML alone, as Outlook, Gmail, Apple Mail and Thunderbird
/// write it: the quote is marked by its element, or only by its head.
#[test]
fn an_html_reply_that_quotes_an_invitation_picks_nothing() {
    let quoted = quoted_invitation().replace("\r\n", "<br>\r\n");
    let mut bodies: Vec<(String, String)> = vec![
        (
            "gmail".into(),
            format!(
                "<div dir=\"ltr\">Thanks!</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, 3 Jun 2026 at 10:00, Sam Rivera &lt;sam@uni.example&gt; wrote:<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\">{quoted}</blockquote></div>"
            ),
        ),
        (
            "apple-mail".into(),
            format!(
                "<html><body><div>Thanks!</div><div><br><blockquote type=\"cite\"><div>On 3 Jun 2026, at 10:00, Sam Rivera &lt;sam@uni.example&gt; wrote:</div><br><div>{quoted}</div></blockquote></div></body></html>"
            ),
        ),
        (
            "thunderbird".into(),
            format!(
                "<html><body><p>Thanks!</p><div class=\"moz-cite-prefix\">On 03/06/2026 10:00, Sam Rivera wrote:<br></div><blockquote type=\"cite\">{quoted}</blockquote></body></html>"
            ),
        ),
        (
            "outlook-web".into(),
            format!(
                "<html><body><div>Thanks!</div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\"><div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\"><b>From:</b> Sam Rivera &lt;sam@uni.example&gt;<br><b>Sent:</b> Monday, June 3, 2026 10:00 AM<br></font></div><div>{quoted}</div></body></html>"
            ),
        ),
    ];
    // Outlook for Windows marks the quote with a border only: its header block, in each
    // language, is what is left to find.
    for (name, head) in quote_heads()
        .into_iter()
        .filter(|(name, _)| name.ends_with(" outlook"))
    {
        let lines: Vec<String> = head
            .lines()
            .map(
                |line| match line.split_once(':').or_else(|| line.split_once('：')) {
                    Some((label, value)) => format!("<b>{label}:</b>{value}<br>"),
                    None => format!("{line}<br>"),
                },
            )
            .collect();
        bodies.push((
            format!("{name} (html)"),
            format!("<html><body><div class=\"WordSection1\"><p class=\"MsoNormal\">Thanks!</p><div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\"><p class=\"MsoNormal\">{}</p></div><p class=\"MsoNormal\">{quoted}</p></div></body></html>", lines.join("\r\n")),
        ));
    }
    let mut failures = Vec::new();
    for (name, body) in &bodies {
        let message = interpret(&reply("text/html", body));
        if message.kind != InboundKind::Other || message.own_words.trim() != "Thanks!" {
            failures.push(format!(
                "{name}: {:?}, own words {:?}",
                message.kind, message.own_words
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
