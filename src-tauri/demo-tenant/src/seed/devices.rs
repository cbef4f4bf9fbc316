//! Managed devices in Graph's v1.0 `managedDevice` shape.

use std::sync::OnceLock;

use serde_json::{Map, Value, json};
use time::{Duration, OffsetDateTime};

pub(crate) use super::catalog::AndroidMode;
use super::catalog::{Platform, Spec, filler, showcase};
use super::people::{Employee, owner_index};
use super::{hex_digest, stable_id};
use crate::clock::{graph_date_time, intune_short_date};

use Platform::{Android, Ios, Windows81};

/// A device as the tenant stores it: Graph v1.0 properties, plus the beta-only ones kept apart so
/// a v1.0 response can never leak them.
#[derive(Debug, Clone)]
pub struct ManagedDevice {
    pub properties: Map<String, Value>,
    pub beta_properties: Map<String, Value>,
    /// Android only: how it is enrolled, and so how a reset ends. Not a Graph property.
    pub(crate) android: Option<AndroidMode>,
}

impl ManagedDevice {
    pub fn id(&self) -> &str {
        self.properties
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

/// The spec of the device at `index`: the showcase first, then filler.
pub(super) fn spec_at(index: usize) -> Spec {
    cached_showcase()
        .get(index)
        .cloned()
        .unwrap_or_else(|| filler(index))
}

fn cached_showcase() -> &'static [Spec] {
    static SHOWCASE: OnceLock<Vec<Spec>> = OnceLock::new();
    SHOWCASE.get_or_init(showcase)
}

/// The device at `index`, built from its spec alone, so any one device costs the same to make
/// whatever the size of the fleet.
pub(super) fn device_at(index: usize, owners: &[Employee], now: OffsetDateTime) -> ManagedDevice {
    device(index, &spec_at(index), owners, now)
}

/// Properties that depend on the spec alone: enough to test most filters without building the
/// whole device.
pub const LIGHT_PROPERTIES: [&str; 9] = [
    "deviceName",
    "serialNumber",
    "operatingSystem",
    "osVersion",
    "model",
    "manufacturer",
    "managementState",
    "complianceState",
    "managementAgent",
];

/// The light properties `wanted` asks for: a search over a large fleet makes only what its
/// filter reads (the serial number costs a digest per device).
pub(super) fn light_at(index: usize, wanted: &dyn Fn(&str) -> bool) -> Map<String, Value> {
    let spec = spec_at(index);
    let mut light = Map::new();
    let mut put = |name: &str, value: &dyn Fn() -> Value| {
        if wanted(name) {
            light.insert(name.to_owned(), value());
        }
    };
    put("deviceName", &|| json!(spec.name));
    put("operatingSystem", &|| {
        json!(spec.platform.operating_system())
    });
    put("osVersion", &|| json!(spec.os_version));
    put("model", &|| json!(spec.model));
    put("manufacturer", &|| json!(spec.manufacturer));
    put("managementState", &|| json!(spec.management_state));
    put("complianceState", &|| json!(spec.compliance));
    put("managementAgent", &|| json!(management_agent(&spec)));
    // The same digest `device` derives the serial number from.
    put("serialNumber", &|| {
        let digest = hex_digest(&format!("{index}:{}", spec.name));
        json!(digest[..12].to_ascii_uppercase())
    });
    light
}

fn management_agent(spec: &Spec) -> &'static str {
    let android_enterprise = spec
        .android
        .is_some_and(|mode| mode != AndroidMode::DeviceAdministrator);
    if android_enterprise {
        // Android Enterprise and AOSP phones are managed through Google's device policy API.
        "googleCloudDevicePolicyController"
    } else if spec.enrollment == "windowsCoManagement" {
        "configurationManagerClientMdm"
    } else {
        "mdm"
    }
}

/// Entra device object id and whether it is a Windows phone, without building the device.
pub(super) fn entra_device(index: usize) -> (String, bool) {
    let spec = spec_at(index);
    let key = format!("{index}:{}", spec.name);
    (
        stable_id("entraDevice", &key),
        spec.platform == Platform::WindowsPhone,
    )
}

/// The managed device id of the device at `index`.
pub(super) fn id_at(index: usize) -> String {
    let spec = spec_at(index);
    stable_id("managedDevice", &format!("{index}:{}", spec.name))
}

fn device(index: usize, spec: &Spec, owners: &[Employee], now: OffsetDateTime) -> ManagedDevice {
    let key = format!("{index}:{}", spec.name);
    let digest = hex_digest(&key);
    let owner = spec.owner.and_then(owner_index).and_then(|i| owners.get(i));
    let (user_id, upn, user_name) = owner.map_or(("", "", ""), |o| {
        (
            o.id.as_str(),
            o.user_principal_name.as_str(),
            o.display_name.as_str(),
        )
    });
    let days = i64::try_from(index % 300).unwrap_or(0);
    let enrolled = now - Duration::days(400 + days * 3);
    let synced = now - Duration::days(spec.synced_days_ago) - Duration::minutes(7 + days * 13);
    let alias = upn
        .split('@')
        .next()
        .filter(|a| !a.is_empty())
        .unwrap_or("userless");
    let os = spec.platform.operating_system();
    let phone = spec.platform.is_phone();
    let storage: i64 = if phone { 64 << 30 } else { 256 << 30 };
    let mut results = Vec::new();
    if spec.past_actions {
        results = past_actions(now);
    }
    let properties = json!({
        "id": stable_id("managedDevice", &key),
        "userId": user_id,
        "deviceName": spec.name,
        "managedDeviceOwnerType": if spec.personal { "personal" } else { "company" },
        "enrolledDateTime": graph_date_time(enrolled),
        "lastSyncDateTime": graph_date_time(synced),
        "operatingSystem": os,
        "complianceState": spec.compliance,
        "jailBroken": if matches!(spec.platform, Ios | Android) { "False" } else { "Unknown" },
        "managementAgent": management_agent(spec),
        "osVersion": spec.os_version,
        "easActivated": false,
        "easDeviceId": "",
        "easActivationDateTime": "0001-01-01T00:00:00Z",
        "azureADRegistered": spec.platform != Windows81,
        "deviceEnrollmentType": spec.enrollment,
        "activationLockBypassCode": null,
        "emailAddress": upn,
        "azureADDeviceId": stable_id("entraDevice", &key),
        "deviceRegistrationState": "registered",
        "deviceCategoryDisplayName": "Unknown",
        "isSupervised": spec.platform == Ios && !spec.personal,
        "exchangeLastSuccessfulSyncDateTime": "0001-01-01T00:00:00Z",
        "exchangeAccessState": "none",
        "exchangeAccessStateReason": "none",
        "remoteAssistanceSessionUrl": null,
        "remoteAssistanceSessionErrorDetails": null,
        "isEncrypted": spec.platform != Windows81,
        "userPrincipalName": upn,
        "model": spec.model,
        "manufacturer": spec.manufacturer,
        "imei": if phone { digits(&digest, 15) } else { String::new() },
        "complianceGracePeriodExpirationDateTime": "9999-12-31T23:59:59Z",
        "serialNumber": digest[..12].to_ascii_uppercase(),
        "phoneNumber": "",
        "androidSecurityPatchLevel": if spec.platform == Android { "2024-10-01" } else { "" },
        "userDisplayName": user_name,
        "configurationManagerClientEnabledFeatures": null,
        "wiFiMacAddress": digest[12..24].to_ascii_uppercase(),
        "deviceHealthAttestationState": null,
        "subscriberCarrier": "",
        "meid": "",
        "totalStorageSpaceInBytes": storage,
        "freeStorageSpaceInBytes": storage / 3,
        "managedDeviceName": format!("{alias}_{os}_{}", intune_short_date(enrolled)),
        "partnerReportedThreatState": "unknown",
        "requireUserEnrollmentApproval": null,
        "managementCertificateExpirationDate": graph_date_time(enrolled + Duration::days(365)),
        "iccid": null,
        "udid": null,
        "notes": null,
        "ethernetMacAddress": null,
        "physicalMemoryInBytes": 0,
        "enrollmentProfileName": null,
        "deviceActionResults": results,
        "managementState": spec.management_state,
    });
    let mut beta = json!({
        "deviceType": spec.android.map_or(spec.platform.device_type(), AndroidMode::device_type),
        "joinType": spec.join_type(),
    });
    if let Some(enrollment) = spec.android.and_then(AndroidMode::beta_enrollment) {
        // Beta's own enum has the Android members v1.0 lacks.
        beta["deviceEnrollmentType"] = json!(enrollment);
    }
    ManagedDevice {
        properties: into_map(properties),
        beta_properties: into_map(beta),
        android: spec.android,
    }
}

/// Earlier actions on a device, so a client must pick the right entry by type and time, and must
/// not mistake an old reset for the one it just asked for.
fn past_actions(now: OffsetDateTime) -> Vec<Value> {
    let lock = now - Duration::days(3);
    let reset = now - Duration::days(10);
    vec![
        json!({
            "@odata.type": "#microsoft.graph.remoteLockActionResult",
            "actionName": "remoteLock",
            "actionState": "done",
            "startDateTime": graph_date_time(lock),
            "lastUpdatedDateTime": graph_date_time(lock + Duration::minutes(1)),
            "unlockPin": null,
        }),
        json!({
            "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
            "actionName": "resetPasscode",
            "actionState": "done",
            "startDateTime": graph_date_time(reset),
            "lastUpdatedDateTime": graph_date_time(reset + Duration::minutes(2)),
            // Intune shows a new passcode for seven days only.
            "passcode": null,
            "errorCode": 0,
        }),
    ]
}

fn digits(hex: &str, n: usize) -> String {
    hex.chars()
        .filter_map(|c| c.to_digit(16))
        .map(|d| char::from(b'0' + (d % 10) as u8))
        .take(n)
        .collect()
}

fn into_map(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Every v1.0 `managedDevice` property, from the published metadata. Graph endpoints validate
/// `$select` against this list.
pub const V1_PROPERTIES: [&str; 56] = [
    "id",
    "activationLockBypassCode",
    "androidSecurityPatchLevel",
    "azureADDeviceId",
    "azureADRegistered",
    "complianceGracePeriodExpirationDateTime",
    "complianceState",
    "configurationManagerClientEnabledFeatures",
    "deviceActionResults",
    "deviceCategoryDisplayName",
    "deviceEnrollmentType",
    "deviceHealthAttestationState",
    "deviceName",
    "deviceRegistrationState",
    "easActivated",
    "easActivationDateTime",
    "easDeviceId",
    "emailAddress",
    "enrolledDateTime",
    "enrollmentProfileName",
    "ethernetMacAddress",
    "exchangeAccessState",
    "exchangeAccessStateReason",
    "exchangeLastSuccessfulSyncDateTime",
    "freeStorageSpaceInBytes",
    "iccid",
    "imei",
    "isEncrypted",
    "isSupervised",
    "jailBroken",
    "lastSyncDateTime",
    "managedDeviceName",
    "managedDeviceOwnerType",
    "managementAgent",
    "managementCertificateExpirationDate",
    "managementState",
    "manufacturer",
    "meid",
    "model",
    "notes",
    "operatingSystem",
    "osVersion",
    "partnerReportedThreatState",
    "phoneNumber",
    "physicalMemoryInBytes",
    "remoteAssistanceSessionErrorDetails",
    "remoteAssistanceSessionUrl",
    "requireUserEnrollmentApproval",
    "serialNumber",
    "subscriberCarrier",
    "totalStorageSpaceInBytes",
    "udid",
    "userDisplayName",
    "userId",
    "userPrincipalName",
    "wiFiMacAddress",
];
