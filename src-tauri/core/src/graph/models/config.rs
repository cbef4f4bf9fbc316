//! Device configuration profiles: the custom profile with OMA-URI settings, its assignments, and
//! how it deploys.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::datetime;
use super::ids::{DeviceConfigurationId, GroupId};
use super::polymorphic::{self, ODATA_TYPE, is_type, split};

const WINDOWS10_CUSTOM: &str = "windows10CustomConfiguration";

/// `microsoft.graph.deviceConfiguration` (abstract), dispatched on `@odata.type`.
#[derive(Debug, Clone, PartialEq)]
pub enum DeviceConfiguration {
    Windows10Custom(Windows10CustomConfiguration),
    /// Any other profile type: its common properties and its type name.
    Other(OtherDeviceConfiguration),
}

/// `microsoft.graph.windows10CustomConfiguration`: a profile of raw OMA-URI settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Windows10CustomConfiguration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<DeviceConfigurationId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(with = "datetime", skip_serializing_if = "Option::is_none")]
    pub created_date_time: Option<OffsetDateTime>,
    #[serde(with = "datetime", skip_serializing_if = "Option::is_none")]
    pub last_modified_date_time: Option<OffsetDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
    /// `None` when the service left the settings out (whether the list call returns them is not
    /// confirmed; reading the profile by id does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oma_settings: Option<Vec<OmaSetting>>,
}

/// A profile of a type PinDesk does not work with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OtherDeviceConfiguration {
    /// Without the leading `#`, e.g. `microsoft.graph.iosGeneralDeviceConfiguration`.
    #[serde(skip)]
    pub odata_type: Option<String>,
    pub id: Option<DeviceConfigurationId>,
    pub display_name: Option<String>,
    pub description: Option<String>,
    #[serde(with = "datetime")]
    pub created_date_time: Option<OffsetDateTime>,
    #[serde(with = "datetime")]
    pub last_modified_date_time: Option<OffsetDateTime>,
    pub version: Option<i32>,
}

impl DeviceConfiguration {
    pub fn id(&self) -> Option<&DeviceConfigurationId> {
        match self {
            DeviceConfiguration::Windows10Custom(c) => c.id.as_ref(),
            DeviceConfiguration::Other(c) => c.id.as_ref(),
        }
    }

    pub fn display_name(&self) -> Option<&str> {
        match self {
            DeviceConfiguration::Windows10Custom(c) => c.display_name.as_deref(),
            DeviceConfiguration::Other(c) => c.display_name.as_deref(),
        }
    }
}

impl<'de> Deserialize<'de> for DeviceConfiguration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (type_name, map) = split(Value::deserialize(deserializer)?)
            .ok_or_else(|| D::Error::custom("a device configuration must be an object"))?;
        if is_type(type_name.as_deref(), WINDOWS10_CUSTOM) {
            return polymorphic::read::<_, D::Error>(&map)
                .map(DeviceConfiguration::Windows10Custom);
        }
        let mut other: OtherDeviceConfiguration = polymorphic::read::<_, D::Error>(&map)?;
        other.odata_type = type_name;
        Ok(DeviceConfiguration::Other(other))
    }
}

impl Serialize for DeviceConfiguration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            DeviceConfiguration::Windows10Custom(c) => {
                polymorphic::write(serializer, WINDOWS10_CUSTOM, c)
            }
            DeviceConfiguration::Other(c) => {
                let type_name = c.odata_type.as_deref().unwrap_or("deviceConfiguration");
                polymorphic::write(serializer, type_name, c)
            }
        }
    }
}

/// The properties every `microsoft.graph.omaSetting` has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OmaSettingBase {
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub oma_uri: Option<String>,
    /// True when Intune keeps the value encrypted: a list then shows a placeholder, not the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_encrypted: Option<bool>,
    /// Set when the value is stored as a secret reference rather than inline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_reference_value_id: Option<String>,
}

/// `microsoft.graph.omaSetting` (abstract): the concrete type always goes on the wire.
#[derive(Debug, Clone, PartialEq)]
pub enum OmaSetting {
    Boolean {
        setting: OmaSettingBase,
        value: bool,
    },
    String {
        setting: OmaSettingBase,
        value: String,
    },
    Integer {
        setting: OmaSettingBase,
        value: i32,
    },
    /// Another type (base64, XML, date, float), or a known type without a readable value.
    Other {
        odata_type: Option<String>,
        setting: OmaSettingBase,
    },
}

impl OmaSetting {
    pub fn setting(&self) -> &OmaSettingBase {
        match self {
            OmaSetting::Boolean { setting, .. }
            | OmaSetting::String { setting, .. }
            | OmaSetting::Integer { setting, .. }
            | OmaSetting::Other { setting, .. } => setting,
        }
    }
}

impl<'de> Deserialize<'de> for OmaSetting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (type_name, map) = split(Value::deserialize(deserializer)?)
            .ok_or_else(|| D::Error::custom("an OMA setting must be an object"))?;
        let setting: OmaSettingBase = polymorphic::read::<_, D::Error>(&map)?;
        let value = map.get("value");
        let t = type_name.as_deref();
        let known = if is_type(t, "omaSettingBoolean") {
            value
                .and_then(Value::as_bool)
                .map(|value| OmaSetting::Boolean {
                    setting: setting.clone(),
                    value,
                })
        } else if is_type(t, "omaSettingString") {
            value
                .and_then(Value::as_str)
                .map(|value| OmaSetting::String {
                    setting: setting.clone(),
                    value: value.to_owned(),
                })
        } else if is_type(t, "omaSettingInteger") {
            value
                .and_then(Value::as_i64)
                .and_then(|v| i32::try_from(v).ok())
                .map(|value| OmaSetting::Integer {
                    setting: setting.clone(),
                    value,
                })
        } else {
            None
        };
        Ok(known.unwrap_or(OmaSetting::Other {
            odata_type: type_name,
            setting,
        }))
    }
}

impl Serialize for OmaSetting {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithValue<'a, V: Serialize> {
            #[serde(flatten)]
            setting: &'a OmaSettingBase,
            value: V,
        }
        match self {
            OmaSetting::Boolean { setting, value } => polymorphic::write(
                serializer,
                "omaSettingBoolean",
                &WithValue { setting, value },
            ),
            OmaSetting::String { setting, value } => polymorphic::write(
                serializer,
                "omaSettingString",
                &WithValue { setting, value },
            ),
            OmaSetting::Integer { setting, value } => polymorphic::write(
                serializer,
                "omaSettingInteger",
                &WithValue { setting, value },
            ),
            OmaSetting::Other {
                odata_type,
                setting,
            } => polymorphic::write(
                serializer,
                odata_type.as_deref().unwrap_or("omaSetting"),
                setting,
            ),
        }
    }
}

/// `microsoft.graph.deviceConfigurationAssignment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceConfigurationAssignment {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<AssignmentTarget>,
}

/// `microsoft.graph.deviceAndAppManagementAssignmentTarget` (abstract). Every variant keeps the
/// properties PinDesk does not know (an assignment filter, say) in `extra`, and unknown target
/// types keep all of theirs: `assign` replaces the whole set, so existing assignments must be
/// sent back exactly as they were read.
#[derive(Debug, Clone, PartialEq)]
pub enum AssignmentTarget {
    Group {
        group_id: GroupId,
        extra: Map<String, Value>,
    },
    ExclusionGroup {
        group_id: GroupId,
        extra: Map<String, Value>,
    },
    AllDevices {
        extra: Map<String, Value>,
    },
    AllLicensedUsers {
        extra: Map<String, Value>,
    },
    Other {
        odata_type: Option<String>,
        properties: Map<String, Value>,
    },
}

impl AssignmentTarget {
    pub fn group(group_id: GroupId) -> AssignmentTarget {
        AssignmentTarget::Group {
            group_id,
            extra: Map::new(),
        }
    }

    /// The group an including or excluding target names.
    pub fn group_id(&self) -> Option<&GroupId> {
        match self {
            AssignmentTarget::Group { group_id, .. }
            | AssignmentTarget::ExclusionGroup { group_id, .. } => Some(group_id),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for AssignmentTarget {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (type_name, mut map) = split(Value::deserialize(deserializer)?)
            .ok_or_else(|| D::Error::custom("an assignment target must be an object"))?;
        let t = type_name.as_deref();
        let group = map
            .get("groupId")
            .and_then(Value::as_str)
            .map(GroupId::from);
        let mut extra = map.clone();
        extra.remove(ODATA_TYPE);
        extra.remove("groupId");
        Ok(match group {
            Some(group_id) if is_type(t, "groupAssignmentTarget") => {
                AssignmentTarget::Group { group_id, extra }
            }
            Some(group_id) if is_type(t, "exclusionGroupAssignmentTarget") => {
                AssignmentTarget::ExclusionGroup { group_id, extra }
            }
            _ if is_type(t, "allDevicesAssignmentTarget") => AssignmentTarget::AllDevices { extra },
            _ if is_type(t, "allLicensedUsersAssignmentTarget") => {
                AssignmentTarget::AllLicensedUsers { extra }
            }
            _ => {
                map.remove(ODATA_TYPE);
                AssignmentTarget::Other {
                    odata_type: type_name,
                    properties: map,
                }
            }
        })
    }
}

impl Serialize for AssignmentTarget {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let with_group = |group_id: &GroupId, extra: &Map<String, Value>| {
            let mut map = extra.clone();
            map.insert("groupId".to_owned(), Value::String(group_id.to_string()));
            map
        };
        match self {
            AssignmentTarget::Group { group_id, extra } => polymorphic::write(
                serializer,
                "groupAssignmentTarget",
                &with_group(group_id, extra),
            ),
            AssignmentTarget::ExclusionGroup { group_id, extra } => polymorphic::write(
                serializer,
                "exclusionGroupAssignmentTarget",
                &with_group(group_id, extra),
            ),
            AssignmentTarget::AllDevices { extra } => {
                polymorphic::write(serializer, "allDevicesAssignmentTarget", extra)
            }
            AssignmentTarget::AllLicensedUsers { extra } => {
                polymorphic::write(serializer, "allLicensedUsersAssignmentTarget", extra)
            }
            AssignmentTarget::Other {
                odata_type,
                properties,
            } => polymorphic::write(
                serializer,
                odata_type
                    .as_deref()
                    .unwrap_or("deviceAndAppManagementAssignmentTarget"),
                properties,
            ),
        }
    }
}

/// `microsoft.graph.deviceConfigurationDeviceOverview`: deployment counts of one profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceConfigurationDeviceOverview {
    pub id: Option<String>,
    pub configuration_version: Option<i32>,
    pub pending_count: Option<i32>,
    pub not_applicable_count: Option<i32>,
    pub success_count: Option<i32>,
    pub error_count: Option<i32>,
    pub failed_count: Option<i32>,
    #[serde(with = "datetime")]
    pub last_update_date_time: Option<OffsetDateTime>,
}

/// `microsoft.graph.deviceConfigurationDeviceStatus`: how one device took the profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceConfigurationDeviceStatus {
    pub id: Option<String>,
    pub device_display_name: Option<String>,
    pub device_model: Option<String>,
    pub user_name: Option<String>,
    pub user_principal_name: Option<String>,
    pub status: Option<ComplianceStatus>,
    #[serde(with = "datetime")]
    pub last_reported_date_time: Option<OffsetDateTime>,
    #[serde(with = "datetime")]
    pub compliance_grace_period_expiration_date_time: Option<OffsetDateTime>,
}

/// `microsoft.graph.complianceStatus`. A member added later reads as `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ComplianceStatus {
    NotApplicable,
    Compliant,
    Remediated,
    NonCompliant,
    Error,
    Conflict,
    NotAssigned,
    #[serde(other)]
    Unknown,
}
