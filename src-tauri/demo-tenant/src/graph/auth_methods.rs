//! A person's authentication methods and Temporary Access Pass, as Graph v1.0 serves them:
//! `GET /users/{id}/authentication/methods`, `GET` and `POST
//! /users/{id}/authentication/temporaryAccessPassMethods`, the pass policy at
//! `/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass`
//! and `GET /users/{id}/transitiveMemberOf` (groups and directory roles, what the policy's group
//! scope and the "admin target" rule are decided by).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Value, json};

use super::odata::context;
use super::tap::{create, may_act_on};
use super::{ApiVersion, Caller, GraphError};
use crate::seed::{Employee, PEOPLE, Role};
use crate::state::{TenantState, changing};

/// "List methods" and "List temporaryAccessPassMethods" (acting on other users): the least
/// permission is `UserAuthenticationMethod.Read.All`, `.ReadWrite.All` also reads.
pub(super) const READ_SCOPES: [&str; 2] = [
    "UserAuthenticationMethod.Read.All",
    "UserAuthenticationMethod.ReadWrite.All",
];
/// "Get temporaryAccessPassAuthenticationMethodConfiguration": `Policy.Read.AuthenticationMethod`
/// (least) or `Policy.ReadWrite.AuthenticationMethod`, and one of the roles that page names:
/// Global Reader, Authentication Policy Administrator (or Global Administrator, whom the demo
/// does not have). An Authentication Administrator alone may not read it.
const POLICY_SCOPES: [&str; 2] = [
    "Policy.Read.AuthenticationMethod",
    "Policy.ReadWrite.AuthenticationMethod",
];
/// "List transitiveMemberOf": `GroupMember.Read.All` reads groups; `Directory.Read.All` too.
const MEMBERSHIP_SCOPES: [&str; 2] = ["GroupMember.Read.All", "Directory.Read.All"];
const POLICY_PATH: &str =
    "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations";

pub(super) fn routes() -> Router<TenantState> {
    Router::new()
        .route("/users/{id}/authentication/methods", get(methods))
        .route(
            "/users/{id}/authentication/temporaryAccessPassMethods",
            get(passes).post(create),
        )
        .route("/users/{id}/transitiveMemberOf", get(member_of))
        // Graph's keys are case-insensitive; its pages spell this one both ways.
        .route(&format!("{POLICY_PATH}/TemporaryAccessPass"), get(policy))
        .route(&format!("{POLICY_PATH}/temporaryAccessPass"), get(policy))
}

/// The directory user `key` names, by object id or sign-in name, as Graph's `{id |
/// userPrincipalName}` allows.
pub(super) fn user(state: &TenantState, key: &str) -> Result<Employee, GraphError> {
    let key = key.trim();
    changing(&state.directory)
        .users
        .iter()
        .find(|u| u.id.eq_ignore_ascii_case(key) || u.user_principal_name.eq_ignore_ascii_case(key))
        .cloned()
        .ok_or_else(|| {
            GraphError::new(
                StatusCode::NOT_FOUND,
                "Request_ResourceNotFound",
                format!("Resource '{key}' does not exist or one of its queried reference-property objects are not present."),
            )
        })
}

/// The directory roles a user holds (only the three people who sign in hold any).
pub(super) fn roles_of(user: &Employee) -> &'static [Role] {
    PEOPLE
        .iter()
        .find(|p| p.oid == user.id)
        .map_or(&[], |p| p.roles)
}

async fn methods(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&READ_SCOPES)?;
    let user = user(&state, &id)?;
    may_act_on(&caller, &user, false)?;
    let items = changing(&state.directory)
        .authentication_methods
        .get(&user.id)
        .cloned()
        .unwrap_or_default();
    let path = format!("users('{}')/authentication/methods", user.id);
    Ok(Json(json!({
        "@odata.context": context(&state.origin, version.path(), &path, None, false),
        "value": items,
    })))
}

async fn passes(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&READ_SCOPES)?;
    let user = user(&state, &id)?;
    may_act_on(&caller, &user, false)?;
    let items: Vec<Value> = changing(&state.directory)
        .authentication_methods
        .get(&user.id)
        .map(|m| m.iter().filter(|m| is_pass(m)).cloned().collect())
        .unwrap_or_default();
    let path = format!(
        "users('{}')/authentication/temporaryAccessPassMethods",
        user.id
    );
    Ok(Json(json!({
        "@odata.context": context(&state.origin, version.path(), &path, None, false),
        "value": items,
    })))
}

pub(super) fn is_pass(method: &Value) -> bool {
    method["@odata.type"] == "#microsoft.graph.temporaryAccessPassAuthenticationMethod"
}

async fn policy(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&POLICY_SCOPES)?;
    let readers = [Role::GlobalReader, Role::AuthenticationPolicyAdministrator];
    if !caller.person.roles.iter().any(|r| readers.contains(r)) {
        return Err(super::tap::access_denied());
    }
    let mut body = changing(&state.directory).tap_policy.clone();
    body["@odata.context"] = json!(format!(
        "{}/{}/$metadata#policies/authenticationMethodsPolicy/authenticationMethodConfigurations/$entity",
        state.origin,
        version.path()
    ));
    Ok(Json(body))
}

async fn member_of(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&MEMBERSHIP_SCOPES)?;
    let user = user(&state, &id)?;
    let mut items: Vec<Value> = changing(&state.directory)
        .groups
        .iter()
        .filter(|g| g.member_ids.contains(&user.id))
        .map(|g| {
            json!({
                "@odata.type": "#microsoft.graph.group",
                "id": g.properties.get("id").cloned().unwrap_or(Value::Null),
                "displayName": g.properties.get("displayName").cloned().unwrap_or(Value::Null),
            })
        })
        .collect();
    items.extend(roles_of(&user).iter().map(|role| {
        json!({
            "@odata.type": "#microsoft.graph.directoryRole",
            "id": crate::seed::stable_id("directoryRole", role.display_name()),
            "displayName": role.display_name(),
        })
    }));
    let path = format!("users('{}')/transitiveMemberOf", user.id);
    Ok(Json(json!({
        "@odata.context": context(&state.origin, version.path(), &path, None, false),
        "value": items,
    })))
}
