use std::collections::BTreeSet;

use serde_json::Value;
use time::macros::datetime;

use super::devices::V1_PROPERTIES;
use super::*;

fn directory() -> Directory {
    Directory::seed(40, datetime!(2026-11-25 09:00:00 UTC))
}

fn text<'a>(device: &'a ManagedDevice, property: &str) -> &'a str {
    device
        .properties
        .get(property)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

#[test]
fn seed_is_the_same_for_the_same_clock() {
    let a = directory();
    let b = directory();
    let ids = |d: &Directory| {
        d.managed_devices
            .iter()
            .map(|m| m.properties)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(a.managed_devices.len(), 40);
}

#[test]
fn devices_carry_exactly_the_v1_managed_device_properties() {
    let expected: BTreeSet<&str> = V1_PROPERTIES.into_iter().collect();
    for device in directory().managed_devices.iter() {
        let keys: BTreeSet<&str> = device.properties.keys().map(String::as_str).collect();
        assert_eq!(keys, expected, "{}", text(&device, "deviceName"));
    }
}

#[test]
fn device_enum_values_come_from_the_v1_schema() {
    let enrollment = [
        "unknown",
        "userEnrollment",
        "deviceEnrollmentManager",
        "appleBulkWithUser",
        "appleBulkWithoutUser",
        "windowsAzureADJoin",
        "windowsBulkUserless",
        "windowsAutoEnrollment",
        "windowsBulkAzureDomainJoin",
        "windowsCoManagement",
        "windowsAzureADJoinUsingDeviceAuth",
        "appleUserEnrollment",
        "appleUserEnrollmentWithServiceAccount",
        "unknownFutureValue",
    ];
    let state = [
        "managed",
        "retirePending",
        "wipePending",
        "retireIssued",
        "wipeIssued",
    ];
    let compliance = ["unknown", "compliant", "noncompliant", "inGracePeriod"];
    let agent = [
        "mdm",
        "configurationManagerClientMdm",
        "easMdm",
        "googleCloudDevicePolicyController",
    ];
    for device in directory().managed_devices.iter() {
        assert!(enrollment.contains(&text(&device, "deviceEnrollmentType")));
        assert!(state.contains(&text(&device, "managementState")));
        assert!(compliance.contains(&text(&device, "complianceState")));
        assert!(agent.contains(&text(&device, "managementAgent")));
    }
}

#[test]
fn seed_covers_every_case_the_reset_screen_explains() {
    let devices: Vec<ManagedDevice> = directory().managed_devices.iter().collect();
    let names: Vec<&str> = devices.iter().map(|d| text(d, "deviceName")).collect();
    assert!(names.contains(&"O'Brien's phone"));
    assert!(names.contains(&"Zoë’s Lumia"));
    assert!(
        devices
            .iter()
            .any(|d| text(d, "managementState") == "wipePending")
    );
    assert!(
        devices
            .iter()
            .any(|d| text(d, "osVersion").starts_with("6.3."))
    );
    for os in ["iOS", "Android", "macOS"] {
        assert!(
            devices.iter().any(|d| text(d, "operatingSystem") == os),
            "{os}"
        );
    }
    let ids: BTreeSet<&str> = devices.iter().map(|d| d.id()).collect();
    assert_eq!(ids.len(), devices.len(), "device ids are unique");
}

#[test]
fn small_seeds_keep_the_showcase_first() {
    let small = Directory::seed(3, datetime!(2026-11-25 09:00:00 UTC));
    assert_eq!(small.managed_devices.len(), 3);
    let first = small.managed_devices.get(0).ok_or("no first device");
    assert_eq!(
        first.map(|d| text(&d, "deviceName").to_owned()),
        Ok("Zoë’s Lumia".to_owned())
    );
}

#[test]
fn groups_have_members_and_awkward_names() {
    let dir = directory();
    assert!(dir.groups.iter().all(|g| !g.member_ids.is_empty()));
    assert!(
        dir.groups
            .iter()
            .any(|g| g.properties["displayName"] == "O'Brien's team")
    );
    assert_eq!(dir.device_configurations.len(), 1);
    assert_eq!(dir.configuration_assignments.len(), 1);
}

#[test]
fn light_properties_agree_with_the_full_device() {
    let dir = directory();
    for (index, device) in dir.managed_devices.iter().enumerate() {
        let light = dir.managed_devices.light_reader(&|_| true)(index)
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default();
        for name in devices::LIGHT_PROPERTIES {
            assert_eq!(
                light.get(name),
                device.properties.get(name),
                "{index} {name}"
            );
        }
    }
}

#[test]
fn device_names_are_unique_ignoring_case() {
    let dir = Directory::seed(2000, datetime!(2026-11-25 09:00:00 UTC));
    let names: BTreeSet<String> = dir
        .managed_devices
        .iter()
        .map(|d| text(&d, "deviceName").to_lowercase())
        .collect();
    assert_eq!(names.len(), 2000);
}

#[test]
fn a_large_fleet_is_made_on_demand() {
    let dir = Directory::seed(100_000, datetime!(2026-11-25 09:00:00 UTC));
    assert_eq!(dir.managed_devices.len(), 100_000);
    let last = dir.managed_devices.get(99_999).map(|d| d.id().to_owned());
    assert_eq!(
        last.as_deref()
            .and_then(|id| dir.managed_devices.index_of(id)),
        Some(99_999)
    );
    assert!(dir.managed_devices.get(100_000).is_none());
}

#[test]
fn the_search_index_agrees_with_the_full_device() {
    let dir = directory();
    let searched = |name: &str| name == "deviceName" || name == "serialNumber";
    for (index, device) in dir.managed_devices.iter().enumerate() {
        let indexed = dir.managed_devices.light_reader(&searched)(index).unwrap_or_default();
        for name in ["deviceName", "serialNumber"] {
            assert_eq!(
                indexed.get(name),
                device.properties.get(name),
                "{index} {name}"
            );
        }
    }
}
