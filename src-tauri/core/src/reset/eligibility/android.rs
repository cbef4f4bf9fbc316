//! Android rows of Microsoft's two tables (device passcode, work-profile passcode). Graph v1.0
//! cannot decide them: its `deviceEnrollmentType` has no Android members, so a work profile, a
//! fully managed, a dedicated and an AOSP phone all look alike there. These rules read the beta
//! `deviceType` and `deviceEnrollmentType` that `lookup` fetched for this one device
//! (docs/platforms.md lists the values and where each comes from). Without them: "not eligible,
//! here is what we saw".

use super::{
    Effect, Eligibility, RuleKey, Verdict, build_of, resettable, s, unrecognised, verdict,
    when_managed,
};
use crate::graph::models::{DeviceEnrollmentType as Enrollment, ManagedDevice};

/// The Android major version, when the device reports one.
fn major(device: &ManagedDevice) -> Option<u32> {
    build_of(device.os_version.as_deref().unwrap_or_default())
        .first()
        .copied()
}

pub(super) fn rule(device: &ManagedDevice) -> Eligibility {
    let device_type = device.device_type.as_deref();
    match (device.device_enrollment_type, device_type) {
        (Some(Enrollment::AndroidEnterpriseFullyManaged), _) => {
            device_owner(device, "fullyManaged")
        }
        (Some(Enrollment::AndroidEnterpriseDedicatedDevice), _) => {
            device_owner(device, "dedicated")
        }
        (
            Some(
                Enrollment::AndroidAospUserOwnedDeviceEnrollment
                | Enrollment::AndroidAospUserlessDeviceEnrollment,
            ),
            _,
        ) => when_managed(device, || {
            resettable(Effect::NewPasscode, RuleKey::Aosp, &[])
        }),
        (Some(Enrollment::AndroidEnterpriseCorporateWorkProfile), _) => {
            work_profile(device, "company")
        }
        // A personally-owned work profile: beta's `deviceType` says Android for Work.
        (_, Some("androidForWork")) => work_profile(device, "personal"),
        // Device administrator: the legacy `android` device type.
        (_, Some("android")) => device_administrator(device),
        // Beta was not read (or did not answer) for this device.
        (_, None) => unrecognised(device, RuleKey::AndroidUnchecked),
        _ => unrecognised(device, RuleKey::UnknownAndroid),
    }
}

fn device_owner(device: &ManagedDevice, mode: &str) -> Eligibility {
    when_managed(device, || {
        resettable(
            Effect::NewPasscode,
            RuleKey::AndroidDeviceOwner,
            &[("mode", s(mode))],
        )
    })
}

fn work_profile(device: &ManagedDevice, owner: &str) -> Eligibility {
    match major(device) {
        None => unrecognised(device, RuleKey::UnknownVersion),
        Some(version) if version < 8 => verdict(
            Verdict::NotPossible,
            RuleKey::WorkProfileTooOld,
            &[("version", version.to_string())],
        ),
        Some(_) => when_managed(device, || {
            resettable(
                Effect::WorkProfilePasscode,
                RuleKey::WorkProfile,
                &[("owner", s(owner))],
            )
        }),
    }
}

fn device_administrator(device: &ManagedDevice) -> Eligibility {
    match major(device) {
        None => unrecognised(device, RuleKey::UnknownVersion),
        Some(version) if version <= 6 => when_managed(device, || {
            resettable(Effect::NewPasscode, RuleKey::AndroidAdmin, &[])
        }),
        Some(version) => verdict(
            Verdict::NotPossible,
            RuleKey::AndroidAdminTooNew,
            &[("version", version.to_string())],
        ),
    }
}
