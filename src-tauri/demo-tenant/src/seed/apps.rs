//! Service principals: the apps with a presence in the tenant. The two PIN reset apps appear only
//! once an administrator has consented to them on the demo's consent page.

use serde_json::{Map, Value, json};

use super::{TENANT_ID, stable_id};

/// Microsoft's tenant, which owns first-party apps.
const MICROSOFT_TENANT: &str = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

/// The two apps behind Windows Hello PIN reset: `(appId, display name)`.
pub const PIN_RESET_APPS: [(&str, &str); 2] = [
    (
        "b8456c59-1230-44c7-a4a2-99b085333e84",
        "Microsoft Pin Reset Service Production",
    ),
    (
        "9115dd05-fad5-4f9c-acc7-305d08b1b04e",
        "Microsoft Pin Reset Client Production",
    ),
];

/// Present from the start: Graph itself and the public client the app signs in with.
const PRESENT: [(&str, &str); 2] = [
    ("00000003-0000-0000-c000-000000000000", "Microsoft Graph"),
    (
        crate::DEFAULT_CLIENT_ID,
        "Microsoft Graph Command Line Tools",
    ),
];

pub fn service_principal(app_id: &str, display_name: &str) -> Map<String, Value> {
    let value = json!({
        "id": stable_id("servicePrincipal", &format!("{TENANT_ID}:{app_id}")),
        "appId": app_id,
        "displayName": display_name,
        "appDisplayName": display_name,
        "accountEnabled": true,
        "appOwnerOrganizationId": MICROSOFT_TENANT,
        "servicePrincipalType": "Application",
        "servicePrincipalNames": [app_id],
        "signInAudience": "AzureADMultipleOrgs",
        "tags": [],
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

pub fn seeded() -> Vec<Map<String, Value>> {
    PRESENT
        .iter()
        .map(|(app_id, name)| service_principal(app_id, name))
        .collect()
}
