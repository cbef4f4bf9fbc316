use super::*;

const TENANT: &str = "7d2c1f40-5b8e-4a63-9c1d-2e4f6a8b0c13";

fn profile(
    id: &str,
    uri: &str,
    setting: fn(OmaSettingBase) -> OmaSetting,
) -> Windows10CustomConfiguration {
    Windows10CustomConfiguration {
        id: Some(DeviceConfigurationId::new(id)),
        display_name: Some(format!("profile {id}")),
        oma_settings: Some(vec![setting(OmaSettingBase {
            display_name: Some("x".into()),
            description: None,
            oma_uri: Some(uri.to_owned()),
            ..Default::default()
        })]),
        ..Windows10CustomConfiguration::default()
    }
}

fn yes(setting: OmaSettingBase) -> OmaSetting {
    OmaSetting::Boolean {
        setting,
        value: true,
    }
}

fn no(setting: OmaSettingBase) -> OmaSetting {
    OmaSetting::Boolean {
        setting,
        value: false,
    }
}

fn text(setting: OmaSettingBase) -> OmaSetting {
    OmaSetting::String {
        setting,
        value: "true".into(),
    }
}

#[test]
fn the_oma_uri_carries_the_tenant_id() {
    assert_eq!(
        oma_uri(&TenantId::new(TENANT)),
        format!("./Device/Vendor/MSFT/PassportForWork/{TENANT}/Policies/EnablePinRecovery")
    );
}

#[test]
fn an_existing_profile_is_matched_case_insensitively_and_odd_ones_are_pointed_out() {
    let tenant = TenantId::new(TENANT);
    let upper = oma_uri(&tenant).to_uppercase();
    let profiles = [
        profile("a", &upper, yes),
        profile("b", &oma_uri(&tenant), no),
        profile(
            "c",
            &oma_uri(&TenantId::new("00000000-0000-0000-0000-000000000000")),
            yes,
        ),
        profile("d", &oma_uri(&tenant), text),
        profile(
            "e",
            "./Device/Vendor/MSFT/Policy/Config/Experience/AllowX",
            yes,
        ),
    ];
    let search = sort_profiles(&profiles, &tenant);
    assert_eq!(search.usable.len(), 1);
    assert_eq!(search.usable[0].id.as_str(), "a");
    let kinds: Vec<_> = search.problems.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::ValueFalse,
            ProblemKind::OtherTenant,
            ProblemKind::NotBoolean
        ]
    );
}

#[test]
fn a_mismatch_between_organisation_and_sign_in_refuses_to_go_on() {
    let org = Organization {
        id: Some(TenantId::new(TENANT)),
        ..Organization::default()
    };
    assert!(tenant_id(&org, &TENANT.to_uppercase()).is_ok());
    let error = tenant_id(&org, "11111111-1111-1111-1111-111111111111").unwrap_err();
    assert_eq!(crate::Failure::failure_kind(&error), "tenantMismatch");
}

#[test]
fn the_new_profile_is_a_custom_configuration_with_a_boolean_setting() {
    let body = serde_json::to_value(new_profile(&TenantId::new(TENANT))).unwrap();
    assert_eq!(
        body["@odata.type"],
        "#microsoft.graph.windows10CustomConfiguration"
    );
    assert_eq!(body["displayName"], PROFILE_NAME);
    let setting = &body["omaSettings"][0];
    assert_eq!(setting["@odata.type"], "#microsoft.graph.omaSettingBoolean");
    assert_eq!(setting["value"], true);
    assert_eq!(setting["displayName"], "EnablePinRecovery");
    assert!(setting["omaUri"].as_str().unwrap().contains(TENANT));
}

#[test]
fn an_empty_or_masked_list_answer_is_read_by_id_before_it_is_judged() {
    let uri = format!("./Device/Vendor/MSFT/PassportForWork/{TENANT}/Policies/EnablePinRecovery");
    let mut empty = profile("a", &uri, yes);
    empty.oma_settings = Some(Vec::new());
    assert!(needs_reading(&empty));
    let mut missing = profile("b", &uri, yes);
    missing.oma_settings = None;
    assert!(needs_reading(&missing));
    assert!(!needs_reading(&profile("c", &uri, yes)));
    let masked = |base: OmaSettingBase| OmaSetting::String {
        setting: base,
        value: "****".into(),
    };
    assert!(needs_reading(&profile("d", &uri, masked)));
    let encrypted = |mut base: OmaSettingBase| {
        base.is_encrypted = Some(true);
        OmaSetting::Boolean {
            setting: base,
            value: false,
        }
    };
    assert!(needs_reading(&profile("e", &uri, encrypted)));
    let referenced = |mut base: OmaSettingBase| {
        base.secret_reference_value_id = Some("7c5b7a1e-secret".into());
        OmaSetting::Boolean {
            setting: base,
            value: true,
        }
    };
    assert!(needs_reading(&profile("f", &uri, referenced)));
}
