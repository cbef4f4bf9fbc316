//! Reading and writing resources whose shape depends on `@odata.type`. serde's tagged enums drop
//! the data of unknown types, so these go through a JSON object instead: known types are read
//! into their structs, anything else is kept with its type name.

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer, ser::Error as _};
use serde_json::{Map, Value};

pub(crate) const ODATA_TYPE: &str = "@odata.type";

/// The object and its `@odata.type` (without the leading `#`), or `None` when it is not an
/// object at all.
pub(crate) fn split(value: Value) -> Option<(Option<String>, Map<String, Value>)> {
    match value {
        Value::Object(map) => {
            let type_name = map
                .get(ODATA_TYPE)
                .and_then(Value::as_str)
                .map(|t| t.trim_start_matches('#').to_owned());
            Some((type_name, map))
        }
        _ => None,
    }
}

/// Whether `found` (as returned by [`split`]) names `microsoft.graph.<name>`.
pub(crate) fn is_type(found: Option<&str>, name: &str) -> bool {
    found
        .and_then(|f| f.strip_prefix("microsoft.graph."))
        .is_some_and(|f| f.eq_ignore_ascii_case(name))
}

/// Reads the common part of a polymorphic object; unknown properties are ignored by the target.
pub(crate) fn read<T: DeserializeOwned, E: serde::de::Error>(
    map: &Map<String, Value>,
) -> Result<T, E> {
    serde_json::from_value(Value::Object(map.clone())).map_err(E::custom)
}

/// Serializes `fields` as an object that starts with `"@odata.type": "#microsoft.graph.<name>"`.
pub(crate) fn write<S: Serializer, T: Serialize>(
    serializer: S,
    type_name: &str,
    fields: &T,
) -> Result<S::Ok, S::Error> {
    let mut map = Map::new();
    map.insert(ODATA_TYPE.to_owned(), Value::String(full_name(type_name)));
    match serde_json::to_value(fields).map_err(S::Error::custom)? {
        Value::Object(rest) => map.extend(rest.into_iter().filter(|(k, _)| k != ODATA_TYPE)),
        Value::Null => {}
        _ => {
            return Err(S::Error::custom(
                "a polymorphic Graph resource must be an object",
            ));
        }
    }
    map.serialize(serializer)
}

/// `#microsoft.graph.<name>` for a short name; a name already qualified is kept as is.
pub(crate) fn full_name(type_name: &str) -> String {
    let bare = type_name.trim_start_matches('#');
    if bare.contains('.') {
        format!("#{bare}")
    } else {
        format!("#microsoft.graph.{bare}")
    }
}
