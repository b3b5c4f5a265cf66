#![allow(clippy::unwrap_used)]

//! What Sync learns of each message it reads, in one statement: whether it is Confab's own
//! copy of something it sent (its Message-ID written with or without angle brackets), and
//! whether it was handled before.

use confab_store::inbound::{self, Arrival};
use confab_store::{ConnectionTrait, open};
use sea_orm::{DbBackend, Statement};

async fn queue_sent(db: &impl ConnectionTrait, message_id: &str, state: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "INSERT INTO outbox (kind, recipients, subject, text_body, html_body, message_id, raw, \
             state, created_at, updated_at, unknown_since) \
             VALUES ('invitation', '[]', 'Choose a time', '', '', ?, x'00', ?, 1, 1, 1) RETURNING id",
            [message_id.into(), state.into()],
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "id").unwrap()
}

#[tokio::test]
async fn a_message_is_known_as_an_own_copy_or_as_handled_and_otherwise_as_new() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    let c = &db.connection;
    let new = Arrival {
        own: None,
        seen: false,
    };
    assert_eq!(
        inbound::arrival(c, Some("answer-1@example.org"), "answer-1@example.org")
            .await
            .unwrap(),
        new
    );
    assert_eq!(inbound::arrival(c, None, "INBOX/7/12").await.unwrap(), new);

    let sent = queue_sent(c, "<invite-1@confab>", "sent").await;
    let unknown = queue_sent(c, "invite-2@confab", "unknown").await;
    for id in [
        "invite-1@confab",
        "<invite-1@confab>",
        " <invite-1@confab> ",
    ] {
        let found = inbound::arrival(c, Some(id), id).await.unwrap();
        assert_eq!(found.own, Some((sent, "sent".to_owned())), "{id}");
    }
    let found = inbound::arrival(c, Some("<invite-2@confab>"), "<invite-2@confab>")
        .await
        .unwrap();
    assert_eq!(found.own, Some((unknown, "unknown".to_owned())));
    // Another message's id is not taken for one of these.
    let other = inbound::arrival(c, Some("invite-3@confab"), "invite-3@confab")
        .await
        .unwrap();
    assert_eq!(other, new);

    inbound::insert(
        c,
        inbound::new_row(
            "answer-1@example.org".into(),
            "ada@example.org".into(),
            "Re: Choose a time".into(),
            "choice",
            "booked".into(),
            2,
        ),
    )
    .await
    .unwrap();
    assert_eq!(
        inbound::arrival(c, Some("answer-1@example.org"), "answer-1@example.org")
            .await
            .unwrap(),
        Arrival {
            own: None,
            seen: true,
        }
    );
    // Handled under its key, not under any other.
    assert_eq!(
        inbound::arrival(c, Some("answer-2@example.org"), "answer-2@example.org")
            .await
            .unwrap(),
        new
    );
}
