//! The platforms the demo tenant seeds, and the Android enrollments only Graph beta tells apart.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Platform {
    WindowsPhone,
    WindowsDesktop,
    Windows81,
    Ios,
    Android,
    MacOs,
}

impl Platform {
    pub(super) fn operating_system(self) -> &'static str {
        match self {
            Platform::WindowsPhone | Platform::WindowsDesktop | Platform::Windows81 => "Windows",
            Platform::Ios => "iOS",
            Platform::Android => "Android",
            Platform::MacOs => "macOS",
        }
    }

    /// Beta `deviceType`.
    pub(super) fn device_type(self) -> &'static str {
        match self {
            Platform::WindowsPhone => "windowsPhone",
            Platform::WindowsDesktop | Platform::Windows81 => "desktop",
            Platform::Ios => "iPhone",
            Platform::Android => "android",
            Platform::MacOs => "macMDM",
        }
    }

    pub(super) fn is_phone(self) -> bool {
        matches!(
            self,
            Platform::WindowsPhone | Platform::Ios | Platform::Android
        )
    }
}

/// Android enrollments: beta's `deviceType` and `deviceEnrollmentType` for each, and whether the
/// work profile's reset token is active (a passcode policy accepted on the phone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AndroidMode {
    FullyManaged,
    Dedicated,
    WorkProfile { corporate: bool, token: bool },
    DeviceAdministrator,
    Aosp { userless: bool },
}

impl AndroidMode {
    /// Beta `deviceType`.
    pub(super) fn device_type(self) -> &'static str {
        match self {
            AndroidMode::WorkProfile {
                corporate: false, ..
            } => "androidForWork",
            AndroidMode::DeviceAdministrator => "android",
            AndroidMode::Aosp { .. } => "androidnGMS",
            _ => "androidEnterprise",
        }
    }

    /// Beta `deviceEnrollmentType`; `None` keeps the v1.0 value (a personal work profile and
    /// device administrator enroll through the ordinary user enrollment).
    pub(super) fn beta_enrollment(self) -> Option<&'static str> {
        match self {
            AndroidMode::FullyManaged => Some("androidEnterpriseFullyManaged"),
            AndroidMode::Dedicated => Some("androidEnterpriseDedicatedDevice"),
            AndroidMode::WorkProfile {
                corporate: true, ..
            } => Some("androidEnterpriseCorporateWorkProfile"),
            AndroidMode::Aosp { userless: true } => Some("androidAOSPUserlessDeviceEnrollment"),
            AndroidMode::Aosp { userless: false } => Some("androidAOSPUserOwnedDeviceEnrollment"),
            _ => None,
        }
    }
}
