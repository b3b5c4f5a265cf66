//! Messages end to end: what Confab builds is read back by other parsers and by its own.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

use chrono::{DateTime, TimeZone, Utc};
use confab_mail::{
    calendar::{
        InterviewEvent, ItipKind, ItipMethod, ItipTime, PartStat, Person, build_calendar,
        parse_itip,
    },
    inbound::{InboundKind, interpret},
    mailto::mailto_link,
    mime::{AutoSubmitted, CalendarPart, MimeError, OutgoingMail, build_mime, new_message_id},
    template::{Field, Link, LinkList, MessageKind, Values, render},
    token::{find_tokens, new_token, tagged_subject},
};
use icalendar::Component;
use mail_parser::{MessageParser, MimeHeaders};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, hour, 0, 0).unwrap()
}

fn researcher() -> Person {
    Person::new("Dr. Sam Rivera", "sam@uni.example")
}

fn participant() -> Person {
    Person::new("Ada Ng", "ada@example.org")
}

fn event() -> InterviewEvent {
    InterviewEvent {
        uid: "interview-7@uni.example".into(),
        sequence: 1,
        organizer: researcher(),
        attendees: vec![participant(), researcher()],
        start: at(10),
        end: at(11),
        summary: "Interview: Everyday Sleep Study".into(),
        description: "We will talk about your sleep diary.".into(),
        location: None,
        conferencing_url: Some("https://meet.example/sleep".into()),
        dial_in: Some("+44 20 7946 0000, PIN 123456".into()),
        dtstamp: at(8),
        language: String::new(),
    }
}

fn mail(calendar: Option<CalendarPart>) -> OutgoingMail {
    OutgoingMail {
        message_id: new_message_id("sam@uni.example"),
        from: researcher(),
        to: vec![participant()],
        reply_to: None,
        subject: "Confirmed: your interview".into(),
        text: "See you then.".into(),
        html: "<p>See you then.</p>".into(),
        calendar,
        in_reply_to: Some("<choice-1@example.org>".into()),
        date: at(9),
        auto_submitted: None,
    }
}

#[test]
fn a_request_is_read_back_by_icalendar_and_by_parse_itip() {
    let ics = build_calendar(&event(), ItipMethod::Request);

    let parsed: icalendar::Calendar = ics.parse().unwrap();
    assert_eq!(parsed.property_value("METHOD"), Some("REQUEST"));
    let events: Vec<&icalendar::Event> = parsed.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 1);
    let vevent = events[0];
    assert_eq!(vevent.get_uid(), Some("interview-7@uni.example"));
    assert_eq!(vevent.get_sequence(), Some(1));
    assert_eq!(
        vevent.get_summary(),
        Some("Interview: Everyday Sleep Study")
    );
    assert_eq!(vevent.get_start(), Some(at(10).into()));
    assert_eq!(vevent.get_end(), Some(at(11).into()));
    assert_eq!(vevent.get_attendees().len(), 2);
    let description = vevent.get_description().unwrap();
    assert!(description.contains("Join online: https://meet.example/sleep"));
    assert!(description.contains("Dial in: +44 20 7946 0000, PIN 123456"));

    let itip = parse_itip(&ics).unwrap();
    assert_eq!(itip.method, ItipKind::Request);
    assert_eq!(itip.uid, "interview-7@uni.example");
    assert_eq!(itip.sequence, 1);
    assert_eq!(itip.organizer.as_deref(), Some("sam@uni.example"));
    let emails: Vec<&str> = itip.attendees.iter().map(|a| a.email.as_str()).collect();
    assert_eq!(emails, ["ada@example.org", "sam@uni.example"]);
    let ada = itip.attendee.unwrap();
    assert_eq!(ada.email, "ada@example.org");
    assert_eq!(ada.name.as_deref(), Some("Ada Ng"));
    assert_eq!(ada.partstat, PartStat::NeedsAction);
    assert_eq!(itip.start, Some(ItipTime::At(at(10))));
    assert_eq!(itip.end, Some(ItipTime::At(at(11))));
}

#[test]
fn the_mime_structure_is_what_calendar_clients_act_on() {
    let ics = build_calendar(&event(), ItipMethod::Request);
    let outgoing = mail(Some(CalendarPart {
        method: ItipMethod::Request,
        ics: ics.clone(),
    }));
    let bytes = build_mime(&outgoing).unwrap();
    let message = MessageParser::default().parse(&bytes).unwrap();

    assert_eq!(
        message.message_id(),
        Some(outgoing.message_id.trim_matches(['<', '>']))
    );
    assert_eq!(
        message.in_reply_to().as_text(),
        Some("choice-1@example.org")
    );
    assert_eq!(message.references().as_text(), Some("choice-1@example.org"));
    assert_eq!(message.subject(), Some("Confirmed: your interview"));
    assert_eq!(message.date().unwrap().to_timestamp(), at(9).timestamp());
    let from = message.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("Dr. Sam Rivera"));
    assert_eq!(from.address(), Some("sam@uni.example"));

    let types: Vec<String> = message
        .parts
        .iter()
        .map(|p| {
            let ct = p.content_type().unwrap();
            format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or(""))
        })
        .collect();
    assert_eq!(
        types,
        [
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "text/calendar",
            "application/ics"
        ]
    );
    let inline = &message.parts[4];
    let inline_ct = inline.content_type().unwrap();
    assert_eq!(inline_ct.attribute("method"), Some("REQUEST"));
    assert_eq!(inline_ct.attribute("charset"), Some("utf-8"));
    let inline_text = inline.text_contents().unwrap();
    assert!(inline_text.contains("\r\nMETHOD:REQUEST\r\n"));
    assert_eq!(inline_text, ics);

    let attachment = &message.parts[5];
    assert_eq!(attachment.attachment_name(), Some("invite.ics"));
    assert_eq!(
        attachment.content_disposition().map(|d| d.ctype()),
        Some("attachment")
    );
    assert_eq!(attachment.contents(), ics.as_bytes());
}

#[test]
fn without_a_calendar_the_message_is_text_and_html_only() {
    let bytes = build_mime(&mail(None)).unwrap();
    let message = MessageParser::default().parse(&bytes).unwrap();
    let root = message.parts[0].content_type().unwrap();
    assert_eq!(
        (root.ctype(), root.subtype()),
        ("multipart", Some("alternative"))
    );
    assert_eq!(message.parts.len(), 3);
    assert_eq!(message.body_text(0).as_deref(), Some("See you then."));
}

#[test]
fn a_calendar_part_must_say_the_method_its_calendar_says() {
    let err = build_mime(&mail(Some(CalendarPart {
        method: ItipMethod::Cancel,
        ics: build_calendar(&event(), ItipMethod::Request),
    })))
    .unwrap_err();
    assert_eq!(
        err,
        MimeError::MethodMismatch {
            declared: "CANCEL".into(),
            found: "REQUEST".into()
        }
    );
}

#[test]
fn invitations_come_from_their_organizer() {
    let mut other_sender = mail(Some(CalendarPart {
        method: ItipMethod::Request,
        ics: build_calendar(&event(), ItipMethod::Request),
    }));
    other_sender.from = Person::new("Lab", "lab@uni.example");
    assert_eq!(
        build_mime(&other_sender),
        Err(MimeError::NotFromOrganizer {
            organizer: "sam@uni.example".into(),
            from: "lab@uni.example".into()
        })
    );
    other_sender.from = Person::new("Sam", "Sam@Uni.Example");
    assert!(build_mime(&other_sender).is_ok());
}

#[test]
fn addresses_and_message_ids_are_checked() {
    let mut bad_to = mail(None);
    bad_to.to = vec![Person::new("Ada", "ada(at)example.org")];
    assert!(matches!(
        build_mime(&bad_to),
        Err(MimeError::InvalidAddress { field, address, .. })
            if field == "To" && address == "ada(at)example.org"
    ));
    let mut nobody = mail(None);
    nobody.to.clear();
    assert_eq!(build_mime(&nobody), Err(MimeError::NoRecipients));
    let mut bad_id = mail(None);
    bad_id.in_reply_to = Some("<x@y>\r\nBcc: eve@evil.example".into());
    assert!(matches!(
        build_mime(&bad_id),
        Err(MimeError::InvalidMessageId { field, .. }) if field == "In-Reply-To"
    ));
}

#[test]
fn line_breaks_in_names_and_subjects_cannot_add_headers() {
    let mut hostile = mail(None);
    hostile.subject = "Hello\r\nBcc: eve@evil.example\nX-Injected: subject".into();
    hostile.to = vec![Person::new(
        "Ada\r\nX-Injected: name\r\n\r\n<html>",
        "ada@example.org",
    )];
    hostile.reply_to = Some(Person::new("Sam\nX-Injected: reply-to", "sam@uni.example"));
    let bytes = build_mime(&hostile).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let header_block = text.split("\r\n\r\n").next().unwrap();
    for line in header_block.split("\r\n") {
        let name = line.split(':').next().unwrap_or("").to_ascii_lowercase();
        assert!(
            name != "bcc" && name != "x-injected",
            "injected header line {line:?} in\n{header_block}"
        );
    }
    assert!(!text.contains("\r\nX-Injected:"));
    assert!(!text.contains("\r\nBcc:"));
    let message = MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(
        message.subject(),
        Some("Hello Bcc: eve@evil.example X-Injected: subject")
    );
    assert_eq!(
        message.to().unwrap().first().unwrap().name(),
        Some("Ada X-Injected: name <html>")
    );
    assert!(message.header("Bcc").is_none());
}

#[test]
fn a_participant_name_cannot_add_markup_to_the_html() {
    let values = Values::new()
        .with(Field::ParticipantName, "<script>alert('x')</script>")
        .with(Field::StudyName, "Sleep")
        .with(Field::ResearcherName, "Sam")
        .with(Field::InterviewTime, "Tuesday 1 December, 10:00")
        .with_links(
            LinkList::CancelLink,
            vec![Link::new(
                "Cancel",
                mailto_link("sam@uni.example", "Cancel [CF-X]", ""),
            )],
        );
    let rendered = render(
        &MessageKind::Confirmation.default_template(confab_core::BaseLanguage::English),
        &values,
    )
    .unwrap();
    let mut outgoing = mail(None);
    outgoing.subject = rendered.subject;
    outgoing.text = rendered.text;
    outgoing.html = rendered.html;
    let bytes = build_mime(&outgoing).unwrap();
    let message = MessageParser::default().parse(&bytes).unwrap();
    let html = message.body_html(0).unwrap();
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"mailto:sam@uni.example?subject=Cancel%20%5BCF-X%5D\">Cancel</a>")
    );
    let text = message.body_text(0).unwrap();
    assert!(
        text.contains("Hello <script>alert('x')</script>,"),
        "{text}"
    );
}

/// What a mail program does with a mailto link: the subject, decoded.
fn subject_of(link: &str) -> String {
    let query = link.split_once('?').unwrap().1;
    let encoded = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("subject="))
        .unwrap();
    let bytes = encoded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&encoded[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn raw_reply(subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Ada Ng <Ada@Example.org>\r\nTo: sam@uni.example\r\nSubject: {subject}\r\nDate: Tue, 1 Dec 2026 09:30:00 +0000\r\nMessage-ID: <reply-1@example.org>\r\nIn-Reply-To: <invite-1@uni.example>\r\nReferences: <first@uni.example> <invite-1@uni.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}"
    )
    .into_bytes()
}

#[test]
fn a_token_survives_a_mailto_link_and_a_quoted_reply() {
    let chosen = new_token();
    let other = new_token();
    let link = mailto_link(
        "sam@uni.example",
        &tagged_subject("Interview choice: Tue 1 Dec 10:00", &chosen),
        "",
    );
    let subject = subject_of(&link);
    assert_eq!(
        subject,
        format!("Interview choice: Tue 1 Dec 10:00 [{chosen}]")
    );

    // The participant clicked the link and pressed Send.
    let inbound = interpret(&raw_reply(&subject, ""));
    assert_eq!(inbound.kind, InboundKind::Tokens(vec![chosen.clone()]));
    assert_eq!(inbound.from.as_deref(), Some("ada@example.org"));
    assert_eq!(inbound.message_id.as_deref(), Some("<reply-1@example.org>"));
    assert_eq!(
        inbound.in_reply_to.as_deref(),
        Some("<invite-1@uni.example>")
    );
    assert_eq!(
        inbound.references,
        ["<first@uni.example>", "<invite-1@uni.example>"]
    );
    assert_eq!(
        inbound.date,
        Some(Utc.with_ymd_and_hms(2026, 12, 1, 9, 30, 0).unwrap())
    );

    // A reply to that message keeps the token in "Re:" and quotes the invitation's links.
    let quoted = format!(
        "Sorry, one more thing: I may be 5 minutes late.\r\n\r\nOn Tue, 1 Dec 2026 at 09:00, Sam Rivera <sam@uni.example> wrote:\r\n> Choose a time:\r\n>   * Tue 10:00 {}\r\n>   * Wed 14:00 {}\r\n",
        mailto_link(
            "sam@uni.example",
            &tagged_subject("Interview choice: Tue", &chosen),
            ""
        ),
        mailto_link(
            "sam@uni.example",
            &tagged_subject("Interview choice: Wed", &other),
            ""
        ),
    );
    let inbound = interpret(&raw_reply(
        &format!("RE: {}", subject.to_lowercase()),
        &quoted,
    ));
    assert_eq!(inbound.kind, InboundKind::Tokens(vec![chosen.clone()]));

    // A reply that pastes a second code gives first and second choice in order.
    let second = interpret(&raw_reply(
        &format!("Re: {subject}"),
        &format!("My second choice would be {other}.\r\n"),
    ));
    assert_eq!(second.kind, InboundKind::Tokens(vec![chosen, other]));
}

#[test]
fn a_calendar_reply_is_read_from_the_mail_that_carries_it() {
    let reply_ics = build_calendar(&event(), ItipMethod::Request)
        .replace("METHOD:REQUEST", "METHOD:REPLY")
        .replace("PARTSTAT=NEEDS-ACTION", "PARTSTAT=DECLINED");
    let raw = format!(
        "From: ada@example.org\r\nTo: sam@uni.example\r\nSubject: Declined: Interview\r\nMessage-ID: <r@example.org>\r\nContent-Type: text/calendar; method=REPLY; charset=utf-8\r\n\r\n{reply_ics}"
    );
    let inbound = interpret(raw.as_bytes());
    let InboundKind::Itip(itip) = inbound.kind else {
        panic!("not read as iTIP: {:?}", inbound.kind);
    };
    assert_eq!(itip.method, ItipKind::Reply);
    assert_eq!(itip.uid, "interview-7@uni.example");
    let attendee = itip.attendee.unwrap();
    assert_eq!(attendee.email, "ada@example.org");
    assert_eq!(attendee.partstat, PartStat::Declined);
}

#[test]
fn found_tokens_in_text_keep_their_order() {
    let tokens: Vec<String> = (0..5).map(|_| new_token()).collect();
    let text = tokens.join(" then ");
    assert_eq!(find_tokens(&text), tokens);
}

#[test]
fn a_message_stuffed_with_codes_is_read_in_bounded_time() {
    let codes: Vec<String> = (0..300_000).map(|_| new_token()).collect();
    let subject = codes[..200_000].join(" ");
    let body = codes[200_000..230_000].join("\r\n");
    let raw = format!(
        "From: stranger@example.net\r\nTo: sam@uni.example\r\nSubject: {subject}\r\nMessage-ID: <stuffed@example.net>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    );
    let started = std::time::Instant::now();
    let inbound = interpret(raw.as_bytes());
    let InboundKind::Tokens(found) = inbound.kind else {
        panic!("not read as tokens: {:?}", inbound.kind);
    };
    assert_eq!(found, codes[..confab_mail::token::MAX_TOKENS]);
    // The subject is kept to one line's length: it is stored, shown and echoed in answers.
    assert_eq!(inbound.subject.unwrap().chars().count(), 998);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

/// The header's raw value, as a mail program or a vacation responder reads it.
fn raw_header(bytes: &[u8], name: &str) -> Option<String> {
    let message = MessageParser::default().parse(bytes).unwrap();
    message
        .headers()
        .iter()
        .find(|h| h.name().eq_ignore_ascii_case(name))
        .map(|h| {
            String::from_utf8_lossy(&bytes[h.offset_start() as usize..h.offset_end() as usize])
                .trim()
                .to_owned()
        })
}

#[test]
fn what_confab_writes_by_itself_says_so_and_asks_for_no_automatic_answer() {
    for (auto, value) in [
        (AutoSubmitted::Replied, "auto-replied"),
        (AutoSubmitted::Generated, "auto-generated"),
    ] {
        let mut outgoing = mail(None);
        outgoing.auto_submitted = Some(auto);
        let bytes = build_mime(&outgoing).unwrap();
        assert_eq!(raw_header(&bytes, "Auto-Submitted").as_deref(), Some(value));
        assert_eq!(
            raw_header(&bytes, "X-Auto-Response-Suppress").as_deref(),
            Some("All")
        );
        // Confab's own reader takes such a message for an automatic one.
        assert_eq!(interpret(&bytes).kind, InboundKind::AutoReply);
    }
    let typed = build_mime(&mail(None)).unwrap();
    assert_eq!(raw_header(&typed, "Auto-Submitted"), None);
    assert_eq!(raw_header(&typed, "X-Auto-Response-Suppress"), None);
}
