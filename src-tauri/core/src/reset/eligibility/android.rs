//! Android rows of Microsoft's two tables (device passcode, work-profile passcode). Graph v1.0
//! cannot decide them: its `deviceEnrollmentType` has no Android members, so a work profile, a
//! fully managed, a dedicated and an AOSP phone all look alike there. These rules read the beta
//! `deviceType` and `deviceEnrollmentType` that `lookup` fetched for this one device
//! (docs/platforms.md lists the values and where each comes from). Without them: "not eligible,
//! here is what we saw".

use super::{
    Effect, Eligibility, Phrase, Verdict, build_of, resettable, s, unrecognised, verdict,
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
            resettable(
                Effect::NewPasscode,
                Phrase::new("aosp", &[]),
                "A new passcode can be generated",
                "This Android (AOSP) device is company-owned and managed. Intune will generate a \
                 new device passcode; read it to the person once the device has received it.",
            )
        }),
        (Some(Enrollment::AndroidEnterpriseCorporateWorkProfile), _) => {
            work_profile(device, "company")
        }
        // A personally-owned work profile: beta's `deviceType` says Android for Work.
        (_, Some("androidForWork")) => work_profile(device, "personal"),
        // Device administrator: the legacy `android` device type.
        (_, Some("android")) => device_administrator(device),
        // Beta was not read (or did not answer) for this device.
        (_, None) => unrecognised(
            device,
            "androidUnchecked",
            "Not eligible: enrollment not read",
        ),
        _ => unrecognised(
            device,
            "unknownAndroid",
            "Not eligible: unknown Android enrollment",
        ),
    }
}

fn device_owner(device: &ManagedDevice, mode: &str) -> Eligibility {
    when_managed(device, || {
        resettable(
            Effect::NewPasscode,
            Phrase::new("androidDeviceOwner", &[("mode", s(mode))]),
            "A new passcode can be generated",
            "This company Android phone is fully managed by Intune. Intune will generate a new \
             device passcode; read it to the person once the phone has received it.",
        )
    })
}

fn work_profile(device: &ManagedDevice, owner: &str) -> Eligibility {
    match major(device) {
        None => unrecognised(device, "unknownVersion", "Not eligible: unknown version"),
        Some(version) if version < 8 => verdict(
            Verdict::NotPossible,
            Phrase::new("workProfileTooOld", &[("version", version.to_string())]),
            "This phone's Android is too old",
            format!(
                "This phone has a work profile on Android {version}. Intune can reset a work \
                 profile's passcode only on Android 8.0 or later, and never the passcode of the \
                 whole phone. The phone needs an Android update first."
            ),
            &[],
        ),
        Some(_) => when_managed(device, || {
            resettable(
                Effect::WorkProfilePasscode,
                Phrase::new("workProfile", &[("owner", s(owner))]),
                "The work profile's passcode can be reset",
                "Intune resets only the work profile's passcode, not the phone's own lock \
                 screen, and shows a temporary passcode to read out. The person unlocks the work \
                 apps with it and then chooses a new one. This works only if the work profile's \
                 reset token is active (a passcode policy for the work profile, accepted on the \
                 phone); otherwise Intune answers \"not supported\".",
            )
        }),
    }
}

fn device_administrator(device: &ManagedDevice) -> Eligibility {
    match major(device) {
        None => unrecognised(device, "unknownVersion", "Not eligible: unknown version"),
        Some(version) if version <= 6 => when_managed(device, || {
            resettable(
                Effect::NewPasscode,
                Phrase::new("androidAdmin", &[]),
                "A new passcode can be generated",
                "This Android phone is managed the older way (device administrator) on Android \
                 6 or earlier. Intune will generate a new passcode; read it to the person once \
                 the phone has received it.",
            )
        }),
        Some(version) => verdict(
            Verdict::NotPossible,
            Phrase::new("androidAdminTooNew", &[("version", version.to_string())]),
            "Intune cannot reset this phone's passcode",
            format!(
                "This phone runs Android {version} and is managed the older way (device \
                 administrator). Google removed passcode resets for such phones from Android \
                 7.0 on. The person resets the passcode with their Google account or the \
                 phone maker's own recovery; re-enrolling with Android Enterprise would allow it \
                 in future."
            ),
            &[],
        ),
    }
}
