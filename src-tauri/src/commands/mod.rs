mod app_info;
mod bookings;
mod calendar;
mod calendar_accounts;
mod database;
mod days;
mod events;
mod files;
mod mail;
mod mail_settings;
mod participants;
mod sessions;
mod startup;
mod studies;

/// Everything that follows from the list of commands in `table.rs`.
macro_rules! command_table {
    ($($name:ident),* $(,)?) => {
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];

        /// What Tauri dispatches the window's calls to.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// Each command as its TypeScript wrapper is generated from.
        pub fn signatures() -> Vec<crate::bindings::Signature> {
            vec![$($name::signature()),*]
        }
    };
}

include!("table.rs");

pub use app_info::*;
pub use bookings::*;
pub use calendar::*;
pub use calendar_accounts::*;
pub use database::*;
pub use days::*;
pub use events::*;
pub use files::*;
pub use mail::*;
pub use mail_settings::*;
pub use participants::*;
pub use sessions::*;
pub use startup::*;
pub use studies::*;
