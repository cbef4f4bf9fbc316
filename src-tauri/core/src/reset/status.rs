//! Following a reset: the device's `deviceActionResults` read from Graph every time (nothing is
//! kept), the newest `resetPasscodeActionResult` since the reset was sent, its state in plain
//! words, and the passcode only in `ResetStatusForWindow` (`followed.rs`).

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use super::error::ResetError;
use crate::graph::models::{
    ActionState, DeviceActionResult, ManagedDeviceId, Passcode, ResetPasscodeActionResult,
};
use crate::graph::{GraphClient, GraphRequest, ResourcePath};
use crate::word_enum::word_enum;

/// Intune shows a new passcode for seven days after the reset started.
pub const PASSCODE_VALID_FOR: Duration = Duration::days(7);

/// How far the service's clock may be behind this computer's when matching a result to the
/// moment PinDesk sent the reset.
pub const CLOCK_SKEW: Duration = Duration::minutes(2);

const ADMIN_CENTER_DEVICE: &str = "https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/";

/// Device ids are GUIDs: their hyphens stay as they are, anything else odd is escaped.
const ID_IN_URL: &percent_encoding::AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The device's page in the Intune admin center.
pub fn admin_center_url(device_id: &ManagedDeviceId) -> String {
    format!(
        "{ADMIN_CENTER_DEVICE}{}",
        utf8_percent_encode(device_id.as_str(), ID_IN_URL)
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ResetState {
    /// No reset since the given moment (yet).
    None,
    Pending,
    Active,
    Done,
    Failed,
    NotSupported,
    Canceled,
    /// A state this build does not know.
    Unknown,
}

impl ResetState {
    /// Whether the state will not change any more (stop following).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ResetState::Done | ResetState::Failed | ResetState::NotSupported | ResetState::Canceled
        )
    }
}

/// Where a reset stands. Not `Serialize`: it holds the passcode; the window gets
/// [`ResetStatus::for_window`].
#[derive(Debug, Clone, PartialEq)]
pub struct ResetStatus {
    pub device_id: ManagedDeviceId,
    pub state: ResetState,
    pub passcode: Option<Passcode>,
    /// The action's `startDateTime` (the service's clock).
    pub started_at: Option<OffsetDateTime>,
    /// Seven days after the start, once the passcode is there.
    pub valid_until: Option<OffsetDateTime>,
    /// Why it ended without a passcode (`failed`, `notSupported`, `canceled`, unknown states),
    /// for the window's own words.
    pub reason: Option<ReasonKey>,
    pub error_code: Option<i32>,
    pub admin_center_url: String,
}

impl ResetStatus {
    /// For support, under "Details": the device, the action's start and its error code.
    pub fn detail(&self) -> String {
        let mut parts = vec![format!("device {}", self.device_id.as_str())];
        if let Some(at) = self.started_at.and_then(|at| at.format(&Rfc3339).ok()) {
            parts.push(format!("reset started {at}"));
        }
        if let Some(code) = self.error_code {
            parts.push(format!("error code {code}"));
        }
        parts.join("; ")
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DeviceResults {
    #[serde(default)]
    device_name: Option<String>,
    #[serde(default)]
    device_action_results: Option<Vec<DeviceActionResult>>,
}

/// The device's name and its newest `resetPasscodeActionResult` that started at or after `since`.
pub(crate) async fn read_named_latest(
    client: &GraphClient,
    device_id: &ManagedDeviceId,
    since: OffsetDateTime,
) -> Result<(Option<String>, Option<ResetPasscodeActionResult>), ResetError> {
    let request = GraphRequest::get(
        ResourcePath::new("deviceManagement/managedDevices").id(device_id.as_str()),
    )
    .select(&["id", "deviceName", "deviceActionResults"]);
    let device: DeviceResults = client.get(&request).await?;
    let latest = latest_since(device.device_action_results.unwrap_or_default(), since);
    Ok((device.device_name, latest))
}

/// The newest `resetPasscodeActionResult` of the device that started at or after `since`.
pub(crate) async fn read_latest(
    client: &GraphClient,
    device_id: &ManagedDeviceId,
    since: OffsetDateTime,
) -> Result<Option<ResetPasscodeActionResult>, ResetError> {
    Ok(read_named_latest(client, device_id, since).await?.1)
}

fn latest_since(
    results: Vec<DeviceActionResult>,
    since: OffsetDateTime,
) -> Option<ResetPasscodeActionResult> {
    results
        .into_iter()
        .filter_map(|r| match r {
            DeviceActionResult::ResetPasscode(reset) => Some(reset),
            DeviceActionResult::Other { .. } => None,
        })
        .filter(|r| r.result.start_date_time.is_some_and(|t| t >= since))
        .max_by_key(|r| r.result.start_date_time)
}

/// Where the reset of `device_id` sent at `since` stands, read from Graph now. `since` is
/// [`ResetStarted::started_at`](super::ResetStarted); a small allowance covers the service's
/// clock running behind this computer's.
pub async fn reset_status(
    client: &GraphClient,
    device_id: &ManagedDeviceId,
    since: OffsetDateTime,
) -> Result<ResetStatus, ResetError> {
    let latest = read_latest(client, device_id, since - CLOCK_SKEW).await?;
    Ok(status_of(device_id, latest))
}

fn status_of(
    device_id: &ManagedDeviceId,
    latest: Option<ResetPasscodeActionResult>,
) -> ResetStatus {
    let admin_center_url = admin_center_url(device_id);
    let Some(result) = latest else {
        return ResetStatus {
            device_id: device_id.clone(),
            state: ResetState::None,
            passcode: None,
            started_at: None,
            valid_until: None,
            reason: None,
            error_code: None,
            admin_center_url,
        };
    };
    let state = match result.result.action_state {
        Some(ActionState::None) | None => ResetState::None,
        Some(ActionState::Pending) => ResetState::Pending,
        Some(ActionState::Active) => ResetState::Active,
        Some(ActionState::Done) => ResetState::Done,
        Some(ActionState::Failed) => ResetState::Failed,
        Some(ActionState::NotSupported) => ResetState::NotSupported,
        Some(ActionState::Canceled) => ResetState::Canceled,
        Some(ActionState::Unknown) => ResetState::Unknown,
    };
    let started_at = result.result.start_date_time;
    let passcode = result
        .passcode
        .filter(|p| state == ResetState::Done && !p.expose().is_empty());
    let valid_until = passcode
        .as_ref()
        .and(started_at)
        .map(|start| start + PASSCODE_VALID_FOR);
    ResetStatus {
        device_id: device_id.clone(),
        state,
        reason: reason(state),
        error_code: result.error_code.filter(|c| *c != 0),
        passcode,
        started_at,
        valid_until,
        admin_center_url,
    }
}

word_enum! {
    /// Why a reset ended without a passcode (`reason.<key>` in the catalogues).
    pub enum ReasonKey {
        Failed => "failed",
        NotSupported => "notSupported",
        Canceled => "canceled",
        /// Intune reported a state this build does not know.
        Unknown => "unknown",
    }
}

/// The reason a final state without a passcode has; the error code itself goes under "Details"
/// (see [`ResetStatus::detail`]).
fn reason(state: ResetState) -> Option<ReasonKey> {
    match state {
        ResetState::Failed => Some(ReasonKey::Failed),
        ResetState::NotSupported => Some(ReasonKey::NotSupported),
        ResetState::Canceled => Some(ReasonKey::Canceled),
        ResetState::Unknown => Some(ReasonKey::Unknown),
        ResetState::None | ResetState::Pending | ResetState::Active | ResetState::Done => None,
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
