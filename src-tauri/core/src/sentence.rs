//! A sentence by its stable key and the values it names. The core never words anything: the
//! window's catalogues own every word, and the key lists here are generated for the window, so
//! its type check fails while a key has no words.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::FailureKind;
use crate::word_enum::word_enum;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Sentence<K> {
    pub key: K,
    pub params: BTreeMap<&'static str, String>,
}

impl<K> Sentence<K> {
    pub(crate) fn new(key: K, params: &[(&'static str, String)]) -> Sentence<K> {
        Sentence {
            key,
            params: params.iter().cloned().collect(),
        }
    }

    /// A sentence that names no value.
    pub(crate) fn plain(key: K) -> Sentence<K> {
        Sentence::new(key, &[])
    }
}

/// Keys that can also say "this failed": the window words such a sentence from its error
/// catalogue by the `kind` it names.
pub(crate) trait SaysFailure: Sized {
    const FAILED: Self;

    fn failed(kind: FailureKind) -> Sentence<Self> {
        Sentence::new(Self::FAILED, &[("kind", kind.as_str().to_owned())])
    }
}

word_enum! {
    /// A line of the setup overview, worded by the window as `setup.status.<key>`.
    pub enum StatusKey {
        TenantNamed => "tenantNamed",
        TenantUnnamed => "tenantUnnamed",
        CannotSeeTenant => "cannotSeeTenant",
        CannotSeeProfiles => "cannotSeeProfiles",
        CannotSeeAssignments => "cannotSeeAssignments",
        CannotSeeDeployment => "cannotSeeDeployment",
        SignInConsentDone => "signInConsentDone",
        SignInConsentNotDone => "signInConsentNotDone",
        SignInConsentMissing => "signInConsentMissing",
        SignInConsentCannotSee => "signInConsentCannotSee",
        ConsentDone => "consentDone",
        ConsentDisabled => "consentDisabled",
        ConsentCannotSee => "consentCannotSee",
        ConsentFailed => "consentFailed",
        ConsentNotDone => "consentNotDone",
        PolicyFound => "policyFound",
        PolicyMissing => "policyMissing",
        AssignmentWaits => "assignmentWaits",
        DeploymentWaits => "deploymentWaits",
        AssignedTo => "assignedTo",
        NotAssigned => "notAssigned",
        DeploymentCounts => "deploymentCounts",
        DeploymentNoReport => "deploymentNoReport",
        /// Worded from the error catalogue by the `kind` it names.
        Error => "error",
    }
}

impl SaysFailure for StatusKey {
    const FAILED: Self = StatusKey::Error;
}

word_enum! {
    /// What PinDesk found out about one PIN reset app, worded as `setup.app.<key>`.
    pub enum AppKey {
        AppEnabled => "appEnabled",
        AppAbsent => "appAbsent",
        AppDisabled => "appDisabled",
        /// Worded from the error catalogue by the `kind` it names.
        Error => "error",
    }
}

impl SaysFailure for AppKey {
    const FAILED: Self = AppKey::Error;
}

word_enum! {
    /// Who a profile is assigned to, worded as `setup.target.<key>`; a group by its own name.
    pub enum TargetKey {
        Group => "group",
        UnreadableGroup => "unreadableGroup",
        AllDevices => "allDevices",
        AllUsers => "allUsers",
        OtherTarget => "otherTarget",
    }
}
