//! Every sentence of the overview carries its stable key (and the values it names), so the
//! window can say it in the person's language; the English message stays as the fallback.

use serde_json::json;

use super::*;
use crate::graph::ServiceError;
use crate::graph::models::{DeviceConfigurationId, Windows10CustomConfiguration};

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
        .phrase
        .params
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    (status.phrase.key, params)
}

#[test]
fn the_organisation_line_carries_its_key_and_name() {
    let named = ok(json!({ "value": [{ "id": TENANT, "displayName": "Northwind Demo" }] }));
    let (part, _) = tenant_part(named, TENANT);
    assert_eq!(part.status.message, "Organisation: Northwind Demo.");
    assert_eq!(
        key_of(&part.status),
        ("tenantNamed", vec![("name", "Northwind Demo".to_owned())])
    );

    let (unnamed, _) = tenant_part(ok(json!({ "value": [{ "id": TENANT }] })), TENANT);
    assert_eq!(unnamed.status.phrase.key, "tenantUnnamed");

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
    assert_eq!(hidden.status.phrase.key, "cannotSeeTenant");
}

fn app(enabled: Option<bool>) -> BatchItem {
    ok(json!({ "id": "sp-1", "accountEnabled": enabled }))
}

#[test]
fn the_consent_line_and_each_app_carry_their_keys() {
    let done = consent_part(vec![app(Some(true)), app(Some(true))]);
    assert_eq!(done.status.phrase.key, "consentDone");
    for check in &done.apps.apps {
        assert_eq!(check.phrase.key, "appEnabled");
        assert_eq!(check.phrase.params["name"], check.app.display_name);
    }

    let off = consent_part(vec![app(Some(true)), app(Some(false))]);
    assert_eq!(off.status.phrase.key, "consentDisabled");
    assert_eq!(off.apps.apps[1].phrase.key, "appDisabled");
    assert_eq!(
        off.apps.apps[1].phrase.params["name"],
        "Microsoft Pin Reset Client Production"
    );

    let missing = || BatchItem::answered(Err(refused(404, "Request_ResourceNotFound")));
    let absent = consent_part(vec![missing(), missing()]);
    assert_eq!(absent.status.phrase.key, "consentNotDone");
    assert_eq!(absent.apps.apps[0].phrase.key, "appAbsent");

    let denied = || BatchItem::answered(Err(refused(403, "Authorization_RequestDenied")));
    let hidden = consent_part(vec![denied(), denied()]);
    assert_eq!(hidden.status.phrase.key, "consentCannotSee");
    assert_eq!(hidden.apps.apps[0].phrase.key, "error");
    assert_eq!(hidden.apps.apps[0].phrase.params["kind"], "scopeMissing");

    let broken = || BatchItem::answered(Err(refused(500, "InternalServerError")));
    let failed = consent_part(vec![broken(), broken()]);
    assert_eq!(failed.status.phrase.key, "consentFailed");
    assert_eq!(failed.apps.apps[0].phrase.params["kind"], "serviceError");
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
    assert!(part.status.message.contains("Windows Hello PIN recovery"));

    let none = policy_part(&Ok(PolicySearch::default()), &tenant);
    assert_eq!(none.status.phrase.key, "policyMissing");

    let hidden = policy_part(&Err(refused(403, "Forbidden")), &tenant);
    assert_eq!(hidden.status.state, ItemState::CannotSee);
    assert_eq!(hidden.status.phrase.key, "cannotSeeProfiles");
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
        assert_eq!(status.phrase.key, key);
        assert!(status.message.starts_with("You can't see "));
    }
    let throttled = Status::from_error(&refused(429, "TooManyRequests"), Part::Deployment);
    assert_eq!(throttled.state, ItemState::Failed);
    assert_eq!(throttled.phrase.params["kind"], "throttled");
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
        .map(|p| (p.phrase.key, p.phrase.params["name"].clone()))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("valueFalse", "Old".to_owned()),
            ("otherTenant", "Copied".to_owned())
        ]
    );
    let json = serde_json::to_value(&found.problems[0]).unwrap();
    assert_eq!(json["phrase"]["key"], "valueFalse");
    assert_eq!(json["phrase"]["params"]["name"], "Old");
}

#[test]
fn a_status_goes_to_the_window_with_its_phrase() {
    let status = Status::new(
        ItemState::Done,
        Phrase::new("assignedTo", &[("names", "Pilot".to_owned())]),
        "Assigned to Pilot.",
    );
    let json = serde_json::to_value(&status).unwrap();
    assert_eq!(json["phrase"]["key"], "assignedTo");
    assert_eq!(json["phrase"]["params"]["names"], "Pilot");
    assert_eq!(json["message"], "Assigned to Pilot.");
}
