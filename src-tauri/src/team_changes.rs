//! On a team database, the window hears of what other researchers change and loads it again,
//! without a manual refresh.

use std::sync::{Mutex, PoisonError};

use confab_service::{AppEvent, Changed};
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Manager, Runtime};

use crate::events::WindowEvents;
use crate::state::AppState;

/// The listener of the database open now; a switch to another database ends it.
#[derive(Default)]
pub struct TeamListener(Mutex<Option<JoinHandle<()>>>);

/// Starts listening once the database is open, if it is a team database, and stops listening
/// to the one before.
pub fn watch<R: Runtime>(app: AppHandle<R>) {
    let listener = app.clone();
    let task = tauri::async_runtime::spawn(async move {
        let opened = {
            let app = app.clone();
            tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().confab()).await
        };
        let Ok(Ok(confab)) = opened else {
            return;
        };
        if confab.team_database().is_none() {
            return;
        }
        // What the window knows is kept on this computer now, and again a moment after each
        // burst of changes, for a start when the server cannot be reached.
        let (changed_tx, changed_rx) = tokio::sync::mpsc::unbounded_channel();
        let keeper = tauri::async_runtime::spawn(keep_last_known(confab.clone(), changed_rx));
        let events = app.clone();
        let result = confab
            .watch_team_changes(move |changed| {
                let event = match changed {
                    Changed::Tables(tables) => AppEvent::DataChanged { tables },
                    Changed::Anything => AppEvent::DataChanged { tables: Vec::new() },
                    Changed::Unreachable { why, detail } => {
                        AppEvent::team_database_lost(why, &detail)
                    }
                };
                if matches!(event, AppEvent::DataChanged { .. }) {
                    let _ = changed_tx.send(());
                }
                events.state::<WindowEvents>().send(event);
            })
            .await;
        keeper.abort();
        if let Err(error) = result {
            tracing::warn!(%error, "stopped listening to the team database");
        }
    });
    let previous = listener
        .state::<TeamListener>()
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .replace(task);
    if let Some(previous) = previous {
        previous.abort();
    }
}

async fn keep_last_known(
    confab: confab_service::Confab,
    mut changed: tokio::sync::mpsc::UnboundedReceiver<()>,
) {
    loop {
        if let Err(error) = confab.keep_last_known().await {
            tracing::warn!(%error, "could not keep what the window knows of the team database");
        }
        if changed.recv().await.is_none() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        while changed.try_recv().is_ok() {}
    }
}
