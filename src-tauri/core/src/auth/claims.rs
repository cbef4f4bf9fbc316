//! Conditional Access claims challenges. When a policy asks for more than the current token
//! proves (a compliant device, a fresh MFA), Graph answers 401 with
//! `WWW-Authenticate: Bearer ..., error="insufficient_claims", claims="<base64 JSON>"`. A new
//! token only satisfies it if the next interactive sign-in sends that JSON as the authorize
//! request's `claims` parameter (Microsoft identity platform, "Claims challenges, claims requests
//! and client capabilities"); refreshing alone would only earn the same refusal again.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

/// The `claims` parameter for the next authorize request, from the challenge Graph sent: the
/// base64 decoded to JSON (already-decoded JSON is taken as it is). `None` when it is not a
/// JSON object, so a garbled header never reaches the sign-in page.
pub(crate) fn claims_parameter(challenge: &str) -> Option<String> {
    let challenge = challenge.trim();
    let text = if challenge.starts_with('{') {
        challenge.to_owned()
    } else {
        let bytes = [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
            .iter()
            .find_map(|engine| engine.decode(challenge).ok())?;
        String::from_utf8(bytes).ok()?
    };
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value.is_object().then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The challenge Microsoft's "Claims challenges" page shows for a Conditional Access
    // authentication context (base64 of {"access_token":{"acrs":{"essential":true,"value":"c1"}}}).
    const CHALLENGE: &str =
        "eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiYzEifX19";

    #[test]
    fn a_base64_challenge_becomes_the_json_the_authorize_request_sends() {
        assert_eq!(
            claims_parameter(CHALLENGE).as_deref(),
            Some(r#"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#)
        );
    }

    #[test]
    fn a_challenge_that_is_not_a_json_object_is_not_sent() {
        assert_eq!(claims_parameter("not base64!"), None);
        assert_eq!(claims_parameter(&STANDARD.encode("[1,2]")), None);
        assert_eq!(claims_parameter(""), None);
    }

    #[test]
    fn a_challenge_already_decoded_is_taken_as_it_is() {
        let json = r#"{"access_token":{"xms_cc":{"values":["cp1"]}}}"#;
        assert_eq!(claims_parameter(json).as_deref(), Some(json));
    }
}
