//! `GET|POST /{tenant}/v2.0/adminconsent?client_id=…&scope=…&redirect_uri=…&state=…`: Entra's v2
//! admin consent endpoint. An Application Administrator (or higher) who accepts grants the listed
//! Graph permissions to the client for the whole organisation (an `AllPrincipals`
//! `oauth2PermissionGrant`), and the browser goes to the redirect URI with `admin_consent=True`.
//! Anyone else sees "Need admin approval" and nothing changes.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, LOCATION};
use axum::response::{IntoResponse, Response};
use url::Url;

use super::authorize::{Params, parse_params};
use super::consent_check::may_consent_for_organisation;
use super::error::AadError;
use super::page::{self, document, escape, hidden_fields};
use super::scopes::{GRAPH_RESOURCE, Scopes};
use super::{Authority, loopback_redirect};
use crate::DEFAULT_CLIENT_ID;
use crate::seed::people::person_by_sign_in_name;
use crate::seed::{PEOPLE, TENANT_ID};
use crate::state::{TenantState, changing};

/// A request whose client, redirect URI and scopes were checked.
struct Request {
    redirect: Url,
    scopes: Scopes,
    raw_scope: String,
    redirect_raw: String,
    state: Option<String>,
}

fn read(tenant: &str, params: &Params) -> Result<Request, AadError> {
    Authority::resolve(tenant)?;
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let client_id = get("client_id").ok_or_else(|| AadError::missing("client_id"))?;
    if !client_id.eq_ignore_ascii_case(DEFAULT_CLIENT_ID) {
        return Err(AadError::unknown_client(client_id));
    }
    let redirect_raw = get("redirect_uri").ok_or_else(|| AadError::missing("redirect_uri"))?;
    let redirect = loopback_redirect(redirect_raw).ok_or_else(|| {
        AadError::new(
            "invalid_request",
            50_011,
            format!(
                "The redirect URI '{redirect_raw}' specified in the request does not match the \
                 redirect URIs configured for the application '{DEFAULT_CLIENT_ID}'."
            ),
        )
    })?;
    let raw_scope = get("scope").ok_or_else(|| AadError::missing("scope"))?;
    let scopes = Scopes::parse(raw_scope)?;
    Ok(Request {
        redirect,
        scopes,
        raw_scope: raw_scope.to_owned(),
        redirect_raw: redirect_raw.to_owned(),
        state: params.get("state").cloned(),
    })
}

fn redirect(request: &Request, pairs: &[(&str, &str)]) -> Response {
    let mut url = request.redirect.clone();
    {
        let mut query = url.query_pairs_mut();
        query.extend_pairs(pairs);
        if let Some(state) = &request.state {
            query.append_pair("state", state);
        }
    }
    let headers = [
        (LOCATION, url.to_string()),
        (CACHE_CONTROL, "no-store".into()),
    ];
    (StatusCode::FOUND, headers).into_response()
}

pub(super) async fn page(Path(tenant): Path<String>, RawQuery(query): RawQuery) -> Response {
    let params = parse_params(query.unwrap_or_default().as_bytes());
    let request = match read(&tenant, &params) {
        Ok(request) => request,
        Err(error) => return page::error(&error),
    };
    let permissions: String = request
        .scopes
        .graph
        .iter()
        .map(|s| format!("<li>{}</li>", escape(s)))
        .collect();
    let people: String = PEOPLE
        .iter()
        .map(|p| {
            format!(
                "<button type=\"submit\" name=\"login_as\" value=\"{upn}\">\
                 <span class=\"who\">Accept for the organisation as {name}</span>\
                 <span class=\"upn\">{upn}</span><span class=\"role\">{role}</span></button>",
                upn = escape(p.sign_in_name),
                name = escape(p.display_name),
                role = escape(p.plain_roles),
            )
        })
        .collect();
    let fields = hidden_fields(&[
        ("client_id", DEFAULT_CLIENT_ID),
        ("scope", &request.raw_scope),
        ("redirect_uri", &request.redirect_raw),
        ("state", request.state.as_deref().unwrap_or_default()),
    ]);
    let body = format!(
        "<h1>Permissions requested</h1><p><strong>Microsoft Graph Command Line Tools</strong> \
         (app ID {DEFAULT_CLIENT_ID}) asks for these Microsoft Graph permissions for everyone \
         in the organisation. Only an Application Administrator or higher can accept.</p>\
         <ul>{permissions}</ul><form method=\"post\">{fields}{people}<button type=\"submit\" \
         name=\"action\" value=\"cancel\" class=\"cancel\">Cancel</button></form>"
    );
    document(StatusCode::OK, "Permissions requested", &body)
}

pub(super) async fn accept(
    State(state): State<TenantState>,
    Path(tenant): Path<String>,
    body: Bytes,
) -> Response {
    let params = parse_params(&body);
    let request = match read(&tenant, &params) {
        Ok(request) => request,
        Err(error) => return page::error(&error),
    };
    if params.get("action").is_some_and(|a| a == "cancel") {
        let declined = AadError::new(
            "access_denied",
            65_004,
            "User declined to consent to access the app.",
        );
        let description = declined.short_description();
        return redirect(
            &request,
            &[
                ("error", "access_denied"),
                ("error_description", &description),
            ],
        );
    }
    let person = params
        .get("login_as")
        .and_then(|p| person_by_sign_in_name(p));
    if !person.is_some_and(may_consent_for_organisation) {
        let body = format!(
            "<h1>Need admin approval</h1><p class=\"error\">{}</p>",
            escape(&super::consent_check::needs_admin_text())
        );
        return document(StatusCode::FORBIDDEN, "Need admin approval", &body);
    }
    changing(&state.directory).grant_org_consent(DEFAULT_CLIENT_ID, &request.scopes.graph);
    let granted: Vec<String> = request
        .scopes
        .graph
        .iter()
        .map(|s| format!("{GRAPH_RESOURCE}{s}"))
        .collect();
    redirect(
        &request,
        &[
            ("admin_consent", "True"),
            ("tenant", TENANT_ID),
            ("scope", &granted.join(" ")),
        ],
    )
}
