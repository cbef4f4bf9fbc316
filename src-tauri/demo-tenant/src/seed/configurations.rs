//! The one device configuration a tenant already has: an unrelated custom profile, so lists are
//! never empty and a client has to tell the PIN recovery policy apart from the rest.

use serde_json::{Map, Value, json};
use time::{Duration, OffsetDateTime};

use super::{Assigned, Group, stable_id};
use crate::clock::graph_date_time;

const NAME: &str = "Disable Windows consumer features";

/// The seeded profile's ID (stable across runs).
pub fn seeded_id() -> String {
    stable_id("deviceConfiguration", NAME)
}

pub(super) fn seeded(groups: &[Group], now: OffsetDateTime) -> (Value, Assigned) {
    let created = graph_date_time(now - Duration::days(120));
    let modified = graph_date_time(now - Duration::days(45));
    let id = stable_id("deviceConfiguration", NAME);
    let profile = json!({
        "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
        "id": id,
        "displayName": NAME,
        "description": "Keeps suggested apps and tips off corporate Windows devices.",
        "createdDateTime": created,
        "lastModifiedDateTime": modified,
        "version": 2,
        "omaSettings": [{
            "@odata.type": "#microsoft.graph.omaSettingInteger",
            "displayName": "AllowWindowsConsumerFeatures",
            "description": null,
            "omaUri": "./Device/Vendor/MSFT/Policy/Config/Experience/AllowWindowsConsumerFeatures",
            "value": 0,
        }],
    });
    let group_id = groups
        .iter()
        .find(|g| g.properties.get("displayName") == Some(&json!("Finance – Windows devices")))
        .and_then(|g| g.properties.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    let mut target = Map::new();
    target.insert(
        "@odata.type".into(),
        json!("#microsoft.graph.groupAssignmentTarget"),
    );
    target.insert("groupId".into(), group_id);
    let assignment = json!({
        "id": format!("{id}_{}", target.get("groupId").and_then(Value::as_str).unwrap_or_default()),
        "target": target,
    });
    (
        profile,
        Assigned {
            assignments: vec![assignment],
            at: now - Duration::days(45),
        },
    )
}
