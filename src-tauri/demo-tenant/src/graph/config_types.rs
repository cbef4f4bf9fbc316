//! Request bodies for device configurations checked against the v1.0 types
//! (`../shared/reference/msgraph/`): the concrete `@odata.type` values, required properties and
//! the JSON type of each value. Graph answers every violation with a 400 `BadRequest`.

use serde_json::{Map, Value};

use super::GraphError;

pub(crate) const CUSTOM: &str = "#microsoft.graph.windows10CustomConfiguration";

/// The concrete `omaSetting` types and the JSON form their `value` takes.
const OMA_SETTINGS: [(&str, Kind); 7] = [
    ("#microsoft.graph.omaSettingBase64", Kind::Text),
    ("#microsoft.graph.omaSettingBoolean", Kind::Boolean),
    ("#microsoft.graph.omaSettingDateTime", Kind::Text),
    ("#microsoft.graph.omaSettingFloatingPoint", Kind::Number),
    ("#microsoft.graph.omaSettingInteger", Kind::Int32),
    ("#microsoft.graph.omaSettingString", Kind::Text),
    ("#microsoft.graph.omaSettingStringXml", Kind::Text),
];

/// The concrete assignment targets; `true` when the target carries a `groupId`.
const TARGETS: [(&str, bool); 4] = [
    ("#microsoft.graph.groupAssignmentTarget", true),
    ("#microsoft.graph.exclusionGroupAssignmentTarget", true),
    ("#microsoft.graph.allDevicesAssignmentTarget", false),
    ("#microsoft.graph.allLicensedUsersAssignmentTarget", false),
];

#[derive(Debug, Clone, Copy)]
enum Kind {
    Text,
    Boolean,
    Number,
    Int32,
}

impl Kind {
    fn accepts(self, value: &Value) -> bool {
        match self {
            Kind::Text => value.is_string(),
            Kind::Boolean => value.is_boolean(),
            Kind::Number => value.is_number(),
            Kind::Int32 => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        }
    }
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, GraphError> {
    value
        .as_object()
        .ok_or_else(|| GraphError::bad_request(format!("The {what} must be a JSON object.")))
}

fn odata_type<'a>(map: &'a Map<String, Value>, what: &str) -> Result<&'a str, GraphError> {
    map.get("@odata.type")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            GraphError::bad_request(format!(
                "Cannot create an abstract class: the {what} needs an @odata.type."
            ))
        })
}

fn unknown_type(name: &str) -> GraphError {
    let name = name.trim_start_matches('#');
    GraphError::bad_request(format!(
        "A type named '{name}' could not be resolved by the model. When a model is available, \
         each type name must resolve to a valid type."
    ))
}

fn abstract_type(name: &str) -> GraphError {
    let name = name.trim_start_matches('#');
    GraphError::bad_request(format!(
        "Cannot create an abstract class. The type '{name}' is abstract."
    ))
}

fn required_text(map: &Map<String, Value>, name: &str, owner: &str) -> Result<(), GraphError> {
    match map.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(()),
        Some(Value::String(_)) | None | Some(Value::Null) => Err(GraphError::bad_request(format!(
            "The property '{name}' is required on '{owner}' and cannot be empty."
        ))),
        Some(_) => Err(wrong_type(name, "Edm.String")),
    }
}

fn optional_text(map: &Map<String, Value>, name: &str) -> Result<(), GraphError> {
    match map.get(name) {
        None | Some(Value::Null | Value::String(_)) => Ok(()),
        Some(_) => Err(wrong_type(name, "Edm.String")),
    }
}

fn wrong_type(name: &str, expected: &str) -> GraphError {
    GraphError::bad_request(format!(
        "Cannot convert the literal to the expected type '{expected}' of property '{name}'."
    ))
}

/// Checks a new profile; returns it with its `@odata.type` kept and the server-owned
/// properties dropped.
pub(crate) fn profile(body: &Value) -> Result<Map<String, Value>, GraphError> {
    let map = object(body, "request body")?;
    let kind = odata_type(map, "device configuration")?;
    if kind == "#microsoft.graph.deviceConfiguration" {
        return Err(abstract_type(kind));
    }
    if kind != CUSTOM {
        return Err(unknown_type(kind));
    }
    required_text(map, "displayName", "microsoft.graph.deviceConfiguration")?;
    optional_text(map, "description")?;
    match map.get("omaSettings") {
        None | Some(Value::Null) => {}
        Some(Value::Array(settings)) => {
            for setting in settings {
                oma_setting(setting)?;
            }
        }
        Some(_) => {
            return Err(wrong_type(
                "omaSettings",
                "Collection(microsoft.graph.omaSetting)",
            ));
        }
    }
    const KNOWN: [&str; 4] = ["@odata.type", "displayName", "description", "omaSettings"];
    const SERVER: [&str; 4] = ["id", "createdDateTime", "lastModifiedDateTime", "version"];
    if let Some(extra) = map
        .keys()
        .find(|k| !KNOWN.contains(&k.as_str()) && !SERVER.contains(&k.as_str()))
    {
        return Err(GraphError::bad_request(format!(
            "The property '{extra}' does not exist on type 'microsoft.graph.windows10CustomConfiguration'."
        )));
    }
    Ok(map
        .iter()
        .filter(|(k, _)| KNOWN.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect())
}

fn oma_setting(setting: &Value) -> Result<(), GraphError> {
    let map = object(setting, "omaSetting")?;
    let kind = odata_type(map, "omaSetting")?;
    if kind == "#microsoft.graph.omaSetting" {
        return Err(abstract_type(kind));
    }
    let (_, value_kind) = OMA_SETTINGS
        .iter()
        .find(|(name, _)| *name == kind)
        .ok_or_else(|| unknown_type(kind))?;
    required_text(map, "displayName", "microsoft.graph.omaSetting")?;
    required_text(map, "omaUri", "microsoft.graph.omaSetting")?;
    optional_text(map, "description")?;
    let value = map.get("value").filter(|v| !v.is_null()).ok_or_else(|| {
        GraphError::bad_request("The property 'value' is required on an omaSetting.")
    })?;
    if !value_kind.accepts(value) {
        return Err(wrong_type("value", kind.trim_start_matches('#')));
    }
    Ok(())
}

/// Checks the body of `assign` and returns its targets.
pub(crate) fn assignments(body: &Value) -> Result<Vec<Map<String, Value>>, GraphError> {
    let map = object(body, "request body")?;
    let list = match map.get("assignments") {
        Some(Value::Array(list)) => list,
        None | Some(Value::Null) => {
            return Err(GraphError::bad_request(
                "The parameter 'assignments' is required.",
            ));
        }
        Some(_) => {
            return Err(wrong_type(
                "assignments",
                "Collection(microsoft.graph.deviceConfigurationAssignment)",
            ));
        }
    };
    let mut targets = Vec::new();
    for assignment in list {
        let assignment = object(assignment, "deviceConfigurationAssignment")?;
        let target = object(
            assignment
                .get("target")
                .ok_or_else(|| GraphError::bad_request("An assignment needs a 'target'."))?,
            "target",
        )?;
        let kind = odata_type(target, "target")?;
        if kind == "#microsoft.graph.deviceAndAppManagementAssignmentTarget" {
            return Err(abstract_type(kind));
        }
        let (_, grouped) = TARGETS
            .iter()
            .find(|(name, _)| *name == kind)
            .ok_or_else(|| unknown_type(kind))?;
        if *grouped {
            required_text(target, "groupId", kind.trim_start_matches('#'))?;
        }
        targets.push(target.clone());
    }
    Ok(targets)
}
