mod startup;
mod studies;

include!("names.rs");

pub use startup::*;
pub use studies::*;
