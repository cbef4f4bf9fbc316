//! Delegated permission grants: `GET /oauth2PermissionGrants?$filter=clientId eq '…'` and
//! `GET /servicePrincipals/{id}/oauth2PermissionGrants` (also by the `appId` alternate key), how
//! the app learns whether its sign-in client is consented for the whole organisation. As in
//! Graph, reading them needs `Directory.Read.All` (or a broader permission) and a directory role
//! that may read applications' consent.

use axum::extract::{Path, RawQuery, State};
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Map, Value, json};

use super::filter::{self, Op, Support};
use super::odata::{Query, context};
use super::{ApiVersion, Caller, GraphError};
use crate::seed::Role;
use crate::state::{TenantState, changing};

const SET: &str = "oauth2PermissionGrants";

const SCOPES: [&str; 3] = [
    "Directory.Read.All",
    "DelegatedPermissionGrant.ReadWrite.All",
    "Directory.ReadWrite.All",
];

/// `clientId`, `consentType`, `principalId` and `resourceId` support `eq` only, as documented.
const SUPPORT: &Support = &[
    ("clientId", &[Op::Eq]),
    ("consentType", &[Op::Eq]),
    ("principalId", &[Op::Eq]),
    ("resourceId", &[Op::Eq]),
];

pub(super) fn routes() -> Router<TenantState> {
    Router::new()
        .route("/oauth2PermissionGrants", get(list))
        .route("/servicePrincipals/{id}/oauth2PermissionGrants", get(by_id))
        .route("/{segment}/oauth2PermissionGrants", get(by_key))
}

fn allowed(caller: &Caller) -> Result<(), GraphError> {
    caller.require_any(&SCOPES)?;
    if caller
        .person
        .roles
        .contains(&Role::ApplicationAdministrator)
    {
        Ok(())
    } else {
        Err(GraphError::insufficient_privileges())
    }
}

fn answer(
    state: &TenantState,
    version: ApiVersion,
    grants: Vec<Map<String, Value>>,
) -> Json<Value> {
    Json(json!({
        "@odata.context": context(&state.origin, version.path(), SET, None, false),
        "value": grants,
    }))
}

fn of_service_principal(
    state: &TenantState,
    version: ApiVersion,
    caller: &Caller,
    property: &str,
    value: &str,
) -> Result<Json<Value>, GraphError> {
    allowed(caller)?;
    let directory = changing(&state.directory);
    let sp_id = directory
        .service_principals
        .iter()
        .find(|sp| {
            sp.get(property)
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case(value))
        })
        .and_then(|sp| sp.get("id").and_then(Value::as_str))
        .map(str::to_owned)
        .ok_or_else(|| super::service_principals::not_found(value))?;
    let grants = directory.grants_of(&sp_id);
    drop(directory);
    Ok(answer(state, version, grants))
}

async fn by_id(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, GraphError> {
    of_service_principal(&state, version, &caller, "id", &id)
}

async fn by_key(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(segment): Path<String>,
) -> Result<Json<Value>, GraphError> {
    let Some((property, value)) = super::service_principals::alternate_key(&segment) else {
        return Err(GraphError::bad_request(format!(
            "Resource not found for the segment '{segment}'."
        )));
    };
    of_service_principal(&state, version, &caller, property, &value)
}

async fn list(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    allowed(&caller)?;
    let query = Query::parse(raw.as_deref());
    let filter = query
        .option("filter")
        .map(|raw| filter::parse(raw, "oAuth2PermissionGrant", SUPPORT))
        .transpose()?;
    let grants = changing(&state.directory)
        .oauth2_permission_grants
        .iter()
        .filter(|g| filter.as_ref().is_none_or(|f| f.matches(g)))
        .cloned()
        .collect();
    Ok(answer(&state, version, grants))
}
