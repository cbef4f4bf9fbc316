//! Discovery and the authorize endpoint, over real HTTP.

mod common;

use common::*;
use demo_tenant::{ADMIN, DEFAULT_CLIENT_ID, HELPDESK, NO_ROLE, TENANT_ID};
use reqwest::StatusCode;
use serde_json::Value;

async fn get_json(url: url::Url) -> TestResult<(StatusCode, Value)> {
    let response = client()?.get(url).send().await?;
    Ok((response.status(), response.json().await?))
}

#[tokio::test]
async fn discovery_document_names_the_endpoints() -> TestResult {
    let tenant = start().await?;
    let issuer = tenant.issuer();
    let port = tenant.graph_base().port().ok_or("no port")?;
    assert_eq!(
        issuer.as_str(),
        format!("http://127.0.0.1:{port}/{TENANT_ID}/v2.0")
    );
    let (status, doc) = get_json(url::Url::parse(&format!(
        "{issuer}/.well-known/openid-configuration"
    ))?)
    .await?;
    assert_eq!(status, StatusCode::OK);
    let base = format!("http://127.0.0.1:{port}/{TENANT_ID}");
    assert_eq!(text(&doc, "/issuer"), issuer.as_str());
    assert_eq!(
        text(&doc, "/authorization_endpoint"),
        format!("{base}/oauth2/v2.0/authorize")
    );
    assert_eq!(
        text(&doc, "/token_endpoint"),
        format!("{base}/oauth2/v2.0/token")
    );
    assert_eq!(
        text(&doc, "/end_session_endpoint"),
        format!("{base}/oauth2/v2.0/logout")
    );
    assert_eq!(
        text(&doc, "/jwks_uri"),
        format!("{base}/discovery/v2.0/keys")
    );
    assert_eq!(
        doc["code_challenge_methods_supported"],
        serde_json::json!(["S256"])
    );
    for field in [
        "response_types_supported",
        "scopes_supported",
        "id_token_signing_alg_values_supported",
        "subject_types_supported",
    ] {
        assert!(
            doc[field].as_array().is_some_and(|a| !a.is_empty()),
            "{field}"
        );
    }
    let (status, keys) = get_json(url::Url::parse(text(&doc, "/jwks_uri"))?).await?;
    assert_eq!(status, StatusCode::OK);
    assert!(keys["keys"].is_array());
    tenant.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn organizations_discovery_issuer_has_tenantid_placeholder() -> TestResult {
    let tenant = start().await?;
    let base = tenant.graph_base();
    for authority in ["organizations", "common"] {
        let url = base.join(&format!(
            "{authority}/v2.0/.well-known/openid-configuration"
        ))?;
        let (status, doc) = get_json(url).await?;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(text(&doc, "/issuer"), format!("{}{{tenantid}}/v2.0", base));
        assert_eq!(
            text(&doc, "/token_endpoint"),
            format!("{base}{authority}/oauth2/v2.0/token")
        );
    }
    Ok(())
}

#[tokio::test]
async fn discovery_by_verified_domain_names_the_tenant_and_unknown_tenants_are_refused()
-> TestResult {
    let tenant = start().await?;
    let base = tenant.graph_base();
    let url = base.join("pindesk-demo.example/v2.0/.well-known/openid-configuration")?;
    let (status, doc) = get_json(url).await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&doc, "/issuer"), tenant.issuer().as_str());
    let url = base.join("contoso.example/v2.0/.well-known/openid-configuration")?;
    let (status, body) = get_json(url).await?;
    assert_entra_error(status, &body, "invalid_tenant", 90002);
    Ok(())
}

#[tokio::test]
async fn authorize_rejects_non_loopback_redirect_uri() -> TestResult {
    let tenant = start().await?;
    for bad in [
        "https://evil.example/cb",
        "http://localhost.evil.example/",
        "http://[::1]:5000/",
    ] {
        let params = with(authorize_params(Some(ADMIN)), "redirect_uri", Some(bad));
        let response = authorize(&tenant, &params).await?;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            response.headers().get(reqwest::header::LOCATION).is_none(),
            "{bad}"
        );
        assert!(response.text().await?.contains("AADSTS50011"), "{bad}");
    }
    assert!(tenant.issued_secrets().is_empty(), "no code was issued");
    Ok(())
}

#[tokio::test]
async fn authorize_rejects_unknown_client_id_on_an_error_page() -> TestResult {
    let tenant = start().await?;
    let params = with(
        authorize_params(Some(ADMIN)),
        "client_id",
        Some("00000000-1111-2222-3333-444444444444"),
    );
    let response = authorize(&tenant, &params).await?;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get(reqwest::header::LOCATION).is_none());
    assert!(response.text().await?.contains("AADSTS700016"));
    Ok(())
}

#[tokio::test]
async fn authorize_requires_an_s256_code_challenge() -> TestResult {
    let tenant = start().await?;
    let cases = [
        with(authorize_params(Some(ADMIN)), "code_challenge", None),
        with(
            authorize_params(Some(ADMIN)),
            "code_challenge_method",
            Some("plain"),
        ),
        with(authorize_params(Some(ADMIN)), "code_challenge_method", None),
        with(
            authorize_params(Some(ADMIN)),
            "response_type",
            Some("token"),
        ),
        with(
            authorize_params(Some(ADMIN)),
            "scope",
            Some("openid https://graph.microsoft.com/Mail.Read"),
        ),
    ];
    for params in cases {
        let redirect = redirect_params(&authorize(&tenant, &params).await?)?;
        assert!(param(&redirect, "code").is_none(), "{params:?}");
        assert!(param(&redirect, "error").is_some(), "{params:?}");
        assert!(param(&redirect, "error_description").is_some_and(|d| d.starts_with("AADSTS")));
        assert_eq!(param(&redirect, "state"), Some("state-123"));
    }
    Ok(())
}

#[tokio::test]
async fn prompt_none_with_login_hint_redirects_with_code() -> TestResult {
    let tenant = start().await?;
    let response = authorize(&tenant, &authorize_params(Some(HELPDESK))).await?;
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .ok_or("no Location")?;
    assert!(location.to_str()?.starts_with(REDIRECT_URI), "{location:?}");
    let redirect = redirect_params(&response)?;
    let code = param(&redirect, "code").ok_or("no code")?;
    assert_eq!(param(&redirect, "state"), Some("state-123"));
    assert!(tenant.issued_secrets().iter().any(|s| s == code));
    Ok(())
}

#[tokio::test]
async fn prompt_none_without_a_known_hint_redirects_with_login_required() -> TestResult {
    let tenant = start().await?;
    for hint in ["stranger@pindesk-demo.example", ""] {
        let params = with(authorize_params(Some(ADMIN)), "login_hint", Some(hint));
        let redirect = redirect_params(&authorize(&tenant, &params).await?)?;
        assert_eq!(param(&redirect, "error"), Some("login_required"));
        assert!(
            param(&redirect, "error_description").is_some_and(|d| d.starts_with("AADSTS50058"))
        );
        assert!(param(&redirect, "code").is_none());
    }
    Ok(())
}

#[tokio::test]
async fn sign_in_page_lists_the_three_people_with_their_roles_and_no_external_resources()
-> TestResult {
    let tenant = start().await?;
    let response = authorize(&tenant, &authorize_params(None)).await?;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await?;
    for expected in [
        "Avery Admin",
        "Harper Helpdesk",
        "Noah Norole",
        ADMIN,
        HELPDESK,
        NO_ROLE,
        "Intune Administrator",
        "Intune Help Desk Operator",
        "No Intune role",
        "Cancel",
        "method=\"post\"",
    ] {
        assert!(html.contains(expected), "{expected} missing");
    }
    for forbidden in ["<script", "<link", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(forbidden), "{forbidden} present");
    }
    Ok(())
}

/// Posts the sign-in page's form back, the way a browser does when a button is pressed.
async fn submit_page(
    tenant: &demo_tenant::DemoTenant,
    choice: (&str, &str),
) -> TestResult<reqwest::Response> {
    let mut form = authorize_params(None);
    form.push((choice.0.to_owned(), choice.1.to_owned()));
    let url = endpoint(tenant, tenant.tenant_id(), "authorize")?;
    Ok(client()?.post(url).form(&form).send().await?)
}

#[tokio::test]
async fn choosing_a_person_on_the_sign_in_page_redirects_with_code_and_state() -> TestResult {
    let tenant = start().await?;
    let response = submit_page(&tenant, ("login_as", NO_ROLE)).await?;
    let redirect = redirect_params(&response)?;
    let code = param(&redirect, "code").ok_or("no code")?;
    assert_eq!(param(&redirect, "state"), Some("state-123"));
    let (status, body) = redeem(&tenant, code, VERIFIER).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    Ok(())
}

#[tokio::test]
async fn cancel_on_the_sign_in_page_redirects_with_access_denied() -> TestResult {
    let tenant = start().await?;
    let redirect = redirect_params(&submit_page(&tenant, ("action", "cancel")).await?)?;
    assert_eq!(param(&redirect, "error"), Some("access_denied"));
    assert_eq!(param(&redirect, "error_subcode"), Some("cancel"));
    // A cancelled sign-in is not declined consent.
    assert!(param(&redirect, "error_description").is_some_and(|d| !d.contains("AADSTS65004")));
    assert_eq!(param(&redirect, "state"), Some("state-123"));
    assert!(param(&redirect, "code").is_none());
    Ok(())
}

#[tokio::test]
async fn a_choice_is_only_honoured_when_posted_from_the_page() -> TestResult {
    let tenant = start().await?;
    let mut params = authorize_params(None);
    params.push(("login_as".to_owned(), ADMIN.to_owned()));
    let response = authorize(&tenant, &params).await?;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "GET shows the page instead of signing in"
    );
    assert!(tenant.issued_secrets().is_empty());
    Ok(())
}

#[tokio::test]
async fn organizations_endpoints_issue_codes_and_tokens_too() -> TestResult {
    let tenant = start().await?;
    let mut url = endpoint(&tenant, "organizations", "authorize")?;
    url.query_pairs_mut()
        .extend_pairs(authorize_params(Some(ADMIN)));
    let redirect = redirect_params(&client()?.get(url).send().await?)?;
    let code = param(&redirect, "code").ok_or("no code")?;
    let url = endpoint(&tenant, "organizations", "token")?;
    let response = client()?
        .post(url)
        .form(&[
            ("grant_type", "authorization_code"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("code", code),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", VERIFIER),
        ])
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn fragment_response_mode_puts_the_code_in_the_fragment() -> TestResult {
    let tenant = start().await?;
    let params = with(
        authorize_params(Some(ADMIN)),
        "response_mode",
        Some("fragment"),
    );
    let response = authorize(&tenant, &params).await?;
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .ok_or("no Location")?;
    let url = url::Url::parse(location.to_str()?)?;
    assert!(url.query().is_none());
    assert!(
        url.fragment()
            .is_some_and(|f| f.contains("code=") && f.contains("state=state-123"))
    );
    Ok(())
}
