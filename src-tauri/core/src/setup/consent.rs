//! Consent to Microsoft's two PIN reset apps: the published consent URLs, and the only reliable
//! signal that consent was given, their service principals present and enabled in Graph.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::graph::models::ServicePrincipal;
use crate::graph::{ErrorKind, GraphClient, GraphError, GraphRequest, ResourcePath, ipc_error};
use crate::phrase::Phrase;

/// One of the two enterprise apps behind Windows Hello PIN reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PinResetApp {
    /// `service` or `client`: what the window branches on.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentLink {
    pub app: PinResetApp,
    pub url: String,
}

/// The consent URLs for the configured sign-in service. The published URLs go to Entra as they
/// are; a tenant on this machine (the demo, plain http on loopback) serves the same path and
/// query itself, so the same links are opened against it.
pub fn consent_links(authority: &Url) -> Vec<ConsentLink> {
    PIN_RESET_APPS
        .iter()
        .map(|app| ConsentLink {
            app: *app,
            url: local_origin(authority).map_or_else(
                || app.published_consent_url.to_owned(),
                |origin| rehost(app.published_consent_url, &origin),
            ),
        })
        .collect()
}

fn local_origin(authority: &Url) -> Option<String> {
    (authority.scheme() == "http").then(|| authority.origin().ascii_serialization())
}

fn rehost(published: &str, origin: &str) -> String {
    match Url::parse(published) {
        Ok(url) => format!(
            "{origin}{}{}",
            url.path(),
            url.query().map(|q| format!("?{q}")).unwrap_or_default()
        ),
        Err(_) => published.to_owned(),
    }
}

/// Where one app stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AppState {
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppCheck {
    pub app: PinResetApp,
    pub state: AppState,
    /// Plain words for the person, saying what to do next.
    pub message: String,
    /// The same by key, with the app's name: for the window's own words.
    pub phrase: Phrase,
    /// For support only.
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentStatus {
    pub apps: Vec<AppCheck>,
    /// Both apps present and enabled.
    pub done: bool,
}

impl ConsentStatus {
    pub fn from_checks(apps: Vec<AppCheck>) -> ConsentStatus {
        let done = apps.iter().all(|a| a.state == AppState::Enabled);
        ConsentStatus { apps, done }
    }
}

pub(crate) fn sp_request(app: &PinResetApp) -> GraphRequest {
    GraphRequest::get(ResourcePath::new("servicePrincipals").key("appId", app.app_id))
        .select(SP_FIELDS)
}

/// Reads one app's answer: 404 means absent, a role or scope refusal means "can't see".
pub(crate) fn check(app: &PinResetApp, answer: Result<ServicePrincipal, GraphError>) -> AppCheck {
    let name = app.display_name;
    let named = |key| Phrase::new(key, &[("name", name.to_owned())]);
    let (state, phrase, message, detail) = match answer {
        Ok(sp) if sp.account_enabled == Some(false) => (
            AppState::Disabled,
            named("appDisabled"),
            format!(
                "{name} is in your organisation but switched off, so PIN reset will not work. \
                 In the Entra admin center, open Enterprise applications, find {name} and set \
                 \"Enabled for users to sign in\" to Yes."
            ),
            sp.id.map(|id| format!("service principal {id}")),
        ),
        Ok(sp) => (
            AppState::Enabled,
            named("appEnabled"),
            format!("{name} is allowed and switched on."),
            sp.id.map(|id| format!("service principal {id}")),
        ),
        Err(e) if e.is_not_found() => (
            AppState::Absent,
            named("appAbsent"),
            format!("{name} has not been allowed for your organisation yet."),
            None,
        ),
        Err(e) => {
            let ipc = ipc_error(&e);
            let state = if cannot_see(&e) {
                AppState::CannotSee
            } else {
                AppState::Failed
            };
            (state, Phrase::error(ipc.kind), ipc.message, ipc.detail)
        }
    };
    AppCheck {
        app: *app,
        state,
        message,
        phrase,
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

/// A short message a person without the role can send to an administrator, with both links.
pub fn admin_request_message(links: &[ConsentLink]) -> String {
    let mut text = String::from(
        "Hello,\n\nTo let our helpdesk reset Windows Hello PINs, an Application Administrator (or \
         higher) needs to allow Microsoft's two PIN reset apps for our organisation, once. \
         Please open these two links in order, sign in with your administrator account and \
         click Accept on each. A blank page or \"You do not have permission to view this \
         directory or page.\" afterwards is normal.\n\n",
    );
    for (i, link) in links.iter().enumerate() {
        text.push_str(&format!(
            "{}. {}:\n{}\n\n",
            i + 1,
            link.app.display_name,
            link.url
        ));
    }
    text.push_str("Thank you!\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::ServiceError;

    #[test]
    fn production_opens_the_published_urls_exactly() {
        let links = consent_links(
            &Url::parse("https://login.microsoftonline.com/organizations/v2.0").unwrap(),
        );
        assert_eq!(links[0].url, PIN_RESET_APPS[0].published_consent_url);
        assert_eq!(links[1].url, PIN_RESET_APPS[1].published_consent_url);
        assert_eq!(links[0].app.key, "service");
    }

    #[test]
    fn a_tenant_on_this_machine_gets_the_same_path_and_query_on_its_own_origin() {
        let links = consent_links(&Url::parse("http://127.0.0.1:4000/tid/v2.0").unwrap());
        assert!(
            links[0]
                .url
                .starts_with("http://127.0.0.1:4000/common/oauth2/authorize?")
        );
        assert!(links[0].url.ends_with("&prompt=admin_consent"));
        assert!(
            links[1]
                .url
                .contains("client_id=9115dd05-fad5-4f9c-acc7-305d08b1b04e")
        );
    }

    #[test]
    fn a_disabled_app_says_what_to_do_and_a_missing_one_is_absent() {
        let sp = ServicePrincipal {
            account_enabled: Some(false),
            ..ServicePrincipal::default()
        };
        let disabled = check(&PIN_RESET_APPS[0], Ok(sp));
        assert_eq!(disabled.state, AppState::Disabled);
        assert!(disabled.message.contains("Enabled for users to sign in"));
        let missing = GraphError::from(ServiceError {
            status: 404,
            code: Some("Request_ResourceNotFound".into()),
            ..ServiceError::default()
        });
        assert_eq!(
            check(&PIN_RESET_APPS[1], Err(missing)).state,
            AppState::Absent
        );
        let refused = GraphError::from(ServiceError {
            status: 403,
            code: Some("Authorization_RequestDenied".into()),
            ..ServiceError::default()
        });
        assert_eq!(
            check(&PIN_RESET_APPS[1], Err(refused)).state,
            AppState::CannotSee
        );
    }

    #[test]
    fn the_message_for_an_administrator_carries_both_links_in_order() {
        let links = consent_links(&Url::parse("https://login.microsoftonline.com/x").unwrap());
        let text = admin_request_message(&links);
        let service = text.find("b8456c59").unwrap();
        let client = text.find("9115dd05").unwrap();
        assert!(service < client);
        assert!(text.contains("Application Administrator"));
    }
}
