use serde_json::{Value, json};
use time::macros::datetime;

use super::*;

const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

fn device(os: &str, version: &str, model: &str, enrollment: &str, state: &str) -> ManagedDevice {
    let value: Value = json!({
        "id": "d1",
        "deviceName": "Test device",
        "operatingSystem": os,
        "osVersion": version,
        "model": model,
        "deviceEnrollmentType": enrollment,
        "managementState": state,
        "lastSyncDateTime": "2026-11-25T08:00:00Z",
    });
    serde_json::from_value(value).unwrap()
}

fn phone(version: &str) -> ManagedDevice {
    device(
        "Windows",
        version,
        "Lumia 950",
        "windowsAzureADJoin",
        "managed",
    )
}

#[test]
fn an_entra_joined_managed_windows_10_mobile_phone_on_creators_update_can_get_a_new_passcode() {
    let e = eligibility_at(&phone("10.0.15063.1868"), NOW);
    assert_eq!(e.verdict, Verdict::Resettable);
    assert_eq!(e.rule, RuleKey::Resettable);
    assert_eq!(e.effect, Some(Effect::NewPasscode));
    assert!(e.warnings.is_empty());
    let later = eligibility_at(&phone("10.0.15254.603"), NOW);
    assert_eq!(later.verdict, Verdict::Resettable);
}

#[test]
fn a_phone_before_creators_update_is_not_possible_and_names_its_version() {
    let e = eligibility_at(&phone("10.0.14393.2551"), NOW);
    assert_eq!(e.verdict, Verdict::NotPossible);
    assert_eq!(e.rule, RuleKey::MobileTooOld);
    assert_eq!(e.values["version"], "10.0.14393.2551");
    assert_eq!(e.effect, None);
}

#[test]
fn a_phone_that_is_not_entra_joined_is_not_possible_and_says_why() {
    let d = device(
        "Windows",
        "10.0.15254.603",
        "HP Elite x3",
        "userEnrollment",
        "managed",
    );
    let e = eligibility_at(&d, NOW);
    assert_eq!(e.verdict, Verdict::NotPossible);
    assert_eq!(e.rule, RuleKey::NotEntraJoined);
}

#[test]
fn a_windows_desktop_is_self_service_whatever_its_build() {
    for version in ["10.0.22631.4460", "10.0.26100.2314", "10.0.15063.2679"] {
        let d = device(
            "Windows",
            version,
            "Surface Pro 4",
            "windowsAzureADJoin",
            "managed",
        );
        let e = eligibility_at(&d, NOW);
        assert_eq!(e.verdict, Verdict::SelfService, "{version}");
        assert_eq!(e.rule, RuleKey::WindowsDesktop);
        assert_eq!(e.effect, None);
    }
}

#[test]
fn windows_8_1_is_out_of_support_since_october_2022() {
    let d = device(
        "Windows",
        "6.3.9600.20778",
        "ThinkCentre M73",
        "userEnrollment",
        "managed",
    );
    let e = eligibility_at(&d, NOW);
    assert_eq!(e.verdict, Verdict::NotPossible);
    assert_eq!(e.rule, RuleKey::Windows81);
}

#[test]
fn a_wipe_pending_or_retiring_phone_is_warned_about_and_not_reset() {
    for (state, warned) in [
        ("wipePending", WarningKey::WipePending),
        ("retirePending", WarningKey::Retiring),
    ] {
        let d = device(
            "Windows",
            "10.0.15063.1868",
            "Lumia 950 XL",
            "windowsAzureADJoin",
            state,
        );
        let e = eligibility_at(&d, NOW);
        assert_eq!(e.verdict, Verdict::NotPossible, "{state}");
        assert!(e.warnings.iter().any(|w| w.key == warned), "{state}");
    }
}

#[test]
fn a_device_not_checked_in_for_30_days_or_more_is_warned_about() {
    let mut d = phone("10.0.15063.2108");
    d.last_sync_date_time = Some(NOW - time::Duration::days(214));
    let e = eligibility_at(&d, NOW);
    assert_eq!(e.verdict, Verdict::Resettable);
    assert_eq!(e.warnings.len(), 1);
    assert_eq!(e.warnings[0].key, WarningKey::Stale);
    assert_eq!(e.warnings[0].values["days"], "214");
    d.last_sync_date_time = Some(NOW - time::Duration::days(29));
    assert!(eligibility_at(&d, NOW).warnings.is_empty());
}

#[test]
fn unknown_values_are_not_eligible_and_show_what_we_saw() {
    let cases = [
        device("Linux", "6.1", "ThinkPad", "userEnrollment", "managed"),
        device(
            "Windows",
            "11.0.1",
            "Lumia 950",
            "windowsAzureADJoin",
            "managed",
        ),
        device(
            "Windows",
            "10.0",
            "Lumia 950",
            "windowsAzureADJoin",
            "managed",
        ),
        device(
            "Windows",
            "10.0.15063.1",
            "Lumia 950",
            "somethingNew",
            "managed",
        ),
        device(
            "Windows",
            "10.0.15063.1",
            "Lumia 950",
            "windowsAzureADJoin",
            "newState",
        ),
    ];
    let rules = [
        RuleKey::UnknownDevice,
        RuleKey::UnknownDevice,
        RuleKey::UnknownVersion,
        RuleKey::UnknownEnrollment,
        RuleKey::UnknownManagement,
    ];
    for (d, rule) in cases.iter().zip(rules) {
        let e = eligibility_at(d, NOW);
        assert_eq!((e.verdict, e.rule), (Verdict::Unknown, rule), "{d:?}");
        let seen: Vec<_> = e.values.keys().copied().collect();
        assert_eq!(seen, ["enrollment", "management", "model", "os", "version"]);
    }
}

#[test]
fn the_phone_or_desktop_decision_follows_the_model_and_the_phone_only_build() {
    assert_eq!(kind_of(&phone("10.0.15063.1")), Kind::WindowsMobile);
    let x3 = device(
        "Windows",
        "10.0.15063.1",
        "HP Elite x3",
        "windowsAzureADJoin",
        "managed",
    );
    assert_eq!(kind_of(&x3), Kind::WindowsMobile);
    let unknown_model = device(
        "Windows",
        "10.0.15254.603",
        "",
        "windowsAzureADJoin",
        "managed",
    );
    assert_eq!(kind_of(&unknown_model), Kind::WindowsMobile);
    let laptop = device(
        "Windows",
        "10.0.15063.2679",
        "Surface Pro 4",
        "windowsAzureADJoin",
        "managed",
    );
    assert_eq!(kind_of(&laptop), Kind::WindowsDesktop);
}

#[test]
fn eligibility_is_sent_as_keys_and_values_without_a_sentence() {
    let json = serde_json::to_value(eligibility_at(&phone("10.0.14393.2551"), NOW)).unwrap();
    assert_eq!(
        json,
        json!({
            "verdict": "notPossible",
            "rule": "mobileTooOld",
            "values": { "version": "10.0.14393.2551" },
            "warnings": [],
            "effect": null,
        })
    );
}

#[test]
fn every_rule_names_a_stable_key_with_the_values_its_sentence_uses() {
    let key = |d: &ManagedDevice| {
        let e = eligibility_at(d, NOW);
        (e.rule, e.values)
    };
    assert_eq!(key(&phone("10.0.15063.1")).0, RuleKey::Resettable);
    let old = key(&phone("10.0.14393.2551"));
    assert_eq!(old.0, RuleKey::MobileTooOld);
    assert_eq!(old.1["version"], "10.0.14393.2551");
    let desktop = device(
        "Windows",
        "10.0.22631.1",
        "Surface",
        "windowsAzureADJoin",
        "managed",
    );
    assert_eq!(key(&desktop).0, RuleKey::WindowsDesktop);
    let ios = key(&device("iOS", "17.6.1", "x", "userEnrollment", "managed"));
    assert_eq!(ios.0, RuleKey::IosRemove);
    let w81 = device("Windows", "6.3.9600.1", "x", "userEnrollment", "managed");
    assert_eq!(key(&w81).0, RuleKey::Windows81);
    let personal = device(
        "Windows",
        "10.0.15063.1",
        "Lumia 950",
        "userEnrollment",
        "managed",
    );
    assert_eq!(key(&personal).0, RuleKey::NotEntraJoined);
    let wiping = key(&device(
        "Windows",
        "10.0.15063.1",
        "Lumia 950",
        "windowsAzureADJoin",
        "wipePending",
    ));
    assert_eq!(
        (wiping.0, wiping.1["state"].as_str()),
        (RuleKey::NotManaged, "wiping")
    );
    let linux = key(&device(
        "Linux",
        "6.1",
        "ThinkPad",
        "userEnrollment",
        "managed",
    ));
    assert_eq!(linux.0, RuleKey::UnknownDevice);
    assert_eq!(linux.1["os"], "Linux");
    assert_eq!(linux.1["management"], "Managed");
}

#[test]
fn warnings_carry_their_keys_in_order_with_the_days_since_check_in() {
    let mut d = device(
        "Windows",
        "10.0.15063.1",
        "Lumia 950",
        "windowsAzureADJoin",
        "retirePending",
    );
    d.last_sync_date_time = Some(NOW - time::Duration::days(45));
    let e = eligibility_at(&d, NOW);
    let keys: Vec<_> = e.warnings.iter().map(|w| w.key).collect();
    assert_eq!(keys, [WarningKey::Retiring, WarningKey::Stale]);
    assert_eq!(e.warnings[1].values["days"], "45");
    d.last_sync_date_time = None;
    let json = serde_json::to_value(eligibility_at(&d, NOW)).unwrap();
    assert_eq!(json["rule"], "notManaged");
    assert_eq!(
        json["warnings"][0],
        json!({ "key": "retiring", "values": {} })
    );
    assert_eq!(json["warnings"][1]["key"], "noCheckIn");
}
