//! Interviewers' busy times, merged per interviewer so that one binary search answers "free?".

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::Busy;
use super::span::Span;

#[derive(Debug, Default)]
pub(super) struct BusyTimes {
    /// Disjoint and sorted, so starts and ends both ascend.
    merged: HashMap<i64, Vec<Span>>,
}

impl BusyTimes {
    pub(super) fn new(busy: &[Busy]) -> Self {
        let mut spans: HashMap<i64, Vec<Span>> = HashMap::new();
        // An empty or inverted busy time blocks nothing.
        for entry in busy.iter().filter(|entry| entry.start < entry.end) {
            spans
                .entry(entry.interviewer_id)
                .or_default()
                .push((entry.start, entry.end));
        }
        let merged = spans
            .into_iter()
            .map(|(interviewer, mut spans)| {
                spans.sort_unstable();
                (interviewer, merge(spans))
            })
            .collect();
        Self { merged }
    }

    /// One interviewer's busy times, found once per session rather than once per slot.
    pub(super) fn of(&self, interviewer_id: i64) -> InterviewerBusy<'_> {
        InterviewerBusy(self.merged.get(&interviewer_id).map_or(&[], Vec::as_slice))
    }
}

/// One interviewer's merged busy times.
#[derive(Debug, Clone, Copy)]
pub(super) struct InterviewerBusy<'a>(&'a [Span]);

impl InterviewerBusy<'_> {
    /// Whether any busy time overlaps the non-empty span `[low, high)`.
    pub(super) fn overlaps(self, low: DateTime<Utc>, high: DateTime<Utc>) -> bool {
        let first_ending_after = self.0.partition_point(|(_, end)| *end <= low);
        self.0
            .get(first_ending_after)
            .is_some_and(|(start, _)| *start < high)
    }
}

/// Joins overlapping and touching spans; touching ones may join because a non-empty query
/// overlaps their union exactly when it overlaps one of them.
fn merge(sorted: Vec<Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(sorted.len());
    for (start, end) in sorted {
        match merged.last_mut() {
            Some((_, last_end)) if start <= *last_end => *last_end = (*last_end).max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn busy(interviewer_id: i64, start: &str, end: &str) -> Busy {
        Busy {
            interviewer_id,
            start: utc(start),
            end: utc(end),
        }
    }

    #[test]
    fn overlapping_and_nested_busy_times_merge() {
        let times = BusyTimes::new(&[
            busy(7, "2026-06-01T09:00:00Z", "2026-06-01T12:00:00Z"),
            busy(7, "2026-06-01T10:00:00Z", "2026-06-01T10:30:00Z"),
            busy(7, "2026-06-01T11:30:00Z", "2026-06-01T13:00:00Z"),
            busy(7, "2026-06-01T15:00:00Z", "2026-06-01T15:00:00Z"),
        ]);
        assert_eq!(
            times.merged[&7],
            vec![(utc("2026-06-01T09:00:00Z"), utc("2026-06-01T13:00:00Z"))]
        );
    }

    #[test]
    fn busy_exactly_when_a_span_overlaps() {
        let times = BusyTimes::new(&[
            busy(7, "2026-06-01T09:00:00Z", "2026-06-01T10:00:00Z"),
            busy(7, "2026-06-01T12:00:00Z", "2026-06-01T13:00:00Z"),
        ]);
        let check = |low: &str, high: &str| times.of(7).overlaps(utc(low), utc(high));
        assert!(!check("2026-06-01T08:00:00Z", "2026-06-01T09:00:00Z"));
        assert!(check("2026-06-01T08:00:00Z", "2026-06-01T09:01:00Z"));
        assert!(!check("2026-06-01T10:00:00Z", "2026-06-01T12:00:00Z"));
        assert!(check("2026-06-01T11:59:00Z", "2026-06-01T14:00:00Z"));
        assert!(check("2026-06-01T09:10:00Z", "2026-06-01T09:20:00Z"));
        assert!(!check("2026-06-01T13:00:00Z", "2026-06-01T14:00:00Z"));
        assert!(
            !times
                .of(8)
                .overlaps(utc("2026-06-01T09:00:00Z"), utc("2026-06-01T10:00:00Z"))
        );
    }
}
