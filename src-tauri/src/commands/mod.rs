mod about;
mod bookings;
mod calendar;
mod calendar_account;
mod days;
mod events;
mod files;
mod mail;
mod mail_settings;
mod participants;
mod sessions;
mod startup;
mod studies;

include!("names.rs");

pub use about::*;
pub use bookings::*;
pub use calendar::*;
pub use calendar_account::*;
pub use days::*;
pub use events::*;
pub use files::*;
pub use mail::*;
pub use mail_settings::*;
pub use participants::*;
pub use sessions::*;
pub use startup::*;
pub use studies::*;
