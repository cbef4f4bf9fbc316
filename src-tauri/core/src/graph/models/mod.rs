//! Typed Graph v1.0 resources, with the property and enum names of the official metadata.
//!
//! Graph adds properties and enum members over time, so every model ignores unknown properties,
//! every enum maps an unknown member to a catch-all, and every property is optional: a `$select`
//! leaves out whatever it did not ask for.

mod config;
mod device;
mod directory;
mod ids;
mod polymorphic;

pub use config::{
    AssignmentTarget, ComplianceStatus, DeviceConfiguration, DeviceConfigurationAssignment,
    DeviceConfigurationDeviceOverview, DeviceConfigurationDeviceStatus, OmaSetting, OmaSettingBase,
    OtherDeviceConfiguration, Windows10CustomConfiguration,
};
pub use device::{
    ActionResultBase, ActionState, ComplianceState, DeviceActionResult, DeviceEnrollmentType,
    DeviceRegistrationState, ManagedDevice, ManagementAgentType, ManagementState, Passcode,
    ResetPasscodeActionResult,
};
pub use directory::{
    Group, MdmAuthority, OAuth2PermissionGrant, Organization, ServicePrincipal, VerifiedDomain,
};
pub use ids::{DeviceConfigurationId, GroupId, ManagedDeviceId, ServicePrincipalId, TenantId};

pub(crate) mod datetime {
    //! `Edm.DateTimeOffset` read leniently: a value that does not parse becomes `None` rather than
    //! failing the whole resource, since Intune reports odd placeholders for dates it never knew.

    use serde::{Deserialize, Deserializer, Serializer};
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        let raw = Option::<serde_json::Value>::deserialize(deserializer)?;
        Ok(raw
            .as_ref()
            .and_then(serde_json::Value::as_str)
            .and_then(parse))
    }

    pub fn serialize<S: Serializer>(
        value: &Option<OffsetDateTime>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        time::serde::rfc3339::option::serialize(value, serializer)
    }

    pub fn parse(text: &str) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(text, &Rfc3339).ok()
    }
}

#[cfg(test)]
mod tests;
