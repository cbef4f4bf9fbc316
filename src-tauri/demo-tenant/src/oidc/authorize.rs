//! `GET|POST /{tenant}/oauth2/v2.0/authorize`: validates the request the way Entra does, shows the
//! account picker, and sends the code (or the error) back to the app's loopback redirect URI.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, LOCATION};
use axum::response::{IntoResponse, Response};
use url::Url;

use super::consent_check::{consent_required, missing_consent};
use super::error::AadError;
use super::scopes::Scopes;
use super::{Authority, loopback_redirect, page};
use crate::DEFAULT_CLIENT_ID;
use crate::seed::people::person_by_sign_in_name;
use crate::seed::{Person, TENANT_ID};
use crate::state::{PendingCode, Shared, TenantState, lock};

pub(super) type Params = HashMap<String, String>;

/// Authorize parameters carried through the sign-in page; nothing else is echoed back.
const CARRIED: [&str; 10] = [
    "client_id",
    "response_type",
    "redirect_uri",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "response_mode",
    "login_hint",
];

/// Code length: about as long as Entra's, and random enough that guessing is hopeless.
const CODE_LEN: usize = 400;

/// Reads a query string or form body. The first occurrence of a name wins.
pub(super) fn parse_params(raw: &[u8]) -> Params {
    let mut params = Params::new();
    for (name, value) in url::form_urlencoded::parse(raw) {
        params
            .entry(name.into_owned())
            .or_insert_with(|| value.into_owned());
    }
    params
}

pub(super) async fn authorize_get(
    State(state): State<TenantState>,
    Path(tenant): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let params = parse_params(query.as_deref().unwrap_or_default().as_bytes());
    authorize(&state, &tenant, &params, false)
}

pub(super) async fn authorize_post(
    State(state): State<TenantState>,
    Path(tenant): Path<String>,
    body: Bytes,
) -> Response {
    authorize(&state, &tenant, &parse_params(&body), true)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseMode {
    Query,
    Fragment,
    FormPost,
}

/// Where and how results go once the client and redirect URI are trusted.
#[derive(Debug)]
struct Reply {
    redirect_uri: Url,
    mode: ResponseMode,
    state: Option<String>,
}

impl Reply {
    fn send(&self, mut pairs: Vec<(&str, String)>) -> Response {
        if let Some(state) = &self.state {
            pairs.push(("state", state.clone()));
        }
        let mut url = self.redirect_uri.clone();
        match self.mode {
            ResponseMode::Query => {
                url.query_pairs_mut()
                    .extend_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
            }
            ResponseMode::Fragment => {
                let mut fragment = url::form_urlencoded::Serializer::new(String::new());
                fragment.extend_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
                url.set_fragment(Some(&fragment.finish()));
            }
            ResponseMode::FormPost => {
                let fields: Vec<(&str, &str)> =
                    pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
                return page::form_post(url.as_str(), &fields);
            }
        }
        (
            StatusCode::FOUND,
            [
                (LOCATION, url.to_string()),
                (CACHE_CONTROL, "no-store".into()),
            ],
        )
            .into_response()
    }

    fn error(&self, error: &AadError) -> Response {
        self.send(vec![
            ("error", error.error.to_owned()),
            ("error_description", error.short_description()),
        ])
    }
}

/// A request that passed every check and may receive a code.
#[derive(Debug)]
struct Validated {
    reply: Reply,
    redirect_raw: String,
    scopes: Scopes,
    nonce: Option<String>,
    code_challenge: String,
}

enum Refusal {
    /// The redirect URI is not trusted: show the error in the browser.
    Page(AadError),
    /// The client is known and the redirect URI trusted: report to the app.
    Redirect(Box<Reply>, AadError),
}

fn authorize(state: &Shared, tenant: &str, params: &Params, posted: bool) -> Response {
    if let Err(error) = Authority::resolve(tenant) {
        return page::error(&error);
    }
    let request = match validate(params) {
        Ok(request) => request,
        Err(Refusal::Page(error)) => return page::error(&error),
        Err(Refusal::Redirect(reply, error)) => return reply.error(&error),
    };
    // "Return to the application without granting consent" on "Need admin approval" declines
    // consent, which Entra reports as AADSTS65004.
    if posted && params.get("action").is_some_and(|a| a == "decline") {
        let declined = AadError::new(
            "access_denied",
            65_004,
            "User declined to consent to access the app.",
        );
        return request.reply.send(vec![
            ("error", declined.error.to_owned()),
            ("error_subcode", "cancel".to_owned()),
            ("error_description", declined.short_description()),
        ]);
    }
    // The demo's account picker offers Cancel (Entra's has none: a person closes the tab); it
    // answers as a cancelled sign-in, not as declined consent.
    if posted && params.get("action").is_some_and(|a| a == "cancel") {
        return request.reply.send(vec![
            ("error", "access_denied".to_owned()),
            ("error_subcode", "cancel".to_owned()),
            (
                "error_description",
                "The user cancelled the sign-in.".to_owned(),
            ),
        ]);
    }
    if posted && let Some(choice) = params.get("login_as") {
        return match person_by_sign_in_name(choice) {
            Some(person) => admit(state, person, request, tenant, params, false),
            None => page::error(&AadError::new(
                "invalid_request",
                50_034,
                format!("The user account {choice} does not exist in the directory."),
            )),
        };
    }
    let hint = params.get("login_hint").map(String::as_str);
    if params
        .get("prompt")
        .is_some_and(|p| p.eq_ignore_ascii_case("none"))
    {
        // Entra answers a silent request from the browser session; the demo treats each of its
        // people as already signed in, so a known hint is enough.
        return match hint.and_then(person_by_sign_in_name) {
            Some(person) => admit(state, person, request, tenant, params, true),
            None => request.reply.error(&AadError::new(
                "login_required",
                50_058,
                "A silent sign-in request was sent but no user is signed in.",
            )),
        };
    }
    page::sign_in(
        &format!("/{tenant}/oauth2/v2.0/authorize"),
        &carried(params),
        hint,
    )
}

fn carried(params: &Params) -> Vec<(&str, &str)> {
    CARRIED
        .iter()
        .filter_map(|name| params.get(*name).map(|value| (*name, value.as_str())))
        .collect()
}

/// Issues a code when the person may have every permission asked for. Otherwise a silent request
/// gets Entra's `consent_required` (AADSTS65001) at once, and an interactive one its "Need admin
/// approval" page (AADSTS90094), whose way back answers `access_denied` (AADSTS65004).
fn admit(
    state: &Shared,
    person: &'static Person,
    request: Validated,
    tenant: &str,
    params: &Params,
    silent: bool,
) -> Response {
    let missing = missing_consent(state, person, &request.scopes);
    if missing.is_empty() {
        issue_code(state, person, request)
    } else if silent {
        request.reply.error(&consent_required())
    } else {
        page::needs_admin(
            &format!("/{tenant}/oauth2/v2.0/authorize"),
            &carried(params),
        )
    }
}

fn validate(params: &Params) -> Result<Validated, Refusal> {
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let client_id =
        get("client_id").ok_or_else(|| Refusal::Page(AadError::missing("client_id")))?;
    if !client_id.eq_ignore_ascii_case(DEFAULT_CLIENT_ID) {
        return Err(Refusal::Page(AadError::unknown_client(client_id)));
    }
    let redirect_raw =
        get("redirect_uri").ok_or_else(|| Refusal::Page(AadError::missing("redirect_uri")))?;
    let redirect_uri = loopback_redirect(redirect_raw).ok_or_else(|| {
        Refusal::Page(AadError::new(
            "invalid_request",
            50_011,
            format!(
                "The redirect URI '{redirect_raw}' specified in the request does not match the \
                 redirect URIs configured for the application '{DEFAULT_CLIENT_ID}'."
            ),
        ))
    })?;
    let mode = match get("response_mode") {
        None | Some("query") => Some(ResponseMode::Query),
        Some("fragment") => Some(ResponseMode::Fragment),
        Some("form_post") => Some(ResponseMode::FormPost),
        Some(_) => None,
    };
    let reply = Reply {
        redirect_uri,
        mode: mode.unwrap_or(ResponseMode::Query),
        state: params.get("state").cloned(),
    };
    match check_flow(params, mode.is_some()) {
        Ok((scopes, code_challenge)) => Ok(Validated {
            reply,
            redirect_raw: redirect_raw.to_owned(),
            scopes,
            nonce: params.get("nonce").cloned(),
            code_challenge,
        }),
        Err(error) => Err(Refusal::Redirect(Box::new(reply), error)),
    }
}

/// Checks made once the redirect URI is trusted, so failures go back to the app.
fn check_flow(params: &Params, mode_known: bool) -> Result<(Scopes, String), AadError> {
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    if !mode_known {
        let why = "Use query, fragment or form_post.";
        return Err(AadError::invalid_parameter("response_mode", why));
    }
    match get("response_type") {
        None => return Err(AadError::missing("response_type")),
        Some("code") => {}
        Some(other) => {
            return Err(AadError::new(
                "unsupported_response_type",
                700_054,
                format!("response_type '{other}' is not enabled for the application."),
            ));
        }
    }
    let scopes = Scopes::parse(get("scope").ok_or_else(|| AadError::missing("scope"))?)?;
    let challenge = get("code_challenge").ok_or_else(|| {
        let why = "Proof Key for Code Exchange is required for this client.";
        AadError::new("invalid_request", 9_002_325, why)
    })?;
    if get("code_challenge_method") != Some("S256") {
        let why = "Only S256 is supported.";
        return Err(AadError::invalid_parameter("code_challenge_method", why));
    }
    // An S256 challenge is always a SHA-256 digest in unpadded base64url: 43 characters.
    if challenge.len() != 43 || !challenge.bytes().all(is_base64url) {
        let why = "Invalid size of Code_Challenge parameter.";
        return Err(AadError::new("invalid_request", 501_491, why));
    }
    Ok((scopes, challenge.to_owned()))
}

fn is_base64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn issue_code(state: &Shared, person: &'static Person, request: Validated) -> Response {
    let code = state.new_secret(CODE_LEN);
    let pending = PendingCode {
        person,
        redirect_uri: request.redirect_raw,
        code_challenge: request.code_challenge,
        scopes: request.scopes,
        nonce: request.nonce,
        expires_at: state.clock.instant() + state.options.code_lifetime,
        redeemed: false,
    };
    lock(&state.auth).codes.insert(code.clone(), pending);
    // Entra sends session_state with every code; it identifies the browser session, not a secret.
    let session_state = crate::seed::stable_id("session", &format!("{TENANT_ID}:{}", person.oid));
    request
        .reply
        .send(vec![("code", code), ("session_state", session_state)])
}
