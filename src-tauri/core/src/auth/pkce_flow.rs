//! The OAuth part of sign-in on the `oauth2` crate: the authorize URL (PKCE S256, `state`,
//! `nonce`), the code exchange and the refresh, as a public client over our own HTTP client.

use std::borrow::Cow;
use std::time::Duration;

use oauth2::basic::{
    BasicRevocationErrorResponse, BasicTokenIntrospectionResponse, BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, CsrfToken, EndpointNotSet, EndpointSet, ExtraTokenFields,
    HttpClientError, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RefreshToken,
    RequestTokenError, Scope, StandardRevocableToken, StandardTokenResponse, TokenResponse as _,
    TokenUrl,
};
use serde::{Deserialize, Serialize};
use url::Url;

use super::discovery::Discovery;
use super::http::network_error;
use super::provider_error::{ProviderError, Stage, TokenErrorBody};
use crate::error::CoreError;
use crate::secret::SecretString;

/// Assumed access token lifetime when the provider does not say (shorter is safer: it only
/// means an earlier refresh).
const DEFAULT_LIFETIME: Duration = Duration::from_secs(300);

/// The longest access token lifetime PinDesk believes: Entra's longest (tokens for continuous
/// access evaluation) last up to 28 hours.
const MAX_LIFETIME: Duration = Duration::from_secs(2 * 24 * 3600);

/// OpenID Connect adds the ID token to the OAuth token response.
#[derive(Clone, Default, Deserialize, Serialize)]
pub(crate) struct IdTokenField {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_token: Option<String>,
}

impl std::fmt::Debug for IdTokenField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdTokenField(***)")
    }
}

impl ExtraTokenFields for IdTokenField {}

type OidcTokenResponse = StandardTokenResponse<IdTokenField, BasicTokenType>;

type OidcClient = oauth2::Client<
    TokenErrorBody,
    OidcTokenResponse,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// What the token endpoint handed out. Every field but the lifetime is secret.
#[derive(Debug)]
pub(crate) struct TokenSet {
    pub access_token: SecretString,
    pub lifetime: Duration,
    pub refresh_token: Option<SecretString>,
    pub id_token: Option<SecretString>,
}

/// One interactive sign-in: the page to open and what must come back.
#[derive(Debug)]
pub(crate) struct AuthorizeRequest {
    pub url: Url,
    pub state: SecretString,
    pub nonce: SecretString,
    pub verifier: PkceCodeVerifier,
    pub redirect_uri: String,
}

fn client(discovery: &Discovery, client_id: &str) -> OidcClient {
    oauth2::Client::new(ClientId::new(client_id.to_owned()))
        .set_auth_uri(AuthUrl::from_url(discovery.authorization_endpoint.clone()))
        .set_token_uri(TokenUrl::from_url(discovery.token_endpoint.clone()))
}

/// Builds the authorize URL for `redirect_uri` (kept exactly as given: `http://localhost:<port>`
/// without a trailing slash is what the registration matches).
pub(crate) fn authorize_request(
    discovery: &Discovery,
    client_id: &str,
    redirect_uri: &str,
    scopes: &[String],
    login_hint: Option<&str>,
    claims: Option<&str>,
) -> Result<AuthorizeRequest, CoreError> {
    let redirect = RedirectUrl::new(redirect_uri.to_owned())
        .map_err(|e| CoreError::Internal(format!("redirect URI: {e}")))?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let nonce = CsrfToken::new_random_len(32);
    let client = client(discovery, client_id);
    let mut request = client
        .authorize_url(CsrfToken::new_random)
        .set_redirect_uri(Cow::Owned(redirect))
        .set_pkce_challenge(challenge)
        .add_scopes(scopes.iter().cloned().map(Scope::new))
        .add_extra_param("nonce", nonce.secret().clone());
    if let Some(hint) = login_hint.map(str::trim).filter(|h| !h.is_empty()) {
        request = request.add_extra_param("login_hint", hint.to_owned());
    } else {
        // No account named: another person may be at this desk, or the helpdesk person adds a
        // second account. Entra would otherwise sign in whoever its browser session holds.
        request = request.add_extra_param("prompt", "select_account");
    }
    if let Some(claims) = claims {
        request = request.add_extra_param("claims", claims.to_owned());
    }
    let (url, state) = request.url();
    Ok(AuthorizeRequest {
        url,
        state: SecretString::new(state.secret().clone()),
        nonce: SecretString::new(nonce.secret().clone()),
        verifier,
        redirect_uri: redirect_uri.to_owned(),
    })
}

pub(crate) async fn exchange_code(
    http: &reqwest::Client,
    discovery: &Discovery,
    client_id: &str,
    redirect_uri: &str,
    code: SecretString,
    verifier: PkceCodeVerifier,
) -> Result<TokenSet, CoreError> {
    let redirect = RedirectUrl::new(redirect_uri.to_owned())
        .map_err(|e| CoreError::Internal(format!("redirect URI: {e}")))?;
    let response = client(discovery, client_id)
        .exchange_code(AuthorizationCode::new(code.expose().to_owned()))
        .set_redirect_uri(Cow::Owned(redirect))
        .set_pkce_verifier(verifier)
        .request_async(http)
        .await
        .map_err(|e| token_error(e, Stage::CodeExchange))?;
    token_set(response)
}

pub(crate) async fn refresh(
    http: &reqwest::Client,
    discovery: &Discovery,
    client_id: &str,
    refresh_token: &SecretString,
    scopes: &[String],
) -> Result<TokenSet, CoreError> {
    let refresh_token = RefreshToken::new(refresh_token.expose().to_owned());
    let response = client(discovery, client_id)
        .exchange_refresh_token(&refresh_token)
        .add_scopes(scopes.iter().cloned().map(Scope::new))
        .request_async(http)
        .await
        .map_err(|e| token_error(e, Stage::Refresh))?;
    token_set(response)
}

fn token_set(response: OidcTokenResponse) -> Result<TokenSet, CoreError> {
    let lifetime = response.expires_in().unwrap_or(DEFAULT_LIFETIME);
    if lifetime > MAX_LIFETIME {
        return Err(CoreError::IdentityProvider(format!(
            "the sign-in service said its access token lasts {} seconds, which is not believable",
            lifetime.as_secs()
        )));
    }
    Ok(TokenSet {
        access_token: SecretString::new(response.access_token().secret().clone()),
        lifetime,
        refresh_token: response
            .refresh_token()
            .map(|t| SecretString::new(t.secret().clone())),
        id_token: response
            .extra_fields()
            .id_token
            .clone()
            .map(SecretString::new),
    })
}

/// Token endpoint failures without the response body, which may hold tokens.
fn token_error(
    error: RequestTokenError<HttpClientError<reqwest::Error>, TokenErrorBody>,
    stage: Stage,
) -> CoreError {
    match error {
        RequestTokenError::ServerResponse(body) => {
            ProviderError::from_token_error(&body).into_core_error(stage)
        }
        RequestTokenError::Request(HttpClientError::Reqwest(e)) => network_error(&e),
        RequestTokenError::Request(e) => CoreError::Network(e.to_string()),
        RequestTokenError::Parse(e, _body) => CoreError::IdentityProvider(format!(
            "the token endpoint's answer is not readable at `{}`",
            e.path()
        )),
        RequestTokenError::Other(reason) => CoreError::IdentityProvider(reason),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn discovery() -> Discovery {
        Discovery {
            issuer: "https://login.example/{tenantid}/v2.0".to_owned(),
            authorization_endpoint: Url::parse("https://login.example/o/authorize").unwrap(),
            token_endpoint: Url::parse("https://login.example/o/token").unwrap(),
            end_session_endpoint: None,
        }
    }

    #[test]
    fn the_authorize_url_carries_pkce_s256_state_nonce_scopes_and_the_exact_redirect() {
        let scopes = vec![
            "openid".to_owned(),
            "https://graph.microsoft.com/User.Read".to_owned(),
        ];
        let request = authorize_request(
            &discovery(),
            "client-1",
            "http://localhost:51234",
            &scopes,
            Some("helpdesk@contoso.example"),
            None,
        )
        .unwrap();
        let query: HashMap<String, String> = request.url.query_pairs().into_owned().collect();
        assert_eq!(query["response_type"], "code");
        assert_eq!(query["client_id"], "client-1");
        assert_eq!(query["code_challenge_method"], "S256");
        assert_eq!(query["code_challenge"].len(), 43);
        assert_eq!(query["redirect_uri"], "http://localhost:51234");
        assert_eq!(
            query["scope"],
            "openid https://graph.microsoft.com/User.Read"
        );
        assert_eq!(query["state"], request.state.expose());
        assert_eq!(query["nonce"], request.nonce.expose());
        assert_eq!(query["login_hint"], "helpdesk@contoso.example");
        assert!(
            !query.contains_key("prompt"),
            "a named account needs no picker"
        );
        assert!(!query.contains_key("claims"));
        assert!(
            request
                .url
                .as_str()
                .starts_with("https://login.example/o/authorize?")
        );
    }

    fn response(expires_in: &str) -> OidcTokenResponse {
        serde_json::from_str(&format!(
            r#"{{"access_token":"at","token_type":"Bearer","expires_in":{expires_in}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn a_huge_expires_in_from_the_sign_in_service_is_an_error() {
        for huge in ["18446744073709551615", "9999999999"] {
            let error = token_set(response(huge)).unwrap_err();
            assert!(matches!(error, CoreError::IdentityProvider(_)), "{huge}");
        }
        let usual = token_set(response("3599")).unwrap();
        assert_eq!(usual.lifetime, Duration::from_secs(3599));
    }

    #[test]
    fn every_sign_in_gets_fresh_state_nonce_and_verifier() {
        let a =
            authorize_request(&discovery(), "c", "http://localhost:1", &[], None, None).unwrap();
        let b =
            authorize_request(&discovery(), "c", "http://localhost:1", &[], None, None).unwrap();
        assert_ne!(a.state, b.state);
        assert_ne!(a.nonce, b.nonce);
        assert_ne!(a.verifier.secret(), b.verifier.secret());
        assert!(!a.url.query_pairs().any(|(k, _)| k == "login_hint"));
    }

    #[test]
    fn a_sign_in_without_a_named_account_lets_the_person_pick_one() {
        let request =
            authorize_request(&discovery(), "c", "http://localhost:1", &[], None, None).unwrap();
        let query: HashMap<String, String> = request.url.query_pairs().into_owned().collect();
        assert_eq!(query["prompt"], "select_account");
    }

    #[test]
    fn a_claims_challenge_rides_on_the_next_authorize_request() {
        let claims = r#"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#;
        let request = authorize_request(
            &discovery(),
            "c",
            "http://localhost:1",
            &[],
            Some("helpdesk@contoso.example"),
            Some(claims),
        )
        .unwrap();
        let query: HashMap<String, String> = request.url.query_pairs().into_owned().collect();
        assert_eq!(query["claims"], claims);
    }
}
