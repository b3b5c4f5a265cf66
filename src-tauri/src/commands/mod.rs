mod about;
mod calendar;
mod events;
mod startup;
mod studies;

include!("names.rs");

pub use about::*;
pub use calendar::*;
pub use events::*;
pub use startup::*;
pub use studies::*;
