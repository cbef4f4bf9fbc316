//! Apple rows of Microsoft's "Reset or remove a device passcode" table. Graph v1.0 decides them
//! all: `operatingSystem` tells a Mac from an iPhone or iPad, and `deviceEnrollmentType` tells
//! Apple User Enrollment from device enrollment (docs/platforms.md lists the values).

use super::{
    Effect, Eligibility, Phrase, Verdict, resettable, s, unrecognised, verdict, when_managed,
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
        return verdict(
            Verdict::NotPossible,
            Phrase::new("macos", &[]),
            "Intune cannot reset a Mac's password",
            s(
                "Intune can neither reset nor remove the password of a Mac. The person resets it \
                 on the Mac itself, from the login window with their Apple Account or recovery \
                 key; if that is not set up, the Mac's administrator has to help.",
            ),
            &[],
        );
    }
    match device.device_enrollment_type {
        None | Some(Enrollment::Unknown | Enrollment::UnknownFutureValue) => unrecognised(
            device,
            "unknownEnrollment",
            "Not eligible: unknown enrollment",
        ),
        Some(
            Enrollment::AppleUserEnrollment
            | Enrollment::AppleUserEnrollmentWithServiceAccount
            | Enrollment::AppleAccountDrivenUserEnrollment,
        ) => verdict(
            Verdict::NotPossible,
            Phrase::new("iosUserEnrollment", &[]),
            "Intune cannot touch this phone's passcode",
            s(
                "This iPhone or iPad uses User Enrollment: it is a personal device where the \
                 company manages only its own apps and data, and Intune may not remove its \
                 passcode. The person resets the passcode themselves, as Apple describes for a \
                 forgotten passcode.",
            ),
            &[],
        ),
        Some(_) => when_managed(device, || {
            resettable(
                Effect::PasscodeRemoved,
                Phrase::new("iosRemove", &[]),
                "The passcode can be removed",
                "Intune removes this iPhone's or iPad's passcode; it does not make a new one. \
                 Once the device has received it, it opens without a passcode. If a company \
                 policy requires one, the device asks the person to set a new passcode at once: \
                 tell them to expect that.",
            )
        }),
    }
}
