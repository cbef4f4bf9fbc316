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
    assert_eq!(e.headline, "A new passcode can be generated");
    assert!(e.explanation.contains("Entra joined and managed"));
    assert!(e.warnings.is_empty());
    let later = eligibility_at(&phone("10.0.15254.603"), NOW);
    assert_eq!(later.verdict, Verdict::Resettable);
}

#[test]
fn a_phone_before_creators_update_is_not_possible_and_says_which_build_is_needed() {
    let e = eligibility_at(&phone("10.0.14393.2551"), NOW);
    assert_eq!(e.verdict, Verdict::NotPossible);
    assert_eq!(e.headline, "This phone's Windows is too old");
    assert!(e.explanation.contains("10.0.14393.2551"));
    assert!(e.explanation.contains("Creators Update (10.0.15063)"));
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
    assert_eq!(e.headline, "This phone is not Entra joined");
    assert!(e.explanation.contains("joined to Microsoft Entra ID"));
}

#[test]
fn a_windows_desktop_gets_the_self_service_steps_without_a_command_line() {
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
        assert_eq!(e.headline, "The person can reset their own PIN");
        assert!(e.steps[0].contains("I forgot my PIN"));
        assert!(e.steps[1].contains("MFA"));
        assert!(e.steps[3].contains("Temporary Access Pass"));
        assert!(
            e.steps
                .iter()
                .all(|s| !s.contains("dsregcmd") && !s.contains('`'))
        );
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
    assert_eq!(e.headline, "Windows 8.1 is out of support");
    assert!(e.explanation.contains("October 2022"));
}

#[test]
fn a_wipe_pending_or_retiring_phone_is_warned_about_and_not_reset() {
    for (state, words) in [
        ("wipePending", "wipe is pending"),
        ("retirePending", "retired"),
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
        assert!(e.warnings.iter().any(|w| w.contains(words)), "{state}");
    }
}

#[test]
fn a_device_not_checked_in_for_30_days_or_more_is_warned_about() {
    let mut d = phone("10.0.15063.2108");
    d.last_sync_date_time = Some(NOW - time::Duration::days(214));
    let e = eligibility_at(&d, NOW);
    assert_eq!(e.verdict, Verdict::Resettable);
    assert_eq!(e.warnings.len(), 1);
    assert!(e.warnings[0].contains("not checked in for 214 days"));
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
    for d in cases {
        let e = eligibility_at(&d, NOW);
        assert_eq!(e.verdict, Verdict::Unknown, "{d:?}");
        assert!(e.headline.starts_with("Not eligible"), "{}", e.headline);
        assert!(
            e.explanation.contains("Here is what we saw"),
            "{}",
            e.explanation
        );
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
fn eligibility_serializes_in_camel_case() {
    let json = serde_json::to_value(eligibility_at(&phone("10.0.15063.1"), NOW)).unwrap();
    assert_eq!(json["verdict"], "resettable");
    for key in ["headline", "explanation", "steps", "warnings"] {
        assert!(json.get(key).is_some(), "{key}");
    }
}

#[test]
fn every_rule_names_a_stable_key_with_the_values_its_sentence_uses() {
    let key = |d: &ManagedDevice| eligibility_at(d, NOW).rule;
    assert_eq!(key(&phone("10.0.15063.1")).key, "resettable");
    let old = key(&phone("10.0.14393.2551"));
    assert_eq!(old.key, "mobileTooOld");
    assert_eq!(old.params["version"], "10.0.14393.2551");
    let desktop = device(
        "Windows",
        "10.0.22631.1",
        "Surface",
        "windowsAzureADJoin",
        "managed",
    );
    assert_eq!(key(&desktop).key, "windowsDesktop");
    let ios = key(&device("iOS", "17.6.1", "x", "userEnrollment", "managed"));
    assert_eq!(ios.key, "iosRemove");
    let w81 = device("Windows", "6.3.9600.1", "x", "userEnrollment", "managed");
    assert_eq!(key(&w81).key, "windows81");
    let personal = device(
        "Windows",
        "10.0.15063.1",
        "Lumia 950",
        "userEnrollment",
        "managed",
    );
    assert_eq!(key(&personal).key, "notEntraJoined");
    let wiping = key(&device(
        "Windows",
        "10.0.15063.1",
        "Lumia 950",
        "windowsAzureADJoin",
        "wipePending",
    ));
    assert_eq!(
        (wiping.key, wiping.params["state"].as_str()),
        ("notManaged", "wiping")
    );
    let linux = key(&device(
        "Linux",
        "6.1",
        "ThinkPad",
        "userEnrollment",
        "managed",
    ));
    assert_eq!(linux.key, "unknownDevice");
    assert_eq!(linux.params["os"], "Linux");
    assert_eq!(linux.params["management"], "Managed");
}

#[test]
fn warnings_carry_their_keys_in_the_same_order_with_the_days_since_check_in() {
    let mut d = device(
        "Windows",
        "10.0.15063.1",
        "Lumia 950",
        "windowsAzureADJoin",
        "retirePending",
    );
    d.last_sync_date_time = Some(NOW - time::Duration::days(45));
    let e = eligibility_at(&d, NOW);
    let keys: Vec<_> = e.warning_phrases.iter().map(|p| p.key).collect();
    assert_eq!(keys, ["retiring", "stale"]);
    assert_eq!(e.warning_phrases[1].params["days"], "45");
    assert_eq!(e.warnings.len(), 2);
    d.last_sync_date_time = None;
    let keys: Vec<_> = eligibility_at(&d, NOW)
        .warning_phrases
        .iter()
        .map(|p| p.key)
        .collect();
    assert_eq!(keys, ["retiring", "noCheckIn"]);
    let json = serde_json::to_value(eligibility_at(&d, NOW)).unwrap();
    assert_eq!(json["rule"]["key"], "notManaged");
    assert_eq!(json["warningPhrases"][1]["key"], "noCheckIn");
}
