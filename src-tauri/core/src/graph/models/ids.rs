//! Identifiers as their own types, so a group id can never be passed where a device id belongs.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> $name {
                $name(value.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> $name {
                $name(value.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> $name {
                $name(value)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// The directory (tenant) ID, a GUID: `organization.id` and the ID token's `tid`.
    TenantId
);
id_type!(
    /// Intune's ID of an enrolled device (not the Entra device ID).
    ManagedDeviceId
);
id_type!(
    /// An Entra group's object ID.
    GroupId
);
id_type!(
    /// The ID of an Intune device configuration profile.
    DeviceConfigurationId
);
id_type!(
    /// A service principal's object ID (not its `appId`).
    ServicePrincipalId
);
