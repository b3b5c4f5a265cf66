//! What the app tells its window of its own accord, over a channel the window opens once it
//! has loaded. Events wait until then: a file opened at launch arrives before the page exists,
//! and a restore reloads the page.

use std::sync::{Mutex, PoisonError};

use confab_service::AppEvent;
use tauri::ipc::Channel;

#[derive(Default)]
pub struct WindowEvents(Mutex<Inner>);

#[derive(Default)]
struct Inner {
    channel: Option<Channel<AppEvent>>,
    waiting: Vec<AppEvent>,
}

impl WindowEvents {
    /// The page that opened `channel` receives every event from now on, and those that waited.
    pub fn listen(&self, channel: Channel<AppEvent>) {
        let mut inner = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        for event in std::mem::take(&mut inner.waiting) {
            if let Err(error) = channel.send(event) {
                tracing::warn!(%error, "an event could not reach the window");
            }
        }
        inner.channel = Some(channel);
    }

    pub fn send(&self, event: AppEvent) {
        let mut inner = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        match &inner.channel {
            Some(channel) => {
                if let Err(error) = channel.send(event) {
                    tracing::warn!(%error, "an event could not reach the window");
                }
            }
            None => inner.waiting.push(event),
        }
    }

    /// Before the page reloads: its channel goes with it, so events wait for the new page.
    pub fn detach(&self) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .channel = None;
    }
}
