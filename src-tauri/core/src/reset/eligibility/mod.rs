//! What can be done for one device: one table of rules, checked in order, each decided by a
//! stable key with the values its sentences name; the window words them for a helpdesk person to
//! read out. Anything the table does not recognise ends as "not eligible, here is what we saw",
//! never as a guess.

use std::collections::BTreeMap;

use serde::Serialize;
use time::OffsetDateTime;

use crate::graph::models::{DeviceEnrollmentType, ManagedDevice, ManagementState};

/// A device that has not checked in for this many days gets a warning before anything is sent.
pub const STALE_AFTER_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Intune can generate a new passcode for this device.
    Resettable,
    /// Intune cannot; the person can reset their own PIN (Windows desktops).
    SelfService,
    /// Nothing can be done here, and the explanation says why.
    NotPossible,
    /// The device reports values the rules do not know.
    Unknown,
}

mod android;
mod apple;
mod keys;
mod warnings;

pub use keys::{RuleKey, StateKey, WarningKey};
use warnings::warnings;

/// Values a sentence names, by name.
pub type Values = BTreeMap<&'static str, String>;

/// What a reset does on the device, so the confirmation and the result can say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Effect {
    /// Intune generates a new device passcode to read out (Android, AOSP, Windows 10 Mobile).
    NewPasscode,
    /// The passcode is removed and no new one is shown (iOS/iPadOS).
    PasscodeRemoved,
    /// Only the work profile gets a temporary passcode; it needs the reset token activated.
    WorkProfilePasscode,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Eligibility {
    pub verdict: Verdict,
    /// Which rule decided: the window words its headline, explanation and steps.
    pub rule: RuleKey,
    /// The values the rule's sentences name: a version, an owner, or what the device reported
    /// (empty when it reported nothing).
    pub values: Values,
    pub warnings: Vec<Warning>,
    /// What a reset does, for a resettable device only.
    pub effect: Option<Effect>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Warning {
    pub key: WarningKey,
    pub values: Values,
}

/// The kinds of device the rules tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    WindowsMobile,
    WindowsDesktop,
    Windows81,
    Apple,
    Android,
    Other,
}

/// Hardware sold with Windows 10 Mobile, matched in the model name (case-insensitive).
const MOBILE_MODELS: [&str; 6] = [
    "lumia",
    "elite x3",
    "idol 4s",
    "jade primo",
    "nuans neo",
    "wpj40",
];

/// **Unconfirmed fact, kept here only**: which v1.0 values mark a Windows 10 Mobile phone. v1.0
/// has no `deviceType`; this reads `operatingSystem` (a "Windows Mobile"-like value), the model
/// (Lumia, HP Elite x3, ... as the demo tenant seeds them) and build 10.0.15254, which shipped
/// for phones only. Every other Windows 10/11 is treated as a desktop (self-service, nothing sent).
pub fn kind_of(device: &ManagedDevice) -> Kind {
    let os = device
        .operating_system
        .as_deref()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let version = device.os_version.as_deref().unwrap_or_default();
    match os.as_str() {
        "windows mobile" | "windowsmobile" | "windows phone" | "windowsphone" => {
            Kind::WindowsMobile
        }
        "windows" => {
            let build = build_of(version);
            let model = device
                .model
                .as_deref()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if build.first() == Some(&6) && build.get(1) == Some(&3) {
                Kind::Windows81
            } else if build.first() != Some(&10) {
                Kind::Other
            } else if MOBILE_MODELS.iter().any(|m| model.contains(m))
                || build.get(2) == Some(&15254)
            {
                Kind::WindowsMobile
            } else {
                Kind::WindowsDesktop
            }
        }
        "ios" | "ipados" | "macos" | "mac os" | "macmdm" => Kind::Apple,
        "android" | "androidenterprise" | "androidforwork" | "aosp" => Kind::Android,
        _ => Kind::Other,
    }
}

pub(super) fn build_of(version: &str) -> Vec<u32> {
    version
        .split('.')
        .map_while(|p| p.trim().parse().ok())
        .collect()
}

/// Windows 10 Mobile Creators Update (1703).
const CREATORS_UPDATE: [u32; 3] = [10, 0, 15063];

fn is_entra_joined(t: DeviceEnrollmentType) -> bool {
    matches!(
        t,
        DeviceEnrollmentType::WindowsAzureAdJoin
            | DeviceEnrollmentType::WindowsBulkAzureDomainJoin
            | DeviceEnrollmentType::WindowsAzureAdJoinUsingDeviceAuth
    )
}

pub(super) fn s(text: &str) -> String {
    text.to_owned()
}

pub(super) fn verdict(
    verdict: Verdict,
    rule: RuleKey,
    values: &[(&'static str, String)],
) -> Eligibility {
    Eligibility {
        verdict,
        rule,
        values: values.iter().cloned().collect(),
        warnings: Vec::new(),
        effect: None,
    }
}

/// A resettable verdict that says what the reset does.
pub(super) fn resettable(
    effect: Effect,
    rule: RuleKey,
    values: &[(&'static str, String)],
) -> Eligibility {
    Eligibility {
        effect: Some(effect),
        ..verdict(Verdict::Resettable, rule, values)
    }
}

/// What the device reports, by name; an empty value was not reported.
fn seen(device: &ManagedDevice) -> [(&'static str, String); 5] {
    let field = |v: Option<String>| v.unwrap_or_default();
    [
        ("os", field(device.operating_system.clone())),
        ("version", field(device.os_version.clone())),
        ("model", field(device.model.clone())),
        (
            "enrollment",
            field(device.device_enrollment_type.map(|t| format!("{t:?}"))),
        ),
        (
            "management",
            field(device.management_state.map(|t| format!("{t:?}"))),
        ),
    ]
}

/// "Not eligible, here is what we saw", under the rule `rule`.
pub(super) fn unrecognised(device: &ManagedDevice, rule: RuleKey) -> Eligibility {
    verdict(Verdict::Unknown, rule, &seen(device))
}

/// The table: platform first, then build, join and management state. Returns the verdict
/// without the check-in warnings, which [`eligibility_at`] adds to every verdict.
fn rule(device: &ManagedDevice) -> Eligibility {
    match kind_of(device) {
        Kind::WindowsDesktop => verdict(Verdict::SelfService, RuleKey::WindowsDesktop, &[]),
        Kind::Windows81 => verdict(Verdict::NotPossible, RuleKey::Windows81, &[]),
        Kind::Apple => apple::rule(device),
        Kind::Android => android::rule(device),
        Kind::Other => unrecognised(device, RuleKey::UnknownDevice),
        Kind::WindowsMobile => mobile_rule(device),
    }
}

fn mobile_rule(device: &ManagedDevice) -> Eligibility {
    let version = device.os_version.as_deref().unwrap_or_default();
    let build = build_of(version);
    if build.len() < 3 {
        return unrecognised(device, RuleKey::UnknownVersion);
    }
    if build.as_slice() < CREATORS_UPDATE.as_slice() {
        return verdict(
            Verdict::NotPossible,
            RuleKey::MobileTooOld,
            &[("version", s(version))],
        );
    }
    match device.device_enrollment_type {
        Some(t) if is_entra_joined(t) => {}
        None | Some(DeviceEnrollmentType::Unknown | DeviceEnrollmentType::UnknownFutureValue) => {
            return unrecognised(device, RuleKey::UnknownEnrollment);
        }
        Some(_) => return verdict(Verdict::NotPossible, RuleKey::NotEntraJoined, &[]),
    }
    when_managed(device, || {
        resettable(Effect::NewPasscode, RuleKey::Resettable, &[])
    })
}

/// `ok` for a managed phone; otherwise why a reset would not reach it, or what we saw.
pub(super) fn when_managed(
    device: &ManagedDevice,
    ok: impl FnOnce() -> Eligibility,
) -> Eligibility {
    match device.management_state {
        Some(ManagementState::Managed) => ok(),
        None | Some(ManagementState::Unknown | ManagementState::UnknownFutureValue) => {
            unrecognised(device, RuleKey::UnknownManagement)
        }
        Some(state) => verdict(
            Verdict::NotPossible,
            RuleKey::NotManaged,
            &[("state", s(state_key(state).as_str()))],
        ),
    }
}

/// A management state's stable key (`state.<key>` in the catalogues).
fn state_key(state: ManagementState) -> StateKey {
    match state {
        ManagementState::RetirePending | ManagementState::RetireIssued => StateKey::Retiring,
        ManagementState::RetireFailed => StateKey::RetireFailed,
        ManagementState::WipePending | ManagementState::WipeIssued => StateKey::Wiping,
        ManagementState::WipeFailed => StateKey::WipeFailed,
        ManagementState::DeletePending => StateKey::Deleting,
        ManagementState::Unhealthy => StateKey::Unhealthy,
        ManagementState::Discovered => StateKey::Discovered,
        _ => StateKey::Other,
    }
}

/// The eligibility of `device` now.
pub fn eligibility(device: &ManagedDevice) -> Eligibility {
    eligibility_at(device, OffsetDateTime::now_utc())
}

pub fn eligibility_at(device: &ManagedDevice, now: OffsetDateTime) -> Eligibility {
    Eligibility {
        warnings: warnings(device, now),
        ..rule(device)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod platform_tests;
