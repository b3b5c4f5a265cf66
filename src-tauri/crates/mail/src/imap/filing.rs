//! Putting the copy of a sent message where it belongs. Sync sends every message to the
//! researcher too (an envelope recipient only, never a header): the server files that copy
//! in the same transaction in which it accepts the message, so the copy is proof that the
//! message went out, and Sync then moves it from the inbox to Sent.

use futures::TryStreamExt;

use super::ImapError;
use super::ImapSession;
use super::error::ImapErrorKind;

impl ImapSession {
    /// Moves message `uid` of `from` to `to`, marked read. Uses MOVE (RFC 6851), or COPY and
    /// an expunge of that one message where the server has no MOVE.
    pub async fn move_message(&mut self, from: &str, uid: u32, to: &str) -> Result<(), ImapError> {
        let set = uid.to_string();
        self.run(&format!("open the folder {from}"), async |session| {
            session.select(from).await
        })
        .await?;
        self.run("mark the sent copy read", async |session| {
            session
                .uid_store(&set, "+FLAGS.SILENT (\\Seen)")
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await?;
        let moved = self
            .run(&format!("move the sent copy to {to}"), async |session| {
                session.uid_mv(&set, to).await
            })
            .await;
        match moved {
            Ok(()) => Ok(()),
            Err(err) if err.kind == ImapErrorKind::Server => self.copy_and_remove(&set, to).await,
            Err(err) => Err(err),
        }
    }

    /// Removes message `uid` of `folder` (a second copy of something already filed).
    pub async fn remove_message(&mut self, folder: &str, uid: u32) -> Result<(), ImapError> {
        let set = uid.to_string();
        self.run(&format!("open the folder {folder}"), async |session| {
            session.select(folder).await
        })
        .await?;
        self.expunge_one(&set).await
    }

    async fn copy_and_remove(&mut self, set: &str, to: &str) -> Result<(), ImapError> {
        self.run(&format!("copy the sent copy to {to}"), async |session| {
            session.uid_copy(set, to).await
        })
        .await?;
        self.expunge_one(set).await
    }

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
