use chrono::{DateTime, TimeZone, Utc};

/// Seconds since the Unix epoch, the form instants are stored in.
pub(crate) fn now_ts() -> i64 {
    Utc::now().timestamp()
}

pub(crate) fn from_ts(ts: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(ts, 0).single().unwrap_or_default()
}
