//! Which [`ErrorKind`] an answer of the service is. Branches on status and codes; the few cases
//! where Intune gives nothing but a sentence are matched on that sentence, all in
//! [`MESSAGE_RULES`], so there is one place to change when the service's wording changes.

use super::{ErrorKind, ServiceError};

/// Phrases in (unwrapped) messages that name a case no code distinguishes, first match wins.
const MESSAGE_RULES: [(&str, ErrorKind); 4] = [
    // Tenant without an Intune licence or MDM authority (400).
    ("not applicable to target tenant", ErrorKind::NotLicensed),
    // Missing delegated scope (403): "Application must have one of the following scopes: ...".
    (
        "must have one of the following scopes",
        ErrorKind::ScopeMissing,
    ),
    (
        "application is not authorized to perform this operation",
        ErrorKind::ScopeMissing,
    ),
    // Entra's "The user or administrator has not consented to use the application".
    ("aadsts65001", ErrorKind::ConsentMissing),
];

/// Codes that say the same thing wherever they appear.
const CODE_RULES: [(&str, ErrorKind); 6] = [
    ("Request_ResourceNotFound", ErrorKind::NotFound),
    ("ResourceNotFound", ErrorKind::NotFound),
    ("ItemNotFound", ErrorKind::NotFound),
    ("TooManyRequests", ErrorKind::Throttled),
    ("activityLimitReached", ErrorKind::Throttled),
    ("consent_required", ErrorKind::ConsentMissing),
];

pub(crate) fn classify(error: &ServiceError) -> ErrorKind {
    if error.status == 401 && is_claims_challenge(error) {
        return ErrorKind::ClaimsChallenge;
    }
    if error.status == 429 {
        return ErrorKind::Throttled;
    }
    let message = error.message.to_ascii_lowercase();
    if let Some((_, kind)) = MESSAGE_RULES
        .iter()
        .find(|(phrase, _)| message.contains(phrase))
    {
        return *kind;
    }
    let codes = [
        error.code.as_deref(),
        error.inner_code.as_deref(),
        error.auth_error.as_deref(),
    ];
    for code in codes.into_iter().flatten() {
        if let Some((_, kind)) = CODE_RULES
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
        {
            return *kind;
        }
    }
    match error.status {
        // After one refresh and retry, a rejected token means the sign-in itself is gone.
        401 if error.code_is("InvalidAuthenticationToken") => ErrorKind::SessionExpired,
        // Intune answers a person without an Intune role with 401 `UnknownError` around an inner
        // `Forbidden`, and a role that may read but not write with a wrapped 403.
        401 | 403 if error.code_is("Authorization_RequestDenied") => ErrorKind::ScopeMissing,
        401 | 403 => ErrorKind::RoleMissing,
        404 | 410 => ErrorKind::NotFound,
        400..=499 => ErrorKind::BadRequest,
        _ => ErrorKind::ServiceError,
    }
}

fn is_claims_challenge(error: &ServiceError) -> bool {
    error.claims.is_some()
        || error
            .auth_error
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case("insufficient_claims"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(status: u16, code: &str, inner: Option<&str>, message: &str) -> ServiceError {
        ServiceError {
            status,
            code: Some(code.to_owned()),
            inner_code: inner.map(str::to_owned),
            message: message.to_owned(),
            ..ServiceError::default()
        }
    }

    #[test]
    fn the_documented_cases_map_to_their_kinds() {
        let cases = [
            (
                error(
                    403,
                    "Forbidden",
                    None,
                    "Application is not authorized to perform this \
                     operation. Application must have one of the following scopes: X",
                ),
                ErrorKind::ScopeMissing,
            ),
            (
                error(
                    401,
                    "UnknownError",
                    Some("Forbidden"),
                    "An error has occurred",
                ),
                ErrorKind::RoleMissing,
            ),
            (
                error(
                    403,
                    "Forbidden",
                    None,
                    "An error has occurred - Operation ID",
                ),
                ErrorKind::RoleMissing,
            ),
            (
                error(
                    400,
                    "BadRequest",
                    None,
                    "Request not applicable to target tenant.",
                ),
                ErrorKind::NotLicensed,
            ),
            (
                error(
                    404,
                    "Request_ResourceNotFound",
                    None,
                    "Resource 'x' does not exist",
                ),
                ErrorKind::NotFound,
            ),
            (
                error(429, "TooManyRequests", None, "slow down"),
                ErrorKind::Throttled,
            ),
            (
                error(503, "ServiceUnavailable", None, ""),
                ErrorKind::ServiceError,
            ),
            (
                error(504, "GatewayTimeout", None, ""),
                ErrorKind::ServiceError,
            ),
            (
                error(400, "BadRequest", None, "Invalid filter clause"),
                ErrorKind::BadRequest,
            ),
            (
                error(401, "InvalidAuthenticationToken", None, "expired"),
                ErrorKind::SessionExpired,
            ),
            (
                error(
                    403,
                    "Authorization_RequestDenied",
                    None,
                    "Insufficient privileges",
                ),
                ErrorKind::ScopeMissing,
            ),
        ];
        for (error, kind) in cases {
            assert_eq!(classify(&error), kind, "{error}");
        }
    }

    #[test]
    fn a_401_with_insufficient_claims_is_a_claims_challenge() {
        let mut e = error(
            401,
            "InvalidAuthenticationToken",
            None,
            "Continuous access evaluation",
        );
        e.auth_error = Some("insufficient_claims".to_owned());
        e.claims = Some("eyJ9".to_owned());
        assert_eq!(classify(&e), ErrorKind::ClaimsChallenge);
    }
}
