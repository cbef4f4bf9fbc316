//! Where the tenant stands, read in batches (one round trip for the organisation, both apps, the
//! profile list and the sign-in client's consent; one more to read custom profiles' settings when the list leaves them out;
//! one for the chosen profile's assignments and counts). Nothing is changed. Each part is done,
//! not done, or "you can't see this", said plainly, so a missing role never fails the whole page.

use serde::{Deserialize, Serialize};

use crate::Failure;
use crate::graph::models::{DeviceConfiguration, Organization, ServicePrincipal, TenantId};
use crate::graph::{BatchItem, CancellationToken, GraphClient, GraphError};
use crate::sentence::{SaysFailure, Sentence, StatusKey};

use super::consent::{self, ConsentStatus, PIN_RESET_APPS, PinResetAppState};
use super::overview_item::Part;
pub use super::overview_item::{AssignmentPart, DeploymentPart, ItemState, Status};
use super::policy::{
    self, PolicySearch, ProfileProblem, ProfileRef, find_policies, oma_uri, sort_profiles,
    with_settings,
};
use super::signin_consent::{self, SignInConsent};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TenantPart {
    #[serde(flatten)]
    pub status: Status,
    pub id: Option<TenantId>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentPart {
    #[serde(flatten)]
    pub status: Status,
    #[serde(flatten)]
    pub apps: ConsentStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyPart {
    #[serde(flatten)]
    pub status: Status,
    /// The profile PinDesk uses (the oldest that sets the value to true).
    pub profile: Option<ProfileRef>,
    /// Other profiles that also set it to true (left alone, mentioned).
    pub others: Vec<ProfileRef>,
    pub problems: Vec<ProfileProblem>,
    /// The OMA-URI this tenant needs.
    pub oma_uri: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupOverview {
    pub tenant: TenantPart,
    /// Whether the organisation approved PinDesk's sign-in client for everyone.
    pub signin: SignInConsent,
    pub consent: ConsentPart,
    pub policy: PolicyPart,
    pub assignment: AssignmentPart,
    pub deployment: DeploymentPart,
    /// Consent given, the profile exists and is assigned: the reset job can be used.
    pub everything_done: bool,
}

#[derive(Deserialize)]
struct Orgs {
    #[serde(default)]
    value: Vec<Organization>,
}

#[derive(Deserialize)]
struct ConfigPage {
    #[serde(default)]
    value: Vec<DeviceConfiguration>,
    #[serde(rename = "@odata.nextLink", default)]
    next_link: Option<String>,
}

fn tenant_part(answer: BatchItem, token_tid: &str) -> (TenantPart, TenantId) {
    let fallback = TenantId::new(token_tid);
    let org = answer.json::<Orgs>().and_then(|o| {
        o.value.into_iter().next().ok_or(GraphError::Refused(
            "Graph returned no organisation".to_owned(),
        ))
    });
    match org {
        Ok(org) => match policy::tenant_id(&org, token_tid) {
            Ok(id) => {
                let name = org.display_name.clone();
                let sentence = match name.as_deref() {
                    Some(n) => Sentence::new(StatusKey::TenantNamed, &[("name", n.to_owned())]),
                    None => Sentence::plain(StatusKey::TenantUnnamed),
                };
                let part = TenantPart {
                    status: Status::new(ItemState::Done, sentence),
                    id: Some(id.clone()),
                    name,
                };
                (part, id)
            }
            Err(mismatch) => {
                let part = TenantPart {
                    status: Status {
                        state: ItemState::Failed,
                        sentence: StatusKey::failed(mismatch.failure_kind()),
                        detail: mismatch.support_detail(),
                    },
                    id: org.id,
                    name: org.display_name,
                };
                (part, fallback)
            }
        },
        Err(e) => (
            TenantPart {
                status: Status::from_error(&e, Part::Tenant),
                id: Some(fallback.clone()),
                name: None,
            },
            fallback,
        ),
    }
}

fn consent_part(answers: Vec<BatchItem>) -> ConsentPart {
    let checks = PIN_RESET_APPS
        .iter()
        .zip(answers)
        .map(|(app, a)| consent::check(app, a.json::<ServicePrincipal>()))
        .collect();
    let apps = ConsentStatus::from_checks(checks);
    let states: Vec<PinResetAppState> = apps.apps.iter().map(|a| a.state).collect();
    let status = if apps.done {
        Status::plain(ItemState::Done, StatusKey::ConsentDone)
    } else if states.contains(&PinResetAppState::Disabled) {
        Status::plain(ItemState::NotDone, StatusKey::ConsentDisabled)
    } else if states.contains(&PinResetAppState::CannotSee) {
        Status::plain(ItemState::CannotSee, StatusKey::ConsentCannotSee)
    } else if states.contains(&PinResetAppState::Failed) {
        Status::plain(ItemState::Failed, StatusKey::ConsentFailed)
    } else {
        Status::plain(ItemState::NotDone, StatusKey::ConsentNotDone)
    };
    ConsentPart { status, apps }
}

async fn search(
    client: &GraphClient,
    answer: BatchItem,
    tenant: &TenantId,
) -> Result<PolicySearch, GraphError> {
    let page: ConfigPage = answer.json()?;
    if page.next_link.is_some() {
        // A long list: walk it the ordinary way rather than half-judge it.
        return find_policies(client, tenant, &CancellationToken::new()).await;
    }
    let profiles = with_settings(client, page.value).await?;
    Ok(sort_profiles(&profiles, tenant))
}

fn policy_part(search: &Result<PolicySearch, GraphError>, tenant: &TenantId) -> PolicyPart {
    match search {
        Ok(found) => {
            let mut usable = found.usable.clone().into_iter();
            let profile = usable.next();
            let status = match &profile {
                Some(p) => Status::new(
                    ItemState::Done,
                    Sentence::new(StatusKey::PolicyFound, &[("name", p.name.clone())]),
                ),
                None => Status::plain(ItemState::NotDone, StatusKey::PolicyMissing),
            };
            PolicyPart {
                status,
                profile,
                others: usable.collect(),
                problems: found.problems.clone(),
                oma_uri: Some(oma_uri(tenant)),
            }
        }
        Err(e) => PolicyPart {
            status: Status::from_error(e, Part::Profiles),
            profile: None,
            others: Vec::new(),
            problems: Vec::new(),
            oma_uri: Some(oma_uri(tenant)),
        },
    }
}

/// The whole overview, for the sign-in client `client_id`. Fails only when Graph cannot be
/// reached at all; every other problem is a state of its part.
pub async fn setup_overview(
    client: &GraphClient,
    token_tid: &str,
    client_id: &str,
) -> Result<SetupOverview, GraphError> {
    let mut requests = vec![policy::organization_request()];
    requests.extend(PIN_RESET_APPS.iter().map(consent::sp_request));
    requests.push(policy::list_request());
    requests.extend(signin_consent::requests(client_id));
    let mut answers = client.batch(&requests).await?.into_iter();
    let mut next = || answers.next();
    let (Some(org), Some(service), Some(client_app), Some(list)) = (next(), next(), next(), next())
    else {
        return Err(GraphError::Refused(
            "the batch answer was incomplete".to_owned(),
        ));
    };
    let (Some(graph_sp), Some(signin_sp), Some(grants)) = (next(), next(), next()) else {
        return Err(GraphError::Refused(
            "the batch answer was incomplete".to_owned(),
        ));
    };
    let signin = signin_consent::judge(client_id, graph_sp, signin_sp, grants);
    let (tenant, tenant_id) = tenant_part(org, token_tid);
    let consent = consent_part(vec![service, client_app]);
    let found = match search(client, list, &tenant_id).await {
        // Offline is not a state of the policy: the whole overview cannot be read.
        Err(e) if e.kind() == crate::graph::ErrorKind::Network => return Err(e),
        other => other,
    };
    let policy = policy_part(&found, &tenant_id);
    let (assignment, deployment) =
        super::overview_profile::assignment_and_deployment(client, policy.profile.as_ref()).await;
    // Someone who cannot read the grants signed in with them, so only a grant seen missing
    // keeps the setup unfinished.
    let everything_done = consent.status.state == ItemState::Done
        && policy.status.state == ItemState::Done
        && assignment.status.state == ItemState::Done
        && signin.state != ItemState::NotDone;
    Ok(SetupOverview {
        tenant,
        signin,
        consent,
        policy,
        assignment,
        deployment,
        everything_done,
    })
}

#[cfg(test)]
#[path = "overview_tests.rs"]
mod tests;
