//! How a `resetPasscode` ends, per platform, following Microsoft's "Reset or remove a device
//! passcode" tables: Windows 10 Mobile, Android (device owner, AOSP, device administrator up to
//! 6.x, work profile on 8.0+ with its reset token active) get a new passcode; iOS/iPadOS loses
//! its passcode; Apple User Enrollment and macOS are refused at once (docs/platforms.md says what
//! is known of the real answer); everything else ends "not supported" on the device.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::GraphError;
use crate::clock::now;
use crate::seed::ManagedDevice;
use crate::seed::devices::AndroidMode;

/// After this long without a check-in, a reset fails on the device.
const STALE_AFTER_DAYS: i64 = 90;

/// How a reset ends for a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A new passcode in the action result.
    NewPasscode,
    /// iOS/iPadOS: `done` with no passcode.
    PasscodeRemoved,
    /// A device that should take it but cannot: too old a build, only registered, being wiped,
    /// not reachable.
    Failed,
    /// The platform or enrollment cannot (Android 7+ device administrator, a work profile
    /// without its reset token or before 8.0, anything unknown).
    NotSupported,
    /// Refused with a 400 before anything is queued (Apple User Enrollment, macOS).
    Rejected,
}

fn text<'a>(device: &'a ManagedDevice, name: &str) -> &'a str {
    device
        .properties
        .get(name)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn major(device: &ManagedDevice) -> u32 {
    text(device, "osVersion")
        .split('.')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0)
}

/// Managed, and checked in recently enough to pick the action up.
fn reachable(device: &ManagedDevice) -> bool {
    let synced = time::OffsetDateTime::parse(
        text(device, "lastSyncDateTime"),
        &time::format_description::well_known::Rfc3339,
    );
    text(device, "managementState") == "managed"
        && synced.is_ok_and(|at| now() - at < time::Duration::days(STALE_AFTER_DAYS))
}

fn when_reachable(device: &ManagedDevice, outcome: Outcome) -> Outcome {
    if reachable(device) {
        outcome
    } else {
        Outcome::Failed
    }
}

/// The one place that decides how a device's reset ends.
pub(crate) fn outcome(device: &ManagedDevice) -> Outcome {
    match text(device, "operatingSystem") {
        "Windows" => windows(device),
        "macOS" => Outcome::Rejected,
        "iOS" | "iPadOS" => match text(device, "deviceEnrollmentType") {
            "appleUserEnrollment"
            | "appleUserEnrollmentWithServiceAccount"
            | "appleAccountDrivenUserEnrollment" => Outcome::Rejected,
            _ => when_reachable(device, Outcome::PasscodeRemoved),
        },
        "Android" => match device.android {
            Some(AndroidMode::FullyManaged | AndroidMode::Dedicated | AndroidMode::Aosp { .. }) => {
                when_reachable(device, Outcome::NewPasscode)
            }
            Some(AndroidMode::DeviceAdministrator) if major(device) <= 6 => {
                when_reachable(device, Outcome::NewPasscode)
            }
            Some(AndroidMode::WorkProfile { token: true, .. }) if major(device) >= 8 => {
                when_reachable(device, Outcome::NewPasscode)
            }
            _ => Outcome::NotSupported,
        },
        _ => Outcome::NotSupported,
    }
}

fn windows(device: &ManagedDevice) -> Outcome {
    if device.beta_properties.get("deviceType") != Some(&json!("windowsPhone")) {
        return Outcome::NotSupported;
    }
    let build: Vec<u32> = text(device, "osVersion")
        .split('.')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    let recent = build.as_slice() >= [10, 0, 15063].as_slice();
    let joined = device.beta_properties.get("joinType") == Some(&json!("azureADJoined"));
    if recent && joined {
        when_reachable(device, Outcome::NewPasscode)
    } else {
        Outcome::Failed
    }
}

/// Intune's 400 for a device whose platform has no passcode reset (Apple User Enrollment,
/// macOS): its own error body inside Graph's.
pub(crate) fn rejected() -> GraphError {
    GraphError::intune(StatusCode::BAD_REQUEST, "BadRequest", "BadRequest")
}
