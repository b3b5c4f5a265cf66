//! The time each of the process's threads has spent on a core, as Linux counts it
//! (`/proc/self/task/*/schedstat`), to tell a run's own work from its waiting.

use std::collections::HashMap;
use std::time::Duration;

/// On-core time by thread id, with the thread's name.
#[derive(Default)]
pub struct ThreadTimes(HashMap<String, (String, u64)>);

impl ThreadTimes {
    /// Now; empty where `/proc` is not there to read.
    pub fn now() -> Self {
        let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
            return Self::default();
        };
        let times = tasks
            .flatten()
            .filter_map(|task| {
                let path = task.path();
                let name = std::fs::read_to_string(path.join("comm")).ok()?;
                let stat = std::fs::read_to_string(path.join("schedstat")).ok()?;
                let on_core: u64 = stat.split_whitespace().next()?.parse().ok()?;
                let id = task.file_name().to_string_lossy().into_owned();
                Some((id, (name.trim().to_owned(), on_core)))
            })
            .collect();
        Self(times)
    }

    /// The on-core time since `earlier`, of the threads whose name starts with `prefix` and
    /// of all the others.
    pub fn since(&self, earlier: &Self, prefix: &str) -> (Duration, Duration) {
        let (mut named, mut others) = (0, 0);
        for (id, (name, now)) in &self.0 {
            let before = earlier.0.get(id).map_or(0, |(_, t)| *t);
            let spent = now.saturating_sub(before);
            if name.starts_with(prefix) {
                named += spent;
            } else {
                others += spent;
            }
        }
        (Duration::from_nanos(named), Duration::from_nanos(others))
    }
}
