//! Named moments at which the crash test stops the process as a power cut would. Built in
//! only with the `crash-points` feature, which the tests turn on; otherwise each point costs
//! nothing. `CONFAB_CRASH_AT=name:n` aborts the process the n-th time (from 1) it reaches
//! the point `name`.

/// Aborts here if the crash test asked for it.
#[cfg(feature = "crash-points")]
pub fn crash_point(name: &str) {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static PLAN: OnceLock<Option<(String, u32)>> = OnceLock::new();
    static SEEN: OnceLock<Mutex<HashMap<String, u32>>> = OnceLock::new();
    let plan = PLAN.get_or_init(|| {
        let value = std::env::var("CONFAB_CRASH_AT").ok()?;
        let (point, n) = value.rsplit_once(':')?;
        Some((point.to_owned(), n.parse().ok()?))
    });
    let Some((point, n)) = plan else { return };
    if point != name {
        return;
    }
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let count = seen.entry(name.to_owned()).or_default();
    *count += 1;
    if *count == *n {
        std::process::abort();
    }
}

/// Aborts here if the crash test asked for it.
#[cfg(not(feature = "crash-points"))]
#[inline(always)]
pub fn crash_point(_name: &str) {}
