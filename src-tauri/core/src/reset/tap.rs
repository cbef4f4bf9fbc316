//! The Temporary Access Pass, when self-service cannot work: whether the tenant's policy lets the
//! helpdesk give one to this person, and the one POST that creates it.
//!
//! Requests: the offer reads the policy, the person's groups and roles (`transitiveMemberOf`,
//! every page) and their running pass; the create reads the running pass once more, then POSTs
//! once. After an unclear answer it reads the passes back and never POSTs again: a second POST
//! would replace the first pass (Microsoft's "Create temporaryAccessPassMethod" page).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::tap_policy::{TapOffer, TapPolicy};
use crate::graph::models::datetime;
use crate::graph::{
    CancellationToken, ErrorKind, GraphClient, GraphError, GraphRequest, ResourcePath,
};
use crate::secret::SecretString;

/// The pass itself: shown once, never logged or stored. `Debug` prints `***`; its memory is
/// overwritten when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessPass(SecretString);

impl AccessPass {
    pub fn new(text: String) -> AccessPass {
        AccessPass(SecretString::new(text))
    }

    pub fn expose(&self) -> &str {
        self.0.expose()
    }
}

impl std::fmt::Debug for AccessPass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl zeroize::ZeroizeOnDrop for AccessPass {}

/// A pass as Graph lists it (`temporaryAccessPass` is `null` on every read but the creation's).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PassMethod {
    #[serde(with = "datetime", default)]
    pub created_date_time: Option<OffsetDateTime>,
    #[serde(with = "datetime", default)]
    pub start_date_time: Option<OffsetDateTime>,
    pub lifetime_in_minutes: Option<i64>,
    pub is_usable: Option<bool>,
}

impl PassMethod {
    /// When it stops working: its start (or creation) plus its lifetime.
    pub fn ends_at(&self) -> Option<OffsetDateTime> {
        let start = self.start_date_time.or(self.created_date_time)?;
        Some(start + time::Duration::minutes(self.lifetime_in_minutes?))
    }

    /// Still running: usable (or not yet started) and not ended.
    pub fn running(&self, now: OffsetDateTime) -> bool {
        self.is_usable != Some(false) || self.start_date_time.is_some_and(|s| s > now)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum OfferState {
    /// The confirmation card can be shown.
    Offer,
    /// The policy is off for everyone: an Authentication Policy Administrator turns it on.
    PolicyOff,
    /// The policy is on, not for this person: an Authentication Policy Administrator adds them.
    NotForThisPerson,
    /// They already have a running pass; nothing here replaces it.
    Exists,
    /// PinDesk could not read what decides it; `needs` names the permission or role.
    Unknown,
}

/// What the TAP panel shows before anything is created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TapOfferView {
    pub state: OfferState,
    pub lifetime_minutes: Option<u32>,
    pub one_time: Option<bool>,
    /// The person holds a directory role: only a Privileged Authentication Administrator may
    /// give them a pass.
    pub admin_target: bool,
    /// When the running pass ends (`Exists`).
    #[serde(with = "time::serde::rfc3339::option")]
    #[ts(type = "string | null")]
    pub ends_at: Option<OffsetDateTime>,
    pub needs: Option<String>,
}

impl TapOfferView {
    fn only(state: OfferState) -> TapOfferView {
        TapOfferView {
            state,
            lifetime_minutes: None,
            one_time: None,
            admin_target: false,
            ends_at: None,
            needs: None,
        }
    }

    fn unknown(error: GraphError, scope: &str) -> Result<TapOfferView, GraphError> {
        let needs = match &error {
            GraphError::Token(_) => scope,
            _ => match error.kind() {
                ErrorKind::ScopeMissing | ErrorKind::ConsentMissing => scope,
                ErrorKind::RoleMissing => "Authentication Administrator",
                _ => return Err(error),
            },
        };
        Ok(TapOfferView {
            needs: Some(needs.to_owned()),
            ..TapOfferView::only(OfferState::Unknown)
        })
    }
}

pub(crate) const POLICY_PATH: &str =
    "policies/authenticationMethodsPolicy/authenticationMethodConfigurations";

pub(crate) fn passes_path(user_id: &str) -> ResourcePath {
    ResourcePath::new("users")
        .id(user_id)
        .then("authentication")
        .then("temporaryAccessPassMethods")
}

/// The person's running pass, if any (one GET).
pub(crate) async fn running_pass(
    client: &GraphClient,
    user_id: &str,
) -> Result<Option<PassMethod>, GraphError> {
    let request = GraphRequest::get(passes_path(user_id));
    let found = client
        .get_all::<PassMethod>(&request, &CancellationToken::new())
        .await?;
    let now = OffsetDateTime::now_utc();
    Ok(found
        .items
        .into_iter()
        .find(|p| p.running(now) && p.ends_at().is_none_or(|end| end > now)))
}

#[derive(Debug, Deserialize)]
struct Membership {
    #[serde(rename = "@odata.type", default)]
    odata_type: Option<String>,
    id: Option<String>,
}

/// Who may read the pass policy, per Microsoft's "Get
/// temporaryAccessPassAuthenticationMethodConfiguration" page (an Authentication Administrator
/// alone may not).
const POLICY_READERS: &str = "Global Reader or Authentication Policy Administrator";

/// The policy, or why it could not be read (the permission or role it needs).
async fn read_policy(client: &GraphClient) -> Result<Result<TapPolicy, String>, GraphError> {
    let request = GraphRequest::get(ResourcePath::new(POLICY_PATH).then("TemporaryAccessPass"));
    match client.get(&request).await {
        Ok(policy) => Ok(Ok(policy)),
        Err(GraphError::Token(_)) => Ok(Err("Policy.Read.AuthenticationMethod".to_owned())),
        Err(error) => match error.kind() {
            ErrorKind::ScopeMissing | ErrorKind::ConsentMissing => {
                Ok(Err("Policy.Read.AuthenticationMethod".to_owned()))
            }
            ErrorKind::RoleMissing => Ok(Err(POLICY_READERS.to_owned())),
            _ => Err(error),
        },
    }
}

/// Whether the tenant's pass policy lets the helpdesk give `user_id` a pass, with its lifetime.
/// `policy_client` holds the policy-reading permission alone: when the policy cannot be read,
/// the pass is still offered with the policy's own defaults (Graph applies them and refuses a
/// person the policy leaves out), and `needs` says what would show them.
pub async fn tap_offer(
    client: &GraphClient,
    policy_client: &GraphClient,
    user_id: &str,
) -> Result<TapOfferView, GraphError> {
    let policy = read_policy(policy_client).await?;
    if matches!(&policy, Ok(p) if p.state != "enabled") {
        return Ok(TapOfferView::only(OfferState::PolicyOff));
    }
    let request = GraphRequest::get(
        ResourcePath::new("users")
            .id(user_id)
            .then("transitiveMemberOf"),
    )
    .select(&["id"]);
    let memberships = match client
        .get_all::<Membership>(&request, &CancellationToken::new())
        .await
    {
        Ok(found) => found.items,
        Err(error) => return TapOfferView::unknown(error, "GroupMember.Read.All"),
    };
    let groups: Vec<&str> = memberships.iter().filter_map(|m| m.id.as_deref()).collect();
    let admin_target = memberships
        .iter()
        .any(|m| m.odata_type.as_deref() == Some("#microsoft.graph.directoryRole"));
    let (lifetime_minutes, one_time, needs) = match &policy {
        Ok(policy) => match policy.offer_for(&groups) {
            TapOffer::Offer {
                lifetime_minutes,
                one_time,
            } => (Some(lifetime_minutes), Some(one_time), None),
            TapOffer::PolicyOff => return Ok(TapOfferView::only(OfferState::PolicyOff)),
            TapOffer::NotForThisPerson => {
                return Ok(TapOfferView::only(OfferState::NotForThisPerson));
            }
        },
        Err(needs) => (None, None, Some(needs.clone())),
    };
    let running = match running_pass(client, user_id).await {
        Ok(running) => running,
        Err(error) => {
            return TapOfferView::unknown(error, "UserAuthenticationMethod.ReadWrite.All");
        }
    };
    Ok(TapOfferView {
        state: if running.is_some() {
            OfferState::Exists
        } else {
            OfferState::Offer
        },
        lifetime_minutes,
        one_time,
        admin_target,
        ends_at: running.and_then(|r| r.ends_at()),
        needs,
    })
}
