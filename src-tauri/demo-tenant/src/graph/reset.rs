//! `POST /deviceManagement/managedDevices/{id}/resetPasscode`: 204 at once, then a
//! `resetPasscodeActionResult` in the device's `deviceActionResults` that moves from `pending`
//! through `active` to `done` with a new six-digit passcode at the device's pace
//! (`--pickup-after-ms`, `--finish-after-ms`; 1 s and 2 s by default), or ends
//! `failed`/`notSupported` when the device cannot take a new passcode. The pace is kept on the
//! tenant's clock, so a test moves the clock instead of waiting for the device.

use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Extension, Router};
use rand::Rng;
use serde_json::{Value, json};
use time::OffsetDateTime;

use super::devices::not_found;
use super::{Caller, DEVICE_ROLES, GraphError};
use crate::clock::{graph_date_time, now};
use crate::state::{Shared, TenantState, changing, lock};

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
    let sent_at = now();
    let started = graph_date_time(sent_at);
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
    lock(&state.resets).push(Underway {
        index,
        position,
        outcome,
        sent: state.clock.instant(),
        sent_at,
        picked_up: false,
    });
    Ok(StatusCode::NO_CONTENT)
}

/// A reset its device has not finished yet.
#[derive(Debug)]
pub(crate) struct Underway {
    index: usize,
    position: usize,
    outcome: Outcome,
    /// When it was sent, on the tenant's clock (what the device's pace is measured on).
    sent: Instant,
    /// The same moment on the wall clock, which the action result's time stamps are in.
    sent_at: OffsetDateTime,
    picked_up: bool,
}

/// Moves every reset under way to where its device has got by now on the tenant's clock: picked
/// up `Options::pickup_after` after it was sent, finished `Options::finish_after` later. Called
/// before every Graph request, so what a client reads is what a device keeping that pace would
/// have reported, whether time passed or a test moved the clock.
pub(crate) fn catch_up(state: &Shared) {
    let now = state.clock.instant();
    let (pickup_after, finish_after) = (state.options.pickup_after, state.options.finish_after);
    let due = |sent: Instant, after: Duration| sent.checked_add(after).is_some_and(|at| at <= now);
    lock(&state.resets).retain_mut(|reset| {
        if !reset.picked_up {
            if !due(reset.sent, pickup_after) {
                return true;
            }
            reset.picked_up = true;
            if !pick_up(state, reset, reset.sent_at + pickup_after) {
                return false;
            }
        }
        if !due(reset.sent, pickup_after.saturating_add(finish_after)) {
            return true;
        }
        finish(state, reset, reset.sent_at + pickup_after + finish_after);
        false
    });
}

/// The device takes the reset up; false when that already ends it.
fn pick_up(state: &Shared, reset: &Underway, at: OffsetDateTime) -> bool {
    match reset.outcome {
        Outcome::NotSupported => {
            set(state, reset, at, "notSupported", None, 0);
            false
        }
        Outcome::NewPasscode | Outcome::PasscodeRemoved | Outcome::Failed => {
            set(state, reset, at, "active", None, 0);
            true
        }
        // Refused before anything was queued: never under way.
        Outcome::Rejected => false,
    }
}

/// The device reports how the reset ended.
fn finish(state: &Shared, reset: &Underway, at: OffsetDateTime) {
    match reset.outcome {
        Outcome::Failed => set(state, reset, at, "failed", None, FAILED_ON_DEVICE),
        // iOS/iPadOS: the passcode is removed; no new one is reported.
        Outcome::PasscodeRemoved => set(state, reset, at, "done", None, 0),
        Outcome::NewPasscode => {
            let passcode: String = {
                let mut rng = rand::thread_rng();
                (0..6)
                    .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
                    .collect()
            };
            // Remembered with the tokens, so tests can prove no passcode reaches a log or a file.
            state.remember_secret(passcode.clone());
            set(state, reset, at, "done", Some(passcode), 0);
        }
        // Ended when picked up, or never queued.
        Outcome::NotSupported | Outcome::Rejected => {}
    }
}

fn set(
    state: &Shared,
    reset: &Underway,
    at: OffsetDateTime,
    action_state: &str,
    passcode: Option<String>,
    error_code: i64,
) {
    let updated = graph_date_time(at);
    changing(&state.directory)
        .managed_devices
        .update(reset.index, |device| {
            let entry = device
                .properties
                .get_mut("deviceActionResults")
                .and_then(|r| r.get_mut(reset.position))
                .and_then(Value::as_object_mut);
            if let Some(entry) = entry {
                entry.insert("actionState".into(), json!(action_state));
                entry.insert("lastUpdatedDateTime".into(), json!(updated));
                entry.insert("passcode".into(), json!(passcode));
                entry.insert("errorCode".into(), json!(error_code));
            }
        });
}
