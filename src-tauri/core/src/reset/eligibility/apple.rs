//! Apple rows of Microsoft's "Reset or remove a device passcode" table. Graph v1.0 decides them
//! all: `operatingSystem` tells a Mac from an iPhone or iPad, and `deviceEnrollmentType` tells
//! Apple User Enrollment from device enrollment (docs/platforms.md lists the values).

use super::{
    Effect, Eligibility, RuleKey, Verdict, resettable, unrecognised, verdict, when_managed,
};
use crate::graph::models::{DeviceEnrollmentType as Enrollment, ManagedDevice};

pub(super) fn rule(device: &ManagedDevice) -> Eligibility {
    let os = device
        .operating_system
        .as_deref()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if matches!(os.as_str(), "macos" | "mac os" | "macmdm") {
        return verdict(Verdict::NotPossible, RuleKey::Macos, &[]);
    }
    match device.device_enrollment_type {
        None | Some(Enrollment::Unknown | Enrollment::UnknownFutureValue) => {
            unrecognised(device, RuleKey::UnknownEnrollment)
        }
        Some(
            Enrollment::AppleUserEnrollment
            | Enrollment::AppleUserEnrollmentWithServiceAccount
            | Enrollment::AppleAccountDrivenUserEnrollment,
        ) => verdict(Verdict::NotPossible, RuleKey::IosUserEnrollment, &[]),
        Some(_) => when_managed(device, || {
            resettable(Effect::PasscodeRemoved, RuleKey::IosRemove, &[])
        }),
    }
}
