//! `POST /{tenant}/oauth2/v2.0/token`: redeems codes (with PKCE) and rotates refresh tokens.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, PRAGMA};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::Authority;
use super::authorize::{Params, parse_params};
use super::consent_check::{consent_required, missing_consent};
use super::error::AadError;
use super::scopes::Scopes;
use crate::seed::{Person, TENANT_ID};
use crate::state::{AccessGrant, RefreshGrant, Shared, TenantState, lock};
use crate::{DEFAULT_CLIENT_ID, clock, jwt};

/// Access tokens are opaque here but about as long as Entra's, so size limits show up in demos.
const ACCESS_TOKEN_LEN: usize = 1400;
/// Entra's ID tokens live one hour whatever the access token lifetime.
const ID_TOKEN_LIFETIME_SECS: i64 = 3600;

pub(super) async fn token_get() -> Response {
    AadError::new(
        "invalid_request",
        900_561,
        "The endpoint only accepts POST, OPTIONS requests. Received a GET request.",
    )
    .into_response()
}

pub(super) async fn token(
    State(state): State<TenantState>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let correlation = headers
        .get("client-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| uuid::Uuid::parse_str(v).is_ok())
        .map(str::to_owned);
    match grant(&state, &tenant, &headers, &body) {
        Ok(answer) => {
            let headers = [(CACHE_CONTROL, "no-store, no-cache"), (PRAGMA, "no-cache")];
            (StatusCode::OK, headers, Json(answer)).into_response()
        }
        Err(error) => error.respond(correlation.as_deref()),
    }
}

fn grant(
    state: &Shared,
    tenant: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, AadError> {
    Authority::resolve(tenant)?;
    let is_form = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    // Entra reads only form bodies; anything else looks like a request without parameters.
    let params = if is_form {
        parse_params(body)
    } else {
        Params::new()
    };
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let grant_type = get("grant_type").ok_or_else(|| AadError::missing("grant_type"))?;
    if get("client_secret").is_some() || get("client_assertion").is_some() {
        return Err(AadError::new(
            "invalid_client",
            700_025,
            "Client is public so neither 'client_assertion' nor 'client_secret' should be \
             presented.",
        )
        .with_status(StatusCode::UNAUTHORIZED));
    }
    let client_id = get("client_id").ok_or_else(|| AadError::missing("client_id"))?;
    if !client_id.eq_ignore_ascii_case(DEFAULT_CLIENT_ID) {
        return Err(AadError::unknown_client(client_id));
    }
    match grant_type {
        "authorization_code" => redeem_code(state, &params),
        "refresh_token" => refresh(state, &params),
        other => Err(AadError::new(
            "unsupported_grant_type",
            70_003,
            format!("The app requested an unsupported grant type '{other}'."),
        )),
    }
}

fn redeem_code(state: &Shared, params: &Params) -> Result<Value, AadError> {
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let code = get("code").ok_or_else(|| AadError::missing("code"))?;
    let redirect_uri = get("redirect_uri").ok_or_else(|| AadError::missing("redirect_uri"))?;
    let verifier = get("code_verifier").ok_or_else(|| AadError::missing("code_verifier"))?;
    let pending = {
        let mut auth = lock(&state.auth);
        let pending = auth.codes.get_mut(code).ok_or_else(malformed_grant)?;
        if pending.redeemed {
            return Err(AadError::new(
                "invalid_grant",
                54_005,
                "OAuth2 Authorization code was already redeemed, please retry with a new valid \
                 code or use an existing refresh token.",
            ));
        }
        // Any attempt uses the code up, so a stolen code cannot be tried against many verifiers.
        pending.redeemed = true;
        pending.clone()
    };
    if state.clock.instant() >= pending.expires_at {
        return Err(AadError::new(
            "invalid_grant",
            70_008,
            "The provided authorization code or refresh token has expired due to inactivity. \
             Send a new interactive authorization request for this user and resource.",
        ));
    }
    if pending.redirect_uri != redirect_uri {
        return Err(AadError::new(
            "invalid_grant",
            500_112,
            "The reply address does not match the reply address provided when requesting the \
             Authorization code.",
        ));
    }
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    if challenge != pending.code_challenge {
        return Err(AadError::new(
            "invalid_grant",
            501_481,
            "The Code_Verifier does not match the code_challenge supplied in the authorization \
             request.",
        ));
    }
    Ok(issue(
        state,
        pending.person,
        &pending.scopes,
        pending.nonce.as_deref(),
    ))
}

fn refresh(state: &Shared, params: &Params) -> Result<Value, AadError> {
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let token = get("refresh_token").ok_or_else(|| AadError::missing("refresh_token"))?;
    let requested = get("scope").map(Scopes::parse).transpose()?;
    if let Some(requested) = &requested {
        let guarded = lock(&state.auth)
            .interaction_scopes
            .iter()
            .any(|scope| requested.has(scope));
        if guarded {
            return Err(AadError::new(
                "interaction_required",
                50_158,
                "External security challenge not satisfied. User will be redirected to another \
                 page or authentication provider to satisfy additional authentication challenges.",
            ));
        }
    }
    let invalid = || {
        AadError::new(
            "invalid_grant",
            70_000,
            "Provided grant is invalid or malformed.",
        )
    };
    let grant = lock(&state.auth)
        .refresh_tokens
        .get(token)
        .cloned()
        .ok_or_else(invalid)?;
    let scopes = match requested {
        Some(mut requested) => {
            if requested.graph.is_empty() {
                requested.graph = grant.scopes.graph.clone();
            }
            // The refresh token keeps its ability to refresh even if the request forgets it.
            requested.offline_access = true;
            requested
        }
        None => grant.scopes.clone(),
    };
    // Permissions nobody consented to are refused before rotation, so the refresh token still
    // serves the permissions it has, as Entra's does.
    let missing = missing_consent(state, grant.person, &scopes);
    if !missing.is_empty() && state.clock.instant() < grant.expires_at {
        let refused = consent_required();
        return Err(
            AadError::new("invalid_grant", refused.code, refused.message)
                .with_suberror("consent_required"),
        );
    }
    // Rotation: the old token is gone from here on, whatever the outcome.
    lock(&state.auth)
        .refresh_tokens
        .remove(token)
        .ok_or_else(invalid)?;
    if state.clock.instant() >= grant.expires_at {
        return Err(AadError::new(
            "invalid_grant",
            700_082,
            "The refresh token has expired due to inactivity. The token was issued a long time \
             ago and was inactive for too long.",
        ));
    }
    Ok(issue(state, grant.person, &scopes, None))
}

fn malformed_grant() -> AadError {
    AadError::new(
        "invalid_grant",
        9_002_313,
        "Invalid request. Request is malformed or invalid.",
    )
}

fn issue(state: &Shared, person: &'static Person, scopes: &Scopes, nonce: Option<&str>) -> Value {
    let lifetime = state.options.access_token_lifetime;
    let now = state.clock.instant();
    let access_token = state.new_secret(ACCESS_TOKEN_LEN);
    let refresh_token = scopes
        .offline_access
        .then(|| state.new_secret(state.options.refresh_token_len));
    let mut answer = json!({
        "token_type": "Bearer",
        "scope": scopes.response_string(),
        "expires_in": lifetime.as_secs(),
        "ext_expires_in": lifetime.as_secs(),
        "access_token": access_token,
    });
    {
        let mut auth = lock(&state.auth);
        let grant = AccessGrant {
            person,
            scopes: scopes.clone(),
            expires_at: now + lifetime,
        };
        auth.access_tokens.insert(access_token, grant);
        if let Some(refresh_token) = refresh_token {
            let expires_at = now + state.options.refresh_token_lifetime;
            let grant = RefreshGrant {
                person,
                scopes: scopes.clone(),
                expires_at,
            };
            answer["refresh_token"] = json!(refresh_token);
            auth.refresh_tokens.insert(refresh_token, grant);
        }
    }
    if scopes.openid {
        let id_token = id_token(state, person, nonce);
        state.remember_secret(id_token.clone());
        answer["id_token"] = json!(id_token);
    }
    answer
}

fn id_token(state: &Shared, person: &Person, nonce: Option<&str>) -> String {
    let now = clock::unix_seconds(clock::now());
    let mut claims = json!({
        "iss": state.issuer(),
        "aud": DEFAULT_CLIENT_ID,
        "exp": now + ID_TOKEN_LIFETIME_SECS,
        "iat": now,
        "nbf": now,
        "tid": TENANT_ID,
        "oid": person.oid,
        "sub": pairwise_subject(person.oid),
        "preferred_username": person.sign_in_name,
        "name": person.display_name,
        "ver": "2.0",
    });
    if let Some(nonce) = nonce {
        claims["nonce"] = json!(nonce);
    }
    jwt::sign(&claims, &state.signing_key)
}

/// Entra's `sub` is pairwise: stable for one person and one app, different across apps.
fn pairwise_subject(oid: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(
        format!("{oid}:{DEFAULT_CLIENT_ID}").as_bytes(),
    ))
}
