use super::*;

#[test]
fn not_applicable_is_calm_and_errors_and_conflicts_are_highlighted() {
    let na = line(&DeviceConfigurationDeviceStatus {
        status: Some(ComplianceStatus::NotApplicable),
        ..DeviceConfigurationDeviceStatus::default()
    });
    assert!(!na.needs_attention);
    assert_eq!(na.status, DeviceStatus::NotApplicable);
    let conflict = line(&DeviceConfigurationDeviceStatus {
        status: Some(ComplianceStatus::Conflict),
        ..DeviceConfigurationDeviceStatus::default()
    });
    assert!(conflict.needs_attention);
    assert_eq!(conflict.status, "conflict");
    let error = line(&DeviceConfigurationDeviceStatus {
        status: Some(ComplianceStatus::NonCompliant),
        ..DeviceConfigurationDeviceStatus::default()
    });
    assert_eq!(
        (error.status, error.needs_attention),
        (DeviceStatus::Error, true)
    );
    let unknown = line(&DeviceConfigurationDeviceStatus::default());
    assert_eq!(
        (unknown.status, unknown.needs_attention),
        (DeviceStatus::Pending, false)
    );
}

#[test]
fn a_system_account_row_is_the_device_itself_not_a_person() {
    let system = line(&DeviceConfigurationDeviceStatus {
        device_display_name: Some("DESKTOP-4F2A".into()),
        user_name: Some("System account".into()),
        user_principal_name: Some("System account".into()),
        status: Some(ComplianceStatus::Compliant),
        ..DeviceConfigurationDeviceStatus::default()
    });
    assert!(system.device_context);
    assert_eq!(system.user, None);
    let person = line(&DeviceConfigurationDeviceStatus {
        user_principal_name: Some("adele@contoso.example".into()),
        ..DeviceConfigurationDeviceStatus::default()
    });
    assert!(!person.device_context);
    assert_eq!(person.user.as_deref(), Some("adele@contoso.example"));
}
