use chrono::{DateTime, Utc};

/// A half-open `[start, end)` stretch of real time.
pub(super) type Span = (DateTime<Utc>, DateTime<Utc>);
