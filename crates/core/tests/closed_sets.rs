#![allow(clippy::unwrap_used)]

//! Each closed set reaches the window as the key the database stores, and reads back from it.

use confab_core::availability::RuleBreak;
use confab_core::{
    ActorKind, AttentionKind, EnrolmentStatus, InterviewState, OutboxKind, OutboxState,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn crosses_as_its_key<T>(all: &[T], key: fn(T) -> &'static str, parse: fn(&str) -> Option<T>)
where
    T: Copy + PartialEq + std::fmt::Debug + Serialize + DeserializeOwned,
{
    let mut keys: Vec<&str> = all.iter().map(|v| key(*v)).collect();
    for value in all {
        let sent = serde_json::to_value(value).unwrap();
        assert_eq!(sent, serde_json::Value::from(key(*value)), "{value:?}");
        assert_eq!(serde_json::from_value::<T>(sent).unwrap(), *value);
        assert_eq!(parse(key(*value)), Some(*value));
    }
    assert_eq!(parse("not-a-key"), None);
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), all.len(), "two values share a key");
}

#[test]
fn every_closed_set_crosses_as_its_stored_key() {
    crosses_as_its_key(
        InterviewState::ALL,
        InterviewState::key,
        InterviewState::parse,
    );
    crosses_as_its_key(OutboxKind::ALL, OutboxKind::key, OutboxKind::parse);
    crosses_as_its_key(OutboxState::ALL, OutboxState::key, OutboxState::parse);
    crosses_as_its_key(AttentionKind::ALL, AttentionKind::key, AttentionKind::parse);
    crosses_as_its_key(ActorKind::ALL, ActorKind::key, ActorKind::parse);
    crosses_as_its_key(RuleBreak::ALL, RuleBreak::key, RuleBreak::parse);
    crosses_as_its_key(&EnrolmentStatus::ALL, EnrolmentStatus::key, |key| {
        key.parse().ok()
    });
}

/// The rules an interview was booked past are kept as their keys joined by commas; a key a
/// newer Confab wrote is left out, and a researcher's mistyped rule is told the right names.
#[test]
fn broken_rules_are_kept_as_a_list_of_keys() {
    let kept = RuleBreak::join(&[RuleBreak::TooSoon, RuleBreak::DailyCap]);
    assert_eq!(kept, "too_soon,daily_cap");
    assert_eq!(
        RuleBreak::parse_list("too_soon, daily_cap,,a_newer_rule"),
        [RuleBreak::TooSoon, RuleBreak::DailyCap]
    );
    let mistyped = "fullish".parse::<RuleBreak>().unwrap_err();
    assert!(mistyped.contains("\"fullish\" is not a rule"), "{mistyped}");
    assert!(mistyped.contains("daily_cap"), "{mistyped}");
    assert!(!RuleBreak::Full.can_be_accepted());
    assert!(RuleBreak::TooSoon.can_be_accepted());
}
