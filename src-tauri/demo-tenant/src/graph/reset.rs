//! `POST /deviceManagement/managedDevices/{id}/resetPasscode`: 204 at once, then a
//! `resetPasscodeActionResult` in the device's `deviceActionResults` that moves from `pending`
//! through `active` to `done` with a new six-digit passcode at the device's pace
//! (`--pickup-after-ms`, `--finish-after-ms`; 1 s and 2 s by default), or ends
//! `failed`/`notSupported` when the device cannot take a new passcode.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Extension, Router};
use rand::Rng;
use serde_json::{Value, json};

use super::devices::not_found;
use super::{Caller, DEVICE_ROLES, GraphError};
use crate::clock::{graph_date_time, now};
use crate::state::{TenantState, changing};

/// Intune's generic "the action failed on the device" code.
const FAILED_ON_DEVICE: i64 = -2_016_281_112;

const SCOPES: [&str; 1] = ["DeviceManagementManagedDevices.PrivilegedOperations.All"];

pub(super) fn routes() -> Router<TenantState> {
    Router::new().route(
        "/deviceManagement/managedDevices/{id}/resetPasscode",
        post(reset_passcode),
    )
}

pub(crate) use super::reset_outcome::{Outcome, outcome};

async fn reset_passcode(
    State(state): State<TenantState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<StatusCode, GraphError> {
    caller.require_any(&SCOPES)?;
    caller.require_role(&DEVICE_ROLES)?;
    let started = graph_date_time(now());
    let (index, position, outcome) = {
        let mut directory = changing(&state.directory);
        let fleet = &mut directory.managed_devices;
        let index = fleet.index_of(&id).ok_or_else(not_found)?;
        let mut placed = None;
        let mut rejected = false;
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
            if outcome == Outcome::Rejected {
                rejected = true;
                return;
            }
            if let Some(Value::Array(results)) = device.properties.get_mut("deviceActionResults") {
                results.push(entry);
                placed = Some((results.len() - 1, outcome));
            }
        });
        let Some((position, outcome)) = placed else {
            return Err(if rejected {
                super::reset_outcome::rejected()
            } else {
                not_found()
            });
        };
        (index, position, outcome)
    };
    tokio::spawn(progress(state, index, position, outcome));
    Ok(StatusCode::NO_CONTENT)
}

/// Moves the action result along as the device would report it.
async fn progress(state: TenantState, index: usize, position: usize, outcome: Outcome) {
    // The device's pace: `Options::pickup_after`, then `Options::finish_after`.
    let (pickup_after, finish_after) = (state.options.pickup_after, state.options.finish_after);
    tokio::time::sleep(pickup_after).await;
    match outcome {
        Outcome::NotSupported => {
            set(&state, index, position, "notSupported", None, 0);
            return;
        }
        Outcome::NewPasscode | Outcome::PasscodeRemoved | Outcome::Failed => {
            set(&state, index, position, "active", None, 0);
        }
        // Refused before anything was queued: never reaches here.
        Outcome::Rejected => return,
    }
    tokio::time::sleep(finish_after).await;
    if outcome == Outcome::Failed {
        set(&state, index, position, "failed", None, FAILED_ON_DEVICE);
        return;
    }
    if outcome == Outcome::PasscodeRemoved {
        // iOS/iPadOS: the passcode is removed; no new one is reported.
        set(&state, index, position, "done", None, 0);
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
    state: &TenantState,
    index: usize,
    position: usize,
    action_state: &str,
    passcode: Option<String>,
    error_code: i64,
) {
    let updated = graph_date_time(now());
    changing(&state.directory)
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
