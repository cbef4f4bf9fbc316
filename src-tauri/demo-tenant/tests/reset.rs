//! `resetPasscode` over real HTTP: 204, then the action result moving on the device, by kind of
//! device and by role; the passcode never reaches the request log.

mod common;

use std::time::Duration;

use common::*;
use demo_tenant::{ADMIN, DemoTenant, HELPDESK, NO_ROLE, Options};
use reqwest::StatusCode;
use serde_json::Value;

const DEVICES: &str = "v1.0/deviceManagement/managedDevices";

async fn reset(tenant: &DemoTenant, token: &str, id: &str) -> TestResult<StatusCode> {
    let url = tenant
        .graph_base()
        .join(&format!("{DEVICES}/{id}/resetPasscode"))?;
    Ok(client()?
        .post(url)
        .bearer_auth(token)
        .send()
        .await?
        .status())
}

/// The reset results of a device that started at or after `since` (Graph's whole seconds).
async fn resets(tenant: &DemoTenant, token: &str, id: &str, since: &str) -> TestResult<Vec<Value>> {
    let (status, body) = graph_json(
        tenant,
        token,
        &format!("{DEVICES}/{id}"),
        &[("$select", "id,deviceName,deviceActionResults")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    Ok(body["deviceActionResults"]
        .as_array()
        .ok_or("no results")?
        .iter()
        .filter(|r| text(r, "/@odata.type") == "#microsoft.graph.resetPasscodeActionResult")
        .filter(|r| text(r, "/startDateTime") >= since)
        .cloned()
        .collect())
}

fn graph_now() -> String {
    let now = time::OffsetDateTime::now_utc();
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    now.format(format).unwrap_or_default()
}

/// Devices slower than any test run, so only moving the tenant's clock moves them.
fn slow_devices() -> Options {
    Options {
        pickup_after: Duration::from_secs(600),
        finish_after: Duration::from_secs(600),
        ..Options::default()
    }
}

/// Reads the newest reset as sent, then after moving the tenant's clock on by the devices'
/// pick-up time and then by their finishing time (`pace`); returns every state seen on the way
/// and the last result.
async fn follow(
    tenant: &DemoTenant,
    pace: &Options,
    token: &str,
    id: &str,
    since: &str,
) -> TestResult<(Vec<String>, Value)> {
    let mut seen: Vec<String> = Vec::new();
    let mut last = Value::Null;
    for step in [Duration::ZERO, pace.pickup_after, pace.finish_after] {
        tenant.advance_clock(step);
        let found = resets(tenant, token, id, since).await?;
        assert_eq!(found.len(), 1, "{found:?}");
        let state = text(&found[0], "/actionState").to_owned();
        if seen.last() != Some(&state) {
            seen.push(state);
        }
        last = found[0].clone();
    }
    Ok((seen, last))
}

#[tokio::test]
async fn resetting_an_eligible_phone_goes_pending_active_done_with_a_six_digit_passcode()
-> TestResult {
    let pace = slow_devices();
    let tenant = start_with(pace.clone()).await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let id = device_id("NW-PHONE-0107")?;
    let since = graph_now();
    assert_eq!(reset(&tenant, &token, &id).await?, StatusCode::NO_CONTENT);
    let (seen, result) = follow(&tenant, &pace, &token, &id, &since).await?;
    assert_eq!(seen, ["pending", "active", "done"]);
    let passcode = text(&result, "/passcode");
    assert_eq!(passcode.len(), 6, "{result}");
    assert!(passcode.chars().all(|c| c.is_ascii_digit()));
    assert_eq!(text(&result, "/actionName"), "resetPasscode");
    assert_eq!(result["errorCode"], 0);
    let log: Vec<String> = tenant.requests().iter().map(ToString::to_string).collect();
    assert!(log.iter().all(|line| !line.contains(passcode)), "{log:?}");
    assert!(tenant.issued_secrets().iter().any(|s| s == passcode));
    Ok(())
}

#[tokio::test]
async fn each_platform_ends_its_reset_the_way_intune_documents() -> TestResult {
    // The default pace: sixteen devices at the slow one would outlast the access token.
    let pace = Options::default();
    let tenant = start_with(pace.clone()).await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let since = graph_now();
    // (device, last state, whether a passcode is reported)
    for (name, end, passcode) in [
        ("Liam's iPhone", "done", false),
        ("Zoë’s iPhone", "done", false),
        ("NW-AND-0031", "done", true),
        ("NW-KIOSK-AND-07", "done", true),
        ("NW-GLASS-0002", "done", true),
        ("Søren's headset", "done", true),
        ("NW-SCAN-0012", "done", true),
        ("Priya's Galaxy", "done", true),
        ("Ana's work phone", "done", true),
        ("Inès's Pixel", "notSupported", false),
        ("Kenji's old Galaxy", "notSupported", false),
        ("Ngozi's Moto", "notSupported", false),
        ("NW-LT-1703", "notSupported", false),
        ("NW-PHONE-0042", "failed", false),
        ("Old Lumia 950 XL", "failed", false),
    ] {
        let id = device_id(name)?;
        assert_eq!(reset(&tenant, &token, &id).await?, StatusCode::NO_CONTENT);
        let (seen, result) = follow(&tenant, &pace, &token, &id, &since).await?;
        assert_eq!(
            seen.last().map(String::as_str),
            Some(end),
            "{name}: {seen:?}"
        );
        assert_eq!(result["passcode"].is_string(), passcode, "{name}: {result}");
    }
    Ok(())
}

#[tokio::test]
async fn user_enrollment_iphones_and_macs_are_refused_with_intunes_400_and_nothing_queued()
-> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let since = graph_now();
    for name in ["Mateo's iPhone", "Avery's MacBook Air"] {
        let id = device_id(name)?;
        assert_eq!(
            reset(&tenant, &token, &id).await?,
            StatusCode::BAD_REQUEST,
            "{name}"
        );
        assert!(
            resets(&tenant, &token, &id, &since).await?.is_empty(),
            "{name}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn only_beta_tells_android_enrollments_apart() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    for (name, v1, beta, device_type) in [
        (
            "NW-AND-0031",
            "unknownFutureValue",
            "androidEnterpriseFullyManaged",
            "androidEnterprise",
        ),
        (
            "Ana's work phone",
            "unknownFutureValue",
            "androidEnterpriseCorporateWorkProfile",
            "androidEnterprise",
        ),
        (
            "Priya's Galaxy",
            "userEnrollment",
            "userEnrollment",
            "androidForWork",
        ),
        (
            "NW-SCAN-0012",
            "userEnrollment",
            "userEnrollment",
            "android",
        ),
        (
            "NW-GLASS-0002",
            "unknownFutureValue",
            "androidAOSPUserlessDeviceEnrollment",
            "androidnGMS",
        ),
    ] {
        let id = device_id(name)?;
        let path = format!("{DEVICES}/{id}");
        let (_, one) = graph_json(
            &tenant,
            &token,
            &path,
            &[("$select", "deviceEnrollmentType")],
        )
        .await?;
        assert_eq!(text(&one, "/deviceEnrollmentType"), v1, "{name}");
        let beta_path = path.replacen("v1.0", "beta", 1);
        let select = [("$select", "deviceEnrollmentType,deviceType")];
        let (status, two) = graph_json(&tenant, &token, &beta_path, &select).await?;
        assert_eq!(status, StatusCode::OK, "{two}");
        assert_eq!(text(&two, "/deviceEnrollmentType"), beta, "{name}");
        assert_eq!(text(&two, "/deviceType"), device_type, "{name}");
    }
    Ok(())
}

#[tokio::test]
async fn only_intune_roles_with_the_privileged_scope_may_reset() -> TestResult {
    let tenant = start().await?;
    let id = device_id("Zoë’s Lumia")?;
    let norole = graph_token(&tenant, NO_ROLE).await?;
    assert_eq!(
        reset(&tenant, &norole, &id).await?,
        StatusCode::UNAUTHORIZED
    );
    let read_only = graph_token_with(
        &tenant,
        HELPDESK,
        "openid https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All",
    )
    .await?;
    assert_eq!(
        reset(&tenant, &read_only, &id).await?,
        StatusCode::FORBIDDEN
    );
    let admin = graph_token(&tenant, ADMIN).await?;
    assert_eq!(reset(&tenant, &admin, &id).await?, StatusCode::NO_CONTENT);
    assert_eq!(
        reset(&tenant, &admin, "no-such-device").await?,
        StatusCode::NOT_FOUND
    );
    Ok(())
}
