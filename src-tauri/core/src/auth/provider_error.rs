//! Errors the identity provider returns (in the browser callback or from the token endpoint),
//! reduced to what support needs: the OAuth error, AADSTS codes, trace and correlation IDs.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::CoreError;

/// Descriptions are cut to this many characters: support needs the first sentence and the IDs.
const MAX_DESCRIPTION: usize = 300;

/// An error answer from the identity provider. It holds no token or code: only the provider's
/// own error fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderError {
    /// The OAuth error, such as `invalid_grant` or `access_denied`.
    pub error: String,
    /// Entra's codes, such as `AADSTS65001`.
    pub codes: Vec<String>,
    pub description: Option<String>,
    pub trace_id: Option<String>,
    pub correlation_id: Option<String>,
}

/// Where in the sign-in the error came back, which decides what an `invalid_grant` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// In the browser, before any token.
    Authorize,
    /// Exchanging the code for tokens.
    CodeExchange,
    /// Using a stored refresh token.
    Refresh,
}

/// The token endpoint's error body, with Entra's extra fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenErrorBody {
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_codes: Vec<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suberror: Option<String>,
}

impl fmt::Display for TokenErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ProviderError::from_token_error(self).fmt(f)
    }
}

impl oauth2::ErrorResponse for TokenErrorBody {}

impl ProviderError {
    pub fn new(error: &str, description: Option<&str>) -> ProviderError {
        let description = description.map(str::trim).filter(|d| !d.is_empty());
        let line = |label: &str| {
            description.and_then(|d| {
                d.lines()
                    .find_map(|l| l.trim().strip_prefix(label).map(|v| v.trim().to_owned()))
            })
        };
        let mut error = ProviderError {
            error: clean(error, 64),
            codes: Vec::new(),
            description: description
                .and_then(|d| d.lines().next())
                .map(|l| clean(l, MAX_DESCRIPTION)),
            trace_id: line("Trace ID:").map(|v| clean(&v, 64)),
            correlation_id: line("Correlation ID:").map(|v| clean(&v, 64)),
        };
        if let Some(description) = description {
            error.add_codes_from(description);
        }
        error
    }

    pub fn from_token_error(body: &TokenErrorBody) -> ProviderError {
        let mut error = ProviderError::new(&body.error, body.error_description.as_deref());
        for code in &body.error_codes {
            error.push_code(format!("AADSTS{code}"));
        }
        if let Some(trace) = &body.trace_id {
            error.trace_id = Some(clean(trace, 64));
        }
        if let Some(correlation) = &body.correlation_id {
            error.correlation_id = Some(clean(correlation, 64));
        }
        if body.suberror.as_deref() == Some("consent_required") {
            error.push_code("AADSTS65001".to_owned());
        }
        error
    }

    pub fn has_code(&self, number: u32) -> bool {
        let wanted = format!("AADSTS{number}");
        self.codes.contains(&wanted)
    }

    fn push_code(&mut self, code: String) {
        if !self.codes.contains(&code) {
            self.codes.push(code);
        }
    }

    fn add_codes_from(&mut self, text: &str) {
        let mut rest = text;
        while let Some(at) = rest.find("AADSTS") {
            let digits: String = rest[at + 6..]
                .chars()
                .take_while(char::is_ascii_digit)
                .take(9)
                .collect();
            if !digits.is_empty() {
                self.push_code(format!("AADSTS{digits}"));
            }
            rest = &rest[at + 6..];
        }
    }

    /// What this error means for the person, given where it happened.
    pub fn into_core_error(self, stage: Stage) -> CoreError {
        // 65001: nobody consented; 65004: declined at a consent prompt (what "Return to the
        // application" on "Need admin approval" sends); 90094: only an admin may consent;
        // 90099: not authorised in the customer's tenant. All mean the organisation has not
        // approved the client, not that the person cancelled.
        const NOT_APPROVED: [u32; 4] = [65001, 65004, 90094, 90099];
        const EXPIRED: [u32; 7] = [700082, 700084, 50173, 70008, 50133, 70043, 700081];
        if NOT_APPROVED.iter().any(|c| self.has_code(*c)) || self.error == "consent_required" {
            return CoreError::OrgNotApproved(self);
        }
        // The app registration does not list a permission it asks for.
        if self.has_code(650057) {
            return CoreError::ConsentMissing(self);
        }
        if self.has_code(53003) {
            return CoreError::ConditionalAccess(self);
        }
        if self.has_code(700016) {
            return CoreError::ClientUnknown(self);
        }
        if self.has_code(50105) {
            return CoreError::UserNotAssigned(self);
        }
        if self.has_code(50076) || self.has_code(50079) {
            return CoreError::MfaRequired(self);
        }
        if EXPIRED.iter().any(|c| self.has_code(*c)) {
            return CoreError::SessionExpired(self.to_string());
        }
        match (self.error.as_str(), stage) {
            ("access_denied", Stage::Authorize) => {
                CoreError::SignInCancelled(format!("cancelled in the browser: {self}"))
            }
            ("invalid_grant", Stage::Refresh) => CoreError::SessionExpired(self.to_string()),
            // The refresh token still works; only these scopes need the person in the browser.
            ("interaction_required" | "login_required", Stage::Refresh) => {
                CoreError::InteractionRequired(self)
            }
            _ => CoreError::IdentityProvider(self.to_string()),
        }
    }
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.error)?;
        if !self.codes.is_empty() {
            write!(f, " {}", self.codes.join(","))?;
        }
        if let Some(description) = &self.description {
            write!(f, ": {description}")?;
        }
        if let Some(trace) = &self.trace_id {
            write!(f, " (trace ID {trace})")?;
        }
        if let Some(correlation) = &self.correlation_id {
            write!(f, " (correlation ID {correlation})")?;
        }
        Ok(())
    }
}

/// Keeps provider text printable and short: it ends up in a support detail.
fn clean(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRA_DESCRIPTION: &str = "AADSTS65001: The user or administrator has not consented to \
        use the application.\r\nTrace ID: 0a1b\r\nCorrelation ID: 9c8d\r\nTimestamp: 2026-01-01";

    #[test]
    fn codes_trace_and_correlation_ids_come_out_of_an_entra_description() {
        let error = ProviderError::new("invalid_grant", Some(ENTRA_DESCRIPTION));
        assert_eq!(error.codes, ["AADSTS65001"]);
        assert_eq!(error.trace_id.as_deref(), Some("0a1b"));
        assert_eq!(error.correlation_id.as_deref(), Some("9c8d"));
        assert!(!error.to_string().contains("Timestamp"));
    }

    #[test]
    fn documented_codes_map_to_their_plain_language_kinds() {
        let kind = |code: &str, error: &str, stage| {
            let e =
                ProviderError::new(error, Some(&format!("{code}: text"))).into_core_error(stage);
            crate::Failure::failure_kind(&e)
        };
        assert_eq!(
            kind("AADSTS65001", "invalid_grant", Stage::Refresh),
            "orgNotApproved"
        );
        assert_eq!(
            kind("AADSTS53003", "access_denied", Stage::Authorize),
            "conditionalAccess"
        );
        assert_eq!(
            kind("AADSTS700016", "unauthorized_client", Stage::Authorize),
            "clientUnknown"
        );
        assert_eq!(
            kind("AADSTS50105", "invalid_grant", Stage::CodeExchange),
            "userNotAssigned"
        );
        assert_eq!(
            kind("AADSTS50076", "interaction_required", Stage::Refresh),
            "mfaRequired"
        );
        assert_eq!(
            kind("AADSTS700082", "invalid_grant", Stage::Refresh),
            "sessionExpired"
        );
        assert_eq!(
            kind("", "access_denied", Stage::Authorize),
            "signInCancelled"
        );
        assert_eq!(kind("", "invalid_grant", Stage::Refresh), "sessionExpired");
        assert_eq!(
            kind("", "invalid_grant", Stage::CodeExchange),
            "identityProvider"
        );
    }

    #[test]
    fn an_organisation_that_has_not_approved_pindesk_is_never_a_cancellation() {
        let kind = |error: &str, description: Option<&str>| {
            let e = ProviderError::new(error, description).into_core_error(Stage::Authorize);
            crate::Failure::failure_kind(&e)
        };
        for (error, description) in [
            (
                "consent_required",
                Some("AADSTS65001: The user or administrator has not consented"),
            ),
            (
                "access_denied",
                Some("AADSTS65004: User declined to consent to access the app."),
            ),
            (
                "access_denied",
                Some("AADSTS90094: The grant requires admin permission."),
            ),
            (
                "access_denied",
                Some("AADSTS90099: The application has not been authorized"),
            ),
            ("consent_required", None),
        ] {
            assert_eq!(
                kind(error, description),
                "orgNotApproved",
                "{error} {description:?}"
            );
        }
        let refused = ProviderError::from_token_error(&TokenErrorBody {
            error: "invalid_grant".into(),
            error_codes: vec![65001],
            suberror: Some("consent_required".into()),
            ..TokenErrorBody::default()
        });
        let error = refused.into_core_error(Stage::Refresh);
        assert_eq!(crate::Failure::failure_kind(&error), "orgNotApproved");
        let detail = crate::Failure::support_detail(&error);
        assert!(detail.is_some_and(|d| d.contains("AADSTS65001")));
    }

    #[test]
    fn token_endpoint_fields_add_codes_and_ids() {
        let body = TokenErrorBody {
            error: "invalid_grant".into(),
            error_codes: vec![700082],
            trace_id: Some("t".into()),
            correlation_id: Some("c".into()),
            ..TokenErrorBody::default()
        };
        let error = ProviderError::from_token_error(&body);
        assert_eq!(
            error.to_string(),
            "invalid_grant AADSTS700082 (trace ID t) (correlation ID c)"
        );
    }
}
