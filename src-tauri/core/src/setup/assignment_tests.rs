use super::*;

fn existing(json: Value) -> DeviceConfigurationAssignment {
    serde_json::from_value(json).unwrap()
}

#[test]
fn the_union_keeps_every_existing_target_as_read_and_adds_the_new_one_once() {
    let current = vec![
        existing(json!({"id": "1", "target": {
            "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget",
            "groupId": "g-excluded",
            "deviceAndAppManagementAssignmentFilterId": "f-1"
        }})),
        existing(json!({"id": "2", "target": {
            "@odata.type": "#microsoft.graph.someFutureTarget", "x": 1
        }})),
    ];
    let new = NewTarget::Group {
        group_id: GroupId::new("g-new"),
    };
    let body = union_body(&current, &new);
    let items = body["assignments"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0]["target"]["deviceAndAppManagementAssignmentFilterId"],
        "f-1"
    );
    assert_eq!(
        items[1]["target"]["@odata.type"],
        "#microsoft.graph.someFutureTarget"
    );
    assert_eq!(items[2]["target"]["groupId"], "g-new");

    let again = vec![existing(json!({"target": {
        "@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "G-NEW"
    }}))];
    assert_eq!(
        union_body(&again, &new)["assignments"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_window_names_targets_by_kind() {
    let group: NewTarget =
        serde_json::from_value(json!({"kind": "group", "groupId": "g"})).unwrap();
    assert_eq!(
        group,
        NewTarget::Group {
            group_id: GroupId::new("g")
        }
    );
    let all: NewTarget = serde_json::from_value(json!({"kind": "allDevices"})).unwrap();
    assert_eq!(all, NewTarget::AllDevices);
    assert!(serde_json::from_value::<NewTarget>(json!({"kind": "everyone"})).is_err());
}

#[test]
fn group_kinds_follow_dynamic_membership_microsoft_365_and_security() {
    let dynamic = Group {
        group_types: Some(vec!["DynamicMembership".into()]),
        security_enabled: Some(true),
        ..Group::default()
    };
    assert_eq!(group_kind(&dynamic), GroupKind::DynamicSecurity);
    let m365 = Group {
        group_types: Some(vec!["Unified".into(), "DynamicMembership".into()]),
        ..Group::default()
    };
    assert_eq!(group_kind(&m365), GroupKind::DynamicMicrosoft365);
    assert_eq!(group_kind(&Group::default()), GroupKind::Distribution);
    let json = serde_json::to_value(group_kind(&m365)).unwrap();
    assert_eq!(json, "dynamicMicrosoft365");
}
