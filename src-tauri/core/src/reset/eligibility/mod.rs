//! What can be done for one device, in words a helpdesk person can read out: one table of rules,
//! checked in order, each with its own sentence. Anything the table does not recognise ends as
//! "not eligible, here is what we saw", never as a guess.

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

pub use crate::phrase::Phrase;

mod android;
mod apple;
mod warnings;

use warnings::warnings;

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
    pub headline: String,
    pub explanation: String,
    pub steps: Vec<String>,
    pub warnings: Vec<String>,
    /// Which rule decided (headline, explanation and steps), with the values it names.
    pub rule: Phrase,
    /// The warnings by key, in the order of `warnings`.
    pub warning_phrases: Vec<Phrase>,
    /// What a reset does, for a resettable device only.
    pub effect: Option<Effect>,
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
    rule: Phrase,
    headline: &str,
    explanation: String,
    steps: &[&str],
) -> Eligibility {
    Eligibility {
        verdict,
        headline: s(headline),
        explanation,
        steps: steps.iter().map(|t| s(t)).collect(),
        warnings: Vec::new(),
        rule,
        warning_phrases: Vec::new(),
        effect: None,
    }
}

/// A resettable verdict that says what the reset does.
pub(super) fn resettable(effect: Effect, rule: Phrase, headline: &str, text: &str) -> Eligibility {
    Eligibility {
        effect: Some(effect),
        ..verdict(Verdict::Resettable, rule, headline, s(text), &[])
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

/// "Not eligible, here is what we saw", under the rule `key`.
pub(super) fn unrecognised(
    device: &ManagedDevice,
    key: &'static str,
    headline: &str,
) -> Eligibility {
    let values = seen(device);
    let field = |i: usize| match values[i].1.as_str() {
        "" => s("(not reported)"),
        v => s(v),
    };
    let explanation = format!(
        "Not eligible: PinDesk does not recognise what this device reports, so it will not \
         guess. Here is what we saw: operating system {}, version {}, model {}, enrollment {}, \
         management state {}.",
        field(0),
        field(1),
        field(2),
        field(3),
        field(4),
    );
    let rule = Phrase::new(key, &values);
    verdict(Verdict::Unknown, rule, headline, explanation, &[])
}

const SELF_SERVICE_STEPS: [&str; 4] = [
    "On the sign-in screen, under the PIN box, select \"I forgot my PIN\".",
    "Sign in with the work account and complete the extra verification (MFA).",
    "Choose a new PIN when Windows asks for it.",
    "If the link is missing: PIN recovery has not reached this PC yet. The checklist above says \
     what is missing; meanwhile the person signs in with their password or a Temporary Access \
     Pass.",
];

/// The table: platform first, then build, join and management state. Returns the verdict
/// without the check-in warnings, which [`eligibility_at`] adds to every verdict.
fn rule(device: &ManagedDevice) -> Eligibility {
    match kind_of(device) {
        Kind::WindowsDesktop => verdict(
            Verdict::SelfService,
            Phrase::new("windowsDesktop", &[]),
            "The person can reset their own PIN",
            s(
                "Intune cannot generate a passcode for a Windows 10 or 11 computer. Once PIN \
               recovery is switched on, the person resets the PIN themselves from the sign-in \
               screen; nobody else ever sees it.",
            ),
            &SELF_SERVICE_STEPS,
        ),
        Kind::Windows81 => verdict(
            Verdict::NotPossible,
            Phrase::new("windows81", &[]),
            "Windows 8.1 is out of support",
            s(
                "Windows 8.1 has been out of support since October 2022, so Intune cannot help \
               with its PIN. The device should be replaced or upgraded.",
            ),
            &[],
        ),
        Kind::Apple => apple::rule(device),
        Kind::Android => android::rule(device),
        Kind::Other => unrecognised(device, "unknownDevice", "Not eligible: unknown device"),
        Kind::WindowsMobile => mobile_rule(device),
    }
}

fn mobile_rule(device: &ManagedDevice) -> Eligibility {
    let version = device.os_version.as_deref().unwrap_or_default();
    let build = build_of(version);
    if build.len() < 3 {
        return unrecognised(device, "unknownVersion", "Not eligible: unknown version");
    }
    if build.as_slice() < CREATORS_UPDATE.as_slice() {
        return verdict(
            Verdict::NotPossible,
            Phrase::new("mobileTooOld", &[("version", s(version))]),
            "This phone's Windows is too old",
            format!(
                "This phone runs Windows 10 Mobile {version}. A new passcode needs the Creators \
                 Update (10.0.15063) or later. Update the phone first."
            ),
            &[],
        );
    }
    match device.device_enrollment_type {
        Some(t) if is_entra_joined(t) => {}
        None | Some(DeviceEnrollmentType::Unknown | DeviceEnrollmentType::UnknownFutureValue) => {
            return unrecognised(
                device,
                "unknownEnrollment",
                "Not eligible: unknown enrollment",
            );
        }
        Some(_) => {
            return verdict(
                Verdict::NotPossible,
                Phrase::new("notEntraJoined", &[]),
                "This phone is not Entra joined",
                s(
                    "Intune can generate a new passcode only for a phone joined to Microsoft Entra \
                   ID. This phone was enrolled another way (for example a personal, registered \
                   device), so it cannot be reset from here.",
                ),
                &[],
            );
        }
    }
    when_managed(device, || {
        resettable(
            Effect::NewPasscode,
            Phrase::new("resettable", &[]),
            "A new passcode can be generated",
            "This Windows 10 Mobile phone is Entra joined and managed. Intune will generate a new \
             passcode; read it to the person once the phone has received it.",
        )
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
            unrecognised(
                device,
                "unknownManagement",
                "Not eligible: unknown management state",
            )
        }
        Some(state) => {
            let (key, words) = state_words(state);
            verdict(
                Verdict::NotPossible,
                Phrase::new("notManaged", &[("state", s(key))]),
                "This phone is not in normal management",
                format!(
                    "Intune reports this phone as {words} rather than managed, so a new passcode \
                     would not reach it."
                ),
                &[],
            )
        }
    }
}

/// A management state's stable key and its English words.
fn state_words(state: ManagementState) -> (&'static str, &'static str) {
    match state {
        ManagementState::RetirePending | ManagementState::RetireIssued => {
            ("retiring", "being retired")
        }
        ManagementState::RetireFailed => ("retireFailed", "failed to retire"),
        ManagementState::WipePending | ManagementState::WipeIssued => {
            ("wiping", "waiting to be wiped")
        }
        ManagementState::WipeFailed => ("wipeFailed", "failed to wipe"),
        ManagementState::DeletePending => ("deleting", "waiting to be deleted"),
        ManagementState::Unhealthy => ("unhealthy", "unhealthy"),
        ManagementState::Discovered => ("discovered", "discovered but not enrolled"),
        _ => ("other", "in another state"),
    }
}

/// The eligibility of `device` now.
pub fn eligibility(device: &ManagedDevice) -> Eligibility {
    eligibility_at(device, OffsetDateTime::now_utc())
}

pub fn eligibility_at(device: &ManagedDevice, now: OffsetDateTime) -> Eligibility {
    let mut out = rule(device);
    (out.warning_phrases, out.warnings) = warnings(device, now).into_iter().unzip();
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod platform_tests;
