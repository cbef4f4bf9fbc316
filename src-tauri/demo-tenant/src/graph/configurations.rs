//! `deviceManagement/deviceConfigurations`: create (201 with the stored object), list
//! (polymorphic, `$select`, `$top`, full-URL `nextLink`) and get by id. Assignments and
//! deployment status live in [`super::config_status`].

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Map, Value, json};

use super::config_status;
use super::config_types;
use super::odata::{Listing, Query, context, project};
use super::{ApiVersion, Caller, DEVICE_ROLES, GraphError};
use crate::clock::graph_date_time;
use crate::seed::{Assigned, Role};
use crate::state::{TenantState, changing};

pub(super) const SET: &str = "deviceManagement/deviceConfigurations";
const DEFAULT_PAGE: usize = 100;
const MAX_PAGE: usize = 999;

pub(super) const READ_SCOPES: [&str; 2] = [
    "DeviceManagementConfiguration.Read.All",
    "DeviceManagementConfiguration.ReadWrite.All",
];
pub(super) const WRITE_SCOPES: [&str; 1] = ["DeviceManagementConfiguration.ReadWrite.All"];

/// The base `deviceConfiguration` properties, what a list returns for every item.
const BASE: [&str; 6] = [
    "id",
    "lastModifiedDateTime",
    "createdDateTime",
    "description",
    "displayName",
    "version",
];
/// What `$select` may name: the base properties and those of the derived types.
const SELECTABLE: [&str; 7] = [
    "id",
    "lastModifiedDateTime",
    "createdDateTime",
    "description",
    "displayName",
    "version",
    "omaSettings",
];

pub(super) fn routes() -> Router<TenantState> {
    Router::new()
        .route(
            "/deviceManagement/deviceConfigurations",
            get(list).post(create),
        )
        .route("/deviceManagement/deviceConfigurations/{id}", get(one))
        .merge(config_status::routes())
}

/// Reading: any Intune role and a read scope.
pub(super) fn may_read(caller: &Caller) -> Result<(), GraphError> {
    caller.require_any(&READ_SCOPES)?;
    caller.require_role(&DEVICE_ROLES)
}

/// Writing: the write scope and a role that may change profiles; a help desk operator gets
/// Intune's wrapped 403.
pub(super) fn may_write(caller: &Caller) -> Result<(), GraphError> {
    caller.require_any(&WRITE_SCOPES)?;
    caller.require_role(&DEVICE_ROLES)?;
    if caller.person.roles.contains(&Role::IntuneAdministrator) {
        Ok(())
    } else {
        Err(GraphError::intune_forbidden())
    }
}

pub(super) fn not_found(id: &str) -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "ResourceNotFound",
        format!("Resource not found for the segment '{id}'."),
    )
}

/// The stored configuration with `id`.
pub(super) fn find(state: &TenantState, id: &str) -> Result<Map<String, Value>, GraphError> {
    changing(&state.directory)
        .device_configurations
        .iter()
        .filter_map(Value::as_object)
        .find(|c| c.get("id").and_then(Value::as_str) == Some(id))
        .cloned()
        .ok_or_else(|| not_found(id))
}

/// One item as Graph shows it: its `@odata.type` first, then the selected or default
/// properties of its own type.
fn shown(config: &Map<String, Value>, selected: Option<&[&'static str]>, full: bool) -> Value {
    let defaults: &[&'static str] = if full { &SELECTABLE } else { &BASE };
    let mut item = Map::new();
    if let Some(kind) = config.get("@odata.type") {
        item.insert("@odata.type".into(), kind.clone());
    }
    item.extend(project(config, selected, defaults));
    Value::Object(item)
}

/// One item of the list. Graph's list of device configurations may answer `omaSettings: []` for
/// a custom profile that has settings (they are only certain on a read by ID), so the demo does
/// exactly that: a client that judges a profile by its list entry misses the setting.
fn listed(config: &Map<String, Value>, selected: Option<&[&'static str]>) -> Value {
    let mut item = shown(config, selected, false);
    let custom = config
        .get("@odata.type")
        .and_then(Value::as_str)
        .is_some_and(|t| t.ends_with("windows10CustomConfiguration"));
    let asked = selected.is_none_or(|s| s.contains(&"omaSettings"));
    if let (true, true, Value::Object(map)) = (custom, asked, &mut item) {
        map.insert("omaSettings".into(), json!([]));
    }
    item
}

async fn create(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), GraphError> {
    may_write(&caller)?;
    let Json(body) = body.map_err(|_| {
        GraphError::bad_request("The request body is not valid JSON for a deviceConfiguration.")
    })?;
    let mut config = config_types::profile(&body)?;
    let stamp = graph_date_time(state.clock.now());
    let id = uuid::Uuid::new_v4().to_string();
    config.insert("id".into(), json!(id));
    config.insert("createdDateTime".into(), json!(stamp));
    config.insert("lastModifiedDateTime".into(), json!(stamp));
    config.insert("version".into(), json!(1));
    config.entry("description").or_insert(Value::Null);
    config.entry("omaSettings").or_insert(json!([]));
    if let Some(Value::Array(settings)) = config.get_mut("omaSettings") {
        for setting in settings.iter_mut().filter_map(Value::as_object_mut) {
            setting.entry("description").or_insert(Value::Null);
        }
    }
    {
        let mut directory = changing(&state.directory);
        directory
            .device_configurations
            .push(Value::Object(config.clone()));
        directory.configuration_assignments.insert(
            id,
            Assigned {
                assignments: Vec::new(),
                at: state.clock.now(),
            },
        );
    }
    let mut body = Map::new();
    let context = context(&state.origin, version.path(), SET, None, true);
    body.insert("@odata.context".into(), json!(context));
    if let Value::Object(item) = shown(&config, None, true) {
        body.extend(item);
    }
    Ok((StatusCode::CREATED, Json(Value::Object(body))))
}

async fn list(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    may_read(&caller)?;
    let query = Query::parse(raw.as_deref());
    let selected = query.select("deviceConfiguration", &SELECTABLE)?;
    if query.option("filter").is_some() {
        return Err(GraphError::bad_request(
            "Filtering device configurations is not supported by this tenant.",
        ));
    }
    let top = query.top(DEFAULT_PAGE, MAX_PAGE)?;
    let start = query.skip()?;
    let all: Vec<Map<String, Value>> = changing(&state.directory)
        .device_configurations
        .iter()
        .filter_map(Value::as_object)
        .cloned()
        .collect();
    let page: Vec<Value> = all
        .iter()
        .skip(start)
        .take(top)
        .map(|c| listed(c, selected.as_deref()))
        .collect();
    let listing = Listing {
        origin: &state.origin,
        version: version.path(),
        set: SET,
        raw_query: raw.as_deref(),
        selected: selected.as_deref(),
    };
    let next = (start + top < all.len()).then_some(start + top);
    Ok(Json(listing.answer(page, None, next)))
}

async fn one(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    may_read(&caller)?;
    let query = Query::parse(raw.as_deref());
    let selected = query.select("deviceConfiguration", &SELECTABLE)?;
    let config = find(&state, &id)?;
    let mut body = Map::new();
    let context = context(
        &state.origin,
        version.path(),
        SET,
        selected.as_deref(),
        true,
    );
    body.insert("@odata.context".into(), json!(context));
    if let Value::Object(item) = shown(&config, selected.as_deref(), true) {
        body.extend(item);
    }
    Ok(Json(Value::Object(body)))
}
