#![allow(clippy::unwrap_used, clippy::expect_used)] // test set-up may panic freely outside #[test] functions
//! The helpdesk's search box against the demo tenant: what each kind of text finds, and exactly
//! which requests it costs.

mod common;

use demo_tenant::{DemoTenant, HELPDESK, Options};
use pindesk_core::graph::{CancellationToken, GraphClient};
use pindesk_core::reset::{SearchResults, search_devices};

async fn helpdesk(name: &str) -> (DemoTenant, GraphClient) {
    helpdesk_with(name, Options::default()).await
}

async fn helpdesk_with(name: &str, options: Options) -> (DemoTenant, GraphClient) {
    let signed_in = common::desk::desk(options, HELPDESK, name).await;
    (signed_in.tenant, signed_in.helpdesk)
}

/// The results of a search, and the requests it sent (path and query, decoded).
async fn search(
    tenant: &DemoTenant,
    client: &GraphClient,
    text: &str,
) -> (SearchResults, Vec<String>) {
    let before = tenant.requests().len();
    let found = search_devices(client, text, &CancellationToken::new())
        .await
        .unwrap();
    let asked = tenant.requests()[before..]
        .iter()
        .map(|r| {
            url::form_urlencoded::parse(r.path_and_query.as_bytes())
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&")
        })
        .collect();
    (found, asked)
}

fn names(found: &SearchResults) -> Vec<&str> {
    found.devices.iter().map(|d| d.name.as_str()).collect()
}

#[tokio::test]
async fn a_first_name_in_other_case_and_without_accents_lists_all_that_persons_devices() {
    let (tenant, client) = helpdesk("search-person").await;
    let (found, asked) = search(&tenant, &client, "ZOE").await;
    let names = names(&found);
    assert!(names.contains(&"Zoë’s Lumia"), "{names:?}");
    assert!(names.contains(&"Zoë’s iPhone"), "{names:?}");
    for device in &found.devices {
        assert_eq!(device.user.as_deref(), Some("Zoë Martin"), "{device:?}");
        assert_eq!(
            device.sign_in.as_deref(),
            Some("zoe.martin@pindesk-demo.example")
        );
        assert!(device.serial.is_some());
    }
    // Device names containing the text and people whose name starts with it, asked at once;
    // then the one person's devices. Zoë has no Android phone, so nothing else.
    assert_eq!(asked.len(), 3, "{asked:#?}");
    assert!(
        asked[..2]
            .iter()
            .any(|a| a.contains("contains(deviceName,'ZOE')")),
        "{asked:#?}"
    );
    assert!(
        asked[..2]
            .iter()
            .any(|a| a.starts_with("/v1.0/users?") && a.contains("\"displayName:ZOE\"")),
        "{asked:#?}"
    );
    assert!(
        asked[2].starts_with("/v1.0/users/") && asked[2].contains("/managedDevices?"),
        "{asked:#?}"
    );
}

#[tokio::test]
async fn a_surname_and_the_start_of_a_sign_in_address_find_the_same_person() {
    let (tenant, client) = helpdesk("search-surname").await;
    let (by_surname, _) = search(&tenant, &client, "martin").await;
    let (by_address, _) = search(&tenant, &client, "zoe.martin").await;
    assert!(!by_surname.devices.is_empty());
    assert_eq!(names(&by_surname), names(&by_address));
}

#[tokio::test]
async fn a_whole_sign_in_address_costs_one_request() {
    let (tenant, client) = helpdesk("search-address").await;
    let (found, asked) = search(&tenant, &client, "zoe.martin@pindesk-demo.example").await;
    assert!(names(&found).contains(&"Zoë’s iPhone"));
    assert_eq!(asked.len(), 1, "{asked:#?}");
    assert!(asked[0].contains("userPrincipalName eq 'zoe.martin@pindesk-demo.example'"));
}

#[tokio::test]
async fn a_lower_case_serial_finds_its_one_device_in_one_round_trip() {
    let (tenant, client) = helpdesk("search-serial").await;
    let (lumia, _) = search(&tenant, &client, "Zoë’s Lumia").await;
    let serial = lumia.devices[0].serial.clone().unwrap();
    let (found, asked) = search(&tenant, &client, &serial.to_lowercase()).await;
    assert_eq!(names(&found), ["Zoë’s Lumia"]);
    // Name, serial and people asked at once; no person matches a serial.
    assert_eq!(asked.len(), 3, "{asked:#?}");
    let lower = serial.to_lowercase();
    assert!(
        asked.iter().any(|a| a.contains(&format!(
            "(serialNumber eq '{lower}') or (serialNumber eq '{serial}')"
        ))),
        "{asked:#?}"
    );
}

#[tokio::test]
async fn a_device_with_no_person_says_so_and_nothing_found_is_empty() {
    let (tenant, client) = helpdesk("search-nobody").await;
    let (found, asked) = search(&tenant, &client, "kiosk").await;
    let kiosk = found
        .devices
        .iter()
        .find(|d| d.name == "NW-KIOSK-81")
        .expect("the kiosk is found");
    assert_eq!(kiosk.user, None);
    assert_eq!(kiosk.sign_in, None);
    // A name and the people (no serial number has no digit), then one beta read for the
    // Android kiosk among the results.
    assert_eq!(asked.len(), 3, "{asked:#?}");
    assert!(asked[2].starts_with("/beta/"), "{asked:#?}");
    let (nothing, asked) = search(&tenant, &client, "Quentin").await;
    assert!(nothing.devices.is_empty());
    assert_eq!(asked.len(), 2, "{asked:#?}");
}

#[tokio::test]
async fn a_page_of_android_phones_costs_two_beta_batches_not_a_read_for_each() {
    let options = Options {
        devices: 2_000,
        ..Options::default()
    };
    let (tenant, client) = helpdesk_with("search-android-page", options).await;
    let (found, asked) = search(&tenant, &client, "NW-AND-").await;
    assert_eq!(found.devices.len(), 25, "a whole page: {:?}", names(&found));
    assert!(found.more.is_some(), "the fleet has more than a page");
    // Judged from the batched beta facts exactly as one phone read on its own is.
    let (one, _) = search(&tenant, &client, "NW-AND-0031").await;
    let judged =
        |d: &pindesk_core::reset::DeviceSummary| (d.eligibility.verdict, d.eligibility.effect);
    assert!(
        found
            .devices
            .iter()
            .all(|d| judged(d) == judged(&one.devices[0])),
        "every fully managed phone is judged alike"
    );
    // The name and the people (no digit, so no serial number); then 20 + 5 phones' facts in
    // two batches.
    assert_eq!(asked.len(), 4, "{asked:#?}");
    assert!(
        asked[2..].iter().all(|a| a.starts_with("/beta/$batch")),
        "{asked:#?}"
    );
}
