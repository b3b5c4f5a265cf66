//! The JSON shapes kept in the schedule row.

use std::collections::BTreeMap;

use confab_core::interview_day::{Itinerary, Seat};
use serde::{Deserialize, Serialize};

use crate::{AppError, ErrorCode};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct StoredItinerary {
    pub applicant: i64,
    /// An interviewer's id, or null for a break.
    pub seats: Vec<Option<i64>>,
}

pub(crate) fn to_stored(itineraries: &[Itinerary]) -> Vec<StoredItinerary> {
    itineraries
        .iter()
        .map(|it| StoredItinerary {
            applicant: it.applicant,
            seats: it
                .seats
                .iter()
                .map(|s| match s {
                    Seat::Meets(i) => Some(*i),
                    Seat::Break => None,
                })
                .collect(),
        })
        .collect()
}

pub(crate) type Uids = BTreeMap<i64, String>;

pub(crate) fn json<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))
}

pub(crate) fn parse<T: for<'a> Deserialize<'a>>(text: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("The saved interview-day schedule cannot be read: {e}"),
        )
    })
}
