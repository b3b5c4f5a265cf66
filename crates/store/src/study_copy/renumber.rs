//! The ids inside an interview day's saved schedule, renumbered for the database the study is
//! written into.

use std::collections::HashMap;

use sea_orm::DbErr;
use serde_json::Value as Json;

use super::write::{NewIds, mapped};

#[derive(Clone, Copy)]
pub(super) enum Kind {
    Participant,
    Interviewer,
}

pub(super) const PAIR_KEYS: [(&str, Kind); 2] = [
    ("applicantId", Kind::Participant),
    ("interviewerId", Kind::Interviewer),
];

fn saved_json(text: &str) -> Result<Json, DbErr> {
    serde_json::from_str(text).map_err(|e| {
        DbErr::Custom(format!(
            "an interview day's saved schedule cannot be read: {e}"
        ))
    })
}

fn renumbered_id(value: &Json, map: &HashMap<i64, i64>) -> Result<Json, DbErr> {
    match value {
        Json::Null => Ok(Json::Null),
        other => {
            let old = other.as_i64().ok_or_else(|| {
                DbErr::Custom(format!(
                    "an interview day's saved schedule holds {other} where an id belongs"
                ))
            })?;
            Ok(Json::from(mapped(map, old)?))
        }
    }
}

/// A JSON list of objects whose `keys` hold ids (or lists of ids), with the new ids.
pub(super) fn renumber(text: &str, ids: &NewIds, keys: &[(&str, Kind)]) -> Result<String, DbErr> {
    let mut list = saved_json(text)?;
    for item in list.as_array_mut().into_iter().flatten() {
        for (key, kind) in keys {
            let map = match kind {
                Kind::Participant => &ids.participants,
                Kind::Interviewer => &ids.interviewers,
            };
            if let Some(value) = item.get_mut(*key) {
                let renumbered = match &*value {
                    Json::Array(seats) => Json::Array(
                        seats
                            .iter()
                            .map(|s| renumbered_id(s, map))
                            .collect::<Result<_, _>>()?,
                    ),
                    one => renumbered_id(one, map)?,
                };
                *value = renumbered;
            }
        }
    }
    Ok(list.to_string())
}

/// A JSON object keyed by ids, with the new ids.
pub(super) fn renumber_keys(text: &str, map: &HashMap<i64, i64>) -> Result<String, DbErr> {
    let Json::Object(entries) = saved_json(text)? else {
        return Ok(text.to_owned());
    };
    let mut out = serde_json::Map::new();
    for (key, value) in entries {
        let old: i64 = key.parse().map_err(|_| {
            DbErr::Custom(format!(
                "an interview day's saved schedule holds the key {key}"
            ))
        })?;
        out.insert(mapped(map, old)?.to_string(), value);
    }
    Ok(Json::Object(out).to_string())
}

/// A JSON list of ids, with the new ids; ids the copy does not hold are left out.
pub(super) fn renumber_list(text: &str, map: &HashMap<i64, i64>) -> Result<String, DbErr> {
    let list = saved_json(text)?;
    let kept: Vec<Json> = list
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| {
            v.as_i64()
                .and_then(|old| map.get(&old))
                .map(|n| Json::from(*n))
        })
        .collect();
    Ok(Json::Array(kept).to_string())
}
