//! How the profile deploys: Intune's counts and one line per device, each with a status the
//! window explains (not applicable, error and conflict are the ones people ask about).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::graph::models::{
    ComplianceStatus, DeviceConfigurationDeviceOverview, DeviceConfigurationDeviceStatus,
    DeviceConfigurationId,
};
use crate::graph::{CancellationToken, GraphClient, GraphError, GraphRequest, ResourcePath};
use crate::word_enum::word_enum;

const CONFIGURATIONS: &str = "deviceManagement/deviceConfigurations";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentCounts {
    pub succeeded: i32,
    pub pending: i32,
    pub not_applicable: i32,
    pub errors: i32,
    pub failed: i32,
    pub last_update: Option<String>,
}

impl DeploymentCounts {
    pub fn of(overview: &DeviceConfigurationDeviceOverview) -> DeploymentCounts {
        DeploymentCounts {
            succeeded: overview.success_count.unwrap_or(0),
            pending: overview.pending_count.unwrap_or(0),
            not_applicable: overview.not_applicable_count.unwrap_or(0),
            errors: overview.error_count.unwrap_or(0),
            failed: overview.failed_count.unwrap_or(0),
            last_update: rfc3339(overview.last_update_date_time),
        }
    }
}

/// One device's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceLine {
    pub device: String,
    pub user: Option<String>,
    /// The window words it, and what it means, as `setup.device.<status>` (and `.why`).
    pub status: DeviceStatus,
    /// Errors and conflicts: the window highlights these.
    pub needs_attention: bool,
    pub last_report: Option<String>,
    /// The setting was applied to the device itself, not for a person: Intune reports such rows
    /// with the user "System account". The window words them as "the device itself".
    pub device_context: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Deployment {
    pub counts: DeploymentCounts,
    pub devices: Vec<DeviceLine>,
    /// False when the page limit stopped the walk through `deviceStatuses` with pages left: the
    /// window says the list is partial (the counts above it are whole).
    pub complete: bool,
}

/// How Intune names the user of a device-context status row (the setting applied to the device
/// before or without anyone signing in). Seen in `deviceStatuses` answers, for example
/// microsoftgraph/powershell-intune-samples and Intune's own "Device status" report, which print
/// "System account" in the user column.
const SYSTEM_ACCOUNT: &str = "System account";

fn rfc3339(at: Option<OffsetDateTime>) -> Option<String> {
    // Intune reports "never" as the year 1.
    at.filter(|at| at.year() > 1)
        .and_then(|at| at.format(&Rfc3339).ok())
}

word_enum! {
    /// Where the profile stands on one device.
    pub enum DeviceStatus {
        /// The device has PIN recovery turned on.
        Succeeded => "succeeded",
        /// Waiting for the device to check in (up to eight hours).
        Pending => "pending",
        /// Not Windows: expected for the other devices of an assigned user.
        NotApplicable => "notApplicable",
        /// The device could not apply it (Windows too old, or not Entra joined).
        Error => "error",
        /// Another profile sets the value differently.
        Conflict => "conflict",
        /// No longer in an assigned group.
        NotAssigned => "notAssigned",
    }
}

fn line(status: &DeviceConfigurationDeviceStatus) -> DeviceLine {
    let word = match status.status {
        Some(ComplianceStatus::Compliant | ComplianceStatus::Remediated) => DeviceStatus::Succeeded,
        Some(ComplianceStatus::NotApplicable) => DeviceStatus::NotApplicable,
        Some(ComplianceStatus::Error | ComplianceStatus::NonCompliant) => DeviceStatus::Error,
        Some(ComplianceStatus::Conflict) => DeviceStatus::Conflict,
        Some(ComplianceStatus::NotAssigned) => DeviceStatus::NotAssigned,
        Some(ComplianceStatus::Unknown) | None => DeviceStatus::Pending,
    };
    let attention = matches!(word, DeviceStatus::Error | DeviceStatus::Conflict);
    let is_system = |u: &Option<String>| {
        u.as_deref()
            .is_some_and(|u| u.trim().eq_ignore_ascii_case(SYSTEM_ACCOUNT))
    };
    let device_context = is_system(&status.user_principal_name) || is_system(&status.user_name);
    DeviceLine {
        device: status.device_display_name.clone().unwrap_or_default(),
        user: status
            .user_principal_name
            .clone()
            .or_else(|| status.user_name.clone())
            .filter(|u| !u.is_empty() && !device_context),
        status: word,
        needs_attention: attention,
        last_report: rfc3339(status.last_reported_date_time),
        device_context,
    }
}

#[derive(Deserialize)]
struct Statuses {
    #[serde(default)]
    value: Vec<DeviceConfigurationDeviceStatus>,
    #[serde(rename = "@odata.nextLink", default)]
    next_link: Option<String>,
}

pub(crate) fn overview_request(profile: &DeviceConfigurationId) -> GraphRequest {
    GraphRequest::get(
        ResourcePath::new(CONFIGURATIONS)
            .id(profile.as_str())
            .then("deviceStatusOverview"),
    )
}

/// Counts and the first page of the per-device list in one batched round trip, then every further
/// page of `deviceStatuses` through its `@odata.nextLink` (Intune pages it), up to the client's
/// page limit. Errors and conflicts first.
pub async fn deployment(
    client: &GraphClient,
    profile: &DeviceConfigurationId,
) -> Result<Deployment, GraphError> {
    let requests = [
        overview_request(profile),
        GraphRequest::get(
            ResourcePath::new(CONFIGURATIONS)
                .id(profile.as_str())
                .then("deviceStatuses"),
        ),
    ];
    let mut answers = client.batch(&requests).await?.into_iter();
    let overview: DeviceConfigurationDeviceOverview = answers
        .next()
        .map(|a| a.json())
        .unwrap_or_else(|| Ok(DeviceConfigurationDeviceOverview::default()))?;
    let first: Statuses = answers.next().map(|a| a.json()).unwrap_or_else(|| {
        Ok(Statuses {
            value: Vec::new(),
            next_link: None,
        })
    })?;
    let mut statuses = first.value;
    let mut next = first
        .next_link
        .map(|link| client.next_link(&link, false))
        .transpose()?;
    let (mut pages, max_pages) = (1, client.options().max_pages.max(1));
    let cancel = CancellationToken::new();
    while let Some(link) = next.take() {
        if pages >= max_pages {
            next = Some(link);
            break;
        }
        let page = client
            .next_page::<DeviceConfigurationDeviceStatus>(&link, &cancel)
            .await?;
        statuses.extend(page.items);
        next = page.next;
        pages += 1;
    }
    let mut devices: Vec<DeviceLine> = statuses.iter().map(line).collect();
    devices.sort_by_key(|d| {
        (
            !d.needs_attention,
            d.status.as_str(),
            d.device.to_lowercase(),
        )
    });
    Ok(Deployment {
        counts: DeploymentCounts::of(&overview),
        devices,
        complete: next.is_none(),
    })
}

#[cfg(test)]
#[path = "deployment_tests.rs"]
mod tests;
