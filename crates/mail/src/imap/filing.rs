//! Putting the copy of a sent message where it belongs. Sync sends every message to the
//! researcher too (an envelope recipient only, never a header): the server files that copy
//! in the same transaction in which it accepts the message, so the copy is proof that the
//! message went out, and Sync then moves it from the inbox to Sent.

use futures::TryStreamExt;

use super::ImapError;
use super::ImapSession;
use super::error::ImapErrorKind;

impl ImapSession {
    /// Moves the researcher's copies of sent messages (`uid` in `from`, with its
    /// Message-ID) to `to`, marked read; a copy whose message `to` already holds (filed there
    /// by the provider) is removed instead. A few commands for the whole batch, however many
    /// copies: MOVE (RFC 6851), or COPY and an expunge where the server has no MOVE.
    pub async fn file_copies(
        &mut self,
        from: &str,
        to: &str,
        copies: &[(u32, &str)],
    ) -> Result<(), ImapError> {
        if copies.is_empty() {
            return Ok(());
        }
        let ids: Vec<&str> = copies.iter().map(|(_, id)| *id).collect();
        let there = self.message_ids_in(to, &ids).await?;
        let (mut filed_already, mut to_move): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        for (uid, id) in copies {
            if super::folders::bare_message_id(id).is_ok_and(|bare| there.contains(bare)) {
                filed_already.push(*uid);
            } else {
                to_move.push(*uid);
            }
        }
        self.run(&format!("open the folder {from}"), async |session| {
            session.select(from).await
        })
        .await?;
        if !to_move.is_empty() {
            to_move.sort_unstable();
            let set = super::fetch::uid_set(&to_move);
            self.run("mark the sent copies read", async |session| {
                session
                    .uid_store(&set, "+FLAGS.SILENT (\\Seen)")
                    .await?
                    .try_collect::<Vec<_>>()
                    .await
            })
            .await?;
            let moved = self
                .run(&format!("move the sent copies to {to}"), async |session| {
                    session.uid_mv(&set, to).await
                })
                .await;
            match moved {
                Ok(()) => {}
                Err(err) if err.kind == ImapErrorKind::Server => {
                    self.copy_and_remove(&set, to).await?;
                }
                Err(err) => return Err(err),
            }
        }
        if !filed_already.is_empty() {
            filed_already.sort_unstable();
            self.expunge_one(&super::fetch::uid_set(&filed_already))
                .await?;
        }
        Ok(())
    }

    async fn copy_and_remove(&mut self, set: &str, to: &str) -> Result<(), ImapError> {
        self.run(&format!("copy the sent copy to {to}"), async |session| {
            session.uid_copy(set, to).await
        })
        .await?;
        self.expunge_one(set).await
    }

    /// Removes the messages of `set` in the selected folder.
    async fn expunge_one(&mut self, set: &str) -> Result<(), ImapError> {
        self.run("remove the message", async |session| {
            session
                .uid_store(set, "+FLAGS.SILENT (\\Deleted)")
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await?;
        self.run("remove the message", async |session| {
            session
                .uid_expunge(set)
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await
        .map(drop)
    }
}
