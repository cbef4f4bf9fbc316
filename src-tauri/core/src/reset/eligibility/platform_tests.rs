//! Every row of Microsoft's two passcode-reset tables (device level and work profile), and the
//! combinations the rules do not recognise.

use serde_json::{Value, json};
use time::macros::datetime;

use super::*;

const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

/// A device as v1.0 plus, for Android, the beta facts `lookup` adds (`deviceType` "" = not read).
fn device(os: &str, version: &str, enrollment: &str, device_type: &str) -> ManagedDevice {
    let mut value: Value = json!({
        "id": "d1",
        "deviceName": "Test device",
        "operatingSystem": os,
        "osVersion": version,
        "model": "x",
        "deviceEnrollmentType": enrollment,
        "managementState": "managed",
        "lastSyncDateTime": "2026-11-25T08:00:00Z",
    });
    if !device_type.is_empty() {
        value["deviceType"] = json!(device_type);
    }
    serde_json::from_value(value).unwrap()
}

fn judge(os: &str, version: &str, enrollment: &str, device_type: &str) -> Eligibility {
    eligibility_at(&device(os, version, enrollment, device_type), NOW)
}

#[test]
fn an_iphone_or_ipad_enrolled_as_a_device_has_its_passcode_removed_not_replaced() {
    for (os, enrollment) in [
        ("iOS", "userEnrollment"),
        ("iOS", "appleBulkWithUser"),
        ("iOS", "appleBulkWithoutUser"),
        ("iPadOS", "deviceEnrollmentManager"),
    ] {
        let e = judge(os, "17.6.1", enrollment, "");
        assert_eq!(e.verdict, Verdict::Resettable, "{os} {enrollment}");
        assert_eq!(e.effect, Some(Effect::PasscodeRemoved));
        assert_eq!(e.rule, "iosRemove");
    }
}

#[test]
fn an_iphone_with_user_enrollment_cannot_be_touched_and_says_the_person_resets_it() {
    for enrollment in [
        "appleUserEnrollment",
        "appleUserEnrollmentWithServiceAccount",
        "appleAccountDrivenUserEnrollment",
    ] {
        let e = judge("iOS", "18.1", enrollment, "");
        assert_eq!(e.verdict, Verdict::NotPossible, "{enrollment}");
        assert_eq!(e.rule, "iosUserEnrollment");
        assert_eq!(e.effect, None);
    }
}

#[test]
fn a_mac_is_not_possible_and_says_how_the_person_resets_it() {
    let e = judge("macOS", "14.7.1", "appleBulkWithUser", "");
    assert_eq!(e.verdict, Verdict::NotPossible);
    assert_eq!(e.rule, "macos");
}

#[test]
fn an_iphone_whose_enrollment_is_unknown_is_not_guessed() {
    for enrollment in ["unknown", "unknownFutureValue", "somethingNew"] {
        let e = judge("iOS", "18.1", enrollment, "");
        assert_eq!(e.verdict, Verdict::Unknown, "{enrollment}");
        assert_eq!(e.rule, "unknownEnrollment");
        assert_eq!(e.values["os"], "iOS");
    }
}

#[test]
fn fully_managed_dedicated_and_aosp_android_get_a_new_device_passcode() {
    for (enrollment, key) in [
        ("androidEnterpriseFullyManaged", "androidDeviceOwner"),
        ("androidEnterpriseDedicatedDevice", "androidDeviceOwner"),
        ("androidAOSPUserOwnedDeviceEnrollment", "aosp"),
        ("androidAOSPUserlessDeviceEnrollment", "aosp"),
    ] {
        let e = judge("Android", "14", enrollment, "androidEnterprise");
        assert_eq!(e.verdict, Verdict::Resettable, "{enrollment}");
        assert_eq!(e.effect, Some(Effect::NewPasscode));
        assert_eq!(e.rule, key);
    }
    let dedicated = judge(
        "Android",
        "13",
        "androidEnterpriseDedicatedDevice",
        "androidEnterprise",
    );
    assert_eq!(
        dedicated.values.get("mode").map(String::as_str),
        Some("dedicated")
    );
}

#[test]
fn a_work_profile_on_android_8_or_later_gets_a_temporary_work_profile_passcode() {
    for (enrollment, device_type, owner) in [
        ("userEnrollment", "androidForWork", "personal"),
        (
            "androidEnterpriseCorporateWorkProfile",
            "androidEnterprise",
            "company",
        ),
    ] {
        for version in ["8.0", "14"] {
            let e = judge("Android", version, enrollment, device_type);
            assert_eq!(e.verdict, Verdict::Resettable, "{enrollment} {version}");
            assert_eq!(e.effect, Some(Effect::WorkProfilePasscode));
            assert_eq!(e.values.get("owner").map(String::as_str), Some(owner));
            assert_eq!(e.rule, RuleKey::WorkProfile);
        }
    }
}

#[test]
fn a_work_profile_on_android_7_or_earlier_is_not_possible() {
    let e = judge("Android", "7.1.1", "userEnrollment", "androidForWork");
    assert_eq!(e.verdict, Verdict::NotPossible);
    assert_eq!(e.rule, "workProfileTooOld");
    assert_eq!(e.values["version"], "7");
}

#[test]
fn device_administrator_android_6_or_earlier_gets_a_new_passcode_and_7_or_later_does_not() {
    for version in ["5.1", "6.0.1"] {
        let e = judge("Android", version, "userEnrollment", "android");
        assert_eq!(e.verdict, Verdict::Resettable, "{version}");
        assert_eq!(e.effect, Some(Effect::NewPasscode));
        assert_eq!(e.rule, "androidAdmin");
    }
    for version in ["7.0", "10", "14"] {
        let e = judge("Android", version, "userEnrollment", "android");
        assert_eq!(e.verdict, Verdict::NotPossible, "{version}");
        assert_eq!(e.rule, "androidAdminTooNew");
        assert_eq!(e.values["version"], version.split('.').next().unwrap());
    }
}

#[test]
fn an_android_phone_whose_beta_facts_were_not_read_or_are_unknown_is_not_guessed() {
    let unread = judge("Android", "14", "userEnrollment", "");
    assert_eq!(unread.verdict, Verdict::Unknown);
    assert_eq!(unread.rule, "androidUnchecked");
    for (enrollment, device_type) in [
        ("userEnrollment", "androidnGMS"),
        ("unknownFutureValue", "androidEnterprise"),
        ("unknown", "chromeOS"),
    ] {
        let e = judge("Android", "14", enrollment, device_type);
        assert_eq!(e.verdict, Verdict::Unknown, "{enrollment} {device_type}");
        assert_eq!(e.rule, "unknownAndroid");
        assert_eq!(e.values["version"], "14");
    }
    let no_version = judge("Android", "", "userEnrollment", "android");
    assert_eq!(no_version.rule, "unknownVersion");
}

#[test]
fn a_resettable_phone_that_is_being_wiped_is_not_reset_whatever_the_platform() {
    let mut d = device("iOS", "17.6.1", "appleBulkWithUser", "");
    d.management_state = Some(ManagementState::WipePending);
    assert_eq!(eligibility_at(&d, NOW).rule, "notManaged");
    let mut a = device(
        "Android",
        "14",
        "androidEnterpriseFullyManaged",
        "androidEnterprise",
    );
    a.management_state = Some(ManagementState::RetirePending);
    assert_eq!(eligibility_at(&a, NOW).verdict, Verdict::NotPossible);
}

#[test]
fn windows_rows_keep_their_rules_and_only_windows_10_mobile_gets_a_new_passcode() {
    let phone = device("Windows", "10.0.15254.603", "windowsAzureADJoin", "");
    assert_eq!(
        eligibility_at(&phone, NOW).effect,
        Some(Effect::NewPasscode)
    );
    let desktop = device("Windows", "10.0.26100.2314", "windowsAzureADJoin", "");
    let e = eligibility_at(&desktop, NOW);
    assert_eq!((e.verdict, e.effect), (Verdict::SelfService, None));
}
