//! One search box for the helpdesk: part of a device name, a person's name or the start of their
//! sign-in address, or a serial number in any case. The filters run on the service (never a
//! download of the fleet), only with operators Intune documents for each property (`contains` on
//! `deviceName`, `eq`/`or` on `serialNumber`, `eq` on `userPrincipalName`; Intune documents no
//! `startswith` and no filter on `userDisplayName`), so a person is found in the directory
//! (`/users?$search`) and their devices through `/users/{id}/managedDevices`. Every answer is
//! checked again here, since the service's filters are known to drop or ignore clauses.

use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::graph::{
    CancellationToken, Filter, GraphClient, GraphError, GraphRequest, ResourcePath,
};

use super::eligibility::{Eligibility, Kind, eligibility, kind_of};
use super::people::{DirectoryUser, PEOPLE, devices_of, fold, is_person, people_request};
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
    /// A whole sign-in address: that person's devices, by `userPrincipalName eq`.
    SignInName(String),
    /// Anything else is asked for at once as part of a device name and as a person (a word of
    /// their name, or the start of their sign-in address); as a serial number too when it
    /// looks like one.
    Text { text: String, serial: bool },
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let text = text.trim();
        if text.chars().count() < 2 {
            Query::Nothing
        } else if is_sign_in_address(text) {
            Query::SignInName(text.to_owned())
        } else {
            Query::Text {
                text: text.to_owned(),
                serial: looks_like_serial(text),
            }
        }
    }
}

/// `name@domain.tld`: complete enough to ask Intune for equality.
fn is_sign_in_address(text: &str) -> bool {
    text.split_once('@').is_some_and(|(name, domain)| {
        !name.is_empty() && !text.contains(char::is_whitespace) && {
            let (host, tld) = domain.rsplit_once('.').unwrap_or_default();
            !host.is_empty() && tld.len() >= 2
        }
    })
}

/// Serial numbers are one word of letters and digits (typed in any case), with at least one
/// digit.
fn looks_like_serial(text: &str) -> bool {
    text.len() >= 6
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && text.chars().any(|c| c.is_ascii_digit())
}

/// One line of the results list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceSummary {
    pub id: String,
    pub name: String,
    /// The person's display name; `None` when the device has no person assigned.
    pub user: Option<String>,
    /// The person's sign-in address, shown beside the name (two people can share a name).
    pub sign_in: Option<String>,
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
                .filter(|s| !s.is_empty())
                .or_else(|| device.user_principal_name.clone())
                .filter(|s| !s.is_empty()),
            sign_in: device.user_principal_name.clone().filter(|s| !s.is_empty()),
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub devices: Vec<DeviceSummary>,
    /// Hand back to [`more_devices`] for the next page; opaque to the window.
    pub more: Option<String>,
}

/// The first page of devices matching `text`, each with what can be done for it.
///
/// Round trips: a sign-in address is one request. Any other text asks, all at once, for device
/// names containing it, for people whose name or sign-in address starts with it, and (when it
/// looks like one) for the serial number; then, at once again, for the devices of each person
/// found (at most [`PEOPLE`]). Android phones among the results add one beta read, batched
/// when there are several.
pub async fn search_devices(
    client: &GraphClient,
    text: &str,
    cancel: &CancellationToken,
) -> Result<SearchResults, GraphError> {
    let query = Query::parse(text);
    let mut requests = match &query {
        Query::Nothing => return Ok(SearchResults::default()),
        Query::SignInName(name) => vec![request(Filter::eq("userPrincipalName", name.as_str()))],
        Query::Text { text, serial } => {
            let mut asked = vec![request(Filter::contains("deviceName", text))];
            if *serial {
                asked.push(request(serial_filter(text)));
            }
            asked
        }
    };
    let person_text = match &query {
        Query::Text { text, .. } => Some(text.as_str()),
        _ => None,
    };
    let mut found: Vec<ManagedDevice> = Vec::new();
    let mut more = None;
    let (pages, people) = match person_text {
        Some(text) => {
            let asked = people_request(text);
            let (pages, people) = tokio::join!(
                get_pages_together(client, &requests, cancel),
                client.get_page::<DirectoryUser>(&asked, cancel)
            );
            (pages, people?.items)
        }
        None => (
            get_pages_together(client, &requests, cancel).await,
            Vec::new(),
        ),
    };
    for page in pages {
        let page = page?;
        add_matches(&query, page.items, &mut found);
        more = more.or(page.next.map(|link| link.url().to_string()));
    }
    // Only people the directory really matched are followed to their devices.
    let people: Vec<DirectoryUser> = people
        .into_iter()
        .filter(|p| {
            person_text.is_some_and(|text| {
                is_person(
                    text,
                    p.display_name.as_deref(),
                    p.user_principal_name.as_deref(),
                )
            })
        })
        .take(PEOPLE as usize)
        .collect();
    requests = people.iter().map(|p| devices_of(p, FIELDS, PAGE)).collect();
    for (page, person) in get_pages_together(client, &requests, cancel)
        .await
        .into_iter()
        .zip(&people)
    {
        let page = page?;
        for device in page.items {
            let theirs = device.user_principal_name.is_none()
                || device.user_principal_name == person.user_principal_name;
            if theirs && !found.iter().any(|d| d.id == device.id) {
                found.push(device);
            }
        }
        more = more.or(page.next.map(|link| link.url().to_string()));
    }
    android_facts(client, &mut found, cancel).await?;
    Ok(SearchResults {
        devices: found.iter().filter_map(DeviceSummary::of).collect(),
        more,
    })
}

/// `serialNumber eq 'typed' or serialNumber eq 'TYPED'`: Intune documents `eq` and `or` for the
/// serial number but not whether `eq` ignores case, and serials are stored as the maker prints
/// them (capitals), so a lower-case serial is asked for both ways.
fn serial_filter(text: &str) -> Filter {
    let upper = text.to_ascii_uppercase();
    let typed = Filter::eq("serialNumber", text);
    if upper == text {
        typed
    } else {
        typed.or(Filter::eq("serialNumber", upper.as_str()))
    }
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
/// asked for, and only for the Android phones among the results; every other platform is decided
/// from v1.0 alone and costs nothing extra.
const ANDROID_FACTS: &[&str] = &["deviceType", "deviceEnrollmentType"];

/// One Android phone costs one GET; more are asked in JSON batches of twenty sent at once, so a
/// page of 25 Android results is two requests in one round trip rather than 25 in a row.
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
    let requests: Vec<GraphRequest> = android
        .iter()
        .filter_map(|&i| found[i].id.as_ref())
        .map(|id| {
            GraphRequest::get(ResourcePath::new("deviceManagement/managedDevices").id(id.as_str()))
                .select(ANDROID_FACTS)
        })
        .collect();
    let facts: Vec<ManagedDevice> = if let [one] = requests.as_slice() {
        vec![beta.get_cancellable(one, Some(cancel)).await?]
    } else {
        let answers = tokio::select! {
            answers = beta.batch(&requests) => answers?,
            () = cancel.cancelled() => return Err(GraphError::Cancelled),
        };
        answers
            .into_iter()
            .map(|answer| answer.json::<ManagedDevice>())
            .collect::<Result<_, _>>()?
    };
    for (i, fact) in android.into_iter().zip(facts) {
        found[i].device_type = fact.device_type;
        found[i].device_enrollment_type = fact.device_enrollment_type;
    }
    Ok(())
}

/// Every request at once: a search's wait is one round trip however many people it follows.
async fn get_pages_together(
    client: &GraphClient,
    requests: &[GraphRequest],
    cancel: &CancellationToken,
) -> Vec<Result<crate::graph::Page<ManagedDevice>, GraphError>> {
    futures_util::future::join_all(
        requests
            .iter()
            .map(|request| client.get_page(request, cancel)),
    )
    .await
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
    let upn = device.user_principal_name.as_deref();
    match query {
        Query::Nothing => false,
        Query::SignInName(name) => upn.is_some_and(|u| u.eq_ignore_ascii_case(name)),
        Query::Text { text, .. } => {
            let name = device.device_name.as_deref().unwrap_or_default();
            fold(name).contains(&fold(text))
                || device
                    .serial_number
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(text))
                || is_person(text, device.user_display_name.as_deref(), upn)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_tells_a_sign_in_address_a_serial_and_a_name_apart() {
        assert_eq!(Query::parse(" a "), Query::Nothing);
        assert_eq!(
            Query::parse("zoe.martin@pindesk-demo.example"),
            Query::SignInName("zoe.martin@pindesk-demo.example".into())
        );
        let text = |t: &str, serial| Query::Text {
            text: t.into(),
            serial,
        };
        assert_eq!(Query::parse("zoe.martin@"), text("zoe.martin@", false));
        assert_eq!(Query::parse("PF3X9K2L"), text("PF3X9K2L", true));
        assert_eq!(Query::parse("pf3x9k2l"), text("pf3x9k2l", true));
        assert_eq!(Query::parse("Zoë’s Lumia"), text("Zoë’s Lumia", false));
        assert_eq!(Query::parse("zoe"), text("zoe", false));
    }

    #[test]
    fn a_lower_case_serial_is_asked_for_as_typed_and_in_capitals() {
        assert_eq!(
            serial_filter("pf3x9k2l").as_str(),
            "(serialNumber eq 'pf3x9k2l') or (serialNumber eq 'PF3X9K2L')"
        );
        assert_eq!(
            serial_filter("PF3X9K2L").as_str(),
            "serialNumber eq 'PF3X9K2L'"
        );
    }

    #[test]
    fn a_result_the_service_should_not_have_sent_is_dropped() {
        let device = ManagedDevice {
            device_name: Some("NW-LT-0117".into()),
            ..ManagedDevice::default()
        };
        let text = |t: &str| Query::Text {
            text: t.into(),
            serial: false,
        };
        assert!(!matches(&text("lumia"), &device));
        assert!(matches(&text("lt-01"), &device));
        let owned = ManagedDevice {
            user_display_name: Some("Zoë Martin".into()),
            ..device
        };
        assert!(matches(&text("zoe"), &owned));
        assert!(!matches(&text("oe"), &owned));
    }
}
