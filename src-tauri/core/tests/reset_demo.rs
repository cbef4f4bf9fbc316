#![allow(clippy::unwrap_used, clippy::expect_used)] // test set-up may panic freely outside #[test] functions
//! The reset job against the demo tenant: one POST per confirmation, whatever happens around it.

mod common;

use std::time::Duration;

use demo_tenant::{DemoTenant, HELPDESK, Options};
use pindesk_core::audit::{AuditLog, Operator, Outcome, ResetAttempt};
use pindesk_core::graph::models::ManagedDeviceId;
use pindesk_core::graph::{CancellationToken, GraphClient};
use pindesk_core::reset::{
    ResetState, Verdict, follow_reset, more_devices, reset_status, search_devices, start_reset,
};

/// How long each device here takes to pick a reset up, and then to finish it: longer than any
/// test run, so a device moves only when a test moves the tenant's clock.
const DEVICE_STEP: Duration = Duration::from_secs(600);

fn slow_devices() -> Options {
    Options {
        pickup_after: DEVICE_STEP,
        finish_after: DEVICE_STEP,
        ..Options::default()
    }
}

async fn helpdesk(options: Options, name: &str) -> (DemoTenant, GraphClient) {
    let signed_in = common::desk::desk(options, HELPDESK, name).await;
    (signed_in.tenant, signed_in.helpdesk)
}

async fn find(client: &GraphClient, name: &str) -> ManagedDeviceId {
    let found = search_devices(client, name, &CancellationToken::new())
        .await
        .unwrap();
    let device = found
        .devices
        .iter()
        .find(|d| d.name == name)
        .expect("the device is found");
    assert_eq!(device.eligibility.verdict, Verdict::Resettable);
    ManagedDeviceId::new(device.id.clone())
}

fn posts(tenant: &DemoTenant) -> usize {
    let requests = tenant.requests();
    requests
        .iter()
        .filter(|r| r.method == "POST" && r.path_and_query.ends_with("/resetPasscode"))
        .count()
}

#[tokio::test]
async fn a_double_confirmation_sends_one_reset_and_the_passcode_arrives() {
    let (tenant, client) = helpdesk(slow_devices(), "reset-double").await;
    let id = find(&client, "Zoë’s Lumia").await;
    let (first, second) = tokio::join!(start_reset(&client, &id), start_reset(&client, &id));
    let started = first.or(second).unwrap();
    // A third confirmation while the first is still running is followed, not resent.
    let again = start_reset(&client, &id).await.unwrap();
    assert!(again.already_running);
    assert_eq!(posts(&tenant), 1);

    tenant.advance_clock(DEVICE_STEP * 2);
    let status = reset_status(&client, &id, started.started_at)
        .await
        .unwrap();
    assert_eq!(status.state, ResetState::Done);
    let passcode = status.passcode.clone().expect("a passcode");
    assert_eq!(passcode.expose().len(), 6);
    assert_eq!(
        status.valid_until,
        status.started_at.map(|at| at + time::Duration::days(7))
    );
    assert!(!format!("{status:?}").contains(passcode.expose()));
}

#[tokio::test]
async fn with_half_of_requests_failing_one_confirmation_still_sends_at_most_one_reset() {
    let options = Options {
        fault_rate: 0.5,
        ..Options::default()
    };
    let (tenant, client) = helpdesk(options, "reset-faults").await;
    for name in ["O'Brien's phone", "NW-PHONE-0107"] {
        let Ok(id) = tokio::time::timeout(Duration::from_secs(60), find(&client, name)).await
        else {
            panic!("search for {name} did not finish");
        };
        let before = posts(&tenant);
        let _ = start_reset(&client, &id).await;
        let sent = posts(&tenant) - before;
        assert!(
            sent <= 1,
            "{name}: {sent} resetPasscode requests for one confirmation"
        );
    }
}

#[tokio::test]
async fn a_search_of_a_large_fleet_asks_for_one_filtered_page_and_pages_on_request() {
    let options = Options {
        devices: 100_000,
        ..Options::default()
    };
    let (tenant, client) = helpdesk(options, "reset-fleet").await;
    let before = tenant.requests().len();
    let first = search_devices(&client, "NW-PHONE", &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(first.devices.len(), 25);
    let asked: Vec<_> = tenant.requests()[before..]
        .iter()
        .map(|r| r.path_and_query.clone())
        .collect();
    // One filtered page of devices, and the people search asked at the same time (no one is
    // called NW-PHONE, so no person's devices follow).
    assert_eq!(asked.len(), 2, "one request for the first page: {asked:?}");
    assert!(asked[0].contains("$filter=") && asked[0].contains("$top=25"));
    assert!(asked[1].starts_with("/v1.0/users?$search="), "{asked:?}");

    let more = first.more.expect("a 100 000-device fleet has more phones");
    let second = more_devices(&client, "NW-PHONE", &more, &CancellationToken::new())
        .await
        .unwrap();
    assert!(!second.devices.is_empty());
    assert!(second.devices.iter().all(|d| d.name.contains("NW-PHONE")));
    assert!(
        second
            .devices
            .iter()
            .all(|d| first.devices.iter().all(|f| f.id != d.id)),
        "the next page brings new devices"
    );
    assert_eq!(tenant.requests().len(), before + 3);
}

#[tokio::test]
async fn a_next_page_link_to_another_host_is_refused() {
    let (_tenant, client) = helpdesk(Options::default(), "reset-more-host").await;
    let refused = more_devices(
        &client,
        "NW",
        "https://attacker.example/v1.0/deviceManagement/managedDevices",
        &CancellationToken::new(),
    )
    .await;
    assert!(refused.is_err());
}

/// The requests a search sent, by path and query.
async fn asked_for(tenant: &DemoTenant, client: &GraphClient, text: &str) -> Vec<String> {
    let before = tenant.requests().len();
    search_devices(client, text, &CancellationToken::new())
        .await
        .unwrap();
    tenant.requests()[before..]
        .iter()
        .map(|r| r.path_and_query.clone())
        .collect()
}

#[tokio::test]
async fn android_phones_found_cost_one_beta_read_of_two_properties_or_one_batch_for_several() {
    let (tenant, client) = helpdesk(Options::default(), "reset-platforms").await;
    // One phone: the name, the serial number and the people, then its two beta properties.
    let one = asked_for(&tenant, &client, "NW-AND-0031").await;
    assert_eq!(one.len(), 4, "{one:?}");
    assert!(one[..3].iter().all(|a| a.starts_with("/v1.0/")), "{one:?}");
    assert!(
        one[3].starts_with("/beta/deviceManagement/managedDevices/"),
        "{one:?}"
    );
    let select = one[3].split("select=").nth(1).unwrap_or_default();
    assert!(
        select == "deviceType,deviceEnrollmentType"
            || select == "deviceType%2CdeviceEnrollmentType",
        "{one:?}"
    );
    // Priya's Galaxy (work profile) and Kenji's old Galaxy (work profile on 7.1.1): one batch.
    let asked = asked_for(&tenant, &client, "Galaxy").await;
    assert_eq!(
        asked,
        [
            asked[0].clone(),
            asked[1].clone(),
            "/beta/$batch".to_owned()
        ],
        "a device and a people search, and one beta batch"
    );
    assert!(
        asked[..2].iter().all(|a| a.starts_with("/v1.0/")),
        "{asked:?}"
    );
    let iphones = asked_for(&tenant, &client, "iPhone").await;
    assert_eq!(
        iphones.len(),
        2,
        "an iPhone is judged from v1.0 alone: {iphones:?}"
    );
    let mac = asked_for(&tenant, &client, "MacBook").await;
    assert_eq!(mac.len(), 2, "{mac:?}");
}

#[tokio::test]
async fn search_results_say_what_a_reset_does_on_each_platform() {
    let (_tenant, client) = helpdesk(Options::default(), "reset-effects").await;
    let mut seen = Vec::new();
    for text in ["iPhone", "Galaxy", "NW-AND-0031", "Inès", "MacBook", "Moto"] {
        let found = search_devices(&client, text, &CancellationToken::new())
            .await
            .unwrap();
        for device in found.devices {
            seen.push((
                device.name,
                device.eligibility.verdict,
                device.eligibility.effect,
            ));
        }
    }
    let of = |name: &str| {
        seen.iter()
            .find(|(n, ..)| n == name)
            .map(|(_, verdict, effect)| (*verdict, *effect))
            .unwrap_or_else(|| panic!("{name} not found in {seen:?}"))
    };
    use pindesk_core::reset::Effect::*;
    let can = |effect| (Verdict::Resettable, Some(effect));
    assert_eq!(of("Zoë’s iPhone"), can(PasscodeRemoved));
    assert_eq!(of("Mateo's iPhone"), (Verdict::NotPossible, None));
    assert_eq!(of("Priya's Galaxy"), can(WorkProfilePasscode));
    assert_eq!(of("Kenji's old Galaxy"), (Verdict::NotPossible, None));
    assert_eq!(of("NW-AND-0031"), can(NewPasscode));
    assert_eq!(of("Inès's Pixel"), can(WorkProfilePasscode));
    assert_eq!(of("Avery's MacBook Air"), (Verdict::NotPossible, None));
    assert_eq!(of("Ngozi's Moto"), (Verdict::NotPossible, None));
}

#[tokio::test]
async fn an_iphone_reset_ends_done_with_no_passcode_after_one_post() {
    let (tenant, client) = helpdesk(slow_devices(), "reset-iphone").await;
    let id = find(&client, "Zoë’s iPhone").await;
    let started = start_reset(&client, &id).await.unwrap();
    tenant.advance_clock(DEVICE_STEP * 2);
    let status = reset_status(&client, &id, started.started_at)
        .await
        .unwrap();
    assert_eq!(status.state, ResetState::Done);
    assert!(status.passcode.is_none());
    assert_eq!(posts(&tenant), 1);
}

#[tokio::test]
async fn a_followed_reset_writes_its_ending_to_the_audit_log_once_and_never_the_passcode() {
    let (tenant, client) = helpdesk(slow_devices(), "reset-follow").await;
    let dir = common::data_dir("reset-follow-audit");
    let audit = AuditLog::in_dir(&dir);
    let id = find(&client, "Zoë’s Lumia").await;
    let result = start_reset(&client, &id).await;
    let operator = Operator {
        username: HELPDESK.to_owned(),
        tenant_id: "demo".to_owned(),
        tenant_name: None,
    };
    let attempt = ResetAttempt::of_start(&operator, &id, None, None, &result).unwrap();
    audit.record_attempt(&attempt).unwrap();
    let since = result.unwrap().started_at;
    // Followed as sent, once picked up, and once finished.
    let mut window = follow_reset(&client, &audit, &id, since).await.unwrap();
    for _ in 0..2 {
        assert!(!window.state.is_final());
        assert!(
            window.passcode.is_none(),
            "no passcode before the reset is done"
        );
        tenant.advance_clock(DEVICE_STEP);
        window = follow_reset(&client, &audit, &id, since).await.unwrap();
    }
    assert!(window.state.is_final());
    let passcode = window
        .passcode
        .clone()
        .expect("the reset ends with a passcode");
    // Read again after the end: the log already has its outcome.
    follow_reset(&client, &audit, &id, since).await.unwrap();
    let rows = audit.rows().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].outcome, Outcome::PasscodeIssued);
    let written = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect::<String>();
    assert_eq!(written.matches("passcodeIssued").count(), 1, "{written}");
    assert!(!written.contains(&passcode));
}
