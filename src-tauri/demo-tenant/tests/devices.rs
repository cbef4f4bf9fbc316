//! `deviceManagement/managedDevices` over real HTTP: paging, `$select`, the documented `$filter`
//! operators, reading one device, roles, and a large fleet.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use common::*;
use demo_tenant::{ADMIN, HELPDESK, NO_ROLE, Options};
use reqwest::StatusCode;
use serde_json::Value;

const DEVICES: &str = "v1.0/deviceManagement/managedDevices";

fn keys(item: &Value) -> BTreeSet<String> {
    item.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn names(body: &Value) -> Vec<String> {
    body["value"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|d| text(d, "/deviceName").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn device_lists_page_with_full_next_links_until_every_device_is_seen() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let (status, mut body) = graph_json(
        &tenant,
        &token,
        DEVICES,
        &[("$select", "id,deviceName"), ("$top", "7")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mut seen = Vec::new();
    let mut pages = 1;
    loop {
        for item in body["value"].as_array().ok_or("no value")? {
            assert_eq!(
                keys(item),
                BTreeSet::from(["id".to_owned(), "deviceName".to_owned()])
            );
            seen.push((
                text(item, "/id").to_owned(),
                text(item, "/deviceName").to_owned(),
            ));
        }
        let Some(next) = body["@odata.nextLink"].as_str().map(str::to_owned) else {
            break;
        };
        assert!(next.starts_with(tenant.graph_base().as_str()), "{next}");
        assert!(next.contains("top=7"), "{next}");
        pages += 1;
        let (status, next_body) = graph_json(&tenant, &token, &next, &[]).await?;
        assert_eq!(status, StatusCode::OK, "{next_body}");
        body = next_body;
    }
    assert_eq!(pages, 6, "40 devices at 7 a page");
    assert_eq!(seen, seeded_devices(40));
    Ok(())
}

#[tokio::test]
async fn device_filters_accept_exactly_the_documented_operators() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let accepted = [
        ("deviceName eq 'NW-LT-0117'", Some(1)),
        ("contains(deviceName,'lumia')", None),
        ("serialNumber eq 'NOPE'", Some(0)),
        (
            "operatingSystem eq 'iOS' or operatingSystem eq 'macOS'",
            None,
        ),
        (
            "userPrincipalName eq 'helpdesk@pindesk-demo.example'",
            Some(1),
        ),
        (
            "userPrincipalName ne 'helpdesk@pindesk-demo.example'",
            Some(39),
        ),
        ("contains(osVersion,'10.0.15063')", None),
        ("model eq 'Lumia 950'", None),
        ("contains(model,'Surface')", None),
        ("lastSyncDateTime lt 2000-01-01T00:00:00Z", Some(0)),
        ("lastSyncDateTime gt 2000-01-01T00:00:00Z", Some(40)),
        ("managementState eq 'wipePending'", Some(1)),
    ];
    for (filter, count) in accepted {
        let (status, body) = graph_json(&tenant, &token, DEVICES, &[("$filter", filter)]).await?;
        assert_eq!(status, StatusCode::OK, "{filter}: {body}");
        let found = names(&body);
        match count {
            Some(n) => assert_eq!(found.len(), n, "{filter}: {found:?}"),
            None => assert!(!found.is_empty(), "{filter}"),
        }
    }
    let refused = [
        "startswith(deviceName,'NW')",
        "osVersion eq '10.0.15063.2108'",
        "deviceEnrollmentType eq 'windowsAzureADJoin'",
        "azureADRegistered eq true",
        "userPrincipalName lt 'b'",
        "contains(serialNumber,'A')",
        "lastSyncDateTime eq 2026-01-01T00:00:00Z",
        "deviceName eq 'unterminated",
    ];
    for filter in refused {
        let (status, body) = graph_json(&tenant, &token, DEVICES, &[("$filter", filter)]).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{filter}: {body}");
        assert_eq!(text(&body, "/error/code"), "BadRequest", "{body}");
    }
    Ok(())
}

#[tokio::test]
async fn awkward_device_names_are_each_found_by_exactly_their_escaped_eq_filter() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let awkward = [
        "O'Brien's phone",
        "50% off & more #2/3",
        "Sales #4 / North",
        "R&D 100%",
        "Kenji's phone 📱✨",
        "هاتف مريم",
        "מחשב נייד 7",
        "The \"spare\" Lumia",
        "Zoë’s Lumia",
    ];
    for name in awkward {
        let filter = format!("deviceName eq '{}'", name.replace('\'', "''"));
        let (status, body) = graph_json(
            &tenant,
            &token,
            DEVICES,
            &[("$filter", filter.as_str()), ("$select", "id,deviceName")],
        )
        .await?;
        assert_eq!(status, StatusCode::OK, "{name}: {body}");
        assert_eq!(names(&body), [name], "{name}");
        assert_eq!(text(&body, "/value/0/id"), device_id(name)?);
    }
    Ok(())
}

#[tokio::test]
async fn people_without_an_intune_role_get_intunes_wrapped_401() -> TestResult {
    let tenant = start().await?;
    let id = device_id("NW-LT-0117")?;
    for (person, expected) in [
        (ADMIN, StatusCode::OK),
        (HELPDESK, StatusCode::OK),
        (NO_ROLE, StatusCode::UNAUTHORIZED),
    ] {
        let token = graph_token(&tenant, person).await?;
        for path in [DEVICES.to_owned(), format!("{DEVICES}/{id}")] {
            let (status, body) = graph_json(&tenant, &token, &path, &[]).await?;
            assert_eq!(status, expected, "{person} {path}: {body}");
            if expected == StatusCode::UNAUTHORIZED {
                assert_eq!(text(&body, "/error/code"), "UnknownError");
                let inner: Value = serde_json::from_str(text(&body, "/error/message"))?;
                assert_eq!(text(&inner, "/ErrorCode"), "Forbidden");
                let version3: Value = serde_json::from_str(text(&inner, "/Message"))?;
                assert_eq!(version3["_version"], 3);
            }
        }
    }
    Ok(())
}

#[tokio::test]
async fn one_device_is_read_by_id_with_its_selected_action_results() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let id = device_id("O'Brien's phone")?;
    let (status, body) = graph_json(
        &tenant,
        &token,
        &format!("{DEVICES}/{id}"),
        &[("$select", "id,deviceName,deviceActionResults")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(text(&body, "/id"), id);
    assert!(text(&body, "/@odata.context").ends_with("/$entity"));
    let results = body["deviceActionResults"].as_array().ok_or("no results")?;
    assert!(
        results
            .iter()
            .any(|r| { text(r, "/@odata.type") == "#microsoft.graph.resetPasscodeActionResult" })
    );
    let (status, body) =
        graph_json(&tenant, &token, &format!("{DEVICES}/not-a-device"), &[]).await?;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    Ok(())
}

#[tokio::test]
async fn a_hundred_thousand_devices_start_at_once_and_page_by_a_thousand() -> TestResult {
    let started = Instant::now();
    let tenant = start_with(Options {
        devices: 100_000,
        ..Options::default()
    })
    .await?;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let token = graph_token(&tenant, ADMIN).await?;
    let (status, body) = graph_json(
        &tenant,
        &token,
        DEVICES,
        &[("$select", "id"), ("$top", "5000")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body["value"].as_array().map(Vec::len),
        Some(1000),
        "$top is capped"
    );
    let next = text(&body, "/@odata.nextLink").to_owned();
    let (status, body) = graph_json(&tenant, &token, &next, &[]).await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["value"].as_array().map(Vec::len), Some(1000));
    let filtered = Instant::now();
    let (status, body) = graph_json(
        &tenant,
        &token,
        DEVICES,
        &[("$filter", "deviceName eq 'NW-PHONE-108002'")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(names(&body), ["NW-PHONE-108002"]);
    // Spec-only properties are filtered without building 100 000 devices.
    assert!(
        filtered.elapsed() < Duration::from_secs(5),
        "{:?}",
        filtered.elapsed()
    );
    Ok(())
}

#[tokio::test]
async fn beta_devices_carry_device_type_and_join_type_but_v1_does_not() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let select = [("$select", "id,deviceType,joinType"), ("$top", "1")];
    let path = "beta/deviceManagement/managedDevices";
    let (status, body) = graph_json(&tenant, &token, path, &select).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(text(&body, "/value/0/deviceType"), "windowsPhone");
    assert_eq!(text(&body, "/value/0/joinType"), "azureADJoined");
    let (status, body) = graph_json(&tenant, &token, DEVICES, &select).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    Ok(())
}

#[tokio::test]
async fn serial_numbers_in_any_case_find_their_devices_among_a_hundred_thousand() -> TestResult {
    let tenant = start_with(Options {
        devices: 100_000,
        ..Options::default()
    })
    .await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let select = [("$select", "deviceName,serialNumber"), ("$top", "1000")];
    let (_, first) = graph_json(&tenant, &token, DEVICES, &select).await?;
    let next = text(&first, "/@odata.nextLink").to_owned();
    let (_, second) = graph_json(&tenant, &token, &next, &[]).await?;
    let (a, b) = (&first["value"][3], &second["value"][997]);
    let serial = |device: &Value| text(device, "/serialNumber").to_owned();
    let name = |device: &Value| text(device, "/deviceName").to_owned();
    assert!(!serial(a).is_empty() && !serial(b).is_empty());

    // Answered from the serial number index, as Intune does: later device first, one in
    // lower case.
    let either = format!(
        "serialNumber eq '{}' or serialNumber eq '{}'",
        serial(b),
        serial(a).to_lowercase()
    );
    let (status, body) = graph_json(&tenant, &token, DEVICES, &[("$filter", &either)]).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(names(&body), [name(a), name(b)], "in the tenant's order");

    // The same device when the filter reads the whole fleet.
    let scanned = format!(
        "serialNumber eq '{}' and deviceName eq '{}'",
        serial(b).to_lowercase(),
        name(b)
    );
    let (status, body) = graph_json(&tenant, &token, DEVICES, &[("$filter", &scanned)]).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(names(&body), [name(b)]);
    Ok(())
}
