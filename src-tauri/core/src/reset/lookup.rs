//! One search box for the helpdesk: a sign-in name, a serial number or part of a device name. The
//! filter runs on the service (never a download of the fleet), and every answer is checked again
//! here, since the service's filters are known to drop or ignore clauses.

use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::graph::{
    CancellationToken, Filter, GraphClient, GraphError, GraphRequest, ResourcePath,
};

use super::eligibility::{Eligibility, Kind, eligibility, kind_of};
use crate::graph::models::ManagedDevice;

/// Results per search: enough to pick from while on the phone.
pub const PAGE: u32 = 25;

const FIELDS: &[&str] = &[
    "id",
    "deviceName",
    "userPrincipalName",
    "userDisplayName",
    "model",
    "manufacturer",
    "operatingSystem",
    "osVersion",
    "lastSyncDateTime",
    "serialNumber",
    "deviceEnrollmentType",
    "managementState",
];

/// What the search box understood the text to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Too short to search for.
    Nothing,
    SignInName(String),
    /// A serial number or part of a device name: both are asked for.
    SerialOrName(String),
    Name(String),
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let text = text.trim();
        if text.chars().count() < 2 {
            Query::Nothing
        } else if text.contains('@') {
            Query::SignInName(text.to_owned())
        } else if looks_like_serial(text) {
            Query::SerialOrName(text.to_owned())
        } else {
            Query::Name(text.to_owned())
        }
    }
}

/// Serial numbers are one word of capitals and digits, with at least one digit.
fn looks_like_serial(text: &str) -> bool {
    text.len() >= 6
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && text.chars().any(|c| c.is_ascii_digit())
}

/// One line of the results list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceSummary {
    pub id: String,
    pub name: String,
    pub user: Option<String>,
    pub model: Option<String>,
    pub os: Option<String>,
    pub os_version: Option<String>,
    pub last_check_in: Option<String>,
    pub serial: Option<String>,
    pub eligibility: Eligibility,
}

impl DeviceSummary {
    fn of(device: &ManagedDevice) -> Option<DeviceSummary> {
        Some(DeviceSummary {
            id: device.id.as_ref()?.as_str().to_owned(),
            name: device.device_name.clone().unwrap_or_default(),
            user: device
                .user_display_name
                .clone()
                .or_else(|| device.user_principal_name.clone()),
            model: device.model.clone(),
            os: device.operating_system.clone(),
            os_version: device.os_version.clone(),
            last_check_in: device.last_sync_date_time.and_then(rfc3339),
            serial: device.serial_number.clone().filter(|s| !s.is_empty()),
            eligibility: eligibility(device),
        })
    }
}

fn rfc3339(at: OffsetDateTime) -> Option<String> {
    at.format(&Rfc3339).ok()
}

fn request(filter: Filter) -> GraphRequest {
    GraphRequest::get(ResourcePath::new("deviceManagement/managedDevices"))
        .filter(filter)
        .select(FIELDS)
        .top(PAGE)
}

/// A page of results, and where the next one is when there are more.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub devices: Vec<DeviceSummary>,
    /// Hand back to [`more_devices`] for the next page; opaque to the window.
    pub more: Option<String>,
}

/// The first page of devices matching `text`, each with what can be done for it.
pub async fn search_devices(
    client: &GraphClient,
    text: &str,
    cancel: &CancellationToken,
) -> Result<SearchResults, GraphError> {
    let query = Query::parse(text);
    let requests = match &query {
        Query::Nothing => return Ok(SearchResults::default()),
        Query::SignInName(name) => vec![request(Filter::eq("userPrincipalName", name.as_str()))],
        Query::Name(name) => vec![request(Filter::contains("deviceName", name))],
        // `or` across two properties can lose a clause on the service: ask twice instead.
        Query::SerialOrName(text) => vec![
            request(Filter::eq("serialNumber", text.as_str())),
            request(Filter::contains("deviceName", text)),
        ],
    };
    // Both questions go out at once: the person waits for one round trip, not two.
    let pages = get_pages_together(client, &requests, cancel).await;
    let mut found: Vec<ManagedDevice> = Vec::new();
    let mut more = None;
    for page in pages {
        let page = page?;
        add_matches(&query, page.items, &mut found);
        // Only the name search can run to many pages; a serial number is one device.
        more = page.next.map(|link| link.url().to_string());
    }
    android_facts(client, &mut found, cancel).await?;
    Ok(SearchResults {
        devices: found.iter().filter_map(DeviceSummary::of).collect(),
        more,
    })
}

/// The page after one [`search_devices`] or `more_devices` answered for the same `text`.
pub async fn more_devices(
    client: &GraphClient,
    text: &str,
    more: &str,
    cancel: &CancellationToken,
) -> Result<SearchResults, GraphError> {
    let query = Query::parse(text);
    let link = client.next_link(more, false)?;
    let page = client.next_page::<ManagedDevice>(&link, cancel).await?;
    let mut found = Vec::new();
    add_matches(&query, page.items, &mut found);
    android_facts(client, &mut found, cancel).await?;
    Ok(SearchResults {
        devices: found.iter().filter_map(DeviceSummary::of).collect(),
        more: page.next.map(|link| link.url().to_string()),
    })
}

/// The beta properties that decide the Android rows (work profile, fully managed, dedicated,
/// AOSP, device administrator): v1.0 has no Android enrollment types. Only these properties are
/// asked for, one GET per Android phone among the results (a search by person finds one or two); every other platform is
/// decided from v1.0 alone and costs nothing extra.
const ANDROID_FACTS: &[&str] = &["deviceType", "deviceEnrollmentType"];

async fn android_facts(
    client: &GraphClient,
    found: &mut [ManagedDevice],
    cancel: &CancellationToken,
) -> Result<(), GraphError> {
    let android: Vec<usize> = (0..found.len())
        .filter(|&i| kind_of(&found[i]) == Kind::Android && found[i].id.is_some())
        .collect();
    if android.is_empty() {
        return Ok(());
    }
    let beta = client.with_api_version("beta")?;
    for i in android {
        let Some(id) = found[i].id.clone() else {
            continue;
        };
        let request =
            GraphRequest::get(ResourcePath::new("deviceManagement/managedDevices").id(id.as_str()))
                .select(ANDROID_FACTS);
        let fact: ManagedDevice = beta.get_cancellable(&request, Some(cancel)).await?;
        found[i].device_type = fact.device_type;
        found[i].device_enrollment_type = fact.device_enrollment_type;
    }
    Ok(())
}

async fn get_pages_together(
    client: &GraphClient,
    requests: &[GraphRequest],
    cancel: &CancellationToken,
) -> Vec<Result<crate::graph::Page<ManagedDevice>, GraphError>> {
    match requests {
        [one] => vec![client.get_page(one, cancel).await],
        [first, second] => {
            let (a, b) = tokio::join!(
                client.get_page(first, cancel),
                client.get_page(second, cancel)
            );
            vec![a, b]
        }
        many => {
            let mut pages = Vec::new();
            for request in many {
                pages.push(client.get_page(request, cancel).await);
            }
            pages
        }
    }
}

fn add_matches(query: &Query, items: Vec<ManagedDevice>, found: &mut Vec<ManagedDevice>) {
    for device in items {
        if matches(query, &device) && !found.iter().any(|d| d.id == device.id) {
            found.push(device);
        }
    }
}

/// The client-side re-check of what the service returned.
fn matches(query: &Query, device: &ManagedDevice) -> bool {
    let name = device
        .device_name
        .as_deref()
        .unwrap_or_default()
        .to_lowercase();
    match query {
        Query::Nothing => false,
        Query::SignInName(upn) => {
            device.user_principal_name.as_deref().map(str::to_lowercase) == Some(upn.to_lowercase())
        }
        Query::Name(text) => name.contains(&text.to_lowercase()),
        Query::SerialOrName(text) => {
            name.contains(&text.to_lowercase())
                || device.serial_number.as_deref().map(str::to_lowercase)
                    == Some(text.to_lowercase())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_tells_a_sign_in_name_a_serial_and_a_device_name_apart() {
        assert_eq!(Query::parse(" a "), Query::Nothing);
        assert_eq!(
            Query::parse("zoe.martin@pindesk-demo.example"),
            Query::SignInName("zoe.martin@pindesk-demo.example".into())
        );
        assert_eq!(
            Query::parse("PF3X9K2L"),
            Query::SerialOrName("PF3X9K2L".into())
        );
        assert_eq!(
            Query::parse("Zoë’s Lumia"),
            Query::Name("Zoë’s Lumia".into())
        );
        assert_eq!(Query::parse("Lumia"), Query::Name("Lumia".into()));
    }

    #[test]
    fn a_result_the_service_should_not_have_sent_is_dropped() {
        let device = ManagedDevice {
            device_name: Some("NW-LT-0117".into()),
            ..ManagedDevice::default()
        };
        assert!(!matches(&Query::Name("lumia".into()), &device));
        assert!(matches(&Query::Name("lt-01".into()), &device));
    }
}
