//! `POST /users/{id}/authentication/temporaryAccessPassMethods`, as Microsoft's "Create
//! temporaryAccessPassMethod" page (v1.0) describes it: an optional `isUsableOnce`,
//! `lifetimeInMinutes` (10 to 43200) and `startDateTime`; 201 with the object, and the pass itself
//! (`temporaryAccessPass`) only in this answer: every later `GET` has it `null`. "A user can only
//! have one Temporary Access Pass": a new one replaces a running one, as that page says.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Extension, Json};
use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::auth_methods::{is_pass, roles_of, user};
use super::{ApiVersion, Caller, GraphError};
use crate::clock::graph_date_time;
use crate::seed::{Employee, Role};
use crate::state::{TenantState, changing};

const WRITE_SCOPES: [&str; 1] = ["UserAuthenticationMethod.ReadWrite.All"];
/// The page's bounds for `lifetimeInMinutes`.
const LIFETIME: std::ops::RangeInclusive<i64> = 10..=43_200;
const BODY_PROPERTIES: [&str; 4] = [
    "@odata.type",
    "isUsableOnce",
    "lifetimeInMinutes",
    "startDateTime",
];

/// Roles that hold an administrator's rights: a pass for such a person takes a Privileged
/// Authentication Administrator ("Privileged Authentication Administrators can create ... a TAP
/// for admins and members (except themselves); Authentication Administrators ... for members",
/// Microsoft's Temporary Access Pass page).
const ADMIN_ROLES: [Role; 4] = [
    Role::IntuneAdministrator,
    Role::ApplicationAdministrator,
    Role::AuthenticationAdministrator,
    Role::PrivilegedAuthenticationAdministrator,
];

/// The authentication methods API's refusal for a signed-in person whose Entra role does not
/// cover the target. The code and message are those seen from Graph in public reports, not
/// documented (unconfirmed).
pub(super) fn access_denied() -> GraphError {
    GraphError::new(
        StatusCode::FORBIDDEN,
        "accessDenied",
        "Request Authorization failed",
    )
}

/// Whether the caller's role lets them read (or, with `write`, change) `target`'s methods.
pub(super) fn may_act_on(
    caller: &Caller,
    target: &Employee,
    write: bool,
) -> Result<(), GraphError> {
    let has = |role: Role| caller.person.roles.contains(&role);
    let privileged = has(Role::PrivilegedAuthenticationAdministrator);
    if !(privileged || has(Role::AuthenticationAdministrator)) {
        return Err(access_denied());
    }
    if !write {
        return Ok(());
    }
    let admin_target = roles_of(target).iter().any(|r| ADMIN_ROLES.contains(r));
    if target.id == caller.person.oid || (admin_target && !privileged) {
        return Err(access_denied());
    }
    Ok(())
}

/// The pass policy's refusal: off, or the person is not in an included group (or is in an
/// excluded one). Graph's wording as public reports show it; the status is assumed.
fn not_allowed_by_policy() -> GraphError {
    GraphError::bad_request(
        "Converged UserCredentialPolicy does not allow creating or updating this authentication \
         method. AuthMethodType [TemporaryAccessPass].",
    )
}

fn in_scope(policy: &Value, groups: &[String]) -> bool {
    let ids = |name: &str| -> Vec<String> {
        policy[name]
            .as_array()
            .map(|t| {
                t.iter()
                    .filter_map(|t| t["id"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let member = |id: &String| id == "all_users" || groups.contains(id);
    policy["state"] == "enabled"
        && ids("includeTargets").iter().any(member)
        && !ids("excludeTargets").iter().any(|id| groups.contains(id))
}

struct Asked {
    lifetime: i64,
    usable_once: bool,
    start: OffsetDateTime,
}

fn read_body(
    body: &Map<String, Value>,
    policy: &Value,
    now: OffsetDateTime,
) -> Result<Asked, GraphError> {
    if let Some(name) = body.keys().find(|k| !BODY_PROPERTIES.contains(&k.as_str())) {
        return Err(GraphError::bad_request(format!(
            "Invalid property '{name}' for type temporaryAccessPassAuthenticationMethod."
        )));
    }
    let lifetime = match body.get("lifetimeInMinutes") {
        None | Some(Value::Null) => policy["defaultLifetimeInMinutes"].as_i64().unwrap_or(60),
        Some(v) => v
            .as_i64()
            .ok_or_else(|| GraphError::bad_request("lifetimeInMinutes must be an integer."))?,
    };
    let (min, max) = (
        policy["minimumLifetimeInMinutes"].as_i64().unwrap_or(10),
        policy["maximumLifetimeInMinutes"]
            .as_i64()
            .unwrap_or(43_200),
    );
    if !LIFETIME.contains(&lifetime) || !(min..=max).contains(&lifetime) {
        return Err(GraphError::bad_request(format!(
            "lifetimeInMinutes must be between {min} and {max} under the Temporary Access Pass \
             policy."
        )));
    }
    let once_by_policy = policy["isUsableOnce"].as_bool().unwrap_or(false);
    let usable_once = match body.get("isUsableOnce") {
        None | Some(Value::Null) => once_by_policy,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(GraphError::bad_request("isUsableOnce must be a Boolean.")),
    };
    // "A multi-use Temporary Access Pass can only be created ... if it is allowed by the policy."
    if once_by_policy && !usable_once {
        return Err(not_allowed_by_policy());
    }
    let start = match body.get("startDateTime").and_then(Value::as_str) {
        Some(text) => OffsetDateTime::parse(text, &Rfc3339)
            .map_err(|_| GraphError::bad_request("startDateTime is not a valid date and time."))?,
        None => now,
    };
    Ok(Asked {
        lifetime,
        usable_once,
        start,
    })
}

pub(super) async fn create(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<axum::response::Response, GraphError> {
    caller.require_any(&WRITE_SCOPES)?;
    let target = user(&state, &id)?;
    // Authorization comes before the policy is looked at.
    may_act_on(&caller, &target, true)?;
    let Json(body) =
        body.map_err(|_| GraphError::bad_request("The request body is not valid JSON."))?;
    let body = body
        .as_object()
        .ok_or_else(|| GraphError::bad_request("The request body must be a JSON object."))?;
    let mut directory = changing(&state.directory);
    let groups: Vec<String> = directory
        .groups
        .iter()
        .filter(|g| g.member_ids.contains(&target.id))
        .filter_map(|g| {
            g.properties
                .get("id")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .collect();
    if !in_scope(&directory.tap_policy, &groups) {
        return Err(not_allowed_by_policy());
    }
    let asked = read_body(body, &directory.tap_policy, state.clock.now())?;
    let length = directory.tap_policy["defaultLength"].as_u64().unwrap_or(8);
    let pass = state.new_secret(usize::try_from(length).unwrap_or(8));
    let created = state.clock.now();
    let usable = asked.start <= created;
    let mut method = json!({
        "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
        "id": uuid::Uuid::new_v4().to_string(),
        "temporaryAccessPass": null,
        "createdDateTime": graph_date_time(created),
        "startDateTime": graph_date_time(asked.start),
        "lifetimeInMinutes": asked.lifetime,
        "isUsableOnce": asked.usable_once,
        "isUsable": usable,
        "methodUsabilityReason": if usable { "EnabledByPolicy" } else { "NotYetValid" },
    });
    let methods = directory
        .authentication_methods
        .entry(target.id.clone())
        .or_default();
    methods.retain(|m| !is_pass(m));
    methods.push(method.clone());
    drop(directory);
    method["temporaryAccessPass"] = json!(pass);
    method["@odata.context"] = json!(format!(
        "{}/{}/$metadata#users('{}')/authentication/temporaryAccessPassMethods/$entity",
        state.origin,
        version.path(),
        target.id
    ));
    Ok((StatusCode::CREATED, Json(method)).into_response())
}
