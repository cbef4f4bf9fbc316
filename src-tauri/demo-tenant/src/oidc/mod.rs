//! The identity half: OpenID Connect discovery, authorize, token and logout, shaped like Entra
//! ID's v2.0 endpoints.

mod admin_consent;
mod authorize;
mod consent;
pub(crate) mod consent_check;
pub(crate) mod error;
mod page;
pub(crate) mod scopes;
mod token;

use axum::Json;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;
use url::Url;

use crate::seed::{TENANT_DOMAIN, TENANT_ID};
use crate::state::TenantState;
use error::AadError;

pub(crate) fn router() -> Router<TenantState> {
    Router::new()
        .route(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            get(discovery),
        )
        .route("/{tenant}/discovery/v2.0/keys", get(keys))
        .route(
            "/{tenant}/oauth2/v2.0/authorize",
            get(authorize::authorize_get).post(authorize::authorize_post),
        )
        .route(
            "/{tenant}/oauth2/v2.0/token",
            get(token::token_get).post(token::token),
        )
        .route("/{tenant}/oauth2/v2.0/logout", get(logout).post(logout))
        // Entra's v2 admin consent endpoint: consent for the whole organisation to a client.
        .route(
            "/{tenant}/v2.0/adminconsent",
            get(admin_consent::page).post(admin_consent::accept),
        )
        // Entra's v1 authorize endpoint, where the published PIN reset consent URLs point.
        .route(
            "/{tenant}/oauth2/authorize",
            get(consent::consent_get).post(consent::consent_post),
        )
}

/// The first path segment of every identity URL, as Entra reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Authority {
    /// This tenant, named by id or by verified domain.
    Tenant,
    Organizations,
    Common,
}

impl Authority {
    pub fn resolve(segment: &str) -> Result<Authority, AadError> {
        if segment.eq_ignore_ascii_case(TENANT_ID) || segment.eq_ignore_ascii_case(TENANT_DOMAIN) {
            Ok(Authority::Tenant)
        } else if segment.eq_ignore_ascii_case("organizations") {
            Ok(Authority::Organizations)
        } else if segment.eq_ignore_ascii_case("common") {
            Ok(Authority::Common)
        } else {
            Err(AadError::unknown_tenant(segment))
        }
    }

    /// Path segment used in the endpoints this authority advertises.
    fn segment(self) -> &'static str {
        match self {
            Authority::Tenant => TENANT_ID,
            Authority::Organizations => "organizations",
            Authority::Common => "common",
        }
    }
}

async fn discovery(State(state): State<TenantState>, Path(tenant): Path<String>) -> Response {
    let authority = match Authority::resolve(&tenant) {
        Ok(authority) => authority,
        Err(error) => return error.into_response(),
    };
    let origin = &state.origin;
    let base = format!("{origin}/{}", authority.segment());
    // Multi-tenant documents carry a placeholder: each client substitutes the `tid` of the ID
    // token it received before comparing issuers.
    let issuer = match authority {
        Authority::Tenant => state.issuer(),
        Authority::Organizations | Authority::Common => format!("{origin}/{{tenantid}}/v2.0"),
    };
    let host = origin.trim_start_matches("http://");
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{base}/oauth2/v2.0/authorize"),
        "token_endpoint": format!("{base}/oauth2/v2.0/token"),
        "jwks_uri": format!("{base}/discovery/v2.0/keys"),
        "end_session_endpoint": format!("{base}/oauth2/v2.0/logout"),
        "token_endpoint_auth_methods_supported": ["none"],
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "code_challenge_methods_supported": ["S256"],
        "id_token_signing_alg_values_supported": ["HS256"],
        "subject_types_supported": ["pairwise"],
        "claims_supported": [
            "sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "name", "preferred_username",
            "oid", "tid", "ver"
        ],
        "request_uri_parameter_supported": false,
        "http_logout_supported": true,
        "frontchannel_logout_supported": true,
        "tenant_region_scope": "NA",
        "msgraph_host": host,
    }))
    .into_response()
}

/// ID tokens are signed with a per-run HMAC key that is never published: a symmetric key in a key
/// set would let anyone mint tokens. Clients receive ID tokens straight from the token endpoint,
/// so they trust the channel rather than the signature, as OpenID Connect allows.
async fn keys(Path(tenant): Path<String>) -> Response {
    match Authority::resolve(&tenant) {
        Ok(_) => Json(json!({ "keys": [] })).into_response(),
        Err(error) => error.into_response(),
    }
}

async fn logout(Path(tenant): Path<String>, RawQuery(query): RawQuery) -> Response {
    if let Err(error) = Authority::resolve(&tenant) {
        return page::error(&error);
    }
    let params = authorize::parse_params(query.as_deref().unwrap_or_default().as_bytes());
    let target = params
        .get("post_logout_redirect_uri")
        .and_then(|uri| loopback_redirect(uri));
    match target {
        Some(mut url) => {
            if let Some(state) = params.get("state") {
                url.query_pairs_mut().append_pair("state", state);
            }
            (StatusCode::FOUND, [(LOCATION, url.to_string())]).into_response()
        }
        None => page::signed_out(),
    }
}

/// Accepts only the redirect URIs the demo client is registered with: plain-HTTP loopback on
/// `localhost` (any port, as Entra ignores the port there) or `127.0.0.1` with a port. Anything
/// else is refused so that a code can never be sent to a host an attacker chose.
pub(crate) fn loopback_redirect(raw: &str) -> Option<Url> {
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let url = Url::parse(raw).ok()?;
    if url.scheme() != "http"
        || !url.username().is_empty()
        || url.password().is_some()
        || url.fragment().is_some()
    {
        return None;
    }
    match url.host() {
        Some(url::Host::Domain("localhost")) => Some(url),
        Some(url::Host::Ipv4(ip)) if ip == std::net::Ipv4Addr::LOCALHOST => {
            url.port().map(|_| url.clone())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::loopback_redirect;

    #[test]
    fn only_loopback_redirects_are_accepted() {
        for good in [
            "http://localhost",
            "http://localhost:53117",
            "http://localhost:53117/callback",
            "http://LOCALHOST:1/x?y=1",
            "http://127.0.0.1:8400/",
        ] {
            assert!(loopback_redirect(good).is_some(), "{good}");
        }
        for bad in [
            "https://localhost:1/",
            "http://127.0.0.1/",
            "http://[::1]:8400/",
            "http://localhost.evil.example/",
            "http://evil.example/?localhost",
            "http://user@localhost:1/",
            "http://localhost:1/#frag",
            "http://127.0.0.2:8400/",
            "urn:ietf:wg:oauth:2.0:oob",
            " http://localhost:1/",
            "",
        ] {
            assert!(loopback_redirect(bad).is_none(), "{bad}");
        }
    }
}
