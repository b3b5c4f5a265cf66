//! Messages and waiting for delivery, shared by the tests against the mail stack.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use confab_mail::imap::{Batch, FetchedMessage, ImapSession};
use tokio::net::TcpStream;

/// A finished message as the outbox would keep it, with CRLF line ends and a fresh
/// Message-ID (returned without brackets).
pub fn message(from: &str, to: &str, subject: &str) -> (String, Vec<u8>) {
    let id = format!("{}@confab.test", uuid::Uuid::new_v4());
    let bytes = format!(
        "From: Researcher <{from}>\r\n\
         To: <{to}>\r\n\
         Subject: {subject}\r\n\
         Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n\
         Message-ID: <{id}>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         Hello,\r\n\
         \r\n\
         please pick a time: Tuesday 10:00 or Wednesday 14:30 (Zürich time).\r\n\
         \r\n\
         -- \r\n\
         The study team\r\n"
    );
    (id, bytes.into_bytes())
}

/// Reads `folder` until a message ending with `wanted` is there, for at most 15 s:
/// delivery through OpenSMTPD's queue and LMTP happens in the background.
pub async fn wait_for_message(
    session: &mut ImapSession,
    folder: &str,
    wanted: &[u8],
) -> FetchedMessage {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let batch: Batch = session.fetch_new(folder, None, 100).await.unwrap();
        let count = batch.messages.len();
        let last = batch.messages.last().map(|message| message.bytes.clone());
        if let Some(found) = batch
            .messages
            .into_iter()
            .find(|message| message.bytes.ends_with(wanted))
        {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "the message did not arrive in {folder} within 15 s; {count} others there, the \
             last one:\n{}",
            String::from_utf8_lossy(last.as_deref().unwrap_or_default())
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The UIDs in `folder` without \Seen, read over a separate plain connection so that the
/// check does not go through the code under test.
pub async fn unseen_uids(port: u16, user: &str, password: &str, folder: &str) -> Vec<u32> {
    let tcp = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let mut client = async_imap::Client::new(tcp);
    client.read_response().await.unwrap().unwrap();
    let mut session = client
        .login(user, password)
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    session.examine(folder).await.unwrap();
    let mut uids: Vec<u32> = session
        .uid_search("UNSEEN")
        .await
        .unwrap()
        .into_iter()
        .collect();
    uids.sort_unstable();
    session.logout().await.unwrap();
    uids
}

/// A port on 127.0.0.1 that nothing listens on (free a moment ago).
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}
