//! Identifiers as their own types, so a group id can never be passed where a device id belongs.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Longer than any ID Graph gives out (GUIDs, Intune's `{guid}_{guid}` keys).
const MAX_ID_LEN: usize = 100;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
        )]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> $name {
                $name(value.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// An ID the window handed back: trimmed, neither empty nor longer than any ID
            /// Graph gives out.
            pub fn from_window(text: &str) -> Result<$name, crate::CoreError> {
                let text = text.trim();
                if text.is_empty() || text.len() > MAX_ID_LEN {
                    return Err(crate::CoreError::BadRequest(
                        concat!("not a valid ", stringify!($name)).to_owned(),
                    ));
                }
                Ok($name(text.to_owned()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_from_the_window_is_trimmed_and_refused_when_empty_or_too_long() {
        let id = ManagedDeviceId::from_window("  d-1 \n").unwrap();
        assert_eq!(id.as_str(), "d-1");
        for bad in ["", "   ", &"x".repeat(MAX_ID_LEN + 1)] {
            let refused = DeviceConfigurationId::from_window(bad).unwrap_err();
            assert!(
                matches!(refused, crate::CoreError::BadRequest(_)),
                "{bad:?}"
            );
        }
    }
}
