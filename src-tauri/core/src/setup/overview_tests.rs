//! Every sentence of the overview is a stable key and the values it names: the window says it in
//! the person's language, and no English travels beside it.

use serde_json::json;

use super::*;
use crate::graph::ServiceError;
use crate::graph::models::{DeviceConfigurationId, Windows10CustomConfiguration};
use crate::setup::policy::ProblemKind;

const TENANT: &str = "7d2c1f40-5b8e-4a63-9c1d-2e4f6a8b0c13";

fn refused(status: u16, code: &str) -> GraphError {
    GraphError::from(ServiceError {
        status,
        code: Some(code.into()),
        ..ServiceError::default()
    })
}

fn ok(value: serde_json::Value) -> BatchItem {
    BatchItem::answered(Ok(value))
}

fn key_of(status: &Status) -> (&'static str, Vec<(&'static str, String)>) {
    let params = status
        .sentence
        .params
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    (status.sentence.key.as_str(), params)
}

#[test]
fn the_organisation_line_carries_its_key_and_name() {
    let named = ok(json!({ "value": [{ "id": TENANT, "displayName": "Northwind Demo" }] }));
    let (part, _) = tenant_part(named, TENANT);
    assert_eq!(
        key_of(&part.status),
        ("tenantNamed", vec![("name", "Northwind Demo".to_owned())])
    );

    let (unnamed, _) = tenant_part(ok(json!({ "value": [{ "id": TENANT }] })), TENANT);
    assert_eq!(unnamed.status.sentence.key, "tenantUnnamed");

    let other = ok(json!({ "value": [{ "id": TENANT, "displayName": "Northwind" }] }));
    let (mismatch, _) = tenant_part(other, "another-tenant");
    assert_eq!(mismatch.status.state, ItemState::Failed);
    assert_eq!(
        key_of(&mismatch.status),
        ("error", vec![("kind", "tenantMismatch".to_owned())])
    );

    let hidden = BatchItem::answered(Err(refused(403, "Authorization_RequestDenied")));
    let (hidden, _) = tenant_part(hidden, TENANT);
    assert_eq!(hidden.status.state, ItemState::CannotSee);
    assert_eq!(hidden.status.sentence.key, "cannotSeeTenant");
}

fn app(enabled: Option<bool>) -> BatchItem {
    ok(json!({ "id": "sp-1", "accountEnabled": enabled }))
}

#[test]
fn the_consent_line_and_each_app_carry_their_keys() {
    let done = consent_part(vec![app(Some(true)), app(Some(true))]);
    assert_eq!(done.status.sentence.key, "consentDone");
    for check in &done.apps.apps {
        assert_eq!(check.sentence.key, "appEnabled");
        assert_eq!(check.sentence.params["name"], check.app.display_name);
    }

    let off = consent_part(vec![app(Some(true)), app(Some(false))]);
    assert_eq!(off.status.sentence.key, "consentDisabled");
    assert_eq!(off.apps.apps[1].sentence.key, "appDisabled");
    assert_eq!(
        off.apps.apps[1].sentence.params["name"],
        "Microsoft Pin Reset Client Production"
    );

    let missing = || BatchItem::answered(Err(refused(404, "Request_ResourceNotFound")));
    let absent = consent_part(vec![missing(), missing()]);
    assert_eq!(absent.status.sentence.key, "consentNotDone");
    assert_eq!(absent.apps.apps[0].sentence.key, "appAbsent");

    let denied = || BatchItem::answered(Err(refused(403, "Authorization_RequestDenied")));
    let hidden = consent_part(vec![denied(), denied()]);
    assert_eq!(hidden.status.sentence.key, "consentCannotSee");
    assert_eq!(hidden.apps.apps[0].sentence.key, "error");
    assert_eq!(hidden.apps.apps[0].sentence.params["kind"], "scopeMissing");

    let broken = || BatchItem::answered(Err(refused(500, "InternalServerError")));
    let failed = consent_part(vec![broken(), broken()]);
    assert_eq!(failed.status.sentence.key, "consentFailed");
    assert_eq!(failed.apps.apps[0].sentence.params["kind"], "serviceError");
}

fn usable(id: &str, name: &str) -> ProfileRef {
    ProfileRef {
        id: DeviceConfigurationId::new(id),
        name: name.to_owned(),
        created: None,
    }
}

#[test]
fn the_profile_line_carries_its_key_and_the_profile_name() {
    let tenant = TenantId::new(TENANT);
    let found = Ok(PolicySearch {
        usable: vec![usable("p-1", "Windows Hello PIN recovery")],
        problems: Vec::new(),
        complete: true,
    });
    let part = policy_part(&found, &tenant);
    assert_eq!(
        key_of(&part.status),
        (
            "policyFound",
            vec![("name", "Windows Hello PIN recovery".to_owned())]
        )
    );

    let none = policy_part(&Ok(PolicySearch::default()), &tenant);
    assert_eq!(none.status.sentence.key, "policyMissing");

    let hidden = policy_part(&Err(refused(403, "Forbidden")), &tenant);
    assert_eq!(hidden.status.state, ItemState::CannotSee);
    assert_eq!(hidden.status.sentence.key, "cannotSeeProfiles");
}

#[test]
fn each_part_says_what_it_cannot_see_by_its_own_key() {
    let denied = refused(403, "Authorization_RequestDenied");
    for (part, key) in [
        (Part::Tenant, "cannotSeeTenant"),
        (Part::Profiles, "cannotSeeProfiles"),
        (Part::Assignments, "cannotSeeAssignments"),
        (Part::Deployment, "cannotSeeDeployment"),
    ] {
        let status = Status::from_error(&denied, part);
        assert_eq!(status.sentence.key, key);
    }
    let throttled = Status::from_error(&refused(429, "TooManyRequests"), Part::Deployment);
    assert_eq!(throttled.state, ItemState::Failed);
    assert_eq!(throttled.sentence.params["kind"], "throttled");
}

#[test]
fn a_problem_profile_is_worded_by_its_kind_and_name() {
    let tenant = TenantId::new(TENANT);
    let setting = |uri: &str, value| crate::graph::models::OmaSetting::Boolean {
        setting: crate::graph::models::OmaSettingBase {
            display_name: Some("x".into()),
            description: None,
            oma_uri: Some(uri.to_owned()),
            ..Default::default()
        },
        value,
    };
    let profile = |id: &str, name: &str, uri: &str, value| Windows10CustomConfiguration {
        id: Some(DeviceConfigurationId::new(id)),
        display_name: Some(name.to_owned()),
        oma_settings: Some(vec![setting(uri, value)]),
        ..Windows10CustomConfiguration::default()
    };
    let found = sort_profiles(
        &[
            profile("a", "Old", &oma_uri(&tenant), false),
            profile(
                "b",
                "Copied",
                "./Device/Vendor/MSFT/PassportForWork/other/Policies/EnablePinRecovery",
                true,
            ),
        ],
        &tenant,
    );
    let keys: Vec<_> = found
        .problems
        .iter()
        .map(|p| (p.kind, p.profile.name.clone()))
        .collect();
    assert_eq!(
        keys,
        vec![
            (ProblemKind::ValueFalse, "Old".to_owned()),
            (ProblemKind::OtherTenant, "Copied".to_owned())
        ]
    );
    let json = serde_json::to_value(&found.problems[0]).unwrap();
    assert_eq!(json["kind"], "valueFalse");
    assert_eq!(json["profile"]["name"], "Old");
}

#[test]
fn a_status_goes_to_the_window_as_a_key_and_values_only() {
    let status = Status::new(
        ItemState::Done,
        Sentence::new(
            StatusKey::PolicyFound,
            &[("name", "Pilot \"PIN\" ü".to_owned())],
        ),
    );
    let json = serde_json::to_value(&status).unwrap();
    assert_eq!(
        json,
        json!({
            "state": "done",
            "sentence": { "key": "policyFound", "params": { "name": "Pilot \"PIN\" ü" } },
            "detail": null
        })
    );
}
