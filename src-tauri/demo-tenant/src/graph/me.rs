//! `GET /me`: the signed-in person.

use axum::extract::{RawQuery, State};
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Map, Value, json};

use super::odata::{Query, context, project};
use super::{ApiVersion, Caller, GraphError};
use crate::seed::Person;
use crate::state::TenantState;

const PROPERTIES: [&str; 14] = [
    "id",
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "accountEnabled",
    "department",
    "usageLocation",
];

/// What Graph v1.0 returns for a user when nothing is selected.
const DEFAULTS: [&str; 11] = [
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
];

pub(super) fn routes() -> Router<TenantState> {
    Router::new().route("/me", get(me))
}

async fn me(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&["User.Read"])?;
    let selected = Query::parse(query.as_deref()).select("user", &PROPERTIES)?;
    let mut body = Map::new();
    let context = context(
        &state.origin,
        version.path(),
        "users",
        selected.as_deref(),
        true,
    );
    body.insert("@odata.context".into(), json!(context));
    body.extend(project(
        &user(caller.person),
        selected.as_deref(),
        &DEFAULTS,
    ));
    Ok(Json(Value::Object(body)))
}

fn user(person: &Person) -> Map<String, Value> {
    let value = json!({
        "id": person.oid,
        "businessPhones": [],
        "displayName": person.display_name,
        "givenName": person.given_name,
        "jobTitle": person.job_title,
        "mail": person.sign_in_name,
        "mobilePhone": null,
        "officeLocation": null,
        "preferredLanguage": "en-US",
        "surname": person.surname,
        "userPrincipalName": person.sign_in_name,
        "accountEnabled": true,
        "department": "IT",
        "usageLocation": "US",
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}
