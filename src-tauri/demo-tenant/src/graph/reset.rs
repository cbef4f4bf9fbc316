//! `POST /deviceManagement/managedDevices/{id}/resetPasscode`: 204 at once, then a
//! `resetPasscodeActionResult` in the device's `deviceActionResults` that moves from `pending`
//! through `active` to `done` with a new six-digit passcode over a few seconds, or ends
//! `failed`/`notSupported` when the device cannot take a new passcode.

use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Extension, Router};
use rand::Rng;
use serde_json::{Value, json};

use super::devices::not_found;
use super::{Caller, DEVICE_ROLES, GraphError};
use crate::clock::{graph_date_time, now};
use crate::seed::ManagedDevice;
use crate::state::{AppState, lock};

/// How long the device takes to pick the action up, and then to report the new passcode.
const PICKED_UP_AFTER: Duration = Duration::from_secs(1);
const DONE_AFTER: Duration = Duration::from_secs(2);
/// Intune's generic "the action failed on the device" code.
const FAILED_ON_DEVICE: i64 = -2_016_281_112;

/// After this long without a check-in, a reset fails on the device.
const STALE_AFTER_DAYS: i64 = 90;

const SCOPES: [&str; 1] = ["DeviceManagementManagedDevices.PrivilegedOperations.All"];

pub(super) fn routes() -> Router<AppState> {
    Router::new().route(
        "/deviceManagement/managedDevices/{id}/resetPasscode",
        post(reset_passcode),
    )
}

/// How a reset ends for a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Windows 10 Mobile 1703 or later, Entra joined, still managed: a new passcode.
    NewPasscode,
    /// A Windows phone that cannot do it: too old a build, only registered, or being wiped.
    Failed,
    /// Everything that is not a Windows phone.
    NotSupported,
}

fn text<'a>(device: &'a ManagedDevice, name: &str) -> &'a str {
    device
        .properties
        .get(name)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The one place that decides which devices Intune can give a new passcode.
pub(crate) fn outcome(device: &ManagedDevice) -> Outcome {
    let phone = device.beta_properties.get("deviceType") == Some(&json!("windowsPhone"));
    if text(device, "operatingSystem") != "Windows" || !phone {
        return Outcome::NotSupported;
    }
    let build: Vec<u32> = text(device, "osVersion")
        .split('.')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    let recent = build.as_slice() >= [10, 0, 15063].as_slice();
    let joined = device.beta_properties.get("joinType") == Some(&json!("azureADJoined"));
    let managed = text(device, "managementState") == "managed";
    // A phone that has not checked in for months never picks the action up.
    let reachable = time::OffsetDateTime::parse(
        text(device, "lastSyncDateTime"),
        &time::format_description::well_known::Rfc3339,
    )
    .is_ok_and(|synced| now() - synced < time::Duration::days(STALE_AFTER_DAYS));
    if recent && joined && managed && reachable {
        Outcome::NewPasscode
    } else {
        Outcome::Failed
    }
}

async fn reset_passcode(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<StatusCode, GraphError> {
    caller.require_any(&SCOPES)?;
    caller.require_role(&DEVICE_ROLES)?;
    let started = graph_date_time(now());
    let (index, position, outcome) = {
        let mut directory = lock(&state.directory);
        let fleet = &mut directory.managed_devices;
        let index = fleet.index_of(&id).ok_or_else(not_found)?;
        let mut placed = None;
        fleet.update(index, |device| {
            let entry = json!({
                "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
                "actionName": "resetPasscode",
                "actionState": "pending",
                "startDateTime": started,
                "lastUpdatedDateTime": started,
                "passcode": null,
                "errorCode": 0,
            });
            let outcome = outcome(device);
            if let Some(Value::Array(results)) = device.properties.get_mut("deviceActionResults") {
                results.push(entry);
                placed = Some((results.len() - 1, outcome));
            }
        });
        let (position, outcome) = placed.ok_or_else(not_found)?;
        (index, position, outcome)
    };
    tokio::spawn(progress(state, index, position, outcome));
    Ok(StatusCode::NO_CONTENT)
}

/// Moves the action result along as the device would report it.
async fn progress(state: AppState, index: usize, position: usize, outcome: Outcome) {
    tokio::time::sleep(PICKED_UP_AFTER).await;
    match outcome {
        Outcome::NotSupported => {
            set(&state, index, position, "notSupported", None, 0);
            return;
        }
        Outcome::NewPasscode | Outcome::Failed => set(&state, index, position, "active", None, 0),
    }
    tokio::time::sleep(DONE_AFTER).await;
    if outcome == Outcome::Failed {
        set(&state, index, position, "failed", None, FAILED_ON_DEVICE);
        return;
    }
    let passcode: String = {
        let mut rng = rand::thread_rng();
        (0..6)
            .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
            .collect()
    };
    // Remembered with the tokens, so tests can prove no passcode reaches a log or a file.
    state.remember_secret(passcode.clone());
    set(&state, index, position, "done", Some(passcode), 0);
}

fn set(
    state: &AppState,
    index: usize,
    position: usize,
    action_state: &str,
    passcode: Option<String>,
    error_code: i64,
) {
    let updated = graph_date_time(now());
    lock(&state.directory)
        .managed_devices
        .update(index, |device| {
            let entry = device
                .properties
                .get_mut("deviceActionResults")
                .and_then(|r| r.get_mut(position))
                .and_then(Value::as_object_mut);
            if let Some(entry) = entry {
                entry.insert("actionState".into(), json!(action_state));
                entry.insert("lastUpdatedDateTime".into(), json!(updated));
                entry.insert("passcode".into(), json!(passcode));
                entry.insert("errorCode".into(), json!(error_code));
            }
        });
}
