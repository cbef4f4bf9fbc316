//! Organisation-wide consent for the sign-in client, as strict as Entra: without it only an
//! administrator gets admin-only permissions; the v2 admin consent endpoint grants it; Graph shows
//! the grant.

mod common;

use common::*;
use demo_tenant::{ADMIN, DEFAULT_CLIENT_ID, DemoTenant, HELPDESK, Options};
use reqwest::StatusCode;

const RESET_SCOPES: &str = "openid profile offline_access https://graph.microsoft.com/User.Read \
    https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All \
    https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All";

async fn strict() -> TestResult<DemoTenant> {
    start_with(Options {
        org_consent: false,
        ..Options::default()
    })
    .await
}

fn silent(person: &str, scope: &str) -> Vec<(String, String)> {
    with(authorize_params(Some(person)), "scope", Some(scope))
}

#[tokio::test]
async fn without_org_consent_a_helpdesk_sign_in_gets_consent_required() -> TestResult {
    let tenant = strict().await?;
    let redirect = redirect_params(&authorize(&tenant, &silent(HELPDESK, RESET_SCOPES)).await?)?;
    assert_eq!(param(&redirect, "error"), Some("consent_required"));
    let description = param(&redirect, "error_description").unwrap_or_default();
    assert!(description.starts_with("AADSTS65001:"), "{description}");
    assert!(description.contains(DEFAULT_CLIENT_ID), "{description}");
    assert!(param(&redirect, "code").is_none());
    // User.Read alone needs nobody's approval.
    let user_read = "openid profile https://graph.microsoft.com/User.Read";
    let redirect = redirect_params(&authorize(&tenant, &silent(HELPDESK, user_read)).await?)?;
    assert!(param(&redirect, "code").is_some(), "{redirect:?}");
    Ok(())
}

#[tokio::test]
async fn the_sign_in_page_says_need_admin_approval_and_going_back_is_access_denied() -> TestResult {
    let tenant = strict().await?;
    let params = with(authorize_params(None), "scope", Some(RESET_SCOPES));
    let url = endpoint(&tenant, tenant.tenant_id(), "authorize")?;
    let mut form = params.clone();
    form.push(("login_as".into(), HELPDESK.into()));
    let page = client()?.post(url.clone()).form(&form).send().await?;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await?;
    assert!(
        html.contains("Need admin approval") && html.contains("AADSTS90094"),
        "{html}"
    );
    let mut back = params;
    back.push(("action".into(), "decline".into()));
    let redirect = redirect_params(&client()?.post(url).form(&back).send().await?)?;
    assert_eq!(param(&redirect, "error"), Some("access_denied"));
    assert!(param(&redirect, "error_description").is_some_and(|d| d.starts_with("AADSTS65004")));
    assert_eq!(param(&redirect, "error_subcode"), Some("cancel"));
    Ok(())
}

#[tokio::test]
async fn an_administrator_signs_in_without_org_consent_and_refresh_stays_strict() -> TestResult {
    let tenant = strict().await?;
    let redirect = redirect_params(&authorize(&tenant, &silent(ADMIN, RESET_SCOPES)).await?)?;
    assert!(param(&redirect, "code").is_some(), "{redirect:?}");
    // A helpdesk refresh token (User.Read only) cannot be widened to admin-only permissions, and
    // it still works afterwards.
    let user_read = "openid profile offline_access https://graph.microsoft.com/User.Read";
    let token = graph_refresh_token(&tenant, HELPDESK, user_read).await?;
    let refresh = |scope: &'static str, token: String| {
        let tenant = &tenant;
        async move {
            token_request(
                tenant,
                &[
                    ("grant_type", "refresh_token"),
                    ("client_id", DEFAULT_CLIENT_ID),
                    ("refresh_token", token.as_str()),
                    ("scope", scope),
                ],
            )
            .await
        }
    };
    let (status, body) = refresh(RESET_SCOPES, token.clone()).await?;
    assert_entra_error(status, &body, "invalid_grant", 65001);
    assert_eq!(text(&body, "/suberror"), "consent_required");
    let (status, body) = refresh(user_read, token).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    Ok(())
}

async fn graph_refresh_token(tenant: &DemoTenant, person: &str, scope: &str) -> TestResult<String> {
    let redirect = redirect_params(&authorize(tenant, &silent(person, scope)).await?)?;
    let code = param(&redirect, "code").ok_or("no code")?.to_owned();
    let (status, body) = token_request(
        tenant,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("code", code.as_str()),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", VERIFIER),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    Ok(text(&body, "/refresh_token").to_owned())
}

fn admin_consent_url(tenant: &DemoTenant, scope: &str) -> TestResult<url::Url> {
    let mut url = tenant
        .graph_base()
        .join(&format!("{}/v2.0/adminconsent", tenant.tenant_id()))?;
    url.query_pairs_mut()
        .append_pair("client_id", DEFAULT_CLIENT_ID)
        .append_pair("scope", scope)
        .append_pair("redirect_uri", "http://localhost")
        .append_pair("state", "s-1");
    Ok(url)
}

#[tokio::test]
async fn an_administrator_grants_org_consent_at_the_admin_consent_endpoint() -> TestResult {
    let tenant = strict().await?;
    let scope = "https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All \
                 https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All";
    let url = admin_consent_url(&tenant, scope)?;
    let page = client()?.get(url.clone()).send().await?.text().await?;
    assert!(page.contains("DeviceManagementManagedDevices.PrivilegedOperations.All"));

    let form = |person| {
        [
            ("client_id", DEFAULT_CLIENT_ID),
            ("scope", scope),
            ("redirect_uri", "http://localhost"),
            ("state", "s-1"),
            ("login_as", person),
        ]
    };
    let refused = client()?
        .post(url.clone())
        .form(&form(HELPDESK))
        .send()
        .await?;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(tenant.org_consented_scopes().is_empty());

    let accepted = client()?.post(url).form(&form(ADMIN)).send().await?;
    let redirect = redirect_params(&accepted)?;
    assert_eq!(param(&redirect, "admin_consent"), Some("True"));
    assert_eq!(param(&redirect, "tenant"), Some(tenant.tenant_id()));
    assert_eq!(param(&redirect, "state"), Some("s-1"));
    assert_eq!(tenant.org_consented_scopes().len(), 2);

    let redirect = redirect_params(&authorize(&tenant, &silent(HELPDESK, RESET_SCOPES)).await?)?;
    assert!(param(&redirect, "code").is_some(), "{redirect:?}");
    Ok(())
}

#[tokio::test]
async fn graph_lists_the_grant_to_administrators_only() -> TestResult {
    let tenant = start().await?;
    let admin = graph_token(&tenant, ADMIN).await?;
    let path =
        format!("v1.0/servicePrincipals(appId='{DEFAULT_CLIENT_ID}')/oauth2PermissionGrants");
    let (status, body) = graph_json(&tenant, &admin, &path, &[]).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let grant = &body["value"][0];
    assert_eq!(grant["consentType"], "AllPrincipals");
    assert!(
        text(grant, "/scope").contains("DeviceManagementManagedDevices.PrivilegedOperations.All")
    );
    let client_sp = text(grant, "/clientId").to_owned();
    let filter = format!("clientId eq '{client_sp}'");
    let (status, listed) = graph_json(
        &tenant,
        &admin,
        "v1.0/oauth2PermissionGrants",
        &[("$filter", &filter)],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{listed}");
    assert_eq!(listed["value"], body["value"]);

    let helpdesk = graph_token(&tenant, HELPDESK).await?;
    let (status, _) = graph_json(&tenant, &helpdesk, &path, &[]).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    Ok(())
}
