//! The participants' side of the mail loop: their own mailboxes on the test stack, the replies
//! their mail and calendar programs would send, and Python's icalendar as an independent
//! reader of what Confab sent.

#![allow(clippy::unwrap_used, dead_code)]

use std::process::Command;

use confab_mail::imap::ImapSession;
use confab_mail::smtp::SmtpSender;
use confab_mail::test_stack::MailStack;
use confab_service::{MailAccount, MailAuth, MailProfile, MailSecurity};
use mail_parser::{MessageParser, MimeHeaders};

/// The researcher's profile on the stack: TLS on both servers, as a provider offers it.
pub fn researcher_profile(stack: &MailStack) -> MailProfile {
    let tls = stack.tls_account("researcher");
    MailProfile {
        researcher_name: "Dr Sam Rivera".into(),
        researcher_email: stack.address("researcher"),
        time_zone: "Europe/Berlin".into(),
        account: Some(MailAccount {
            username: tls.username.clone(),
            auth: MailAuth::Password,
            smtp_host: tls.smtp.host.clone(),
            smtp_port: tls.smtp.port,
            smtp_security: MailSecurity::Tls,
            smtp_login: true,
            imap_host: tls.imap.host.clone(),
            imap_port: tls.imap.port,
            imap_security: MailSecurity::Tls,
            read_since: None,
        }),
        sync_automatically: false,
    }
}

/// Every message in `user`'s inbox, oldest first.
pub async fn inbox(stack: &MailStack, user: &str) -> Vec<Vec<u8>> {
    let mut session = ImapSession::connect(
        &stack.account(user),
        &stack.secret(),
        &stack.connect_options(),
    )
    .await
    .unwrap();
    let batch = session.fetch_new("INBOX", None, 1000).await.unwrap();
    let _ = session.logout().await;
    batch.messages.into_iter().map(|m| m.bytes).collect()
}

/// The messages in `user`'s inbox whose subject contains `needle`, once there are at least
/// `count` of them: the SMTP server delivers to the mailbox on its own time, so this waits
/// (up to 20 s) for delivery, and then returns what arrived.
pub async fn inbox_with(stack: &MailStack, user: &str, needle: &str, count: usize) -> Vec<Vec<u8>> {
    // Generous: it returns as soon as the mail is there, and a machine busy with builds and
    // fuzzers can take longer than 20 s for a Sync and its delivery.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let found: Vec<Vec<u8>> = inbox(stack, user)
            .await
            .into_iter()
            .filter(|m| subject(m).contains(needle))
            .collect();
        if found.len() >= count || std::time::Instant::now() > deadline {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Waits until `user`'s inbox holds `count` messages whose subject contains `needle`.
pub async fn delivered_to(stack: &MailStack, user: &str, needle: &str, count: usize) {
    let got = inbox_with(stack, user, needle, count).await.len();
    assert!(
        got >= count,
        "only {got} of {count} \"{needle}\" messages reached {user}'s inbox"
    );
}

pub fn subject(message: &[u8]) -> String {
    MessageParser::default()
        .parse(message)
        .and_then(|m| m.subject().map(str::to_owned))
        .unwrap_or_default()
}

pub fn text_body(message: &[u8]) -> String {
    let parsed = MessageParser::default().parse(message).unwrap();
    parsed.body_text(0).unwrap().into_owned()
}

/// The text/calendar alternative of a message.
pub fn calendar_part(message: &[u8]) -> String {
    let parsed = MessageParser::default().parse(message).unwrap();
    for part in parsed.parts.iter() {
        if let Some(ct) = part.content_type()
            && ct.ctype().eq_ignore_ascii_case("text")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("calendar"))
        {
            return String::from_utf8_lossy(part.contents()).into_owned();
        }
    }
    panic!(
        "no text/calendar part in:\n{}",
        String::from_utf8_lossy(message)
    );
}

/// Sends raw bytes as `user` through the stack's SMTP server.
pub async fn send_as(stack: &MailStack, user: &str, to: &str, bytes: &[u8]) {
    let sender = SmtpSender::new(
        &stack.account(user),
        &stack.secret(),
        &stack.connect_options(),
    )
    .unwrap();
    sender
        .send(&stack.address(user), &[to], bytes)
        .await
        .unwrap();
    sender.close().await;
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// A `mailto:` link as a mail program reads it: the address, the subject and the body.
#[derive(Debug, Clone)]
pub struct Mailto {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// The `n`th mailto: link in a message's text.
pub fn mailto_link(text: &str, n: usize) -> Mailto {
    let link = text
        .split(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .filter(|w| w.starts_with("mailto:"))
        .nth(n)
        .unwrap_or_else(|| panic!("no mailto link number {n} in:\n{text}"));
    let rest = &link["mailto:".len()..];
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut subject = String::new();
    let mut body = String::new();
    for pair in query.split('&') {
        if let Some((k, v)) = pair.split_once('=') {
            match k.to_ascii_lowercase().as_str() {
                "subject" => subject = percent_decode(v),
                "body" => body = percent_decode(v),
                _ => {}
            }
        }
    }
    Mailto {
        to: percent_decode(to),
        subject,
        body,
    }
}

/// The reply a mail program sends when the participant clicks a link and presses Send.
pub fn reply_from_link(from: &str, link: &Mailto, message_id: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {}\r\nSubject: {}\r\nMessage-ID: <{message_id}>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        link.to,
        link.subject,
        link.body.replace('\n', "\r\n")
    )
    .into_bytes()
}

/// `user` clicks `link`: their mail program opens the message the link prefills, and they
/// send it as it is, to the address it names.
pub async fn click(stack: &MailStack, user: &str, link: &Mailto, message_id: &str) {
    let reply = reply_from_link(&stack.address(user), link, message_id);
    send_as(stack, user, &link.to, &reply).await;
}

/// What a calendar program sends when the attendee declines: an iTIP REPLY.
pub fn calendar_reply(from: &str, to: &str, uid: &str, sequence: u32, partstat: &str) -> Vec<u8> {
    let ics = format!(
        "BEGIN:VCALENDAR\r\nPRODID:-//Test//Calendar//EN\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:{sequence}\r\nDTSTAMP:20261123T100000Z\r\nATTENDEE;PARTSTAT={partstat}:mailto:{from}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Declined: interview\r\nMessage-ID: <reply-{uid}-{partstat}@confab.test>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nI can't make it.\r\n--b1\r\nContent-Type: text/calendar; charset=utf-8; method=REPLY\r\n\r\n{ics}--b1--\r\n"
    )
    .into_bytes()
}

/// What a calendar program sends when the attendee proposes another time: an iTIP COUNTER.
pub fn calendar_counter(
    from: &str,
    to: &str,
    uid: &str,
    start: chrono::DateTime<chrono::Utc>,
    end: chrono::DateTime<chrono::Utc>,
) -> Vec<u8> {
    let at = |t: chrono::DateTime<chrono::Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let ics = format!(
        "BEGIN:VCALENDAR\r\nPRODID:-//Test//Calendar//EN\r\nVERSION:2.0\r\nMETHOD:COUNTER\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:20261123T100000Z\r\nDTSTART:{}\r\nDTEND:{}\r\nATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:{from}\r\nCOMMENT:Could we meet a little later?\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        at(start),
        at(end)
    );
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: New time proposed: interview\r\nMessage-ID: <counter-{}@confab.test>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNew time proposed.\r\n--b1\r\nContent-Type: text/calendar; charset=utf-8; method=COUNTER\r\n\r\n{ics}--b1--\r\n",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes()
}

/// The calendar as Python's icalendar reads it: method, uid, sequence, start and end (UTC,
/// RFC 3339), organizer and attendees.
pub fn python_reads(ics: &str) -> serde_json::Value {
    let python = std::env::var("CONFAB_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = r#"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
ev = [c for c in cal.walk() if c.name == "VEVENT"][0]
att = ev.get("attendee")
att = att if isinstance(att, list) else [att]
def utc(p):
    if p is None:
        return None
    d = p.dt
    return d.astimezone(__import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
print(json.dumps({
  "method": str(cal.get("method")),
  "uid": str(ev.get("uid")),
  "sequence": int(ev.get("sequence", 0)),
  "start": utc(ev.get("dtstart")),
  "end": utc(ev.get("dtend")),
  "summary": str(ev.get("summary")),
  "organizer": str(ev.get("organizer")),
  "attendees": [str(a) for a in att if a is not None],
  "rsvp": [a.params.get("RSVP") for a in att if a is not None],
}))
"#;
    let mut child = Command::new(&python)
        .arg("-c")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("Python ({python}) is needed to check calendars: {e}. Run scripts/test.sh, which installs it."));
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "Python's icalendar could not read the calendar: {}\n{ics}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The Message-ID of a message.
pub fn message_id(message: &[u8]) -> String {
    MessageParser::default()
        .parse(message)
        .and_then(|m| m.message_id().map(str::to_owned))
        .unwrap_or_default()
}

/// The first address of a header such as To.
pub fn header_address(message: &[u8], header: &str) -> String {
    let parsed = MessageParser::default().parse(message).unwrap();
    let address = match header {
        "To" => parsed.to(),
        "From" => parsed.from(),
        _ => None,
    };
    address
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_owned()
}

/// The researcher's Sync against the stack, with the password given as a scheduled task would.
pub async fn sync(
    confab: &confab_service::Confab,
    stack: &MailStack,
) -> confab_service::SyncReport {
    confab
        .sync(
            confab_service::SyncOptions {
                password: Some(stack.password().to_owned()),
                connect: stack.connect_options(),
                ..Default::default()
            },
            |_| {},
        )
        .await
        .unwrap()
}

/// A study of one session whose researcher sends and reads through the stack.
pub async fn study_sending_through(stack: &MailStack, self_scheduling: bool) -> super::Fixture {
    let f = super::Fixture::new(1, self_scheduling).await;
    f.confab
        .update_mail_profile(researcher_profile(stack))
        .await
        .unwrap();
    f
}

/// A study of one session whose researcher sends through the stack, with Alice invited by
/// the first Sync: the study, Alice's id, and the text of the invitation she received.
pub async fn alice_invited(
    stack: &MailStack,
    self_scheduling: bool,
) -> (super::Fixture, i64, String) {
    let f = study_sending_through(stack, self_scheduling).await;
    let alice = mailbox_participant(&f, stack, "alice", "Alice Park").await;
    f.confab
        .invite_participants(f.study_id, &[alice], &super::me())
        .await
        .unwrap();
    sync(&f.confab, stack).await;
    let text = text_body(&inbox_with(stack, "alice", "Invitation", 1).await[0]);
    (f, alice, text)
}

/// A participant of the fixture's study whose mailbox is `user` on the stack, in Berlin.
pub async fn mailbox_participant(
    f: &super::Fixture,
    stack: &MailStack,
    user: &str,
    name: &str,
) -> i64 {
    f.confab
        .create_participant(
            confab_service::NewParticipant {
                name: name.into(),
                email: stack.address(user),
                time_zone: Some("Europe/Berlin".into()),
                phone: String::new(),
                notes: String::new(),
                custom_fields: Default::default(),
                language: None,
                study_id: Some(f.study_id),
            },
            &super::me(),
        )
        .await
        .unwrap()
        .id
}

/// The common start of a Sync test: the researcher's account on the stack, Alice Park and Bob
/// Stone as mailbox participants, both invited and their invitations sent. Returns their ids.
pub async fn alice_and_bob_invited(f: &super::Fixture, stack: &MailStack) -> (i64, i64) {
    f.confab
        .update_mail_profile(researcher_profile(stack))
        .await
        .unwrap();
    let alice = mailbox_participant(f, stack, "alice", "Alice Park").await;
    let bob = mailbox_participant(f, stack, "bob", "Bob Stone").await;
    f.confab
        .invite_participants(f.study_id, &[alice, bob], &super::me())
        .await
        .unwrap();
    sync(&f.confab, stack).await;
    (alice, bob)
}
