//! How the window sees a profile's assignments: each target in plain words, with the group's
//! name read from Graph, and a key that names the target exactly, so the window can say which
//! set it showed when it asks for a change.

use serde::{Deserialize, Serialize};

use crate::graph::models::{AssignmentTarget, DeviceConfigurationAssignment, Group, GroupId};
use crate::graph::{Filter, GraphClient, GraphError, GraphRequest, ResourcePath};
use crate::sentence::{Sentence, TargetKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum TargetKind {
    Group,
    ExcludedGroup,
    AllDevices,
    AllUsers,
    Other,
}

/// One assignment as the window lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentView {
    pub kind: TargetKind,
    pub group_id: Option<GroupId>,
    /// Who it is, by key: a group with its own name, or a kind of target the window words.
    pub target: Sentence<TargetKey>,
    /// Names the target exactly; the window hands back the keys it showed when it assigns.
    pub key: String,
}

/// Names a target exactly (its kind, group, filter and any other property), case aside: two
/// sets of assignments with the same keys are the same set.
pub(crate) fn target_key(target: &AssignmentTarget) -> String {
    serde_json::to_string(target)
        .unwrap_or_default()
        .to_ascii_lowercase()
}

pub(crate) async fn views(
    client: &GraphClient,
    current: &[DeviceConfigurationAssignment],
) -> Result<Vec<AssignmentView>, GraphError> {
    let targets: Vec<&AssignmentTarget> =
        current.iter().filter_map(|a| a.target.as_ref()).collect();
    let group_ids: Vec<&GroupId> = targets.iter().filter_map(|t| t.group_id()).collect();
    let requests: Vec<GraphRequest> = group_ids
        .iter()
        .map(|id| {
            GraphRequest::get(ResourcePath::new("groups"))
                .filter(Filter::eq("id", id.as_str()))
                .select(&["id", "displayName"])
        })
        .collect();
    let mut names = std::collections::HashMap::new();
    if !requests.is_empty() {
        for answer in client.batch(&requests).await? {
            // A group that cannot be read keeps its ID as its name rather than failing the list.
            if let Ok(list) = answer.json::<GroupList>() {
                for group in list.value {
                    if let (Some(id), Some(name)) = (group.id, group.display_name) {
                        names.insert(id.as_str().to_ascii_lowercase(), name);
                    }
                }
            }
        }
    }
    let name_of = |id: &GroupId| match names.get(&id.as_str().to_ascii_lowercase()) {
        Some(name) => Sentence::new(TargetKey::Group, &[("name", name.clone())]),
        None => Sentence::new(TargetKey::UnreadableGroup, &[("id", id.to_string())]),
    };
    Ok(targets
        .into_iter()
        .map(|target| (target_key(target), target))
        .map(|(key, target)| match target {
            AssignmentTarget::Group { group_id, .. } => AssignmentView {
                kind: TargetKind::Group,
                group_id: Some(group_id.clone()),
                target: name_of(group_id),
                key,
            },
            AssignmentTarget::ExclusionGroup { group_id, .. } => AssignmentView {
                kind: TargetKind::ExcludedGroup,
                group_id: Some(group_id.clone()),
                target: name_of(group_id),
                key,
            },
            AssignmentTarget::AllDevices { .. } => AssignmentView {
                kind: TargetKind::AllDevices,
                group_id: None,
                target: Sentence::plain(TargetKey::AllDevices),
                key,
            },
            AssignmentTarget::AllLicensedUsers { .. } => AssignmentView {
                kind: TargetKind::AllUsers,
                group_id: None,
                target: Sentence::plain(TargetKey::AllUsers),
                key,
            },
            AssignmentTarget::Other { odata_type, .. } => {
                let odata = odata_type.as_deref().unwrap_or("unknown").to_owned();
                AssignmentView {
                    kind: TargetKind::Other,
                    group_id: None,
                    target: Sentence::new(TargetKey::OtherTarget, &[("type", odata)]),
                    key,
                }
            }
        })
        .collect())
}

#[derive(Deserialize)]
struct GroupList {
    #[serde(default)]
    value: Vec<Group>,
}
