use super::*;
use crate::graph::ServiceError;

const TID: &str = "3f1c2b4a-9d8e-4f70-a1b2-c3d4e5f60718";

fn query(url: &str) -> String {
    Url::parse(url).unwrap().query().unwrap().to_owned()
}

#[test]
fn public_cloud_links_name_the_signed_in_tenant_and_keep_the_published_query() {
    let links = consent_links(
        &Url::parse("https://login.microsoftonline.com/organizations/v2.0").unwrap(),
        TID,
    );
    assert_eq!(links[0].app.key, "service");
    for (link, app) in links.iter().zip(PIN_RESET_APPS) {
        assert_eq!(
            link.url,
            format!(
                "https://login.microsoftonline.com/{TID}/oauth2/authorize?{}",
                query(app.published_consent_url)
            )
        );
        assert!(!link.url.contains("/common/"));
    }
}

#[test]
fn a_government_cloud_gets_its_own_sign_in_host() {
    let links = consent_links(
        &Url::parse(&format!("https://login.microsoftonline.us/{TID}/v2.0")).unwrap(),
        TID,
    );
    assert!(links[1].url.starts_with(&format!(
        "https://login.microsoftonline.us/{TID}/oauth2/authorize?"
    )));
    assert!(links[1].url.ends_with("&prompt=admin_consent"));
}

#[test]
fn a_tenant_on_this_machine_gets_the_same_query_on_its_own_origin() {
    let links = consent_links(&Url::parse("http://127.0.0.1:4000/tid/v2.0").unwrap(), TID);
    assert!(
        links[0]
            .url
            .starts_with(&format!("http://127.0.0.1:4000/{TID}/oauth2/authorize?"))
    );
    assert_eq!(
        query(&links[1].url),
        query(PIN_RESET_APPS[1].published_consent_url)
    );
}

#[test]
fn without_a_tenant_id_the_links_fall_back_to_the_published_common() {
    let authority = Url::parse("https://login.microsoftonline.com/organizations/v2.0").unwrap();
    for tenant in ["", "organizations", "a/b", "x?y"] {
        let links = consent_links(&authority, tenant);
        assert!(
            links[0]
                .url
                .starts_with("https://login.microsoftonline.com/common/oauth2/authorize?"),
            "{tenant}"
        );
    }
    assert_eq!(consent_tenant_for(Some(TID), "organizations"), TID);
    assert_eq!(consent_tenant_for(None, "contoso.com"), "contoso.com");
}

#[test]
fn an_app_still_absent_after_the_browser_returned_says_consent_went_elsewhere() {
    let absent = |app| {
        let missing = GraphError::from(ServiceError {
            status: 404,
            code: Some("Request_ResourceNotFound".into()),
            ..ServiceError::default()
        });
        check(app, Err(missing))
    };
    let enabled = check(
        &PIN_RESET_APPS[0],
        Ok(ServicePrincipal {
            account_enabled: Some(true),
            ..ServicePrincipal::default()
        }),
    );
    let status = ConsentStatus::from_checks(vec![enabled.clone(), absent(&PIN_RESET_APPS[1])]);
    assert!(
        status.absent_after_accept,
        "an absent app after Accept: likely elsewhere"
    );
    let both = ConsentStatus::from_checks(vec![enabled.clone(), enabled]);
    assert!(both.done);
    assert!(!both.absent_after_accept);
}

#[test]
fn a_disabled_app_says_what_to_do_and_a_missing_one_is_absent() {
    let sp = ServicePrincipal {
        account_enabled: Some(false),
        ..ServicePrincipal::default()
    };
    let disabled = check(&PIN_RESET_APPS[0], Ok(sp));
    assert_eq!(disabled.state, PinResetAppState::Disabled);
    assert_eq!(disabled.sentence.key, AppKey::AppDisabled);
    assert_eq!(
        disabled.sentence.params["name"],
        PIN_RESET_APPS[0].display_name
    );
    let missing = GraphError::from(ServiceError {
        status: 404,
        code: Some("Request_ResourceNotFound".into()),
        ..ServiceError::default()
    });
    assert_eq!(
        check(&PIN_RESET_APPS[1], Err(missing)).state,
        PinResetAppState::Absent
    );
    let refused = GraphError::from(ServiceError {
        status: 403,
        code: Some("Authorization_RequestDenied".into()),
        ..ServiceError::default()
    });
    assert_eq!(
        check(&PIN_RESET_APPS[1], Err(refused)).state,
        PinResetAppState::CannotSee
    );
}
