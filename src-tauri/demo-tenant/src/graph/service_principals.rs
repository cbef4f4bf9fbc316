//! `GET /servicePrincipals(appId='…')` (alternate key), `GET /servicePrincipals/{id}` and
//! `GET /servicePrincipals?$filter=appId eq '…'`: how the app learns whether the PIN reset apps
//! have been consented to.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Map, Value, json};

use super::filter::{self, Op, Support};
use super::odata::{Query, context, project};
use super::{ApiVersion, Caller, GraphError};
use crate::state::{TenantState, changing};

const SET: &str = "servicePrincipals";

const PROPERTIES: [&str; 10] = [
    "id",
    "appId",
    "displayName",
    "appDisplayName",
    "accountEnabled",
    "appOwnerOrganizationId",
    "servicePrincipalType",
    "servicePrincipalNames",
    "signInAudience",
    "tags",
];

const SUPPORT: &Support = &[
    ("id", &[Op::Eq]),
    ("appId", &[Op::Eq]),
    ("displayName", &[Op::Eq, Op::StartsWith]),
    ("accountEnabled", &[Op::Eq]),
    ("servicePrincipalType", &[Op::Eq]),
];

const SCOPES: [&str; 3] = [
    "Application.Read.All",
    "Application.ReadWrite.All",
    "Directory.Read.All",
];

pub(super) fn routes() -> Router<TenantState> {
    Router::new()
        .route("/servicePrincipals", get(list))
        .route("/servicePrincipals/{id}", get(by_id))
        // `servicePrincipals(appId='…')` is one segment; other unknown segments land here too.
        .route("/{segment}", get(by_key).fallback(super::unknown_segment))
}

pub(super) fn not_found(what: &str) -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "Request_ResourceNotFound",
        format!(
            "Resource '{what}' does not exist or one of its queried reference-property objects \
             are not present."
        ),
    )
}

/// `servicePrincipals(appId='x')` → `("appId", "x")`, with doubled quotes read back.
pub(super) fn alternate_key(segment: &str) -> Option<(&'static str, String)> {
    let inner = segment
        .strip_prefix("servicePrincipals(")?
        .strip_suffix(')')?;
    let (property, literal) = inner.split_once('=')?;
    let property = ["appId", "id"]
        .into_iter()
        .find(|p| p.eq_ignore_ascii_case(property.trim()))?;
    let value = literal
        .trim()
        .strip_prefix('\'')?
        .strip_suffix('\'')?
        .replace("''", "'");
    Some((property, value))
}

fn single(
    state: &TenantState,
    version: ApiVersion,
    caller: &Caller,
    raw: Option<&str>,
    property: &str,
    value: &str,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&SCOPES)?;
    let selected = Query::parse(raw).select("servicePrincipal", &PROPERTIES)?;
    let found = changing(&state.directory)
        .service_principals
        .iter()
        .find(|sp| {
            sp.get(property)
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case(value))
        })
        .cloned()
        .ok_or_else(|| not_found(value))?;
    let mut body = Map::new();
    let context = context(
        &state.origin,
        version.path(),
        SET,
        selected.as_deref(),
        true,
    );
    body.insert("@odata.context".into(), json!(context));
    body.extend(project(&found, selected.as_deref(), &PROPERTIES));
    Ok(Json(Value::Object(body)))
}

async fn by_key(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(segment): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    let Some((property, value)) = alternate_key(&segment) else {
        return Err(GraphError::bad_request(format!(
            "Resource not found for the segment '{segment}'."
        )));
    };
    single(&state, version, &caller, raw.as_deref(), property, &value)
}

async fn by_id(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    single(&state, version, &caller, raw.as_deref(), "id", &id)
}

async fn list(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&SCOPES)?;
    let query = Query::parse(raw.as_deref());
    let selected = query.select("servicePrincipal", &PROPERTIES)?;
    let filter = query
        .option("filter")
        .map(|raw| filter::parse(raw, "servicePrincipal", SUPPORT))
        .transpose()?;
    let top = query.top(100, 999)?;
    let items: Vec<Value> = changing(&state.directory)
        .service_principals
        .iter()
        .filter(|sp| filter.as_ref().is_none_or(|f| f.matches(sp)))
        .take(top)
        .map(|sp| Value::Object(project(sp, selected.as_deref(), &PROPERTIES)))
        .collect();
    Ok(Json(json!({
        "@odata.context": context(&state.origin, version.path(), SET, selected.as_deref(), false),
        "value": items,
    })))
}

#[cfg(test)]
mod tests {
    use super::alternate_key;

    #[test]
    fn alternate_keys_are_read_with_doubled_quotes() {
        assert_eq!(
            alternate_key("servicePrincipals(appId='b8''c')"),
            Some(("appId", "b8'c".to_owned()))
        );
        assert_eq!(alternate_key("servicePrincipals(name='x')"), None);
        assert_eq!(alternate_key("nothingHere"), None);
    }
}
