//! Confab's mail and calendar side: reading and writing iCalendar, and (later) MIME, SMTP,
//! IMAP and the outbox.

pub mod busy;
