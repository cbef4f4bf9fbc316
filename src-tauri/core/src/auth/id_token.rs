//! ID token checks: issuer, audience, nonce, expiry and tenant.
//!
//! The signature is not verified: the ID token comes straight from the token endpoint over TLS
//! (the direct channel), where OpenID Connect Core 3.1.3.7 lets TLS server validation stand in
//! for the signature check.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use serde::Deserialize;

use super::discovery::Discovery;
use crate::accounts::Account;
use crate::error::CoreError;

/// Clocks of this machine and the provider may disagree this much.
const CLOCK_SKEW: Duration = Duration::from_secs(300);

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

/// The claims PinDesk reads. Nothing here is secret, but the token they came from is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct IdClaims {
    pub iss: String,
    aud: Audience,
    pub exp: u64,
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub tid: Option<String>,
    #[serde(default)]
    pub oid: Option<String>,
    pub sub: String,
    #[serde(default)]
    pub azp: Option<String>,
    #[serde(default)]
    pub preferred_username: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

/// What the ID token must say.
#[derive(Debug, Clone, Copy)]
pub struct ExpectedIdToken<'a> {
    pub discovery: &'a Discovery,
    pub client_id: &'a str,
    /// The nonce sent with the sign-in; `None` on refresh, where the provider need not repeat it.
    pub nonce: Option<&'a str>,
    /// On refresh: the tenant the account belongs to.
    pub tenant_id: Option<&'a str>,
    pub now: SystemTime,
}

impl IdClaims {
    /// The tenant, checked present by [`validate_id_token`].
    pub fn tenant_id(&self) -> &str {
        self.tid.as_deref().unwrap_or_default()
    }

    /// The account this token describes; its ID has MSAL's `<oid>.<tid>` form.
    pub fn account(&self) -> Account {
        let oid = self.oid.as_deref().unwrap_or(&self.sub);
        let username = self
            .preferred_username
            .clone()
            .unwrap_or_else(|| self.sub.clone());
        Account {
            id: format!("{oid}.{}", self.tenant_id()),
            display_name: self.name.clone().unwrap_or_else(|| username.clone()),
            username,
            tenant_id: self.tenant_id().to_owned(),
            tenant_name: None,
        }
    }

    fn audiences(&self) -> Vec<&str> {
        match &self.aud {
            Audience::One(aud) => vec![aud.as_str()],
            Audience::Many(auds) => auds.iter().map(String::as_str).collect(),
        }
    }
}

fn rejected(reason: impl Into<String>) -> CoreError {
    CoreError::SignInRejected(reason.into())
}

/// Reads the claims of `id_token` and checks them against `expected`.
pub fn validate_id_token(
    id_token: &str,
    expected: &ExpectedIdToken,
) -> Result<IdClaims, CoreError> {
    let mut parts = id_token.split('.');
    let payload = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(_), Some(payload), Some(_), None) => payload,
        _ => return Err(rejected("the ID token is not a JWT")),
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .or_else(|_| URL_SAFE.decode(payload))
        .map_err(|_| rejected("the ID token payload is not base64url"))?;
    let claims: IdClaims = serde_json::from_slice(&bytes).map_err(|e| {
        rejected(format!(
            "the ID token claims are incomplete ({})",
            e.classify_name()
        ))
    })?;

    let tid = claims
        .tid
        .as_deref()
        .filter(|t| !t.is_empty())
        .ok_or_else(|| rejected("the ID token has no tenant (tid)"))?;
    let issuer = expected.discovery.issuer_for(tid);
    if claims.iss != issuer {
        return Err(rejected(format!(
            "the ID token issuer `{}` is not `{issuer}`",
            claims.iss
        )));
    }
    let audiences = claims.audiences();
    if !audiences.contains(&expected.client_id) {
        return Err(rejected(format!(
            "the ID token is for `{}`, not for this app `{}`",
            audiences.join(" "),
            expected.client_id
        )));
    }
    if audiences.len() > 1 && claims.azp.as_deref() != Some(expected.client_id) {
        return Err(rejected(
            "the ID token has several audiences and was not issued to this app",
        ));
    }
    let now = expected.now.duration_since(UNIX_EPOCH).unwrap_or_default();
    // `exp` is the service's number: a huge one must be an error, never an overflow.
    let Some(latest) = Duration::from_secs(claims.exp).checked_add(CLOCK_SKEW) else {
        return Err(rejected("the ID token's expiry is not a usable time"));
    };
    if latest <= now {
        return Err(rejected(
            "the ID token has expired (check this computer's clock)",
        ));
    }
    if let Some(nonce) = expected.nonce
        && claims.nonce.as_deref() != Some(nonce)
    {
        return Err(rejected("the ID token's nonce does not match this sign-in"));
    }
    if let Some(tenant_id) = expected.tenant_id
        && tid != tenant_id
    {
        return Err(rejected(format!(
            "the ID token is for tenant `{tid}`, not `{tenant_id}`"
        )));
    }
    Ok(claims)
}

trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    /// The error category only: serde's message can quote a claim value.
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "unreadable",
            serde_json::error::Category::Syntax => "not JSON",
            serde_json::error::Category::Data => "missing or mistyped claims",
            serde_json::error::Category::Eof => "truncated",
        }
    }
}

#[cfg(test)]
mod tests;
