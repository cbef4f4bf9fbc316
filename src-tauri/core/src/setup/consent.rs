//! Consent to Microsoft's two PIN reset apps: the published consent URLs, and the only reliable
//! signal that consent was given, their service principals present and enabled in Graph.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::Failure;
use crate::graph::models::ServicePrincipal;
use crate::graph::{ErrorKind, GraphClient, GraphError, GraphRequest, ResourcePath};
use crate::sentence::{AppKey, SaysFailure, Sentence};

/// One of the two enterprise apps behind Windows Hello PIN reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PinResetApp {
    /// `service` or `client`: what the window branches on.
    #[ts(type = r#""service" | "client""#)]
    pub key: &'static str,
    pub app_id: &'static str,
    pub display_name: &'static str,
    /// The consent URL exactly as Microsoft publishes it.
    pub published_consent_url: &'static str,
}

/// Service first, then client: the order Microsoft's instructions give.
pub const PIN_RESET_APPS: [PinResetApp; 2] = [
    PinResetApp {
        key: "service",
        app_id: "b8456c59-1230-44c7-a4a2-99b085333e84",
        display_name: "Microsoft Pin Reset Service Production",
        published_consent_url: "https://login.windows.net/common/oauth2/authorize?response_type=code&client_id=b8456c59-1230-44c7-a4a2-99b085333e84&resource=https%3A%2F%2Fgraph.windows.net&redirect_uri=https%3A%2F%2Fcred.microsoft.com&state=e9191523-6c2f-4f1d-a4f9-c36f26f89df0&prompt=admin_consent",
    },
    PinResetApp {
        key: "client",
        app_id: "9115dd05-fad5-4f9c-acc7-305d08b1b04e",
        display_name: "Microsoft Pin Reset Client Production",
        published_consent_url: "https://login.windows.net/common/oauth2/authorize?response_type=code&client_id=9115dd05-fad5-4f9c-acc7-305d08b1b04e&resource=https%3A%2F%2Fcred.microsoft.com%2F&redirect_uri=ms-appx-web%3A%2F%2FMicrosoft.AAD.BrokerPlugin%2F9115dd05-fad5-4f9c-acc7-305d08b1b04e&state=6765f8c5-f4a7-4029-b667-46a6776ad611&prompt=admin_consent",
    },
];

const SP_FIELDS: &[&str] = &["id", "appId", "displayName", "accountEnabled"];

/// A consent page to open, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentLink {
    pub app: PinResetApp,
    pub url: String,
}

/// The consent URLs for the signed-in organisation on the configured sign-in host.
///
/// Microsoft publishes them with `common` on `login.windows.net` (the public cloud). `common`
/// lets Entra pick the tenant from whoever is signed in to the browser: a guest or a partner's
/// administrator then consents in their own home organisation, and a government cloud's
/// administrator lands on the wrong cloud, while the signed-in organisation still has no service
/// principals. So the path names `tenant_id` and the host is the sign-in host of `authority`
/// (the configured `authority_host`, or the demo tenant on this machine); the query (client,
/// resource, redirect, state, `prompt=admin_consent`) stays exactly as published.
pub fn consent_links(authority: &Url, tenant_id: &str) -> Vec<ConsentLink> {
    let origin = authority.origin().ascii_serialization();
    let tenant = consent_tenant(tenant_id);
    PIN_RESET_APPS
        .iter()
        .map(|app| ConsentLink {
            app: *app,
            url: retarget(app.published_consent_url, &origin, tenant),
        })
        .collect()
}

/// The tenant segment: a tenant ID or domain as given, anything else (empty, a path) falls back
/// to the published `common` rather than building a broken link.
fn consent_tenant(tenant_id: &str) -> &str {
    let id = tenant_id.trim();
    let plain = !id.is_empty()
        && id.len() <= 256
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if plain && !id.eq_ignore_ascii_case("organizations") {
        id
    } else {
        "common"
    }
}

/// The published link on `origin`, with its first path segment (`common`) replaced by `tenant`.
fn retarget(published: &str, origin: &str, tenant: &str) -> String {
    match Url::parse(published) {
        Ok(url) => {
            let rest = url
                .path()
                .trim_start_matches('/')
                .split_once('/')
                .map_or("", |(_, rest)| rest);
            format!(
                "{origin}/{tenant}/{rest}{}",
                url.query().map(|q| format!("?{q}")).unwrap_or_default()
            )
        }
        Err(_) => published.to_owned(),
    }
}

/// Which tenant the consent links name: the signed-in account's, else the configured tenant
/// when it names one (not `organizations`), else the published `common`.
pub fn consent_tenant_for<'a>(signed_in: Option<&'a str>, configured: &'a str) -> &'a str {
    match signed_in {
        Some(tid) if !tid.trim().is_empty() => tid,
        _ => configured,
    }
}

/// Where one app stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum PinResetAppState {
    /// Present and enabled: consent was given.
    Enabled,
    /// Present but switched off in Entra: PIN reset will not work until it is enabled again.
    Disabled,
    /// Not in the tenant: nobody has consented yet.
    Absent,
    /// The signed-in person may not read service principals.
    CannotSee,
    /// Graph could not be asked (network, throttling): try again.
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AppCheck {
    pub app: PinResetApp,
    pub state: PinResetAppState,
    /// What PinDesk found and what to do next, by key with the app's name.
    pub sentence: Sentence<AppKey>,
    /// For support only.
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentStatus {
    pub apps: Vec<AppCheck>,
    /// Both apps present and enabled.
    pub done: bool,
    /// An app is absent. Once the person said they accepted (or the watch ran out), the window
    /// says the consent most likely went to another organisation: Entra records admin consent in
    /// the tenant the browser signed in to (a guest's or partner's home organisation, another
    /// account already signed in, a link sent earlier that named `common`). None of that is
    /// visible from here, so the words name the likely causes and the way out.
    pub absent_after_accept: bool,
}

impl ConsentStatus {
    pub fn from_checks(apps: Vec<AppCheck>) -> ConsentStatus {
        let done = apps.iter().all(|a| a.state == PinResetAppState::Enabled);
        let absent_after_accept = apps.iter().any(|a| a.state == PinResetAppState::Absent);
        ConsentStatus {
            apps,
            done,
            absent_after_accept,
        }
    }
}

pub(crate) fn sp_request(app: &PinResetApp) -> GraphRequest {
    GraphRequest::get(ResourcePath::new("servicePrincipals").key("appId", app.app_id))
        .select(SP_FIELDS)
}

/// Reads one app's answer: 404 means absent, a role or scope refusal means "can't see".
pub(crate) fn check(app: &PinResetApp, answer: Result<ServicePrincipal, GraphError>) -> AppCheck {
    let name = app.display_name;
    let named = |key| Sentence::new(key, &[("name", name.to_owned())]);
    let principal =
        |sp: &ServicePrincipal| sp.id.as_ref().map(|id| format!("service principal {id}"));
    let (state, sentence, detail) = match answer {
        Ok(sp) if sp.account_enabled == Some(false) => (
            PinResetAppState::Disabled,
            named(AppKey::AppDisabled),
            principal(&sp),
        ),
        Ok(sp) => (
            PinResetAppState::Enabled,
            named(AppKey::AppEnabled),
            principal(&sp),
        ),
        Err(e) if e.is_not_found() => (PinResetAppState::Absent, named(AppKey::AppAbsent), None),
        Err(e) => {
            let state = if cannot_see(&e) {
                PinResetAppState::CannotSee
            } else {
                PinResetAppState::Failed
            };
            (state, AppKey::failed(e.failure_kind()), e.support_detail())
        }
    };
    AppCheck {
        app: *app,
        state,
        sentence,
        detail,
    }
}

/// A refusal that comes from who the person is, not from the moment.
pub(crate) fn cannot_see(error: &GraphError) -> bool {
    matches!(
        error.kind(),
        ErrorKind::RoleMissing | ErrorKind::ScopeMissing | ErrorKind::ConsentMissing
    )
}

/// Both apps, in one batched round trip.
pub async fn consent_status(client: &GraphClient) -> Result<ConsentStatus, GraphError> {
    let requests: Vec<GraphRequest> = PIN_RESET_APPS.iter().map(sp_request).collect();
    let answers = client.batch(&requests).await?;
    let apps = PIN_RESET_APPS
        .iter()
        .zip(answers)
        .map(|(app, answer)| check(app, answer.json::<ServicePrincipal>()))
        .collect();
    Ok(ConsentStatus::from_checks(apps))
}

#[cfg(test)]
#[path = "consent_tests.rs"]
mod tests;
