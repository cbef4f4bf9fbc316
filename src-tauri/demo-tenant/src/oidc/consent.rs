//! The admin consent page at the path of the published PIN reset consent URLs
//! (`/common/oauth2/authorize?client_id=…&prompt=admin_consent`, Entra's v1 endpoint). Accepting
//! as someone allowed to consent adds the app's service principal, which is all Graph can see.
//! The path's tenant must be this tenant (by ID or domain), `common` or `organizations`: any
//! other tenant is refused as Entra refuses a tenant it does not hold in this cloud, with
//! AADSTS90002 "Tenant '…' not found. Check to make sure you have the correct tenant ID and are
//! signing into the correct cloud." on its error page (status 400).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::Authority;
use super::page::{self, document, escape, hidden_fields};
use crate::seed::apps::PIN_RESET_APPS;
use crate::seed::people::person_by_sign_in_name;
use crate::seed::{PEOPLE, Role};
use crate::state::{TenantState, changing};

fn field(raw: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(raw)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The app named by `client_id`, if it is one the demo can consent to.
fn app(client_id: Option<&str>) -> Option<(&'static str, &'static str)> {
    let client_id = client_id?;
    PIN_RESET_APPS
        .iter()
        .find(|(id, _)| id.eq_ignore_ascii_case(client_id.trim()))
        .copied()
}

fn unknown_app(client_id: Option<&str>) -> Response {
    let body = format!(
        "<h1>Sorry, but we're having trouble signing you in.</h1><p class=\"error\">\
         AADSTS700016: Application with identifier '{}' was not found in the directory. The demo \
         tenant only offers consent to the two Windows Hello PIN reset apps.</p>",
        escape(client_id.unwrap_or_default())
    );
    document(StatusCode::BAD_REQUEST, "Sign in error", &body)
}

pub(super) async fn consent_get(Path(tenant): Path<String>, RawQuery(query): RawQuery) -> Response {
    if let Err(error) = Authority::resolve(&tenant) {
        return page::error(&error);
    }
    let raw = query.unwrap_or_default();
    let client_id = field(raw.as_bytes(), "client_id");
    let Some((app_id, name)) = app(client_id.as_deref()) else {
        return unknown_app(client_id.as_deref());
    };
    let people: String = PEOPLE
        .iter()
        .map(|p| {
            format!(
                "<button type=\"submit\" name=\"login_as\" value=\"{upn}\">\
                 <span class=\"who\">Accept as {name}</span><span class=\"upn\">{upn}</span>\
                 <span class=\"role\">{role}</span></button>",
                upn = escape(p.sign_in_name),
                name = escape(p.display_name),
                role = escape(p.plain_roles),
            )
        })
        .collect();
    let body = format!(
        "<h1>Permissions requested</h1><p><strong>{name}</strong> (app ID {app_id}) asks for \
         permission for the whole organisation. Only an Application Administrator or higher can \
         accept.</p><form method=\"post\">{fields}{people}<button type=\"submit\" name=\"action\" \
         value=\"cancel\" class=\"cancel\">Cancel</button></form>",
        name = escape(name),
        fields = hidden_fields(&[("client_id", app_id)]),
    );
    document(StatusCode::OK, "Permissions requested", &body)
}

pub(super) async fn consent_post(
    State(state): State<TenantState>,
    Path(tenant): Path<String>,
    body: Bytes,
) -> Response {
    if let Err(error) = Authority::resolve(&tenant) {
        return page::error(&error);
    }
    let client_id = field(&body, "client_id");
    let Some((app_id, _)) = app(client_id.as_deref()) else {
        return unknown_app(client_id.as_deref());
    };
    if field(&body, "action").as_deref() == Some("cancel") {
        let body = "<h1>Consent was not granted</h1><p>Nothing changed. The app stays absent \
                    from the tenant.</p>";
        return document(StatusCode::OK, "Consent not granted", body);
    }
    let person = field(&body, "login_as").and_then(|p| person_by_sign_in_name(&p));
    let allowed = person.is_some_and(|p| p.roles.contains(&Role::ApplicationAdministrator));
    if !allowed {
        let body = "<h1>Need admin approval</h1><p class=\"error\">AADSTS90094: Granting \
                    tenant-wide consent needs an Application Administrator, Cloud Application \
                    Administrator or Global Administrator.</p>";
        return document(StatusCode::FORBIDDEN, "Need admin approval", body);
    }
    let granted = changing(&state.directory).grant_consent(app_id);
    let name = granted.unwrap_or(app_id);
    let body = format!(
        "<h1>Consent granted</h1><p>{} is now present in the tenant. The real service would now \
         send the browser to the app's redirect address, which shows a blank page or an error: \
         that is normal. PinDesk checks the result through Graph.</p>",
        escape(name)
    );
    document(StatusCode::OK, "Consent granted", &body)
}
