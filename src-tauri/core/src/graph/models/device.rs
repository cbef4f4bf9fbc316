//! Managed devices: the properties the eligibility rules read, and the action results where a
//! reset passcode appears.

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use super::datetime;
use super::ids::ManagedDeviceId;
use super::polymorphic::{self, is_type, split};

/// `microsoft.graph.managedDevice`, limited to what finding a device and judging a reset needs.
/// Not `Serialize`: its action results may hold a passcode.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ManagedDevice {
    pub id: Option<ManagedDeviceId>,
    pub device_name: Option<String>,
    pub managed_device_name: Option<String>,
    /// "Windows", "iOS", "Android", "macOS", ... (a free string in the metadata).
    pub operating_system: Option<String>,
    pub os_version: Option<String>,
    pub device_enrollment_type: Option<DeviceEnrollmentType>,
    pub device_registration_state: Option<DeviceRegistrationState>,
    #[serde(rename = "azureADRegistered")]
    pub azure_ad_registered: Option<bool>,
    #[serde(rename = "azureADDeviceId")]
    pub azure_ad_device_id: Option<String>,
    pub management_state: Option<ManagementState>,
    pub management_agent: Option<ManagementAgentType>,
    pub compliance_state: Option<ComplianceState>,
    pub user_principal_name: Option<String>,
    pub user_display_name: Option<String>,
    pub email_address: Option<String>,
    pub serial_number: Option<String>,
    pub model: Option<String>,
    pub manufacturer: Option<String>,
    #[serde(with = "datetime")]
    pub last_sync_date_time: Option<OffsetDateTime>,
    #[serde(with = "datetime")]
    pub enrolled_date_time: Option<OffsetDateTime>,
    /// Beta only (`windowsPhone`, `desktop`, ...); absent on v1.0.
    pub device_type: Option<String>,
    /// Beta only (`azureADJoined`, ...); absent on v1.0.
    pub join_type: Option<String>,
    /// Beta only (`company`, `personal`); v1.0 calls it `managedDeviceOwnerType`.
    pub owner_type: Option<String>,
    pub device_action_results: Option<Vec<DeviceActionResult>>,
}

/// `microsoft.graph.deviceEnrollmentType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DeviceEnrollmentType {
    UserEnrollment,
    DeviceEnrollmentManager,
    AppleBulkWithUser,
    AppleBulkWithoutUser,
    #[serde(rename = "windowsAzureADJoin")]
    WindowsAzureAdJoin,
    WindowsBulkUserless,
    WindowsAutoEnrollment,
    WindowsBulkAzureDomainJoin,
    WindowsCoManagement,
    #[serde(rename = "windowsAzureADJoinUsingDeviceAuth")]
    WindowsAzureAdJoinUsingDeviceAuth,
    AppleUserEnrollment,
    AppleUserEnrollmentWithServiceAccount,
    /// Beta only, like every member below: v1.0's enum has no Android members.
    AndroidEnterpriseDedicatedDevice,
    AndroidEnterpriseFullyManaged,
    AndroidEnterpriseCorporateWorkProfile,
    #[serde(rename = "androidAOSPUserOwnedDeviceEnrollment")]
    AndroidAospUserOwnedDeviceEnrollment,
    #[serde(rename = "androidAOSPUserlessDeviceEnrollment")]
    AndroidAospUserlessDeviceEnrollment,
    AppleAccountDrivenUserEnrollment,
    UnknownFutureValue,
    /// `unknown`, or a member added after this build.
    #[serde(other)]
    Unknown,
}

/// `microsoft.graph.deviceRegistrationState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DeviceRegistrationState {
    NotRegistered,
    Registered,
    Revoked,
    KeyConflict,
    ApprovalPending,
    CertificateReset,
    NotRegisteredPendingEnrollment,
    #[serde(other)]
    Unknown,
}

/// `microsoft.graph.managementState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ManagementState {
    Managed,
    RetirePending,
    RetireFailed,
    WipePending,
    WipeFailed,
    Unhealthy,
    DeletePending,
    RetireIssued,
    WipeIssued,
    WipeCanceled,
    RetireCanceled,
    Discovered,
    UnknownFutureValue,
    #[serde(other)]
    Unknown,
}

/// `microsoft.graph.managementAgentType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ManagementAgentType {
    Eas,
    Mdm,
    EasMdm,
    IntuneClient,
    EasIntuneClient,
    ConfigurationManagerClient,
    ConfigurationManagerClientMdm,
    ConfigurationManagerClientMdmEas,
    Jamf,
    GoogleCloudDevicePolicyController,
    Microsoft365ManagedMdm,
    MsSense,
    #[serde(other)]
    Unknown,
}

/// `microsoft.graph.complianceState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ComplianceState {
    Compliant,
    Noncompliant,
    Conflict,
    Error,
    InGracePeriod,
    ConfigManager,
    #[serde(other)]
    Unknown,
}

/// `microsoft.graph.actionState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ActionState {
    None,
    Pending,
    Canceled,
    Active,
    Done,
    Failed,
    NotSupported,
    #[serde(other)]
    Unknown,
}

/// A device passcode. `Debug` prints `***` and there is no `Display` or `Serialize`, so it only
/// leaves this type where code asks for it by name with [`Passcode::expose`].
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Passcode(String);

impl Passcode {
    pub fn new(value: impl Into<String>) -> Passcode {
        Passcode(value.into())
    }

    /// The passcode itself, for showing it to the person who asked for it. Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl Drop for Passcode {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl zeroize::ZeroizeOnDrop for Passcode {}

impl fmt::Debug for Passcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// The properties every `microsoft.graph.deviceActionResult` has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ActionResultBase {
    pub action_name: Option<String>,
    pub action_state: Option<ActionState>,
    #[serde(with = "datetime")]
    pub start_date_time: Option<OffsetDateTime>,
    #[serde(with = "datetime")]
    pub last_updated_date_time: Option<OffsetDateTime>,
}

/// `microsoft.graph.resetPasscodeActionResult`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResetPasscodeActionResult {
    pub result: ActionResultBase,
    pub error_code: Option<i32>,
    pub passcode: Option<Passcode>,
}

/// `microsoft.graph.deviceActionResult`, dispatched on `@odata.type`.
#[derive(Debug, Clone, PartialEq)]
pub enum DeviceActionResult {
    ResetPasscode(ResetPasscodeActionResult),
    /// Any other action (remote lock, locate, ...) or the base type itself.
    Other {
        odata_type: Option<String>,
        result: ActionResultBase,
    },
}

impl DeviceActionResult {
    pub fn result(&self) -> &ActionResultBase {
        match self {
            DeviceActionResult::ResetPasscode(r) => &r.result,
            DeviceActionResult::Other { result, .. } => result,
        }
    }
}

impl<'de> Deserialize<'de> for DeviceActionResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (type_name, map) = split(Value::deserialize(deserializer)?)
            .ok_or_else(|| D::Error::custom("a device action result must be an object"))?;
        let result: ActionResultBase = polymorphic::read::<_, D::Error>(&map)?;
        // Graph's `deviceActionResults` is a collection of the base type: answers seen in peers'
        // threads carry `@odata.type` on some items and only `actionName` ("resetPasscode", in
        // the case the service chose) on others, so either marks a reset's result.
        let named = result
            .action_name
            .as_deref()
            .is_some_and(|n| n.trim().eq_ignore_ascii_case("resetPasscode"));
        if !named && !is_type(type_name.as_deref(), "resetPasscodeActionResult") {
            return Ok(DeviceActionResult::Other {
                odata_type: type_name,
                result,
            });
        }
        let error_code = map
            .get("errorCode")
            .and_then(Value::as_i64)
            .and_then(|v| i32::try_from(v).ok());
        let passcode = map
            .get("passcode")
            .and_then(Value::as_str)
            .map(Passcode::new);
        Ok(DeviceActionResult::ResetPasscode(
            ResetPasscodeActionResult {
                result,
                error_code,
                passcode,
            },
        ))
    }
}
