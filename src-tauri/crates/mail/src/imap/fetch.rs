//! Reading new mail incrementally: every message with a UID above the last one read, as
//! long as the folder's UIDVALIDITY has not changed. Messages are fetched with
//! `BODY.PEEK[]`, so none is marked as read.

use futures::TryStreamExt;
use serde::{Deserialize, Serialize};

use super::ImapSession;
use super::error::{ImapError, ImapErrorKind};

/// How far a folder has been read. Store it after the batch's messages are saved, and
/// pass it back as `since` for the next batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MailboxPosition {
    pub uid_validity: u32,
    pub last_uid: u32,
}

#[derive(Clone, PartialEq, Eq)]
pub struct FetchedMessage {
    pub uid: u32,
    /// The whole message exactly as the server keeps it.
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub uid_validity: u32,
    pub uid_next: Option<u32>,
    /// The folder's UIDVALIDITY is not the one in `since`: the server renumbered its
    /// messages, so this batch starts again from the first one. Messages read before come
    /// again; recognise them by their Message-ID.
    pub restarted: bool,
    /// In UID order.
    pub messages: Vec<FetchedMessage>,
    /// New messages beyond the limit, left for the next call.
    pub remaining: usize,
    /// Where the next call continues.
    pub position: MailboxPosition,
}

impl ImapSession {
    /// Up to `limit` (at least one) messages of `folder` that arrived after `since`; all of
    /// them, oldest first, when `since` is `None` or from another UIDVALIDITY.
    pub async fn fetch_new(
        &mut self,
        folder: &str,
        since: Option<MailboxPosition>,
        limit: usize,
    ) -> Result<Batch, ImapError> {
        // EXAMINE opens the folder read-only: reading changes no flag, not even \Recent.
        let mailbox = self
            .run(&format!("open the folder {folder}"), async |session| {
                session.examine(folder).await
            })
            .await?;
        let uid_validity = mailbox.uid_validity.ok_or_else(|| {
            ImapError::new(
                ImapErrorKind::Server,
                format!(
                    "The IMAP server {} gave no UIDVALIDITY for {folder}, so new messages cannot \
                     be told from old ones.",
                    self.server
                ),
            )
        })?;
        let (first, restarted, last_read) = match since {
            Some(position) if position.uid_validity == uid_validity => (
                position.last_uid.saturating_add(1),
                false,
                position.last_uid,
            ),
            Some(_) => (1, true, 0),
            None => (1, false, 0),
        };
        let nothing_new = mailbox.exists == 0 || mailbox.uid_next.is_some_and(|next| first >= next);
        let mut uids: Vec<u32> = if nothing_new {
            Vec::new()
        } else {
            let query = format!("UID {first}:*");
            self.run(&format!("search {folder}"), async |session| {
                session.uid_search(&query).await
            })
            .await?
            .into_iter()
            // "n:*" also matches the highest UID when that is below n.
            .filter(|uid| *uid >= first)
            .collect()
        };
        uids.sort_unstable();
        let limit = limit.max(1);
        let remaining = uids.len().saturating_sub(limit);
        uids.truncate(limit);

        let mut messages = Vec::with_capacity(uids.len());
        if !uids.is_empty() {
            let set = uid_set(&uids);
            let fetched: Vec<_> = self
                .run(&format!("read messages in {folder}"), async |session| {
                    session
                        .uid_fetch(&set, "(UID BODY.PEEK[])")
                        .await?
                        .try_collect::<Vec<_>>()
                        .await
                })
                .await?;
            messages.extend(fetched.iter().filter_map(|fetch| {
                let uid = fetch.uid?;
                let bytes = fetch.body()?;
                uids.binary_search(&uid).ok()?;
                Some(FetchedMessage {
                    uid,
                    bytes: bytes.to_vec(),
                })
            }));
            messages.sort_by_key(|message| message.uid);
            messages.dedup_by_key(|message| message.uid);
        }
        let last_uid = messages.last().map_or(last_read, |message| message.uid);
        Ok(Batch {
            uid_validity,
            uid_next: mailbox.uid_next,
            restarted,
            messages,
            remaining,
            position: MailboxPosition {
                uid_validity,
                last_uid,
            },
        })
    }
}

/// A sorted list of UIDs as an IMAP sequence set, runs collapsed: `1:3,7,9:10`.
pub(super) fn uid_set(sorted: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut iter = sorted.iter().copied().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end.wrapping_add(1))) {
            end = iter.next().unwrap_or(end);
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}:{end}")
        });
    }
    parts.join(",")
}

impl std::fmt::Debug for FetchedMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FetchedMessage")
            .field("uid", &self.uid)
            .field("bytes", &format_args!("{} bytes", self.bytes.len()))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_collapse_runs() {
        assert_eq!(uid_set(&[1, 2, 3, 7, 9, 10]), "1:3,7,9:10");
        assert_eq!(uid_set(&[5]), "5");
        assert_eq!(uid_set(&[]), "");
        assert_eq!(uid_set(&[u32::MAX - 1, u32::MAX]), "4294967294:4294967295");
    }
}
