//! What changed on a team database, as PostgreSQL tells every desktop (LISTEN/NOTIFY): each
//! write to a table a window shows notifies the channel with the table's name when it commits
//! (see the migration `m20261202_020000_change_notices`).

use std::collections::BTreeSet;
use std::time::Duration;

use sea_orm::sqlx::{
    self,
    postgres::{PgListener, PgPoolOptions},
};

pub const CHANNEL: &str = "confab_changes";

/// Changes that come this close together are told as one.
const SETTLE: Duration = Duration::from_millis(150);

/// What one notice says changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// These tables.
    Tables(Vec<String>),
    /// Anything at all: the connection was lost and notices may have been missed meanwhile
    /// (also told when the server can be reached again after `Unreachable`).
    Anything,
    /// The server cannot be reached any more; the listener keeps trying and tells `Anything`
    /// once it is back.
    Unreachable {
        /// Why, in plain words (see `why_unreachable`).
        why: &'static str,
        /// The driver's own words, for whoever runs the server.
        detail: String,
    },
}

/// How long a connection may take before the server counts as gone.
const GONE_AFTER: Duration = Duration::from_secs(5);

/// How long to wait between attempts to reach a server that went away.
const RETRY: Duration = Duration::from_secs(2);

/// Listens to the team database at `url` and tells `on_change` what changed, for as long as
/// it runs. Only a first connection that fails is an error. A lost connection is taken up
/// again by itself and told as `Changed::Anything`; a server that cannot be reached any more
/// is told as `Changed::Unreachable`, tried again every few seconds, and told as
/// `Changed::Anything` once it is back.
pub async fn listen(url: &str, mut on_change: impl FnMut(Changed) + Send) -> Result<(), String> {
    let mut listener = connect(url).await.map_err(|e| e.to_string())?;
    loop {
        match next_change(&mut listener).await {
            Ok(changed) => on_change(changed),
            Err(_) => {
                // The line dropped. What the window is told depends on whether the server can
                // be reached now, and if not, why not: not on how the old line ended.
                listener = match connect(url).await {
                    Ok(again) => again,
                    Err(error) => {
                        on_change(Changed::Unreachable {
                            why: crate::unreachable::why_unreachable_at(url, &error, GONE_AFTER)
                                .await,
                            detail: error.to_string(),
                        });
                        loop {
                            tokio::time::sleep(RETRY).await;
                            if let Ok(listener) = connect(url).await {
                                break listener;
                            }
                        }
                    }
                };
                on_change(Changed::Anything);
            }
        }
    }
}

async fn connect(url: &str) -> Result<PgListener, sqlx::Error> {
    // The listener takes its connection again from this pool when the line drops; a server
    // that is gone is told after a few seconds, not after the pool's usual half minute.
    let pool = PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(GONE_AFTER)
        .connect_lazy(url)?;
    let mut listener = PgListener::connect_with(&pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// The next change, with the notices that follow it closely; an error when the connection
/// is lost and cannot be made again.
async fn next_change(listener: &mut PgListener) -> Result<Changed, sqlx::Error> {
    let Some(first) = listener.try_recv().await? else {
        return Ok(Changed::Anything);
    };
    let mut tables = BTreeSet::from([first.payload().to_owned()]);
    while let Ok(next) = tokio::time::timeout(SETTLE, listener.try_recv()).await {
        match next? {
            Some(notice) => {
                tables.insert(notice.payload().to_owned());
            }
            None => return Ok(Changed::Anything),
        }
    }
    Ok(Changed::Tables(tables.into_iter().collect()))
}
