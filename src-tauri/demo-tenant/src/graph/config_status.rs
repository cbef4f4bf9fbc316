//! Assignments and deployment status of a device configuration: `GET .../assignments`,
//! `POST .../assign` (which replaces the whole set, as Graph does), `deviceStatusOverview` and
//! `deviceStatuses`. Status is computed from the seeded devices in scope: Windows devices move
//! from pending to success a few seconds after the assignment, other devices of a targeted user
//! are not applicable.

use std::collections::HashSet;

use axum::extract::{Path, RawQuery, State};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde_json::{Map, Value, json};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use super::config_types;
use super::configurations::{SET, find, may_read, may_write};
use super::odata::{Query, context, next_link};
use super::{ApiVersion, Caller, GraphError};
use crate::clock::graph_date_time;
use crate::seed::{Assigned, Directory};
use crate::state::{TenantState, changing};

/// Devices beyond the first thousand are left out of status reports, so a large fleet answers
/// at once.
const STATUS_SCAN: usize = 1000;
/// Intune's "never reported" date.
const NEVER: &str = "0001-01-01T00:00:00Z";
/// A device that has not checked in for this long before the assignment never picks the profile
/// up: it stays pending, as in Intune, until it syncs again.
const STALE: Duration = Duration::days(7);
/// The one device whose profile fails: the showcase's co-managed desktop, as a device whose
/// configuration workload still sits with Configuration Manager reports.
const FAILING_DEVICE: &str = "NW-DT-0300";

pub(super) fn routes() -> Router<TenantState> {
    Router::new()
        .route(
            "/deviceManagement/deviceConfigurations/{id}/assignments",
            get(assignments),
        )
        .route(
            "/deviceManagement/deviceConfigurations/{id}/assign",
            post(assign),
        )
        .route(
            "/deviceManagement/deviceConfigurations/{id}/deviceStatusOverview",
            get(overview),
        )
        .route(
            "/deviceManagement/deviceConfigurations/{id}/deviceStatuses",
            get(statuses),
        )
}

fn assigned(state: &TenantState, id: &str) -> Result<Assigned, GraphError> {
    find(state, id)?;
    Ok(changing(&state.directory)
        .configuration_assignments
        .get(id)
        .cloned()
        .unwrap_or(Assigned {
            assignments: Vec::new(),
            at: state.clock.now(),
        }))
}

fn collection(state: &TenantState, version: ApiVersion, path: &str, items: Vec<Value>) -> Value {
    json!({
        "@odata.context": context(&state.origin, version.path(), path, None, false),
        "value": items,
    })
}

async fn assignments(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, GraphError> {
    may_read(&caller)?;
    let set = assigned(&state, &id)?;
    let path = format!("{SET}('{id}')/assignments");
    Ok(Json(collection(&state, version, &path, set.assignments)))
}

async fn assign(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, GraphError> {
    may_write(&caller)?;
    find(&state, &id)?;
    let Json(body) =
        body.map_err(|_| GraphError::bad_request("The request body is not valid JSON."))?;
    let targets = config_types::assignments(&body)?;
    let made: Vec<Value> = targets
        .into_iter()
        .map(|target| {
            let key = target
                .get("groupId")
                .and_then(Value::as_str)
                .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned);
            json!({ "id": format!("{id}_{key}"), "target": target })
        })
        .collect();
    {
        let mut directory = changing(&state.directory);
        // Replaces the whole set: anything not sent is gone.
        directory.configuration_assignments.insert(
            id.clone(),
            Assigned {
                assignments: made.clone(),
                at: state.clock.now(),
            },
        );
        let stamp = graph_date_time(state.clock.now());
        if let Some(config) = directory
            .device_configurations
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .find(|c| c.get("id").and_then(Value::as_str) == Some(id.as_str()))
        {
            config.insert("lastModifiedDateTime".into(), json!(stamp));
        }
    }
    let path = "Collection(microsoft.graph.deviceConfigurationAssignment)";
    Ok(Json(json!({
        "@odata.context": format!("{}/{}/$metadata#{path}", state.origin, version.path()),
        "value": made,
    })))
}

/// One device's report on a configuration.
struct Report {
    device_id: String,
    device_name: String,
    model: String,
    user_name: String,
    user_principal_name: String,
    status: &'static str,
    reported: Option<OffsetDateTime>,
}

fn text(map: &Map<String, Value>, name: &str) -> String {
    map.get(name)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Windows 10 1703 or later can take a custom OMA-URI profile; nothing else can.
fn applicable(properties: &Map<String, Value>) -> bool {
    if text(properties, "operatingSystem") != "Windows" {
        return false;
    }
    let build: Vec<u32> = text(properties, "osVersion")
        .split('.')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    build.as_slice() >= [10, 0, 15063].as_slice()
}

/// Every device in scope of the assignment set, with its status at `at`.
fn reports(directory: &Directory, set: &Assigned, at: OffsetDateTime) -> Vec<Report> {
    let members = |group_id: &str| -> HashSet<String> {
        directory
            .groups
            .iter()
            .find(|g| g.properties.get("id").and_then(Value::as_str) == Some(group_id))
            .map(|g| g.member_ids.iter().cloned().collect())
            .unwrap_or_default()
    };
    let mut included: HashSet<String> = HashSet::new();
    let mut excluded: HashSet<String> = HashSet::new();
    let (mut all_devices, mut all_users) = (false, false);
    for assignment in &set.assignments {
        let target = &assignment["target"];
        let group = target["groupId"].as_str().unwrap_or_default();
        match target["@odata.type"].as_str().unwrap_or_default() {
            "#microsoft.graph.groupAssignmentTarget" => included.extend(members(group)),
            "#microsoft.graph.exclusionGroupAssignmentTarget" => excluded.extend(members(group)),
            "#microsoft.graph.allDevicesAssignmentTarget" => all_devices = true,
            "#microsoft.graph.allLicensedUsersAssignmentTarget" => all_users = true,
            _ => {}
        }
    }
    let fleet = &directory.managed_devices;
    (0..fleet.len().min(STATUS_SCAN))
        .filter_map(|index| fleet.get(index).map(|d| (index, d)))
        .filter_map(|(index, device)| {
            let p = &device.properties;
            let (user, entra) = (text(p, "userId"), text(p, "azureADDeviceId"));
            let by_user = included.contains(&user) || (all_users && !user.is_empty());
            let by_device = included.contains(&entra) || all_devices;
            if !(by_user || by_device) || excluded.contains(&user) || excluded.contains(&entra) {
                return None;
            }
            let delay = Duration::seconds(2 + i64::try_from(index % 3).unwrap_or(0));
            let synced = OffsetDateTime::parse(&text(p, "lastSyncDateTime"), &Rfc3339).ok();
            let (status, reported) = if !applicable(p) {
                ("notApplicable", Some(set.at))
            } else if synced.is_some_and(|s| s + STALE < set.at) || at < set.at + delay {
                ("unknown", None)
            } else if text(p, "deviceName") == FAILING_DEVICE {
                ("error", Some(set.at + delay))
            } else {
                ("compliant", Some(set.at + delay))
            };
            Some(Report {
                device_id: device.id().to_owned(),
                device_name: text(p, "deviceName"),
                model: text(p, "model"),
                user_name: text(p, "userDisplayName"),
                user_principal_name: text(p, "userPrincipalName"),
                status,
                reported,
            })
        })
        .collect()
}

async fn overview(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, GraphError> {
    may_read(&caller)?;
    let set = assigned(&state, &id)?;
    let config = find(&state, &id)?;
    let at = state.clock.now();
    let found = reports(&changing(&state.directory), &set, at);
    let count = |status: &str| found.iter().filter(|r| r.status == status).count();
    let last = found
        .iter()
        .filter_map(|r| r.reported)
        .max()
        .unwrap_or(set.at);
    let path = format!("{SET}('{id}')/deviceStatusOverview");
    Ok(Json(json!({
        "@odata.context": context(&state.origin, version.path(), &path, None, true),
        "id": format!("{id}_DeviceStatusOverview"),
        "pendingCount": count("unknown"),
        "notApplicableCount": count("notApplicable"),
        "successCount": count("compliant"),
        "errorCount": count("error"),
        "failedCount": count("nonCompliant"),
        "conflictCount": count("conflict"),
        "lastUpdateDateTime": graph_date_time(last),
        "configurationVersion": config.get("version").cloned().unwrap_or(json!(1)),
    })))
}

/// Rows per `deviceStatuses` page when the request names no `$top`. Intune pages this list with
/// `@odata.nextLink`; its page size is not documented, so the demo keeps pages small enough that
/// an ordinary seeded deployment spans several and a client that reads only the first page shows.
const STATUS_PAGE: usize = 10;
/// The largest `$top` the demo honours on `deviceStatuses`.
const STATUS_PAGE_MAX: usize = 100;

async fn statuses(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    may_read(&caller)?;
    let query = Query::parse(raw.as_deref());
    let top = query.top(STATUS_PAGE, STATUS_PAGE_MAX)?;
    let start = query.skip()?;
    let set = assigned(&state, &id)?;
    let found = reports(&changing(&state.directory), &set, state.clock.now());
    let total = found.len();
    let items: Vec<Value> = found
        .into_iter()
        .skip(start)
        .take(top)
        .map(|r| {
            json!({
                "id": format!("{id}_{}", r.device_id),
                "deviceDisplayName": r.device_name,
                "userName": r.user_name,
                "deviceModel": r.model,
                "complianceGracePeriodExpirationDateTime": NEVER,
                "status": r.status,
                "lastReportedDateTime": r.reported.map_or_else(|| NEVER.to_owned(), graph_date_time),
                "userPrincipalName": r.user_principal_name,
            })
        })
        .collect();
    let path = format!("{SET}('{id}')/deviceStatuses");
    let mut body = collection(&state, version, &path, items);
    if start + top < total {
        let here = format!("{SET}/{id}/deviceStatuses");
        let link = next_link(
            &state.origin,
            version.path(),
            &here,
            raw.as_deref(),
            start + top,
        );
        body["@odata.nextLink"] = json!(link);
    }
    Ok(Json(body))
}
