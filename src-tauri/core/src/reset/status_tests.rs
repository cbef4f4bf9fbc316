use serde_json::json;
use time::macros::datetime;

use super::*;

fn results(value: serde_json::Value) -> Vec<DeviceActionResult> {
    serde_json::from_value(value).unwrap()
}

fn reset(state: &str, start: &str, passcode: Option<&str>, code: i32) -> serde_json::Value {
    json!({
        "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
        "actionName": "resetPasscode",
        "actionState": state,
        "startDateTime": start,
        "lastUpdatedDateTime": start,
        "passcode": passcode,
        "errorCode": code,
    })
}

#[test]
fn the_newest_reset_since_the_send_is_picked_and_older_ones_and_other_actions_are_ignored() {
    let list = results(json!([
        reset("done", "2026-11-15T09:00:00Z", Some("111111"), 0),
        {"@odata.type": "#microsoft.graph.remoteLockActionResult", "actionName": "remoteLock",
         "actionState": "done", "startDateTime": "2026-11-25T09:30:00Z"},
        reset("pending", "2026-11-25T09:10:00Z", None, 0),
        reset("done", "2026-11-25T09:14:03Z", Some("583920"), 0),
    ]));
    let since = datetime!(2026-11-25 09:00 UTC);
    let latest = latest_since(list, since).unwrap();
    assert_eq!(latest.passcode.unwrap().expose(), "583920");
    let old_only = results(json!([reset("done", "2026-11-15T09:00:00Z", Some("1"), 0)]));
    assert!(latest_since(old_only, since).is_none());
}

#[test]
fn a_done_reset_has_its_passcode_valid_for_seven_days_from_its_start() {
    let id = ManagedDeviceId::new("d1");
    let list = results(json!([reset(
        "done",
        "2026-11-25T09:14:03Z",
        Some("583920"),
        0
    )]));
    let status = status_of(&id, latest_since(list, datetime!(2026-11-25 09:00 UTC)));
    assert_eq!(status.state, ResetState::Done);
    assert_eq!(status.valid_until, Some(datetime!(2026-12-02 09:14:03 UTC)));
    assert!(status.reason.is_none());
    assert!(!format!("{status:?}").contains("583920"));
    let window = status.for_window();
    assert_eq!(window.passcode.as_deref(), Some("583920"));
    assert_eq!(window.valid_until.as_deref(), Some("2026-12-02T09:14:03Z"));
    assert!(!format!("{window:?}").contains("583920"));
}

#[test]
fn the_window_gets_no_passcode_before_the_reset_is_done_and_an_unknown_state_ends_the_watch() {
    let id = ManagedDeviceId::new("d1");
    for (state, shown) in [
        ("pending", "pending"),
        ("active", "active"),
        ("weird", "failed"),
    ] {
        let list = results(json!([reset(
            state,
            "2026-11-25T09:14:03Z",
            Some("583920"),
            0
        )]));
        let status = status_of(&id, latest_since(list, datetime!(2026-11-25 09:00 UTC)));
        let json = serde_json::to_value(status.for_window()).unwrap();
        assert_eq!(json["state"], shown, "{state}");
        assert_eq!(json["passcode"], serde_json::Value::Null, "{state}");
        assert_eq!(json["startedAt"], "2026-11-25T09:14:03Z");
        assert!(json["detail"].as_str().unwrap().contains("device d1"));
    }
}

#[test]
fn failed_not_supported_and_canceled_each_come_with_their_reason() {
    let id = ManagedDeviceId::new("d1");
    for (state, expected, reason) in [
        ("failed", ResetState::Failed, ReasonKey::Failed),
        (
            "notSupported",
            ResetState::NotSupported,
            ReasonKey::NotSupported,
        ),
        ("canceled", ResetState::Canceled, ReasonKey::Canceled),
    ] {
        let list = results(json!([reset(
            state,
            "2026-11-25T09:14:03Z",
            None,
            if state == "failed" { -2_016_281_112 } else { 0 }
        )]));
        let status = status_of(&id, latest_since(list, datetime!(2026-11-25 09:00 UTC)));
        assert_eq!(status.state, expected);
        assert_eq!(status.reason, Some(reason), "{state}");
        let json = serde_json::to_value(status.clone().for_window()).unwrap();
        assert_eq!(json["reasonKey"], state, "the key the window words it by");
        assert!(json.get("reason").is_none(), "no sentence: {json}");
        assert!(status.passcode.is_none() && status.valid_until.is_none());
        assert!(status.admin_center_url.ends_with("/mdmDeviceId/d1"));
        if state == "failed" {
            assert!(status.detail().contains("error code -2016281112"));
            assert!(status.detail().contains("device d1"));
        }
    }
}

#[test]
fn no_reset_since_the_send_reads_as_none() {
    let status = status_of(&ManagedDeviceId::new("d1"), None);
    assert_eq!(status.state, ResetState::None);
    assert!(!status.state.is_final());
}

#[test]
fn the_admin_center_link_points_at_the_device_overview() {
    assert_eq!(
        admin_center_url(&ManagedDeviceId::new("4f1c-9a")),
        "https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/4f1c-9a"
    );
}
