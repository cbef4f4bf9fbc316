//! "Let your helpdesk sign in to PinDesk": whether the sign-in client holds organisation-wide
//! consent (an `oauth2PermissionGrant` with `consentType: AllPrincipals` for Microsoft Graph)
//! covering every permission PinDesk's tasks ask for, and the way to grant it.
//!
//! The grant goes through Entra's v2 admin consent endpoint
//! (`{host}/{tenant}/v2.0/adminconsent?client_id=…&scope=…&redirect_uri=…`), opened in the
//! browser, rather than `POST /oauth2PermissionGrants` through Graph: the endpoint needs no
//! Graph write permission (the Graph way needs `DelegatedPermissionGrant.ReadWrite.All`, itself an
//! admin-only and powerful permission), creates the client's service principal when the
//! organisation never used the client, and shows the administrator Microsoft's own list of what
//! is granted. It needs an Application Administrator or Cloud Application Administrator (or
//! Privileged Role Administrator): the roles Microsoft's "Grant tenant-wide admin consent" page
//! names for delegated permissions. Afterwards PinDesk reads the grant through Graph, the only
//! reliable signal, as it does for the PIN reset apps.

use serde::Serialize;
use url::Url;

use crate::Failure;
use crate::auth::{every_graph_scope, graph_scope_prefix};
use crate::graph::models::{OAuth2PermissionGrant, ServicePrincipal};
use crate::graph::{BatchItem, GraphClient, GraphError, GraphRequest, ResourcePath};
use crate::sentence::{SaysFailure, Sentence, StatusKey};

use super::consent::cannot_see;
use super::overview_item::ItemState;

/// Microsoft Graph's application ID: the resource of every permission PinDesk asks for.
pub const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";

/// Where the admin consent page sends the browser afterwards: the loopback address registered
/// for the Microsoft Graph Command Line Tools client (and required of an own registration).
/// Nothing listens there; PinDesk checks the result through Graph.
pub const ADMIN_CONSENT_REDIRECT: &str = "http://localhost";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SignInConsent {
    pub state: ItemState,
    /// Where the approval stands, by key for the window's words.
    pub sentence: Sentence<StatusKey>,
    /// For support only.
    pub detail: Option<String>,
    /// The sign-in client's application ID, and its name where the organisation has it.
    pub client_id: String,
    pub client_name: Option<String>,
    /// Graph permissions every task needs that the organisation has not approved, by name.
    pub missing: Vec<String>,
    /// Graph permissions the organisation approved for the client.
    pub granted: Vec<String>,
}

/// The three reads, batched with the rest of the overview: Graph's service principal (the
/// resource of the grants), the client's, and the client's grants (by its `appId`).
pub(crate) fn requests(client_id: &str) -> [GraphRequest; 3] {
    let sp =
        |app_id: &str| {
            GraphRequest::get(ResourcePath::new("servicePrincipals").key("appId", app_id))
                .select(&["id", "appId", "displayName", "accountEnabled"])
        };
    let grants = ResourcePath::new("servicePrincipals")
        .key("appId", client_id)
        .then("oauth2PermissionGrants");
    [sp(GRAPH_APP_ID), sp(client_id), GraphRequest::get(grants)]
}

/// One batched round trip.
pub async fn signin_consent(
    client: &GraphClient,
    client_id: &str,
) -> Result<SignInConsent, GraphError> {
    let mut answers = client.batch(&requests(client_id)).await?.into_iter();
    let (Some(graph), Some(sp), Some(grants)) = (answers.next(), answers.next(), answers.next())
    else {
        return Err(GraphError::Refused(
            "the batch answer was incomplete".to_owned(),
        ));
    };
    Ok(judge(client_id, graph, sp, grants))
}

#[derive(serde::Deserialize)]
struct Grants {
    #[serde(default)]
    value: Vec<OAuth2PermissionGrant>,
}

/// Reads the three answers of [`requests`].
pub(crate) fn judge(
    client_id: &str,
    graph: BatchItem,
    sp: BatchItem,
    grants: BatchItem,
) -> SignInConsent {
    let needed = every_graph_scope();
    let all_missing = || needed.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let mut result = SignInConsent {
        state: ItemState::NotDone,
        sentence: Sentence::plain(StatusKey::SignInConsentNotDone),
        detail: None,
        client_id: client_id.to_owned(),
        client_name: None,
        missing: all_missing(),
        granted: Vec::new(),
    };
    let sp = match sp.json::<ServicePrincipal>() {
        Ok(sp) => sp,
        Err(e) if e.is_not_found() => return result,
        Err(e) => return failed(result, &e),
    };
    result.client_name = sp.display_name.clone();
    let read = graph
        .json::<ServicePrincipal>()
        .and_then(|g| grants.json::<Grants>().map(|grants| (g, grants)));
    let (graph, grants) = match read {
        Ok(both) => both,
        Err(e) => return failed(result, &e),
    };
    let granted: Vec<String> = grants
        .value
        .iter()
        .filter(|g| g.consent_type.as_deref() == Some("AllPrincipals"))
        .filter(|g| graph.id.is_some() && g.resource_id == graph.id)
        .filter(|g| g.client_id.is_none() || g.client_id == sp.id)
        .flat_map(|g| g.scope.as_deref().unwrap_or_default().split_whitespace())
        .map(str::to_owned)
        .collect();
    result.missing = needed
        .iter()
        .filter(|n| !granted.iter().any(|g| g.eq_ignore_ascii_case(n)))
        .map(|n| (*n).to_owned())
        .collect();
    result.granted = granted;
    if result.missing.is_empty() {
        result.state = ItemState::Done;
        result.sentence = Sentence::plain(StatusKey::SignInConsentDone);
    } else {
        result.sentence = Sentence::new(
            StatusKey::SignInConsentMissing,
            &[("count", result.missing.len().to_string())],
        );
    }
    result
}

fn failed(mut result: SignInConsent, error: &GraphError) -> SignInConsent {
    result.detail = error.support_detail();
    result.missing = Vec::new();
    if cannot_see(error) {
        result.state = ItemState::CannotSee;
        result.sentence = Sentence::plain(StatusKey::SignInConsentCannotSee);
    } else {
        result.state = ItemState::Failed;
        result.sentence = StatusKey::failed(error.failure_kind());
    }
    result
}

/// Entra's v2 admin consent URL for the sign-in client with every task's permissions, on the
/// configured sign-in host and for the signed-in organisation.
pub fn admin_consent_url(
    authority: &Url,
    tenant_id: &str,
    client_id: &str,
    graph_url: &Url,
) -> Result<Url, url::ParseError> {
    let prefix = graph_scope_prefix(graph_url);
    let scope: Vec<String> = every_graph_scope()
        .iter()
        .map(|s| format!("{prefix}/{s}"))
        .collect();
    let origin = authority.origin().ascii_serialization();
    let mut url = Url::parse(&origin)?;
    url.path_segments_mut()
        .map_err(|()| url::ParseError::RelativeUrlWithCannotBeABaseBase)?
        .extend([tenant_id, "v2.0", "adminconsent"]);
    url.query_pairs_mut()
        .append_pair("client_id", client_id)
        .append_pair("scope", &scope.join(" "))
        .append_pair("redirect_uri", ADMIN_CONSENT_REDIRECT)
        .append_pair("state", &uuid::Uuid::new_v4().to_string());
    Ok(url)
}

#[cfg(test)]
#[path = "signin_consent_tests.rs"]
mod tests;
