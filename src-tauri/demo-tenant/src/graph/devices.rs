//! `GET /deviceManagement/managedDevices` (with `$filter`, `$select`, `$top` and paging) and
//! `GET /deviceManagement/managedDevices/{id}`. Intune Administrators and Help Desk Operators may
//! read; anyone else gets Intune's wrapped 401.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Map, Value, json};

use super::filter::{self, Op, Support};
use super::odata::{Listing, Query, context, project};
use super::{ApiVersion, Caller, DEVICE_ROLES, GraphError};
use crate::seed::ManagedDevice;
use crate::seed::devices::{LIGHT_PROPERTIES, V1_PROPERTIES};
use crate::state::{TenantState, reading};

const SET: &str = "deviceManagement/managedDevices";
const DEFAULT_PAGE: usize = 100;
const MAX_PAGE: usize = 1000;
const BETA_PROPERTIES: [&str; 2] = ["deviceType", "joinType"];

pub(super) const READ_SCOPES: [&str; 2] = [
    "DeviceManagementManagedDevices.Read.All",
    "DeviceManagementManagedDevices.ReadWrite.All",
];

/// The operators the v1.0 metadata documents per property; everything else is a 400.
const SUPPORT: &Support = &[
    ("deviceName", &[Op::Eq, Op::Contains]),
    ("serialNumber", &[Op::Eq]),
    ("operatingSystem", &[Op::Eq]),
    ("managementState", &[Op::Eq]),
    ("managementAgent", &[Op::Eq]),
    ("complianceState", &[Op::Eq]),
    ("manufacturer", &[Op::Eq]),
    ("userPrincipalName", &[Op::Eq, Op::Ne]),
    ("osVersion", &[Op::Contains]),
    ("emailAddress", &[Op::Contains]),
    ("phoneNumber", &[Op::Contains]),
    ("model", &[Op::Eq, Op::Contains]),
    ("lastSyncDateTime", &[Op::Lt, Op::Gt]),
    ("enrolledDateTime", &[Op::Lt, Op::Gt]),
];

pub(super) fn routes() -> Router<TenantState> {
    Router::new()
        .route("/deviceManagement/managedDevices", get(list))
        .route("/deviceManagement/managedDevices/{id}", get(one))
}

/// The properties a version knows, in a stable order.
fn known(version: ApiVersion) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = V1_PROPERTIES.to_vec();
    if version == ApiVersion::Beta {
        names.extend(BETA_PROPERTIES);
    }
    names
}

/// The device as a version shows it: beta adds its own properties.
fn entity(device: ManagedDevice, version: ApiVersion) -> Map<String, Value> {
    let mut properties = device.properties;
    if version == ApiVersion::Beta {
        properties.extend(device.beta_properties);
    }
    properties
}

async fn list(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    list_of(&state, version, &caller, raw.as_deref(), None)
}

/// Whose devices a list holds: everyone's, or one user's (`/users/{id}/managedDevices`).
pub(super) struct Owner<'a> {
    pub id: &'a str,
    /// The path the list was asked at, for its context and next link.
    pub set: String,
}

/// The device list, everyone's or `owner`'s, with `$filter`, `$select`, `$top` and paging.
pub(super) fn list_of(
    state: &TenantState,
    version: ApiVersion,
    caller: &Caller,
    raw: Option<&str>,
    owner: Option<Owner<'_>>,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&READ_SCOPES)?;
    caller.require_role(&DEVICE_ROLES)?;
    let set = owner.as_ref().map_or(SET, |o| o.set.as_str());
    let query = Query::parse(raw);
    let names = known(version);
    let selected = query.select("managedDevice", &names)?;
    let filter = query
        .option("filter")
        .map(|raw| filter::parse(raw, "managedDevice", SUPPORT))
        .transpose()?;
    let top = query.top(DEFAULT_PAGE, MAX_PAGE)?;
    let start = query.skip()?;
    // A filter on spec-only properties is first tried on those alone, so a search through a
    // large fleet builds only the devices that match.
    let light = filter.as_ref().filter(|f| f.reads_only(&LIGHT_PROPERTIES));
    let mut page = Vec::new();
    let mut next = None;
    {
        let directory = reading(&state.directory);
        let fleet = &directory.managed_devices;
        let reads = |name: &str| light.is_some_and(|f| f.reads(name));
        let light_of = light.map(|_| fleet.light_reader(&reads));
        let serials = filter.as_ref().and_then(|f| f.equal_texts("serialNumber"));
        let candidates: Box<dyn Iterator<Item = usize>> =
            match serials.and_then(|serials| fleet.with_serial_numbers(&serials)) {
                Some(found) => Box::new(found.into_iter().filter(move |&index| index >= start)),
                None => Box::new(start..fleet.len()),
            };
        for index in candidates {
            if owner
                .as_ref()
                .is_some_and(|o| fleet.owner_id_at(index) != Some(o.id))
            {
                continue;
            }
            if let (Some(light), Some(light_of)) = (light, &light_of)
                && !light_of(index).is_some_and(|d| light.matches(&d))
            {
                continue;
            }
            let Some(device) = fleet.get(index) else {
                break;
            };
            let item = entity(device, version);
            if filter.as_ref().is_some_and(|f| !f.matches(&item)) {
                continue;
            }
            if page.len() == top {
                next = Some(index);
                break;
            }
            page.push(Value::Object(project(&item, selected.as_deref(), &names)));
        }
    }
    let listing = Listing {
        origin: &state.origin,
        version: version.path(),
        set,
        raw_query: raw,
        selected: selected.as_deref(),
    };
    Ok(Json(listing.answer(page, None, next)))
}

async fn one(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&READ_SCOPES)?;
    caller.require_role(&DEVICE_ROLES)?;
    let names = known(version);
    let selected = Query::parse(raw.as_deref()).select("managedDevice", &names)?;
    let device = find(&state, &id)?;
    let mut body = Map::new();
    body.insert(
        "@odata.context".into(),
        json!(context(
            &state.origin,
            version.path(),
            SET,
            selected.as_deref(),
            true
        )),
    );
    body.extend(project(
        &entity(device, version),
        selected.as_deref(),
        &names,
    ));
    Ok(Json(Value::Object(body)))
}

/// The device with `id`, or Intune's 404.
pub(super) fn find(state: &TenantState, id: &str) -> Result<ManagedDevice, GraphError> {
    let directory = reading(&state.directory);
    let fleet = &directory.managed_devices;
    fleet
        .index_of(id)
        .and_then(|i| fleet.get(i))
        .ok_or_else(not_found)
}

pub(super) fn not_found() -> GraphError {
    GraphError::intune(
        StatusCode::NOT_FOUND,
        "ResourceNotFound",
        "ResourceNotFound",
    )
}
