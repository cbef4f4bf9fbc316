//! Who gets the profile. `assign` replaces the whole set on the service, so every change reads
//! the current set first and sends the union: an assignment made elsewhere (the admin center,
//! another tool) is never dropped, and asking twice for the same target sends nothing.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::CoreError;
use crate::graph::models::{
    AssignmentTarget, DeviceConfigurationAssignment, DeviceConfigurationId, Group, GroupId,
};
use crate::graph::{
    CancellationToken, GraphClient, GraphError, GraphRequest, ResourcePath, Sent, search_term,
};
use crate::word_enum::word_enum;

pub use super::assignment_views::{AssignmentView, TargetKind};
use super::assignment_views::{target_key, views};

/// Results per group search: enough to pick from.
const GROUP_PAGE: u32 = 25;
const CONFIGURATIONS: &str = "deviceManagement/deviceConfigurations";

/// What the administrator chose to add.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum NewTarget {
    Group {
        #[serde(rename = "groupId")]
        group_id: GroupId,
    },
    AllDevices,
    AllUsers,
}

impl NewTarget {
    fn is(&self, target: &AssignmentTarget) -> bool {
        match (self, target) {
            (
                NewTarget::Group { group_id },
                AssignmentTarget::Group {
                    group_id: other, ..
                },
            ) => group_id.as_str().eq_ignore_ascii_case(other.as_str()),
            (NewTarget::AllDevices, AssignmentTarget::AllDevices { .. })
            | (NewTarget::AllUsers, AssignmentTarget::AllLicensedUsers { .. }) => true,
            _ => false,
        }
    }

    fn target(&self) -> AssignmentTarget {
        match self {
            NewTarget::Group { group_id } => AssignmentTarget::group(group_id.clone()),
            NewTarget::AllDevices => AssignmentTarget::AllDevices {
                extra: serde_json::Map::new(),
            },
            NewTarget::AllUsers => AssignmentTarget::AllLicensedUsers {
                extra: serde_json::Map::new(),
            },
        }
    }
}

/// A group the picker offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupChoice {
    pub id: GroupId,
    pub name: String,
    pub description: Option<String>,
    pub kind: GroupKind,
    /// When Graph could count them in the same extra round trip; absent otherwise.
    pub member_count: Option<u64>,
}

word_enum! {
    /// What kind of group it is, worded by the window as `groupKind.<key>`.
    pub enum GroupKind {
        Security => "security",
        DynamicSecurity => "dynamicSecurity",
        Microsoft365 => "microsoft365",
        DynamicMicrosoft365 => "dynamicMicrosoft365",
        Distribution => "distribution",
        DynamicDistribution => "dynamicDistribution",
    }
}

fn group_kind(group: &Group) -> GroupKind {
    let types = group.group_types.clone().unwrap_or_default();
    let dynamic = types
        .iter()
        .any(|t| t.eq_ignore_ascii_case("DynamicMembership"));
    let unified = types.iter().any(|t| t.eq_ignore_ascii_case("Unified"));
    match (dynamic, unified, group.security_enabled == Some(true)) {
        (false, true, _) => GroupKind::Microsoft365,
        (true, true, _) => GroupKind::DynamicMicrosoft365,
        (false, false, true) => GroupKind::Security,
        (true, false, true) => GroupKind::DynamicSecurity,
        (false, false, false) => GroupKind::Distribution,
        (true, false, false) => GroupKind::DynamicDistribution,
    }
}

/// Groups whose name has a word starting with `text` (directory search), first page only.
pub async fn search_groups(
    client: &GraphClient,
    text: &str,
    cancel: &CancellationToken,
) -> Result<Vec<GroupChoice>, GraphError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let request = GraphRequest::get(ResourcePath::new("groups"))
        .search(search_term("displayName", text))
        .select(&[
            "id",
            "displayName",
            "description",
            "groupTypes",
            "securityEnabled",
            "mailEnabled",
        ])
        .top(GROUP_PAGE);
    let page = client.get_page::<Group>(&request, cancel).await?;
    let mut choices: Vec<GroupChoice> = page
        .items
        .iter()
        .filter_map(|g| {
            Some(GroupChoice {
                id: g.id.clone()?,
                name: g.display_name.clone().unwrap_or_default(),
                description: g.description.clone().filter(|d| !d.is_empty()),
                kind: group_kind(g),
                member_count: None,
            })
        })
        .collect();
    add_member_counts(client, &mut choices).await;
    Ok(choices)
}

/// Member counts for the groups found, in one batch. A count is a nicety: any failure leaves the
/// counts out rather than failing the search.
async fn add_member_counts(client: &GraphClient, choices: &mut [GroupChoice]) {
    if choices.is_empty() {
        return;
    }
    let requests: Vec<GraphRequest> = choices
        .iter()
        .map(|c| {
            GraphRequest::get(
                ResourcePath::new("groups")
                    .id(c.id.as_str())
                    .then("members/$count"),
            )
            .eventual()
        })
        .collect();
    let Ok(answers) = client.batch(&requests).await else {
        return;
    };
    for (choice, answer) in choices.iter_mut().zip(answers) {
        choice.member_count = answer.into_result().ok().and_then(|v| match v {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        });
    }
}

fn assignments_path(profile: &DeviceConfigurationId) -> ResourcePath {
    ResourcePath::new(CONFIGURATIONS)
        .id(profile.as_str())
        .then("assignments")
}

pub(crate) fn assignments_request(profile: &DeviceConfigurationId) -> GraphRequest {
    GraphRequest::get(assignments_path(profile))
}

#[derive(Deserialize)]
struct Assignments {
    #[serde(default)]
    value: Vec<DeviceConfigurationAssignment>,
}

/// The whole current set, every page: `assign` replaces the set, so a target on a page not
/// read would be dropped.
async fn read(
    client: &GraphClient,
    profile: &DeviceConfigurationId,
) -> Result<Vec<DeviceConfigurationAssignment>, CoreError> {
    let all = client
        .get_all::<DeviceConfigurationAssignment>(
            &assignments_request(profile),
            &CancellationToken::new(),
        )
        .await?;
    if !all.complete {
        return Err(CoreError::Internal(
            "the profile has more assignments than PinDesk reads; nothing was changed".to_owned(),
        ));
    }
    Ok(all.items)
}

/// The profile's assignments, with group names.
pub async fn assignments(
    client: &GraphClient,
    profile: &DeviceConfigurationId,
) -> Result<Vec<AssignmentView>, CoreError> {
    let current = read(client, profile).await?;
    Ok(views(client, &current).await?)
}

/// The body of `assign`: every current assignment exactly as read, plus `new` unless already
/// there.
pub(crate) fn union_body(current: &[DeviceConfigurationAssignment], new: &NewTarget) -> Value {
    let mut items: Vec<Value> = current
        .iter()
        .filter_map(|a| a.target.as_ref())
        .map(|target| json!({ "target": target }))
        .collect();
    if !current
        .iter()
        .filter_map(|a| a.target.as_ref())
        .any(|t| new.is(t))
    {
        items.push(json!({ "target": new.target() }));
    }
    json!({ "assignments": items })
}

/// Adds `new` to the profile's assignments, keeping every existing one. `shown` is the keys of
/// the set the window showed: when someone changed the set since, nothing is sent and the answer
/// is [`CoreError::AssignmentsChanged`], so the person sees the new set before anything is
/// replaced. Sends nothing when the target is already assigned; after an ambiguous answer,
/// reads the set back instead of sending it again.
pub async fn assign(
    client: &GraphClient,
    profile: &DeviceConfigurationId,
    new: &NewTarget,
    shown: &[String],
) -> Result<Vec<AssignmentView>, CoreError> {
    let current = read(client, profile).await?;
    let now: std::collections::BTreeSet<String> = current
        .iter()
        .filter_map(|a| a.target.as_ref())
        .map(target_key)
        .collect();
    let then: std::collections::BTreeSet<String> =
        shown.iter().map(|k| k.to_ascii_lowercase()).collect();
    if now != then {
        return Err(CoreError::AssignmentsChanged);
    }
    let has_new = |set: &[DeviceConfigurationAssignment]| {
        set.iter()
            .filter_map(|a| a.target.as_ref())
            .any(|t| new.is(t))
    };
    if has_new(&current) {
        return Ok(views(client, &current).await?);
    }
    let body = union_body(&current, new);
    let path = ResourcePath::new(CONFIGURATIONS)
        .id(profile.as_str())
        .then("assign");
    match client
        .post_once::<Value, Assignments>(&path, Some(&body))
        .await?
    {
        Sent::Completed(answer) if has_new(&answer.value) => {
            Ok(views(client, &answer.value).await?)
        }
        // An answer without the list (or without the new target): believe the service's state.
        Sent::Completed(_) => Ok(assignments(client, profile).await?),
        Sent::Ambiguous(ambiguity) => {
            let after = read(client, profile).await?;
            let kept = current
                .iter()
                .filter_map(|a| a.target.as_ref())
                .all(|old| after.iter().any(|a| a.target.as_ref() == Some(old)));
            if has_new(&after) && kept {
                Ok(views(client, &after).await?)
            } else {
                Err(CoreError::Unconfirmed(ambiguity.into_error().to_string()))
            }
        }
    }
}

#[cfg(test)]
#[path = "assignment_tests.rs"]
mod tests;
