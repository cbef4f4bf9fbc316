//! OpenID discovery: every endpoint comes from the configured authority's own document, so Entra,
//! a sovereign cloud, the demo tenant and any conforming provider work the same way.

use serde::Deserialize;
use url::Url;

use super::http::network_error;
use super::provider_error::{ProviderError, TokenErrorBody};
use crate::error::CoreError;

/// Entra's multi-tenant issuers carry this placeholder instead of a tenant ID.
pub const TENANT_PLACEHOLDER: &str = "{tenantid}";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Discovery {
    /// May contain [`TENANT_PLACEHOLDER`].
    pub issuer: String,
    pub authorization_endpoint: Url,
    pub token_endpoint: Url,
    #[serde(default)]
    pub end_session_endpoint: Option<Url>,
}

impl Discovery {
    /// The issuer an ID token from tenant `tid` must carry.
    pub fn issuer_for(&self, tid: &str) -> String {
        self.issuer.replace(TENANT_PLACEHOLDER, tid)
    }

    fn check(self, authority: &Url) -> Result<Discovery, CoreError> {
        for url in [&self.authorization_endpoint, &self.token_endpoint] {
            let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
            let local_authority = authority.scheme() == "http";
            if url.scheme() != "https" && !(url.scheme() == "http" && loopback && local_authority) {
                return Err(CoreError::IdentityProvider(format!(
                    "discovery names an endpoint without https: {url}"
                )));
            }
        }
        if self.issuer.trim().is_empty() {
            return Err(CoreError::IdentityProvider(
                "discovery has an empty issuer".to_owned(),
            ));
        }
        Ok(self)
    }
}

/// The discovery document's address for an authority (issuer).
pub fn discovery_url(authority: &Url) -> Result<Url, CoreError> {
    let base = authority.as_str().trim_end_matches('/');
    Url::parse(&format!("{base}/.well-known/openid-configuration"))
        .map_err(|e| CoreError::Config(format!("authority `{authority}`: {e}")))
}

/// Fetches and checks the authority's discovery document.
pub async fn discover(http: &reqwest::Client, authority: &Url) -> Result<Discovery, CoreError> {
    let url = discovery_url(authority)?;
    let response = http
        .get(url.clone())
        .send()
        .await
        .map_err(|e| network_error(&e))?;
    let status = response.status();
    let body = response.bytes().await.map_err(|e| network_error(&e))?;
    if !status.is_success() {
        // Entra answers an unknown tenant with an OAuth error body (AADSTS90002).
        if let Ok(error) = serde_json::from_slice::<TokenErrorBody>(&body) {
            let error = ProviderError::from_token_error(&error);
            if error.has_code(90002) {
                return Err(CoreError::Config(format!("the tenant is unknown: {error}")));
            }
            return Err(CoreError::IdentityProvider(format!(
                "discovery at {url}: {error}"
            )));
        }
        return Err(CoreError::IdentityProvider(format!(
            "discovery at {url} answered {status}"
        )));
    }
    let discovery: Discovery = serde_json::from_slice(&body).map_err(|e| {
        CoreError::IdentityProvider(format!("discovery at {url} is not an OpenID document: {e}"))
    })?;
    discovery.check(authority)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(endpoint: &str) -> Discovery {
        Discovery {
            issuer: "https://login.microsoftonline.com/{tenantid}/v2.0".to_owned(),
            authorization_endpoint: Url::parse(&format!("{endpoint}/authorize")).unwrap(),
            token_endpoint: Url::parse(&format!("{endpoint}/token")).unwrap(),
            end_session_endpoint: None,
        }
    }

    #[test]
    fn the_discovery_url_is_under_the_authority_with_or_without_a_trailing_slash() {
        for authority in [
            "https://login.example/t/v2.0",
            "https://login.example/t/v2.0/",
        ] {
            let url = discovery_url(&Url::parse(authority).unwrap()).unwrap();
            assert_eq!(
                url.as_str(),
                "https://login.example/t/v2.0/.well-known/openid-configuration"
            );
        }
    }

    #[test]
    fn the_multi_tenant_placeholder_becomes_the_tenant_id() {
        assert_eq!(
            doc("https://x").issuer_for("abc"),
            "https://login.microsoftonline.com/abc/v2.0"
        );
    }

    #[test]
    fn plain_http_endpoints_are_refused_for_a_remote_authority() {
        let authority = Url::parse("https://login.example/t/v2.0").unwrap();
        assert!(doc("http://127.0.0.1:9").check(&authority).is_err());
        assert!(doc("https://login.example").check(&authority).is_ok());
        let local = Url::parse("http://127.0.0.1:9/t/v2.0").unwrap();
        assert!(doc("http://127.0.0.1:9").check(&local).is_ok());
        assert!(doc("http://login.example").check(&local).is_err());
    }
}
