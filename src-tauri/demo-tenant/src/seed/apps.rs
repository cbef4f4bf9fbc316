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

/// Microsoft Graph's application ID: the resource of every delegated permission PinDesk uses.
pub const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";

/// The display name of the public client the app signs in with.
pub const PRESENT_CLIENT_NAME: &str = "Microsoft Graph Command Line Tools";

/// Present from the start: Graph itself and the public client the app signs in with (someone in
/// the organisation has used it before, even where nothing is consented for everyone).
const PRESENT: [(&str, &str); 2] = [
    (GRAPH_APP_ID, "Microsoft Graph"),
    (crate::DEFAULT_CLIENT_ID, PRESENT_CLIENT_NAME),
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
