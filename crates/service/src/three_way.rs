//! Saving a form over a row that someone else may have changed since the form was loaded (on
//! a team database, another researcher; on this computer, another window or the CLI). Each
//! field takes the form's value where the form changed it and the stored value where only the
//! other side did; a field both sides changed, to different values, is a conflict, and nothing
//! is saved.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// `edited` laid over `stored`, field by field, against `loaded`, the values the form started
/// from. `Err` names the fields (as serialized, the names the window's forms use) that both
/// changed to different values.
pub(crate) fn merge<T: Serialize + DeserializeOwned>(
    loaded: &T,
    edited: &T,
    stored: &T,
) -> Result<T, Vec<String>> {
    let (loaded, edited, stored) = (fields(loaded), fields(edited), fields(stored));
    let mut merged = Map::new();
    let mut conflicts = Vec::new();
    for (key, mine) in edited {
        let base = loaded.get(&key).unwrap_or(&Value::Null);
        let theirs = stored.get(&key).unwrap_or(&Value::Null);
        let value = if &mine == base || &mine == theirs {
            theirs.clone()
        } else if theirs == base {
            mine
        } else {
            conflicts.push(key.clone());
            mine
        };
        merged.insert(key, value);
    }
    if !conflicts.is_empty() {
        return Err(conflicts);
    }
    // The merged object holds only values that came from one of the three, so it reads back;
    // should it not, the stored row stays as it is rather than taking a half-made value.
    serde_json::from_value(Value::Object(merged)).map_err(|_| Vec::new())
}

fn fields<T: Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde::{Deserialize, Serialize};

    use super::merge;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Form {
        buffer_after: i32,
        location: String,
        cap: Option<i32>,
    }

    fn form(buffer_after: i32, location: &str, cap: Option<i32>) -> Form {
        Form {
            buffer_after,
            location: location.into(),
            cap,
        }
    }

    #[test]
    fn each_side_keeps_what_it_changed() {
        let loaded = form(10, "Room 1", None);
        let edited = form(15, "Room 1", None);
        let stored = form(10, "Room 2", Some(3));
        assert_eq!(
            merge(&loaded, &edited, &stored).unwrap(),
            form(15, "Room 2", Some(3))
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let loaded = form(10, "Room 1", None);
        let both = form(10, "Room 3", None);
        assert_eq!(merge(&loaded, &both, &both).unwrap(), both);
    }

    #[test]
    fn a_field_both_changed_differently_is_named() {
        let loaded = form(10, "Room 1", None);
        let edited = form(15, "Room 2", None);
        let stored = form(20, "Room 2", Some(1));
        assert_eq!(
            merge(&loaded, &edited, &stored).unwrap_err(),
            ["bufferAfter"]
        );
    }
}
