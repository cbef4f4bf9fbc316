use serde_json::{Value, json};

use super::*;

#[test]
fn passcode_debug_prints_stars() {
    let passcode = Passcode::new("583920");
    assert_eq!(format!("{passcode:?}"), "***");
    assert_eq!(passcode.expose(), "583920");
    let result: DeviceActionResult = serde_json::from_value(json!({
        "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
        "actionName": "resetPasscode",
        "actionState": "done",
        "startDateTime": "2026-11-25T09:14:03Z",
        "lastUpdatedDateTime": "2026-11-25T09:14:41Z",
        "passcode": "583920",
        "errorCode": 0
    }))
    .unwrap();
    let printed = format!("{result:?} {result:#?}");
    assert!(!printed.contains("583920"), "{printed}");
    let DeviceActionResult::ResetPasscode(reset) = result else {
        panic!("not a reset result")
    };
    assert_eq!(
        reset.passcode.as_ref().map(Passcode::expose),
        Some("583920")
    );
    assert_eq!(reset.error_code, Some(0));
    assert_eq!(reset.result.action_state, Some(ActionState::Done));
    assert_eq!(
        reset.result.start_date_time.map(|t| t.unix_timestamp()),
        Some(1_795_598_043)
    );
}

#[test]
fn unknown_enum_values_and_unknown_properties_are_tolerated() {
    let device: ManagedDevice = serde_json::from_value(json!({
        "id": "d-1",
        "deviceName": "NW-PHONE-0107",
        "operatingSystem": "Windows",
        "osVersion": "10.0.15063.2108",
        "deviceEnrollmentType": "windowsAzureADJoin",
        "managementState": "someStateFrom2030",
        "managementAgent": "brandNewAgent",
        "complianceState": "inGracePeriod",
        "deviceRegistrationState": "registered",
        "azureADRegistered": true,
        "lastSyncDateTime": "2026-11-25T09:14:03.1234567Z",
        "enrolledDateTime": "not a date",
        "aPropertyAddedLater": {"nested": [1, 2, 3]},
        "deviceActionResults": [
            {"@odata.type": "#microsoft.graph.remoteLockActionResult", "actionName": "remoteLock",
             "actionState": "pending", "unlockPin": "1234"},
            {"@odata.type": "#microsoft.graph.someFutureActionResult", "actionState": "paused"},
            {"actionName": "untyped", "actionState": "none"}
        ]
    }))
    .unwrap();
    assert_eq!(device.id, Some(ManagedDeviceId::new("d-1")));
    assert_eq!(
        device.device_enrollment_type,
        Some(DeviceEnrollmentType::WindowsAzureAdJoin)
    );
    assert_eq!(device.management_state, Some(ManagementState::Unknown));
    assert_eq!(device.management_agent, Some(ManagementAgentType::Unknown));
    assert_eq!(
        device.compliance_state,
        Some(ComplianceState::InGracePeriod)
    );
    assert_eq!(device.azure_ad_registered, Some(true));
    assert!(device.last_sync_date_time.is_some());
    assert_eq!(
        device.enrolled_date_time, None,
        "a bad date reads as absent"
    );
    let results = device.device_action_results.unwrap();
    assert!(
        matches!(&results[0], DeviceActionResult::Other { odata_type: Some(t), .. }
        if t == "microsoft.graph.remoteLockActionResult")
    );
    assert_eq!(results[1].result().action_state, Some(ActionState::Unknown));
    assert!(matches!(
        &results[2],
        DeviceActionResult::Other {
            odata_type: None,
            ..
        }
    ));
    assert!(
        !format!("{results:?}").contains("1234"),
        "no other action's secret either"
    );

    let status: DeviceConfigurationDeviceStatus =
        serde_json::from_value(json!({"status": "quarantined", "extra": 1})).unwrap();
    assert_eq!(status.status, Some(ComplianceStatus::Unknown));
    let org: Organization = serde_json::from_value(
        json!({"id": "t", "mobileDeviceManagementAuthority": "newAuthority"}),
    )
    .unwrap();
    assert_eq!(
        org.mobile_device_management_authority,
        Some(MdmAuthority::Unknown)
    );
    assert_eq!(org.id, Some(TenantId::new("t")));
}

#[test]
fn a_selected_subset_reads_with_everything_else_absent() {
    let sp: ServicePrincipal = serde_json::from_value(json!({
        "id": "sp-1", "appId": "b8456c59-1230-44c7-a4a2-99b085333e84", "accountEnabled": true
    }))
    .unwrap();
    assert_eq!(sp.account_enabled, Some(true));
    assert_eq!(sp.display_name, None);
    let group: Group =
        serde_json::from_value(json!({"id": "g", "displayName": "Help desk"})).unwrap();
    assert_eq!(group.id, Some(GroupId::new("g")));
}

#[test]
fn the_custom_profile_serializes_exactly_as_the_reference_shows() {
    let uri = "./Device/Vendor/MSFT/PassportForWork/7d2c/Policies/EnablePinRecovery";
    let profile = DeviceConfiguration::Windows10Custom(Windows10CustomConfiguration {
        display_name: Some("Windows Hello PIN recovery".into()),
        description: Some("...".into()),
        oma_settings: Some(vec![OmaSetting::Boolean {
            setting: OmaSettingBase {
                display_name: Some("EnablePinRecovery".into()),
                description: None,
                oma_uri: Some(uri.into()),
                ..Default::default()
            },
            value: true,
        }]),
        ..Windows10CustomConfiguration::default()
    });
    assert_eq!(
        serde_json::to_value(&profile).unwrap(),
        json!({
            "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
            "displayName": "Windows Hello PIN recovery",
            "description": "...",
            "omaSettings": [{
                "@odata.type": "#microsoft.graph.omaSettingBoolean",
                "displayName": "EnablePinRecovery",
                "omaUri": uri,
                "value": true
            }]
        })
    );
}

#[test]
fn device_configurations_dispatch_on_odata_type() {
    let list: Vec<DeviceConfiguration> = serde_json::from_value(json!([
        {"@odata.type": "#microsoft.graph.windows10CustomConfiguration", "id": "c1",
         "displayName": "PIN", "version": 2, "createdDateTime": "2026-01-01T00:00:00Z",
         "omaSettings": [
            {"@odata.type": "#microsoft.graph.omaSettingBoolean", "displayName": "b",
             "omaUri": "./Device/x", "value": true},
            {"@odata.type": "#microsoft.graph.omaSettingString", "displayName": "s",
             "omaUri": "./Device/y", "value": "text"},
            {"@odata.type": "#microsoft.graph.omaSettingInteger", "displayName": "i",
             "omaUri": "./Device/z", "value": 7},
            {"@odata.type": "#microsoft.graph.omaSettingBase64", "displayName": "f",
             "omaUri": "./Device/w", "value": "AAAA", "fileName": "a.bin"},
            {"@odata.type": "#microsoft.graph.omaSettingBoolean", "displayName": "odd",
             "omaUri": "./Device/v", "value": "true"}
         ]},
        {"@odata.type": "#microsoft.graph.iosGeneralDeviceConfiguration", "id": "c2",
         "displayName": "iOS", "passcodeRequired": true}
    ]))
    .unwrap();
    let DeviceConfiguration::Windows10Custom(custom) = &list[0] else {
        panic!("{list:?}")
    };
    let settings = custom.oma_settings.as_ref().unwrap();
    assert!(matches!(
        &settings[0],
        OmaSetting::Boolean { value: true, .. }
    ));
    assert!(matches!(&settings[1], OmaSetting::String { value, .. } if value == "text"));
    assert!(matches!(&settings[2], OmaSetting::Integer { value: 7, .. }));
    assert!(
        matches!(&settings[3], OmaSetting::Other { odata_type: Some(t), .. }
        if t == "microsoft.graph.omaSettingBase64")
    );
    assert!(
        matches!(&settings[4], OmaSetting::Other { .. }),
        "a boolean that is not a boolean"
    );
    assert_eq!(settings[3].setting().oma_uri.as_deref(), Some("./Device/w"));
    assert_eq!(list[1].id(), Some(&DeviceConfigurationId::new("c2")));
    assert_eq!(list[1].display_name(), Some("iOS"));
    assert!(matches!(&list[1], DeviceConfiguration::Other(o)
        if o.odata_type.as_deref() == Some("microsoft.graph.iosGeneralDeviceConfiguration")));
}

#[test]
fn assignment_targets_round_trip_with_the_properties_pindesk_does_not_know() {
    let read: Vec<DeviceConfigurationAssignment> = serde_json::from_value(json!([
        {"id": "a1", "target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget",
            "groupId": "g1", "deviceAndAppManagementAssignmentFilterId": "f1",
            "deviceAndAppManagementAssignmentFilterType": "include"}},
        {"id": "a2", "target": {"@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget",
            "groupId": "g2"}},
        {"id": "a3", "target": {"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"}},
        {"id": "a4", "target": {"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"}},
        {"id": "a5", "target": {"@odata.type":
            "#microsoft.graph.configurationManagerCollectionAssignmentTarget", "collectionId": "c"}}
    ]))
    .unwrap();
    assert_eq!(
        read[0].target.as_ref().and_then(AssignmentTarget::group_id),
        Some(&GroupId::new("g1"))
    );
    assert!(matches!(
        read[1].target,
        Some(AssignmentTarget::ExclusionGroup { .. })
    ));
    assert!(matches!(
        read[2].target,
        Some(AssignmentTarget::AllDevices { .. })
    ));
    assert!(matches!(
        read[3].target,
        Some(AssignmentTarget::AllLicensedUsers { .. })
    ));
    assert!(matches!(
        read[4].target,
        Some(AssignmentTarget::Other { .. })
    ));
    let written = serde_json::to_value(&read).unwrap();
    assert_eq!(
        written[0]["target"]["deviceAndAppManagementAssignmentFilterId"],
        "f1"
    );
    assert_eq!(written[0]["target"]["groupId"], "g1");
    assert_eq!(written[4]["target"]["collectionId"], "c");
    assert_eq!(
        written[4]["target"]["@odata.type"],
        "#microsoft.graph.configurationManagerCollectionAssignmentTarget"
    );
    let again: Vec<DeviceConfigurationAssignment> = serde_json::from_value(written).unwrap();
    assert_eq!(again, read);

    let new = DeviceConfigurationAssignment {
        id: None,
        target: Some(AssignmentTarget::group(GroupId::new("g9"))),
    };
    assert_eq!(
        serde_json::to_value(json!({"assignments": [new]})).unwrap(),
        json!({"assignments": [{"target": {
            "@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "g9"}}]})
    );
}

#[test]
fn the_deployment_overview_reads_its_counts() {
    let overview: DeviceConfigurationDeviceOverview = serde_json::from_value(json!({
        "id": "o", "pendingCount": 3, "notApplicableCount": 1, "successCount": 10,
        "errorCount": 0, "failedCount": 2, "configurationVersion": 4,
        "lastUpdateDateTime": "2026-11-25T09:14:03Z"
    }))
    .unwrap();
    assert_eq!(
        (
            overview.pending_count,
            overview.success_count,
            overview.failed_count
        ),
        (Some(3), Some(10), Some(2))
    );
    let value: Value = serde_json::to_value(&overview).unwrap();
    assert_eq!(value["lastUpdateDateTime"], "2026-11-25T09:14:03Z");
}

/// `deviceActionResults` as peers' threads show it: the reset's item without `@odata.type`, named
/// only by `actionName` (in the service's case), dates with seven fractional digits and Intune's
/// "never" (`0001-01-01T00:00:00Z`).
#[test]
fn a_reset_result_is_found_by_action_name_and_its_dates_parse() {
    let results: Vec<DeviceActionResult> = serde_json::from_value(json!([
        {
            "actionName": "ResetPasscode",
            "actionState": "pending",
            "startDateTime": "2024-05-02T14:03:11.4627083Z",
            "lastUpdatedDateTime": "0001-01-01T00:00:00Z"
        },
        {
            "@odata.type": "#microsoft.graph.deviceActionResult",
            "actionName": "remoteLock",
            "actionState": "done",
            "startDateTime": "2024-05-01T08:00:00.1234567Z",
            "lastUpdatedDateTime": "2024-05-01T08:00:09.7654321Z"
        }
    ]))
    .unwrap();
    let DeviceActionResult::ResetPasscode(reset) = &results[0] else {
        panic!("the reset was not recognised by its action name")
    };
    assert_eq!(reset.result.action_state, Some(ActionState::Pending));
    let started = reset.result.start_date_time.unwrap();
    assert_eq!(started.nanosecond(), 462_708_300);
    assert!(
        reset
            .result
            .last_updated_date_time
            .is_none_or(|t| t.year() == 1)
    );
    assert!(matches!(results[1], DeviceActionResult::Other { .. }));
}
