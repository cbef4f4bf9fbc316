//! The token endpoint: code redemption with PKCE, refresh token rotation, Entra's error answers.

mod common;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::*;
use demo_tenant::{ADMIN, DEFAULT_CLIENT_ID, HELPDESK, Options, TENANT_ID};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn jwt_part(token: &str, index: usize) -> TestResult<Value> {
    let part = token.split('.').nth(index).ok_or("not a JWT")?;
    Ok(serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part)?)?)
}

async fn refresh(tenant: &demo_tenant::DemoTenant, token: &str) -> TestResult<(StatusCode, Value)> {
    token_request(
        tenant,
        &[
            ("grant_type", "refresh_token"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("refresh_token", token),
            ("scope", SCOPE),
        ],
    )
    .await
}

#[tokio::test]
async fn code_exchange_returns_bearer_tokens_and_an_entra_shaped_id_token() -> TestResult {
    let tenant = start().await?;
    let body = tokens_for(&tenant, HELPDESK).await?;
    assert_eq!(text(&body, "/token_type"), "Bearer");
    assert_eq!(body["expires_in"], json!(3599));
    assert_eq!(body["ext_expires_in"], json!(3599));
    assert!(
        text(&body, "/scope")
            .split(' ')
            .any(|s| s == "https://graph.microsoft.com/User.Read")
    );
    assert!(!text(&body, "/access_token").is_empty());
    assert!(!text(&body, "/refresh_token").is_empty());
    let id_token = text(&body, "/id_token");
    assert_eq!(
        jwt_part(id_token, 0)?,
        json!({ "alg": "HS256", "typ": "JWT", "kid": "demo" })
    );
    let claims = jwt_part(id_token, 1)?;
    assert_eq!(text(&claims, "/iss"), tenant.issuer().as_str());
    assert_eq!(text(&claims, "/aud"), DEFAULT_CLIENT_ID);
    assert_eq!(text(&claims, "/tid"), TENANT_ID);
    assert_eq!(text(&claims, "/nonce"), "nonce-456");
    assert_eq!(text(&claims, "/preferred_username"), HELPDESK);
    assert_eq!(text(&claims, "/name"), "Harper Helpdesk");
    assert_eq!(text(&claims, "/ver"), "2.0");
    assert!(!text(&claims, "/oid").is_empty() && !text(&claims, "/sub").is_empty());
    let (iat, exp) = (
        claims["iat"].as_i64().unwrap_or(0),
        claims["exp"].as_i64().unwrap_or(0),
    );
    assert!(iat > 0 && exp > iat && claims["nbf"].as_i64() == Some(iat));
    for secret in [
        text(&body, "/access_token"),
        text(&body, "/refresh_token"),
        id_token,
    ] {
        assert!(tenant.issued_secrets().iter().any(|s| s == secret));
    }
    Ok(())
}

#[tokio::test]
async fn the_same_person_always_has_the_same_oid() -> TestResult {
    let (a, b) = (start().await?, start().await?);
    let oid = |body: &Value| -> TestResult<String> {
        Ok(text(&jwt_part(text(body, "/id_token"), 1)?, "/oid").to_owned())
    };
    assert_eq!(
        oid(&tokens_for(&a, ADMIN).await?)?,
        oid(&tokens_for(&b, ADMIN).await?)?
    );
    assert_ne!(
        oid(&tokens_for(&a, ADMIN).await?)?,
        oid(&tokens_for(&a, HELPDESK).await?)?
    );
    Ok(())
}

#[tokio::test]
async fn token_endpoint_rejects_wrong_pkce_verifier_with_invalid_grant() -> TestResult {
    let tenant = start().await?;
    let code = code_for(&tenant, ADMIN).await?;
    let (status, body) = redeem(
        &tenant,
        &code,
        "another-verifier-0123456789-abcdefghijklmnopq",
    )
    .await?;
    assert_entra_error(status, &body, "invalid_grant", 501481);
    assert!(body.get("access_token").is_none());
    Ok(())
}

#[tokio::test]
async fn token_endpoint_rejects_reused_code_with_invalid_grant() -> TestResult {
    let tenant = start().await?;
    let code = code_for(&tenant, ADMIN).await?;
    let (status, _) = redeem(&tenant, &code, VERIFIER).await?;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = redeem(&tenant, &code, VERIFIER).await?;
    assert_entra_error(status, &body, "invalid_grant", 54005);
    Ok(())
}

#[tokio::test]
async fn token_endpoint_rejects_expired_code_with_invalid_grant() -> TestResult {
    let tenant = start().await?;
    let code = code_for(&tenant, ADMIN).await?;
    // Entra's codes last ten minutes.
    tenant.advance_clock(Duration::from_secs(10 * 60 + 1));
    let (status, body) = redeem(&tenant, &code, VERIFIER).await?;
    assert_entra_error(status, &body, "invalid_grant", 70008);
    Ok(())
}

#[tokio::test]
async fn token_endpoint_rejects_unknown_code_and_mismatched_redirect_uri() -> TestResult {
    let tenant = start().await?;
    let (status, body) = redeem(&tenant, "not-a-code", VERIFIER).await?;
    assert_entra_error(status, &body, "invalid_grant", 9002313);
    let code = code_for(&tenant, ADMIN).await?;
    let (status, body) = token_request(
        &tenant,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("code", &code),
            ("redirect_uri", "http://localhost:1/other"),
            ("code_verifier", VERIFIER),
        ],
    )
    .await?;
    assert_entra_error(status, &body, "invalid_grant", 500112);
    Ok(())
}

#[tokio::test]
async fn token_endpoint_rejects_wrong_client_id_with_unauthorized_client() -> TestResult {
    let tenant = start().await?;
    let code = code_for(&tenant, ADMIN).await?;
    let (status, body) = token_request(
        &tenant,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", "00000000-1111-2222-3333-444444444444"),
            ("code", &code),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", VERIFIER),
        ],
    )
    .await?;
    assert_entra_error(status, &body, "unauthorized_client", 700016);
    Ok(())
}

#[tokio::test]
async fn token_endpoint_rejects_unsupported_grant_type_and_client_secrets() -> TestResult {
    let tenant = start().await?;
    let (status, body) = token_request(
        &tenant,
        &[
            ("grant_type", "password"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("username", ADMIN),
        ],
    )
    .await?;
    assert_entra_error(status, &body, "unsupported_grant_type", 70003);
    let (status, body) = token_request(
        &tenant,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("client_secret", "s3cret"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_entra_error(status, &body, "invalid_client", 700025);
    let (status, body) = token_request(&tenant, &[("client_id", DEFAULT_CLIENT_ID)]).await?;
    assert_entra_error(status, &body, "invalid_request", 900144);
    Ok(())
}

#[tokio::test]
async fn token_endpoint_answers_get_with_invalid_request() -> TestResult {
    let tenant = start().await?;
    let response = client()?
        .get(endpoint(&tenant, TENANT_ID, "token")?)
        .send()
        .await?;
    let status = response.status();
    assert_entra_error(status, &response.json().await?, "invalid_request", 900561);
    Ok(())
}

#[tokio::test]
async fn refresh_token_rotates_and_old_one_stops_working() -> TestResult {
    let tenant = start().await?;
    let first = tokens_for(&tenant, ADMIN).await?;
    let old = text(&first, "/refresh_token");
    let (status, second) = refresh(&tenant, old).await?;
    assert_eq!(status, StatusCode::OK, "{second}");
    let new = text(&second, "/refresh_token");
    assert!(!new.is_empty() && new != old);
    assert_ne!(
        text(&second, "/access_token"),
        text(&first, "/access_token")
    );
    let claims = jwt_part(text(&second, "/id_token"), 1)?;
    assert!(
        claims.get("nonce").is_none(),
        "refreshed ID tokens carry no nonce"
    );
    let (status, body) = refresh(&tenant, old).await?;
    assert_entra_error(status, &body, "invalid_grant", 70000);
    let (status, third) = refresh(&tenant, new).await?;
    assert_eq!(status, StatusCode::OK, "{third}");
    Ok(())
}

#[tokio::test]
async fn expired_refresh_token_is_rejected_as_expired() -> TestResult {
    let tenant = start().await?;
    let body = tokens_for(&tenant, ADMIN).await?;
    tenant.advance_clock(Options::default().refresh_token_lifetime + Duration::from_secs(1));
    let (status, body) = refresh(&tenant, text(&body, "/refresh_token")).await?;
    assert_entra_error(status, &body, "invalid_grant", 700082);
    Ok(())
}

#[tokio::test]
async fn refresh_token_length_follows_the_option_beyond_the_windows_credential_limit() -> TestResult
{
    let tenant = start().await?;
    let normal = tokens_for(&tenant, ADMIN).await?;
    assert!((200..=1200).contains(&text(&normal, "/refresh_token").len()));
    let tenant = start_with(Options {
        refresh_token_len: 3000,
        ..Options::default()
    })
    .await?;
    let large = tokens_for(&tenant, ADMIN).await?;
    assert_eq!(text(&large, "/refresh_token").len(), 3000);
    let (status, rotated) = refresh(&tenant, text(&large, "/refresh_token")).await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&rotated, "/refresh_token").len(), 3000);
    Ok(())
}

#[tokio::test]
async fn no_refresh_token_without_offline_access() -> TestResult {
    let tenant = start().await?;
    let scope = "openid profile https://graph.microsoft.com/User.Read";
    let params = with(authorize_params(Some(ADMIN)), "scope", Some(scope));
    let redirect = redirect_params(&authorize(&tenant, &params).await?)?;
    let (status, body) = redeem(
        &tenant,
        param(&redirect, "code").ok_or("no code")?,
        VERIFIER,
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.get("refresh_token").is_none());
    assert!(body.get("id_token").is_some());
    Ok(())
}

#[tokio::test]
async fn short_access_token_lifetime_is_reported_in_expires_in() -> TestResult {
    let options = Options {
        access_token_lifetime: Duration::from_secs(5),
        ..Options::default()
    };
    let tenant = start_with(options).await?;
    let body = tokens_for(&tenant, ADMIN).await?;
    assert_eq!(body["expires_in"], json!(5));
    Ok(())
}
