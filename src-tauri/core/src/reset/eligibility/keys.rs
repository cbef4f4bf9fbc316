//! The rules and warnings by their stable words: the window's catalogues word each one
//! (`rule.<key>.headline`, `.explanation`, `.step1`…; `warning.<key>`).

use crate::word_enum::word_enum;

word_enum! {
    /// Which row of the table decided.
    pub enum RuleKey {
        /// A Windows 10 Mobile phone, Entra joined and managed.
        Resettable => "resettable",
        WindowsDesktop => "windowsDesktop",
        Windows81 => "windows81",
        IosRemove => "iosRemove",
        IosUserEnrollment => "iosUserEnrollment",
        Macos => "macos",
        AndroidDeviceOwner => "androidDeviceOwner",
        Aosp => "aosp",
        WorkProfile => "workProfile",
        WorkProfileTooOld => "workProfileTooOld",
        AndroidAdmin => "androidAdmin",
        AndroidAdminTooNew => "androidAdminTooNew",
        MobileTooOld => "mobileTooOld",
        NotEntraJoined => "notEntraJoined",
        NotManaged => "notManaged",
        /// "Not eligible, here is what we saw": the device reports what the table does not know.
        UnknownDevice => "unknownDevice",
        UnknownVersion => "unknownVersion",
        UnknownEnrollment => "unknownEnrollment",
        UnknownManagement => "unknownManagement",
        UnknownAndroid => "unknownAndroid",
        /// An Android device whose beta enrollment could not be read.
        AndroidUnchecked => "androidUnchecked",
    }
}

word_enum! {
    /// Said before anything is sent, whatever the verdict.
    pub enum WarningKey {
        Retiring => "retiring",
        WipePending => "wipePending",
        /// Not checked in for `days` days.
        Stale => "stale",
        NoCheckIn => "noCheckIn",
    }
}

word_enum! {
    /// A state Intune manages a device in other than "managed", named in the `notManaged` rule's
    /// sentence (`state.<key>`).
    pub enum StateKey {
        Retiring => "retiring",
        RetireFailed => "retireFailed",
        Wiping => "wiping",
        WipeFailed => "wipeFailed",
        Deleting => "deleting",
        Unhealthy => "unhealthy",
        Discovered => "discovered",
        Other => "other",
    }
}
