//! How the profile deploys: Intune's counts and one line per device, with plain explanations of
//! the states people ask about (not applicable, error, conflict).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::graph::models::{
    ComplianceStatus, DeviceConfigurationDeviceOverview, DeviceConfigurationDeviceStatus,
    DeviceConfigurationId,
};
use crate::graph::{CancellationToken, GraphClient, GraphError, GraphRequest, ResourcePath};

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
    /// `succeeded`, `pending`, `notApplicable`, `error`, `conflict`, `notAssigned`.
    #[ts(
        type = r#""succeeded" | "pending" | "notApplicable" | "error" | "conflict" | "notAssigned""#
    )]
    pub status: &'static str,
    /// What the status means, in plain words.
    pub explanation: &'static str,
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

fn line(status: &DeviceConfigurationDeviceStatus) -> DeviceLine {
    let (word, explanation, attention) = match status.status {
        Some(ComplianceStatus::Compliant | ComplianceStatus::Remediated) => {
            ("succeeded", "The device has PIN recovery turned on.", false)
        }
        Some(ComplianceStatus::NotApplicable) => (
            "notApplicable",
            "This profile is for Windows only. Other devices of an assigned user (phones, Macs) \
             are listed as not applicable: that is expected, nothing to fix.",
            false,
        ),
        Some(ComplianceStatus::Error | ComplianceStatus::NonCompliant) => (
            "error",
            "The device could not apply the setting. Usually the Windows version is too old \
             (1703 or later is needed) or the device is not Entra joined.",
            true,
        ),
        Some(ComplianceStatus::Conflict) => (
            "conflict",
            "Another profile sets EnablePinRecovery differently for this device. Find the other \
             profile (it may set the value to false) and remove the conflict.",
            true,
        ),
        Some(ComplianceStatus::NotAssigned) => (
            "notAssigned",
            "The device is no longer in an assigned group.",
            false,
        ),
        Some(ComplianceStatus::Unknown) | None => (
            "pending",
            "Waiting for the device to check in with Intune; this can take up to eight hours.",
            false,
        ),
    };
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
        explanation,
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
    devices.sort_by_key(|d| (!d.needs_attention, d.status, d.device.to_lowercase()));
    Ok(Deployment {
        counts: DeploymentCounts::of(&overview),
        devices,
        complete: next.is_none(),
    })
}

#[cfg(test)]
#[path = "deployment_tests.rs"]
mod tests;
