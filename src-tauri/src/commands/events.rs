use confab_command::confab_command;
use confab_service::AppEvent;
use tauri::State;
use tauri::ipc::Channel;

use crate::events::WindowEvents;

/// The window opens this channel once it has loaded, to hear menu choices and opened files.
#[confab_command]
pub fn subscribe_app_events(events: State<'_, WindowEvents>, on_event: Channel<AppEvent>) {
    events.listen(on_event);
}
