//! What can go wrong with a calendar server, sorted by what the researcher (or Confab) can do
//! about it. The messages are shown to the researcher as they are: each names the server or
//! the calendar and says what to fix.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalDavError {
    /// No answer: the connection was refused, the name was not found, or the server took
    /// longer than the timeout. Worth trying again later.
    #[error(
        "The calendar server at {server} could not be reached ({reason}). Check that this computer is online and that the server address in Settings → Calendar account is right, then try again."
    )]
    Unreachable { server: String, reason: String },
    /// The server refused the login (HTTP 401, or 403 before any calendar was named).
    #[error(
        "The calendar server at {server} refused the user name or password. Check them in Settings → Calendar account (Google and iCloud need an app password)."
    )]
    LoginRefused { server: String },
    /// The calendar is no longer on the server (HTTP 404 or 410, or 409 when storing into
    /// it): it was deleted or moved. Another calendar has to be chosen.
    #[error(
        "The calendar {calendar} is no longer on the calendar server: it was deleted or moved. Choose another calendar in Settings → Calendar account."
    )]
    CalendarGone { calendar: String },
    /// The login was taken, but this account may not read or change the calendar (HTTP 403).
    #[error(
        "The calendar server at {server} does not let this account use the calendar {calendar} (it may be shared read-only). Choose a calendar of your own in Settings → Calendar account."
    )]
    NotAllowed { server: String, calendar: String },
    /// The address answers, but not as a CalDAV server: no calendar home, or answers that
    /// are not WebDAV.
    #[error(
        "{url} does not answer as a calendar (CalDAV) server: {reason}. Check the server address in Settings → Calendar account; your calendar provider's help pages give its CalDAV address."
    )]
    NotCalDav { url: String, reason: String },
    /// The address cannot be used at all.
    #[error(
        "\"{url}\" cannot be used as a calendar server address: {reason}. Correct it in Settings → Calendar account."
    )]
    BadAddress { url: String, reason: String },
    /// The answer is larger than Confab reads.
    #[error(
        "The calendar server at {server} sent more than {limit_mb} MB in one answer, more than Confab reads. Choose a calendar with fewer events in Settings → Calendar account, or book over a shorter stretch of time."
    )]
    TooLarge { server: String, limit_mb: usize },
    /// Any other answer the request did not expect.
    #[error(
        "The calendar server at {server} answered with an error (HTTP {status}{detail}). Try again later; if it keeps happening, tell whoever runs the calendar server."
    )]
    Server {
        server: String,
        status: u16,
        /// Empty, or `": "` and the server's own words.
        detail: String,
    },
}

impl CalDavError {
    /// Whether trying again later may succeed without anyone changing anything.
    pub fn is_temporary(&self) -> bool {
        match self {
            CalDavError::Unreachable { .. } => true,
            CalDavError::Server { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}
