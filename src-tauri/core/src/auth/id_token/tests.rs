use serde_json::{Value, json};
use url::Url;

use super::*;

const CLIENT: &str = "client-1";
const TID: &str = "11111111-2222-3333-4444-555555555555";
const NOW: u64 = 1_800_000_000;

fn discovery(issuer: &str) -> Discovery {
    Discovery {
        issuer: issuer.to_owned(),
        authorization_endpoint: Url::parse("https://login.example/authorize").unwrap(),
        token_endpoint: Url::parse("https://login.example/token").unwrap(),
        end_session_endpoint: None,
    }
}

fn multi_tenant() -> Discovery {
    discovery("https://login.example/{tenantid}/v2.0")
}

fn claims() -> Value {
    json!({
        "iss": format!("https://login.example/{TID}/v2.0"),
        "aud": CLIENT,
        "exp": NOW + 3600,
        "iat": NOW,
        "nonce": "n-1",
        "tid": TID,
        "oid": "oid-1",
        "sub": "sub-1",
        "preferred_username": "helpdesk@contoso.example",
        "name": "Help Desk",
    })
}

fn jwt(claims: &Value) -> String {
    let part = |v: &Value| URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap());
    format!(
        "{}.{}.sig",
        part(&json!({"alg": "HS256", "typ": "JWT"})),
        part(claims)
    )
}

fn check(
    claims: &Value,
    discovery: &Discovery,
    nonce: Option<&str>,
) -> Result<IdClaims, CoreError> {
    let expected = ExpectedIdToken {
        discovery,
        client_id: CLIENT,
        nonce,
        tenant_id: None,
        now: UNIX_EPOCH + Duration::from_secs(NOW),
    };
    validate_id_token(&jwt(claims), &expected)
}

fn rejection(result: Result<IdClaims, CoreError>) -> String {
    match result {
        Err(CoreError::SignInRejected(reason)) => reason,
        other => panic!("expected a rejection, got {other:?}"),
    }
}

#[test]
fn a_valid_token_from_a_multi_tenant_authority_gives_the_account() {
    let claims = check(&claims(), &multi_tenant(), Some("n-1")).unwrap();
    let account = claims.account();
    assert_eq!(account.id, format!("oid-1.{TID}"));
    assert_eq!(account.username, "helpdesk@contoso.example");
    assert_eq!(account.display_name, "Help Desk");
    assert_eq!(account.tenant_id, TID);
}

#[test]
fn a_wrong_nonce_is_rejected() {
    let reason = rejection(check(&claims(), &multi_tenant(), Some("other")));
    assert!(reason.contains("nonce"), "{reason}");
    let mut no_nonce = claims();
    no_nonce.as_object_mut().unwrap().remove("nonce");
    rejection(check(&no_nonce, &multi_tenant(), Some("n-1")));
}

#[test]
fn a_refreshed_token_without_a_nonce_is_accepted() {
    let mut no_nonce = claims();
    no_nonce.as_object_mut().unwrap().remove("nonce");
    check(&no_nonce, &multi_tenant(), None).unwrap();
}

#[test]
fn a_wrong_audience_is_rejected() {
    let mut other = claims();
    other["aud"] = json!("someone-else");
    assert!(rejection(check(&other, &multi_tenant(), Some("n-1"))).contains("not for this app"));
}

#[test]
fn several_audiences_need_this_app_as_authorized_party() {
    let mut many = claims();
    many["aud"] = json!([CLIENT, "api-2"]);
    rejection(check(&many, &multi_tenant(), Some("n-1")));
    many["azp"] = json!(CLIENT);
    check(&many, &multi_tenant(), Some("n-1")).unwrap();
}

#[test]
fn a_wrong_issuer_is_rejected() {
    let mut other = claims();
    other["iss"] = json!("https://evil.example/{TID}/v2.0");
    assert!(rejection(check(&other, &multi_tenant(), Some("n-1"))).contains("issuer"));
}

#[test]
fn a_single_tenant_authority_refuses_a_token_of_another_tenant() {
    let single = discovery(&format!("https://login.example/{TID}/v2.0"));
    check(&claims(), &single, Some("n-1")).unwrap();
    let mut other = claims();
    other["tid"] = json!("99999999-2222-3333-4444-555555555555");
    other["iss"] = json!("https://login.example/99999999-2222-3333-4444-555555555555/v2.0");
    rejection(check(&other, &single, Some("n-1")));
}

#[test]
fn the_placeholder_issuer_is_not_accepted_literally() {
    let mut literal = claims();
    literal["iss"] = json!("https://login.example/{tenantid}/v2.0");
    rejection(check(&literal, &multi_tenant(), Some("n-1")));
}

#[test]
fn an_expired_token_is_rejected_beyond_the_clock_skew() {
    let mut old = claims();
    old["exp"] = json!(NOW - 60);
    check(&old, &multi_tenant(), Some("n-1")).unwrap();
    old["exp"] = json!(NOW - 301);
    assert!(rejection(check(&old, &multi_tenant(), Some("n-1"))).contains("expired"));
}

#[test]
fn a_token_without_a_tenant_is_rejected() {
    let mut no_tid = claims();
    no_tid.as_object_mut().unwrap().remove("tid");
    assert!(rejection(check(&no_tid, &multi_tenant(), Some("n-1"))).contains("tid"));
}

#[test]
fn a_refresh_for_another_tenant_is_rejected() {
    let multi = multi_tenant();
    let expected = ExpectedIdToken {
        discovery: &multi,
        client_id: CLIENT,
        nonce: None,
        tenant_id: Some("another-tenant"),
        now: UNIX_EPOCH + Duration::from_secs(NOW),
    };
    rejection(validate_id_token(&jwt(&claims()), &expected));
}

#[test]
fn something_that_is_not_a_jwt_is_rejected_without_echoing_it() {
    let multi = multi_tenant();
    let expected = ExpectedIdToken {
        discovery: &multi,
        client_id: CLIENT,
        nonce: None,
        tenant_id: None,
        now: UNIX_EPOCH + Duration::from_secs(NOW),
    };
    let reason = rejection(validate_id_token("secret-looking-value", &expected));
    assert!(!reason.contains("secret-looking-value"));
    let mut bad = claims();
    bad["exp"] = json!("secret-in-a-claim");
    let reason = rejection(check(&bad, &multi, None));
    assert!(!reason.contains("secret-in-a-claim"), "{reason}");
}

#[test]
fn an_expiry_too_large_for_the_clock_is_rejected_not_a_panic() {
    let mut huge = claims();
    huge["exp"] = json!(u64::MAX);
    assert!(rejection(check(&huge, &multi_tenant(), Some("n-1"))).contains("expiry"));
}
