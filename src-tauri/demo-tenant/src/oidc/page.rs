//! The few HTML pages a browser sees: sign-in, errors, form_post hand-off and sign-out.
//! Self-contained (inline style, no script, no external resources) so they work offline and under
//! any content security policy.

use axum::http::StatusCode;
use axum::http::header::CACHE_CONTROL;
use axum::response::{Html, IntoResponse, Response};

use super::error::AadError;
use crate::seed::{PEOPLE, TENANT_NAME};

const STYLE: &str = "body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0}\
main{max-width:30rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;\
box-shadow:0 1px 4px #0002}h1{font-size:1.4rem;margin-top:0}\
button{display:block;width:100%;text-align:left;padding:.8rem 1rem;margin:.6rem 0;\
border:1px solid #c7cbd1;border-radius:6px;background:#fff;font-size:1rem;cursor:pointer}\
button:hover,button:focus{border-color:#2563eb;outline:2px solid #2563eb33}\
.who,.upn,.role{display:block}.who{font-weight:600}.upn{color:#4b5563;font-size:.9rem}.role{font-size:.9rem;margin-top:.3rem}\
.hint{border-color:#2563eb}.cancel{text-align:center;background:#f9fafb}\
.error{color:#991b1b;white-space:pre-wrap;font-size:.9rem}";

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub(super) fn document(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body><main>{body}</main></body></html>",
        escape(title)
    );
    (status, [(CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

pub(super) fn hidden_fields(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                escape(name),
                escape(value)
            )
        })
        .collect()
}

/// The account picker. Each button posts the original authorize parameters back, plus the choice.
pub(super) fn sign_in(action: &str, fields: &[(&str, &str)], login_hint: Option<&str>) -> Response {
    let people: String = PEOPLE
        .iter()
        .map(|p| {
            let hinted = login_hint.is_some_and(|h| h.eq_ignore_ascii_case(p.sign_in_name));
            format!(
                "<button type=\"submit\" name=\"login_as\" value=\"{upn}\"{class}>\
                 <span class=\"who\">{name}</span><span class=\"upn\">{upn}</span>\
                 <span class=\"role\">{role}</span></button>",
                upn = escape(p.sign_in_name),
                class = if hinted { " class=\"hint\"" } else { "" },
                name = escape(p.display_name),
                role = escape(p.plain_roles),
            )
        })
        .collect();
    let body = format!(
        "<h1>Sign in to {tenant}</h1><p>This is the PinDesk demo tenant. Pick the person you want \
         to be; no password is needed.</p><form method=\"post\" action=\"{action}\">{fields}\
         {people}<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"cancel\">\
         Cancel</button></form>",
        tenant = escape(TENANT_NAME),
        action = escape(action),
        fields = hidden_fields(fields),
    );
    document(StatusCode::OK, &format!("Sign in to {TENANT_NAME}"), &body)
}

/// Entra's "Need admin approval" page: the only way on is back to the app without consent.
pub(super) fn needs_admin(action: &str, fields: &[(&str, &str)]) -> Response {
    let body = format!(
        "<h1>Need admin approval</h1><p class=\"error\">{}</p><form method=\"post\" \
         action=\"{}\">{}<button type=\"submit\" name=\"action\" value=\"decline\" \
         class=\"cancel\">Return to the application without granting consent</button></form>",
        escape(&super::consent_check::needs_admin_text()),
        escape(action),
        hidden_fields(fields),
    );
    document(StatusCode::OK, "Need admin approval", &body)
}

/// Shown when Entra cannot trust the redirect URI enough to send an error back to it.
pub(super) fn error(error: &AadError) -> Response {
    let body = format!(
        "<h1>Sorry, but we're having trouble signing you in.</h1><p class=\"error\">{}</p>",
        escape(&error.short_description())
    );
    document(StatusCode::BAD_REQUEST, "Sign in error", &body)
}

/// `response_mode=form_post`: a form the person submits to hand the result to the app. Works
/// without script; a real browser flow would auto-submit it.
pub(super) fn form_post(redirect_uri: &str, fields: &[(&str, &str)]) -> Response {
    let body = format!(
        "<h1>Signed in</h1><form method=\"post\" action=\"{}\">{}\
         <button type=\"submit\">Continue to the app</button></form>",
        escape(redirect_uri),
        hidden_fields(fields)
    );
    document(StatusCode::OK, "Signed in", &body)
}

pub(super) fn signed_out() -> Response {
    let body = format!(
        "<h1>You signed out of {}</h1><p>You can close this window.</p>",
        escape(TENANT_NAME)
    );
    document(StatusCode::OK, "Signed out", &body)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_neutralises_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">O'Brien & co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;"
        );
    }
}
