//! Confab's mail and calendar side: reading and writing iCalendar, and (later) MIME, SMTP,
//! IMAP and the outbox.
#![forbid(unsafe_code)]

pub mod account;
pub mod autoconfig;
pub mod busy;
pub mod caldav;
pub mod calendar;
pub mod connect_options;
pub mod connection_test;
pub mod credentials;
pub mod dates;
mod dial;
pub mod imap;
pub mod inbound;
pub mod mailto;
pub mod mime;
pub mod oauth;
pub mod reply_choice;
pub mod smtp;
pub mod template;
#[cfg(feature = "test-stack")]
pub mod test_caldav;
#[cfg(all(feature = "test-stack", target_os = "linux"))]
pub mod test_keyring;
#[cfg(feature = "test-stack")]
pub mod test_stack;
pub mod token;
pub mod trust;
