//! Building and reading messages in bulk.
//!
//! - `build_invitations`: 10,000 confirmations, each a REQUEST calendar and the MIME message
//!   that carries it (text, HTML, the inline calendar and its .ics attachment).
//! - `interpret_replies`: 10,000 received messages, a realistic mix: half choice replies (a
//!   token in the subject; every other one also quotes the invitation), a quarter calendar
//!   REPLYs as Outlook sends them (base64, a Windows VTIMEZONE, no ORGANIZER), a quarter
//!   COUNTERs as Google sends them (an IANA zone with its VTIMEZONE).
//! - `parse_calendars`: the 10,000 invitations' calendars read back, by `parse_itip` and by
//!   the `icalendar` crate's parser.
//!
//! After the criterion runs (under `cargo bench`), the same 10,000 calendars are written to a
//! temporary folder and read by `scripts/bench-python-icalendar.py` with Python's icalendar
//! (the interpreter in `CONFAB_PYTHON`, else `python3`), and by `parse_itip` in this process,
//! and both figures are printed side by side. `CONFAB_BENCH_PYTHON=0` leaves that out.

use std::{hint::black_box, path::Path, process::Command, time::Duration, time::Instant};

use chrono::{DateTime, Duration as Span, TimeZone, Utc};
use confab_mail::{
    calendar::{InterviewEvent, ItipMethod, Person, build_calendar, parse_itip},
    inbound::interpret,
    mailto::mailto_link,
    mime::{AutoSubmitted, CalendarPart, OutgoingMail, build_mime},
    template::{Field, Link, LinkList, MessageKind, Values, render},
    token::tagged_subject,
};
use criterion::{Criterion, Throughput};

const COUNT: usize = 10_000;

fn start_of(i: usize) -> DateTime<Utc> {
    let first = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
    let i = i64::try_from(i).unwrap();
    first + Span::days(i % 90) + Span::minutes(45 * (i % 11))
}

fn event(i: usize) -> InterviewEvent {
    let start = start_of(i);
    InterviewEvent {
        uid: format!("interview-{i}@uni.example"),
        sequence: u32::try_from(i % 3).unwrap(),
        organizer: Person::new("Dr. Sam Rivera", "sam@uni.example"),
        attendees: vec![Person::new(
            format!("Participant {i}, Jr."),
            format!("participant{i}@example.org"),
        )],
        start,
        end: start + Span::minutes(45),
        summary: "Interview: Everyday Sleep Study".into(),
        description: "We will talk about your sleep diary; it takes about 45 minutes.".into(),
        location: None,
        conferencing_url: Some(format!("https://meet.example/sleep-{i}")),
        dial_in: Some("+44 20 7946 0000, PIN 123 456".into()),
        dtstamp: start - Span::days(7),
        language: String::new(),
    }
}

fn invitation(i: usize, values: &Values) -> Vec<u8> {
    let event = event(i);
    let ics = build_calendar(&event, ItipMethod::Request);
    let rendered = render(
        &MessageKind::Confirmation.default_template(confab_core::BaseLanguage::English),
        values,
    )
    .unwrap();
    let mail = OutgoingMail {
        message_id: format!("<confirm-{i}@uni.example>"),
        from: event.organizer.clone(),
        to: event.attendees.clone(),
        reply_to: None,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        calendar: Some(CalendarPart {
            method: ItipMethod::Request,
            ics,
        }),
        in_reply_to: Some(format!("<choice-{i}@example.org>")),
        date: event.dtstamp,
        auto_submitted: Some(AutoSubmitted::Replied),
    };
    build_mime(&mail).unwrap()
}

fn confirmation_values() -> Values {
    Values::new()
        .with(Field::ParticipantName, "Alex Morgan")
        .with(Field::StudyName, "Everyday Sleep Study")
        .with(Field::ResearcherName, "Dr. Sam Rivera")
        .with(Field::InterviewTime, "Tuesday 1 September, 10:00–10:45")
        .with(Field::ParticipantTimeZone, "London time")
        .with(Field::ConferencingUrl, "https://meet.example/sleep")
        .with(Field::DialIn, "+44 20 7946 0000, PIN 123 456")
        .with_links(
            LinkList::CancelLink,
            vec![Link::new(
                "Cancel my interview",
                mailto_link(
                    "sam@uni.example",
                    &tagged_subject("Cancel", "CF-7Q2M0X9R4T6V8W1Y3Z5B7D9F0H"),
                    "",
                ),
            )],
        )
}

fn token(i: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut token = String::from("CF-");
    let mut n = i.wrapping_mul(2_654_435_761).wrapping_add(12_345);
    for _ in 0..26 {
        token.push(char::from(ALPHABET[n % 32]));
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    }
    token
}

fn token_reply(i: usize) -> String {
    let quote = if i.is_multiple_of(4) {
        format!(
            "\r\nOn Mon, 31 Aug 2026 at 09:00, Dr. Sam Rivera <sam@uni.example> wrote:\r\n> These are the times I can offer:\r\n>   * Tuesday 10:00 [{}]\r\n>   * Wednesday 14:00 [{}]\r\n",
            token(i + 1),
            token(i + 2)
        )
    } else {
        String::new()
    };
    format!(
        "From: Participant {i} <participant{i}@example.org>\r\nTo: sam@uni.example\r\nSubject: Re: Interview choice: Tue 1 Sep 10:00 [{}]\r\nDate: Mon, 31 Aug 2026 10:00:00 +0100\r\nMessage-ID: <reply-{i}@example.org>\r\nIn-Reply-To: <invite-{i}@uni.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThat time works for me, thank you!\r\n{quote}",
        token(i)
    )
}

const GMT_ZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:GMT Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";
const LONDON_ZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nDTSTART:19700329T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nDTSTART:19701025T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (n, chunk) in bytes.chunks(3).enumerate() {
        if n > 0 && n % 19 == 0 {
            out.push_str("\r\n");
        }
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(TABLE[((v >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn outlook_reply(i: usize) -> String {
    let local = start_of(i).format("%Y%m%dT%H%M%S");
    let ics = format!(
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n{GMT_ZONE}BEGIN:VEVENT\r\nATTENDEE;PARTSTAT=ACCEPTED;CN=Participant {i}:mailto:PARTICIPANT{i}@EXAMPLE.ORG\r\nSUMMARY;LANGUAGE=en-GB:Accepted: Interview\r\nDTSTART;TZID=GMT Standard Time:{local}\r\nDTEND;TZID=GMT Standard Time:{local}\r\nUID:interview-{i}@uni.example\r\nDTSTAMP:20260831T120000Z\r\nSEQUENCE:{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        i % 3
    );
    format!(
        "From: Participant {i} <participant{i}@example.org>\r\nTo: sam@uni.example\r\nSubject: Accepted: Interview: Everyday Sleep Study\r\nDate: Mon, 31 Aug 2026 12:00:00 +0000\r\nMessage-ID: <outlook-{i}@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"_000_B_\"\r\n\r\n--_000_B_\r\nContent-Type: text/plain; charset=\"us-ascii\"\r\n\r\n\r\n--_000_B_\r\nContent-Type: text/calendar; charset=\"utf-8\"; method=REPLY\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--_000_B_--\r\n",
        base64(ics.as_bytes())
    )
}

fn google_counter(i: usize) -> String {
    let local = (start_of(i) + Span::days(1)).format("%Y%m%dT%H%M%S");
    format!(
        "From: Participant {i} <participant{i}@example.org>\r\nTo: sam@uni.example\r\nSubject: New time proposed: Interview\r\nDate: Mon, 31 Aug 2026 12:00:00 +0000\r\nMessage-ID: <counter-{i}@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"g\"\r\n\r\n--g\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n\r\nParticipant {i} has proposed a new time for this event.\r\n--g\r\nContent-Type: text/calendar; charset=\"UTF-8\"; method=COUNTER\r\n\r\nBEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nMETHOD:COUNTER\r\n{LONDON_ZONE}BEGIN:VEVENT\r\nDTSTART;TZID=Europe/London:{local}\r\nDTEND;TZID=Europe/London:{local}\r\nORGANIZER;CN=Dr. Sam Rivera:mailto:sam@uni.example\r\nUID:interview-{i}@uni.example\r\nATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dr. Sam Rivera:mailto:sam@uni.example\r\nATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=Participant {i}:mailto:participant{i}@example.org\r\nCOMMENT:Could we do the next day instead?\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n\r\n--g--\r\n"
    )
}

fn replies() -> Vec<Vec<u8>> {
    (0..COUNT)
        .map(|i| match i % 4 {
            0 | 1 => token_reply(i),
            2 => outlook_reply(i),
            _ => google_counter(i),
        })
        .map(String::into_bytes)
        .collect()
}

fn calendars() -> Vec<String> {
    (0..COUNT)
        .map(|i| build_calendar(&event(i), ItipMethod::Request))
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("messages");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Elements(COUNT as u64));

    let values = confirmation_values();
    group.bench_function("build_invitations", |b| {
        b.iter(|| {
            for i in 0..COUNT {
                black_box(invitation(i, &values));
            }
        })
    });

    let received = replies();
    group.bench_function("interpret_replies", |b| {
        b.iter(|| {
            for raw in &received {
                black_box(interpret(raw));
            }
        })
    });

    let texts = calendars();
    group.bench_function("parse_calendars/parse_itip", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(parse_itip(text).unwrap());
            }
        })
    });
    group.bench_function("parse_calendars/icalendar_crate", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(text.parse::<icalendar::Calendar>().unwrap());
            }
        })
    });
    group.finish();

    // Dates as participants read them: ICU4X in their language against the fixed English
    // pattern chrono wrote before messages had a language.
    let mut dates = c.benchmark_group("dates");
    dates
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(COUNT as u64));
    let zone = chrono_tz::Europe::Berlin;
    for tag in ["en-GB", "de-DE", "pt-BR"] {
        let language: confab_core::Language = tag.parse().unwrap();
        dates.bench_function(format!("interview_and_choice_times/{tag}"), |b| {
            b.iter(|| {
                for i in 0..COUNT {
                    let (start, end) = (start_of(i), start_of(i) + Span::minutes(45));
                    black_box(confab_mail::dates::interview_time(
                        start, end, zone, &language,
                    ));
                    black_box(confab_mail::dates::choice_time(start, end, zone, &language));
                }
            })
        });
    }
    dates.bench_function("interview_and_choice_times/chrono_english_pattern", |b| {
        b.iter(|| {
            for i in 0..COUNT {
                let (start, end) = (
                    start_of(i).with_timezone(&zone),
                    (start_of(i) + Span::minutes(45)).with_timezone(&zone),
                );
                black_box(format!(
                    "{}–{}",
                    start.format("%A %-d %B %Y, %H:%M"),
                    end.format("%H:%M")
                ));
                black_box(format!(
                    "{}–{}",
                    start.format("%a %-d %b, %H:%M"),
                    end.format("%H:%M")
                ));
            }
        })
    });
    dates.finish();
}

/// Median of `runs` timings of `work`, in milliseconds.
fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut timings: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    timings.sort_by(f64::total_cmp);
    timings[runs / 2]
}

fn compare_with_python() {
    const RUNS: usize = 5;
    let folder = tempfile::tempdir().unwrap();
    let texts = calendars();
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(folder.path().join(format!("invite-{i:05}.ics")), text).unwrap();
    }
    // Read back from the files, as the script does, so both parse the same bytes.
    let from_disk: Vec<String> = (0..COUNT)
        .map(|i| std::fs::read_to_string(folder.path().join(format!("invite-{i:05}.ics"))).unwrap())
        .collect();
    let rust = median_ms(RUNS, || {
        for text in &from_disk {
            black_box(parse_itip(text).unwrap());
        }
    });

    // Cargo names this checkout's crate folder at run time; the folder compiled in may be
    // another checkout's sharing the build folder.
    let crate_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf());
    let script = crate_dir.join("../../scripts/bench-python-icalendar.py");
    let python = std::env::var("CONFAB_PYTHON").unwrap_or_else(|_| "python3".into());
    let output = Command::new(&python)
        .arg(&script)
        .arg(folder.path())
        .arg(RUNS.to_string())
        .output();
    let python_ms = match output {
        Ok(out) if out.status.success() => {
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            print!("{stdout}");
            stdout
                .lines()
                .find_map(|l| l.strip_prefix("RESULT "))
                .and_then(|l| l.split(' ').find_map(|kv| kv.strip_prefix("median_ms=")))
                .and_then(|v| v.parse::<f64>().ok())
        }
        Ok(out) => {
            eprintln!(
                "{python} {}: {}",
                script.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            );
            None
        }
        Err(e) => {
            eprintln!("could not run {python}: {e}");
            None
        }
    };

    println!("\nReading the same {COUNT} calendar files (median of {RUNS} runs, parsing only):");
    println!(
        "  confab parse_itip      {rust:>9.1} ms  {:>6.1} µs per file",
        rust * 1000.0 / COUNT as f64
    );
    match python_ms {
        Some(ms) => println!(
            "  python icalendar       {ms:>9.1} ms  {:>6.1} µs per file  ({:.0}× the time of parse_itip)",
            ms * 1000.0 / COUNT as f64,
            ms / rust
        ),
        None => println!(
            "  python icalendar       not run (set CONFAB_PYTHON to a Python with icalendar 6)"
        ),
    }
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
    let benchmarking = std::env::args().any(|a| a == "--bench");
    if benchmarking && std::env::var("CONFAB_BENCH_PYTHON").as_deref() != Ok("0") {
        compare_with_python();
    }
}
