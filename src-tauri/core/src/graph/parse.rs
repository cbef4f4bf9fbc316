//! Reading Graph's error answers: the OData error body, Intune's JSON nested in `error.message`,
//! the request-id headers, `Retry-After` and the `WWW-Authenticate` challenge.

use std::time::{Duration, SystemTime};

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

use super::error::ServiceError;

/// How deep Intune nests JSON in messages; seen: two levels (`ErrorCode`/`Message`, then
/// `_version: 3`).
const MAX_NESTING: usize = 4;

/// Builds the error of a failed response from its status, a header lookup (case-insensitive
/// names) and its body.
pub(crate) fn service_error(
    status: u16,
    header: &dyn Fn(&str) -> Option<String>,
    body: &[u8],
) -> ServiceError {
    let json: Option<Value> = serde_json::from_slice(body).ok();
    let error = json.as_ref().and_then(|j| j.get("error"));
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let inner = error.and_then(|e| e.get("innerError").or_else(|| e.get("innererror")));
    let raw_message = text(error.and_then(|e| e.get("message"))).unwrap_or_default();
    let (nested_code, message) = unwrap_intune(&raw_message);
    let challenge = header("www-authenticate")
        .map(|h| parse_challenge(&h))
        .unwrap_or_default();
    ServiceError {
        status,
        code: text(error.and_then(|e| e.get("code"))).filter(|c| !c.is_empty()),
        message: if message.is_empty() && error.is_none() {
            non_json_summary(body)
        } else {
            message
        },
        inner_code: text(inner.and_then(|i| i.get("code"))).or(nested_code),
        request_id: header("request-id").or_else(|| text(inner.and_then(|i| i.get("request-id")))),
        client_request_id: header("client-request-id")
            .or_else(|| text(inner.and_then(|i| i.get("client-request-id")))),
        date: text(inner.and_then(|i| i.get("date"))).or_else(|| header("date")),
        retry_after: header("retry-after").and_then(|v| retry_after(&v, SystemTime::now())),
        claims: challenge.claims,
        auth_error: challenge.error,
    }
}

/// Intune wraps its own error in `error.message` as JSON text, sometimes twice:
/// `{"ErrorCode":"Forbidden","Message":"{\r\n \"_version\": 3,\r\n \"Message\": \"...\"}"}`.
/// Returns the first code found inside and the innermost plain message.
pub fn unwrap_intune(message: &str) -> (Option<String>, String) {
    let mut code = None;
    let mut current = message.trim().to_owned();
    for _ in 0..MAX_NESTING {
        if !current.starts_with('{') {
            break;
        }
        let Ok(Value::Object(object)) = serde_json::from_str::<Value>(&current) else {
            break;
        };
        let field = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| object.get(*n).and_then(Value::as_str))
                .map(str::to_owned)
        };
        if code.is_none() {
            code = field(&["ErrorCode", "errorCode", "code", "Code"]).filter(|c| !c.is_empty());
        }
        match field(&["Message", "message"]) {
            Some(inner) => current = inner.trim().to_owned(),
            None => break,
        }
    }
    (code, current)
}

/// A proxy's or gateway's HTML page says nothing useful; keep a short, single-line hint.
fn non_json_summary(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    line.chars().take(200).collect()
}

/// `Retry-After` as delta-seconds or an HTTP date.
pub(crate) fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = OffsetDateTime::parse(value, &Rfc2822).ok()?;
    let now = OffsetDateTime::from(now);
    let wait = at - now;
    Some(if wait.is_negative() {
        Duration::ZERO
    } else {
        wait.unsigned_abs()
    })
}

#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Challenge {
    pub error: Option<String>,
    pub claims: Option<String>,
}

/// The `error` and `claims` parameters of a `Bearer` challenge. Values are quoted strings with
/// backslash escapes (RFC 7235); unquoted tokens are accepted too.
pub(crate) fn parse_challenge(header: &str) -> Challenge {
    let mut challenge = Challenge::default();
    let mut chars = header.trim().chars().peekable();
    // Skip the scheme ("Bearer").
    while chars.peek().is_some_and(|c| !c.is_whitespace()) {
        chars.next();
    }
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c == ',' || c.is_whitespace() {
                break;
            }
            name.push(c);
            chars.next();
        }
        if name.is_empty() {
            break;
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek() != Some(&'=') {
            continue;
        }
        chars.next();
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' {
                    break;
                }
                value.push(c);
                chars.next();
            }
            value = value.trim().to_owned();
        }
        match name.to_ascii_lowercase().as_str() {
            "error" => challenge.error = Some(value),
            "claims" => challenge.claims = Some(value),
            _ => {}
        }
    }
    challenge
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), (*v).to_owned()))
            .collect();
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn intune_json_nested_in_the_message_is_unwrapped_to_its_code_and_plain_message() {
        let version3 = serde_json::json!({
            "_version": 3,
            "Message": "An error has occurred - Operation ID (for customer support): 00000000-0000 \
                        - Activity ID: 7d6b - Url: https://fef.msua06.manage.microsoft.com/x",
            "CustomApiErrorPhrase": "",
            "RetryAfter": null,
            "ErrorSourceService": "",
            "HttpHeaders": "{}"
        })
        .to_string();
        let wrapped = serde_json::json!({
            "ErrorCode": "Forbidden",
            "Message": version3,
            "Target": null,
            "Details": null,
            "InnerError": null,
            "InstanceAnnotations": []
        })
        .to_string();
        let body = serde_json::json!({"error": {
            "code": "UnknownError",
            "message": wrapped,
            "innerError": {"date": "2026-11-25T09:14:03", "request-id": "r-1",
                           "client-request-id": "c-1"}
        }});
        let error = service_error(401, &headers(&[]), body.to_string().as_bytes());
        assert_eq!(error.code.as_deref(), Some("UnknownError"));
        assert_eq!(error.inner_code.as_deref(), Some("Forbidden"));
        assert!(
            error
                .message
                .starts_with("An error has occurred - Operation ID"),
            "{error:?}"
        );
        assert_eq!(error.request_id.as_deref(), Some("r-1"));
        assert_eq!(error.client_request_id.as_deref(), Some("c-1"));
        assert_eq!(error.date.as_deref(), Some("2026-11-25T09:14:03"));
    }

    #[test]
    fn a_single_version_3_wrapping_yields_its_message() {
        let message = "{\r\n  \"_version\": 3,\r\n  \"Message\": \"Application is not authorized \
                       to perform this operation. Application must have one of the following \
                       scopes: DeviceManagementConfiguration.ReadWrite.All\"\r\n}";
        let (code, text) = unwrap_intune(message);
        assert_eq!(code, None);
        assert!(text.starts_with("Application is not authorized"), "{text}");
        assert_eq!(unwrap_intune("plain text"), (None, "plain text".to_owned()));
        assert_eq!(unwrap_intune("{not json"), (None, "{not json".to_owned()));
    }

    #[test]
    fn headers_win_over_the_body_for_request_ids_and_retry_after_is_read() {
        let body = br#"{"error":{"code":"TooManyRequests","message":"slow down",
            "innerError":{"request-id":"body-r","client-request-id":"body-c"}}}"#;
        let h = headers(&[("request-id", "hdr-r"), ("Retry-After", "7")]);
        let error = service_error(429, &h, body);
        assert_eq!(error.request_id.as_deref(), Some("hdr-r"));
        assert_eq!(error.client_request_id.as_deref(), Some("body-c"));
        assert_eq!(error.retry_after, Some(Duration::from_secs(7)));
    }

    #[test]
    fn a_non_json_body_becomes_a_short_message() {
        let error = service_error(502, &headers(&[]), b"<html>\n<b>Bad   gateway</b></html>");
        assert_eq!(error.code, None);
        assert_eq!(error.message, "<html> <b>Bad gateway</b></html>");
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(retry_after(" 3 ", now), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:27 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn a_claims_challenge_is_read_from_www_authenticate() {
        let header = r#"Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiY3AxIn19fQ==""#;
        let challenge = parse_challenge(header);
        assert_eq!(challenge.error.as_deref(), Some("insufficient_claims"));
        assert_eq!(
            challenge.claims.as_deref(),
            Some(
                "eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiY3AxIn19fQ=="
            )
        );
        let escaped = parse_challenge(r#"Bearer error=invalid_token, claims="{\"a\":1}""#);
        assert_eq!(escaped.error.as_deref(), Some("invalid_token"));
        assert_eq!(escaped.claims.as_deref(), Some(r#"{"a":1}"#));
        assert_eq!(parse_challenge("Bearer"), Challenge::default());
    }
}
