//! Reading new mail incrementally: every message with a UID above the last one read, as
//! long as the folder's UIDVALIDITY has not changed. Messages are fetched with
//! `BODY.PEEK[]`, so none is marked as read, one at a time: each one's size is asked first,
//! a message over [`MAX_FETCH_BYTES`] is not downloaded (only the start of its header), and
//! the time allowed for a message grows with its size.

use std::time::Duration;

use chrono::NaiveDate;
use futures::TryStreamExt;
use serde::{Deserialize, Serialize};

use super::ImapSession;
use super::error::{ImapError, ImapErrorKind};

/// A message larger than this is not downloaded by Sync. Replies are a few kilobytes; what
/// is larger is a letter with attachments for the researcher to open in their mail program.
pub const MAX_FETCH_BYTES: u32 = 25 * 1024 * 1024;
/// How much of an oversized message's header is read, to say whom it is from.
const HEADER_PREVIEW_BYTES: u32 = 64 * 1024;
/// The slowest transfer a message is given time for, on top of the session's timeout.
const SLOWEST_BYTES_PER_SECOND: u64 = 256 * 1024;

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
    /// Its size as the server gives it (RFC822.SIZE).
    pub size: u32,
    /// The whole message exactly as the server keeps it; for an oversized one, only the
    /// start of its header.
    pub bytes: Vec<u8>,
    /// Over [`MAX_FETCH_BYTES`]: not downloaded.
    pub oversized: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub uid_validity: u32,
    pub uid_next: Option<u32>,
    /// The folder's UIDVALIDITY is not the one in `since`: the server renumbered its
    /// messages, so old messages cannot be told from new ones. Nothing is read, and
    /// `position` is the folder's current end: reading goes on with what arrives next.
    pub restarted: bool,
    /// In UID order.
    pub messages: Vec<FetchedMessage>,
    /// New messages beyond the limit, left for the next call.
    pub remaining: usize,
    /// Where the next call continues.
    pub position: MailboxPosition,
}

impl ImapSession {
    /// The position at the folder's current end: reading from it reads only what arrives
    /// after now.
    pub async fn mailbox_end(&mut self, folder: &str) -> Result<MailboxPosition, ImapError> {
        let (uid_validity, uid_next) = self.open_read_only(folder).await?;
        let last_uid = match uid_next {
            Some(next) => next.saturating_sub(1),
            None => self.highest_uid(folder).await?,
        };
        Ok(MailboxPosition {
            uid_validity,
            last_uid,
        })
    }

    /// The position just before the first message of `folder` that arrived on `date` or
    /// later (by the server's arrival date), or the folder's end when none did.
    pub async fn position_since(
        &mut self,
        folder: &str,
        date: NaiveDate,
    ) -> Result<MailboxPosition, ImapError> {
        let end = self.mailbox_end(folder).await?;
        let query = format!("SINCE {}", date.format("%-d-%b-%Y"));
        let first = self
            .run(&format!("search {folder}"), async |session| {
                session.uid_search(&query).await
            })
            .await?
            .into_iter()
            .min();
        Ok(match first {
            Some(uid) if uid <= end.last_uid => MailboxPosition {
                uid_validity: end.uid_validity,
                last_uid: uid - 1,
            },
            _ => end,
        })
    }

    /// Up to `limit` (at least one) messages of `folder` that arrived after `since`; all of
    /// them, oldest first, when `since` is `None`; none when `since` is from another
    /// UIDVALIDITY (see [`Batch::restarted`]).
    pub async fn fetch_new(
        &mut self,
        folder: &str,
        since: Option<MailboxPosition>,
        limit: usize,
    ) -> Result<Batch, ImapError> {
        let (uid_validity, uid_next) = self.open_read_only(folder).await?;
        let (first, last_read) = match since {
            Some(position) if position.uid_validity == uid_validity => {
                (position.last_uid.saturating_add(1), position.last_uid)
            }
            Some(_) => {
                let last_uid = match uid_next {
                    Some(next) => next.saturating_sub(1),
                    None => self.highest_uid(folder).await?,
                };
                return Ok(Batch {
                    uid_validity,
                    uid_next,
                    restarted: true,
                    messages: Vec::new(),
                    remaining: 0,
                    position: MailboxPosition {
                        uid_validity,
                        last_uid,
                    },
                });
            }
            None => (1, 0),
        };
        let nothing_new = uid_next.is_some_and(|next| first >= next);
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
        for (uid, size) in self.sizes(folder, &uids).await? {
            if let Some(message) = self.fetch_one(folder, uid, size).await? {
                messages.push(message);
            }
        }
        let last_uid = messages.last().map_or(last_read, |message| message.uid);
        Ok(Batch {
            uid_validity,
            uid_next,
            restarted: false,
            messages,
            remaining,
            position: MailboxPosition {
                uid_validity,
                last_uid,
            },
        })
    }

    /// EXAMINE opens the folder read-only: reading changes no flag, not even \Recent.
    async fn open_read_only(&mut self, folder: &str) -> Result<(u32, Option<u32>), ImapError> {
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
        // An empty folder's next UID may be missing; nothing in it is below 1.
        let uid_next = mailbox
            .uid_next
            .or_else(|| (mailbox.exists == 0).then_some(1));
        Ok((uid_validity, uid_next))
    }

    /// The highest UID in the open folder, for servers that do not say UIDNEXT.
    async fn highest_uid(&mut self, folder: &str) -> Result<u32, ImapError> {
        Ok(self
            .run(&format!("search {folder}"), async |session| {
                session.uid_search("ALL").await
            })
            .await?
            .into_iter()
            .max()
            .unwrap_or(0))
    }

    /// Each message's size, in UID order; a message expunged meanwhile is left out.
    async fn sizes(&mut self, folder: &str, uids: &[u32]) -> Result<Vec<(u32, u32)>, ImapError> {
        if uids.is_empty() {
            return Ok(Vec::new());
        }
        let set = uid_set(uids);
        let fetched: Vec<_> = self
            .run(
                &format!("read message sizes in {folder}"),
                async |session| {
                    session
                        .uid_fetch(&set, "(UID RFC822.SIZE)")
                        .await?
                        .try_collect::<Vec<_>>()
                        .await
                },
            )
            .await?;
        let mut sizes: Vec<(u32, u32)> = fetched
            .iter()
            .filter_map(|fetch| {
                let uid = fetch.uid?;
                uids.binary_search(&uid).ok()?;
                Some((uid, fetch.size.unwrap_or(0)))
            })
            .collect();
        sizes.sort_unstable();
        sizes.dedup_by_key(|(uid, _)| *uid);
        Ok(sizes)
    }

    /// One message, with time for its size; an oversized one only its header's start.
    async fn fetch_one(
        &mut self,
        folder: &str,
        uid: u32,
        size: u32,
    ) -> Result<Option<FetchedMessage>, ImapError> {
        let oversized = size > MAX_FETCH_BYTES;
        let (query, read) = if oversized {
            (
                format!("(UID BODY.PEEK[HEADER]<0.{HEADER_PREVIEW_BYTES}>)"),
                HEADER_PREVIEW_BYTES,
            )
        } else {
            ("(UID BODY.PEEK[])".to_owned(), size)
        };
        let timeout = self.timeout + time_for(read);
        let set = uid.to_string();
        let fetched: Vec<_> = self
            .run_within(
                timeout,
                &format!("read a message in {folder}"),
                async |session| {
                    session
                        .uid_fetch(&set, &query)
                        .await?
                        .try_collect::<Vec<_>>()
                        .await
                },
            )
            .await?;
        Ok(fetched.iter().find_map(|fetch| {
            if fetch.uid? != uid {
                return None;
            }
            let bytes = if oversized {
                fetch.header()?
            } else {
                fetch.body()?
            };
            Some(FetchedMessage {
                uid,
                size,
                bytes: bytes.to_vec(),
                oversized,
            })
        }))
    }
}

/// The time a slow connection needs to carry `bytes`.
fn time_for(bytes: u32) -> Duration {
    Duration::from_secs(u64::from(bytes).div_ceil(SLOWEST_BYTES_PER_SECOND))
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
            .field("size", &self.size)
            .field("bytes", &format_args!("{} bytes", self.bytes.len()))
            .field("oversized", &self.oversized)
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

    #[test]
    fn a_larger_message_gets_more_time() {
        assert_eq!(time_for(0), Duration::ZERO);
        assert_eq!(time_for(1), Duration::from_secs(1));
        assert_eq!(time_for(MAX_FETCH_BYTES), Duration::from_secs(100));
    }
}
