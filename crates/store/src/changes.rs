//! What changed on a team database, as PostgreSQL tells every desktop (LISTEN/NOTIFY): each
//! write to a table a window shows notifies the channel with the table's name when it commits
//! (see the migration `m20261202_020000_change_notices`).

use std::collections::BTreeSet;
use std::time::Duration;

use sea_orm::sqlx::postgres::PgListener;

pub const CHANNEL: &str = "confab_changes";

/// Changes that come this close together are told as one.
const SETTLE: Duration = Duration::from_millis(150);

/// What one notice says changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// These tables.
    Tables(Vec<String>),
    /// Anything at all: the connection was lost and notices may have been missed meanwhile.
    Anything,
}

/// Listens to the team database at `url` and tells `on_change` what changed, until the
/// listener cannot connect again. A lost connection is taken up again by itself and told as
/// `Changed::Anything`.
pub async fn listen(url: &str, mut on_change: impl FnMut(Changed) + Send) -> Result<(), String> {
    let mut listener = PgListener::connect(url).await.map_err(|e| e.to_string())?;
    listener.listen(CHANNEL).await.map_err(|e| e.to_string())?;
    loop {
        let Some(first) = listener.try_recv().await.map_err(|e| e.to_string())? else {
            on_change(Changed::Anything);
            continue;
        };
        let mut tables = BTreeSet::from([first.payload().to_owned()]);
        let mut lost = false;
        while let Ok(next) = tokio::time::timeout(SETTLE, listener.try_recv()).await {
            match next.map_err(|e| e.to_string())? {
                Some(notice) => {
                    tables.insert(notice.payload().to_owned());
                }
                None => {
                    lost = true;
                    break;
                }
            }
        }
        on_change(if lost {
            Changed::Anything
        } else {
            Changed::Tables(tables.into_iter().collect())
        });
    }
}
