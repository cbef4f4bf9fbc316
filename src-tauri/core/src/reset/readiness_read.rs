//! Reading one Windows PC's readiness for self-service PIN reset: the device (its Windows version
//! and primary user), the PIN recovery profile's state on it (every `deviceStatuses` page), the
//! PIN reset consent from the setup overview already read, and the primary user's method types.
//! Each line is read on its own: one PinDesk may not read stays "unknown", naming the permission
//! or role, and the other lines still show. Only method *types* are kept, never a phone number.
//!
//! Requests: one for the device, one per `deviceStatuses` page, one per methods page.

use serde::{Deserialize, Serialize};

use super::readiness::{
    Check, Conclusion, Missing, PIN_RESET_PAGE, Readiness, method_kind, mfa_check, profile_check,
    windows_check,
};
use crate::graph::models::{
    DeviceConfigurationDeviceStatus, DeviceConfigurationId, ManagedDeviceId,
};
use crate::graph::{
    CancellationToken, ErrorKind, GraphClient, GraphError, GraphRequest, ResourcePath,
};
use crate::setup::{ItemState, SetupOverview};

/// What the setup overview already says, so the readiness read asks nothing twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupFacts {
    /// Both PIN reset apps consented; `None` when the overview could not see it.
    pub consented: Option<bool>,
    /// The profile PinDesk found or created: `Some(None)` when the tenant has none; `None` when
    /// the overview could not see the profiles.
    pub profile: Option<Option<DeviceConfigurationId>>,
}

impl SetupFacts {
    pub fn of(overview: &SetupOverview) -> SetupFacts {
        let consented = match overview.consent.status.state {
            ItemState::Done => Some(true),
            ItemState::NotDone => Some(false),
            ItemState::CannotSee | ItemState::Failed => None,
        };
        let profile = match overview.policy.status.state {
            ItemState::Done | ItemState::NotDone => {
                Some(overview.policy.profile.as_ref().map(|p| p.id.clone()))
            }
            ItemState::CannotSee | ItemState::Failed => None,
        };
        SetupFacts { consented, profile }
    }
}

/// The device's primary user, as Intune names them on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PrimaryUser {
    pub id: String,
    pub display_name: Option<String>,
    pub user_principal_name: Option<String>,
}

/// What the window shows: the four lines, the one conclusion, and the page they come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessView {
    pub device_name: Option<String>,
    pub person: Option<PrimaryUser>,
    pub lines: Readiness,
    /// The person's method kinds in words (`authenticator`, `phone`), never their details.
    pub method_kinds: Vec<&'static str>,
    pub conclusion: Conclusion,
    /// Microsoft's page that names the Windows versions able to reset a PIN.
    pub pin_reset_page: &'static str,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Device {
    device_name: Option<String>,
    os_version: Option<String>,
    user_id: Option<String>,
    user_principal_name: Option<String>,
    user_display_name: Option<String>,
}

/// Only the type of each method is read: serde drops every other property on arrival.
#[derive(Debug, Deserialize)]
struct MethodType {
    #[serde(rename = "@odata.type")]
    odata_type: Option<String>,
}

/// The three Graph clients, each with the scopes of its own task, so a permission the
/// organisation has not approved costs only its own line.
#[derive(Debug, Clone, Copy)]
pub struct ReadinessClients<'a> {
    /// Helpdesk scopes: the managed device.
    pub devices: &'a GraphClient,
    /// Setup-status scopes: the profile's per-device states.
    pub profiles: &'a GraphClient,
    /// Readiness scopes: `UserAuthenticationMethod.Read.All`.
    pub methods: &'a GraphClient,
}

/// "Unknown" for a line whose read failed: the permission or role when that is why, an empty
/// `needs` (read again later) otherwise.
fn unknown(error: &GraphError, scope: &str, role: &str) -> Check {
    let needs = match error {
        GraphError::Token(_) => scope,
        _ => match error.kind() {
            ErrorKind::ScopeMissing | ErrorKind::ConsentMissing => scope,
            ErrorKind::RoleMissing => role,
            _ => "",
        },
    };
    Check::Unknown {
        needs: needs.to_owned(),
    }
}

/// Reads and judges one device. Fails only when the device itself cannot be read.
pub async fn read_readiness(
    clients: ReadinessClients<'_>,
    facts: &SetupFacts,
    device_id: &ManagedDeviceId,
) -> Result<ReadinessView, GraphError> {
    let request = GraphRequest::get(
        ResourcePath::new("deviceManagement/managedDevices").id(device_id.as_str()),
    )
    .select(&[
        "id",
        "deviceName",
        "osVersion",
        "userId",
        "userPrincipalName",
        "userDisplayName",
    ]);
    let device: Device = clients.devices.get(&request).await?;
    let profile_reached = match &facts.profile {
        None => Check::Unknown {
            needs: "DeviceManagementConfiguration.Read.All".to_owned(),
        },
        Some(None) => Check::No {
            why: Missing::NoProfile,
        },
        Some(Some(profile)) => profile_state(clients.profiles, profile, device_id, &device).await,
    };
    let service_consented = match facts.consented {
        Some(true) => Check::Yes,
        Some(false) => Check::No {
            why: Missing::NoConsent,
        },
        None => Check::Unknown {
            needs: "Application.Read.All".to_owned(),
        },
    };
    let windows_supported = windows_check(device.os_version.as_deref().unwrap_or_default());
    let person = device
        .user_id
        .clone()
        .filter(|id| !id.trim().is_empty())
        .map(|id| PrimaryUser {
            id,
            display_name: device.user_display_name.clone(),
            user_principal_name: device.user_principal_name.clone(),
        });
    let (mfa_method, method_kinds) = match &person {
        None => (
            Check::Unknown {
                needs: "primaryUser".to_owned(),
            },
            Vec::new(),
        ),
        Some(person) => methods(clients.methods, &person.id).await,
    };
    let lines = Readiness {
        profile_reached,
        service_consented,
        windows_supported,
        mfa_method,
    };
    let conclusion = lines.conclusion();
    tracing::info!(
        device = device_id.as_str(),
        conclusion = ?conclusion,
        "read a Windows PC's readiness for self-service PIN reset"
    );
    Ok(ReadinessView {
        device_name: device.device_name,
        person,
        lines,
        method_kinds,
        conclusion,
        pin_reset_page: PIN_RESET_PAGE,
    })
}

/// This device's row among the profile's `deviceStatuses`, every page read. A row's `id` is
/// `{profile id}_{managed device id}` in Intune's answers (not documented: unconfirmed), so the
/// name is the fallback when no id matches and exactly one row carries it.
async fn profile_state(
    client: &GraphClient,
    profile: &DeviceConfigurationId,
    device_id: &ManagedDeviceId,
    device: &Device,
) -> Check {
    let request = GraphRequest::get(
        ResourcePath::new("deviceManagement/deviceConfigurations")
            .id(profile.as_str())
            .then("deviceStatuses"),
    );
    let rows = match client
        .get_all::<DeviceConfigurationDeviceStatus>(&request, &CancellationToken::new())
        .await
    {
        Ok(rows) => rows,
        Err(error) => {
            return unknown(
                &error,
                "DeviceManagementConfiguration.Read.All",
                "an Intune role that reads device configurations",
            );
        }
    };
    let suffix = format!("_{}", device_id.as_str()).to_ascii_lowercase();
    let by_id = rows.items.iter().find(|r| {
        r.id.as_deref()
            .is_some_and(|id| id.to_ascii_lowercase().ends_with(&suffix))
    });
    let by_name = || {
        let name = device.device_name.as_deref()?;
        let mut named = rows
            .items
            .iter()
            .filter(|r| r.device_display_name.as_deref() == Some(name));
        let first = named.next()?;
        named.next().is_none().then_some(first)
    };
    match by_id.or_else(by_name) {
        Some(row) => profile_check(row.status),
        // Not listed, but the list stopped at the page limit: it may be further on.
        None if !rows.complete => Check::Unknown {
            needs: String::new(),
        },
        None => profile_check(None),
    }
}

async fn methods(client: &GraphClient, user_id: &str) -> (Check, Vec<&'static str>) {
    let request = GraphRequest::get(
        ResourcePath::new("users")
            .id(user_id)
            .then("authentication")
            .then("methods"),
    );
    match client
        .get_all::<MethodType>(&request, &CancellationToken::new())
        .await
    {
        Ok(found) => {
            let types: Vec<&str> = found
                .items
                .iter()
                .filter_map(|m| m.odata_type.as_deref())
                .collect();
            let mut kinds: Vec<&'static str> = types.iter().map(|t| method_kind(t)).collect();
            kinds.dedup();
            (mfa_check(&types), kinds)
        }
        Err(error) => (
            unknown(
                &error,
                "UserAuthenticationMethod.Read.All",
                "Authentication Administrator",
            ),
            Vec::new(),
        ),
    }
}
