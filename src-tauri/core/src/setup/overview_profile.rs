//! The overview's parts about the chosen profile: who it is assigned to and how it deploys, read
//! in one batch (plus one for group names).

use serde::Deserialize;

use crate::graph::GraphClient;
use crate::graph::models::{DeviceConfigurationAssignment, DeviceConfigurationDeviceOverview};

use super::assignment::assignments_request;
use super::assignment_views::views;
use super::deployment::{DeploymentCounts, overview_request};
use super::overview_item::{AssignmentPart, DeploymentPart, ItemState, Part, Status};
use super::policy::ProfileRef;
use crate::sentence::{Sentence, StatusKey};

#[derive(Deserialize)]
struct Assignments {
    #[serde(default)]
    value: Vec<DeviceConfigurationAssignment>,
}

pub(crate) async fn assignment_and_deployment(
    client: &GraphClient,
    profile: Option<&ProfileRef>,
) -> (AssignmentPart, DeploymentPart) {
    let Some(profile) = profile else {
        return (
            AssignmentPart {
                status: Status::plain(ItemState::NotDone, StatusKey::AssignmentWaits),
                assignments: Vec::new(),
            },
            DeploymentPart {
                status: Status::plain(ItemState::NotDone, StatusKey::DeploymentWaits),
                counts: None,
            },
        );
    };
    let answers = match client
        .batch(&[
            assignments_request(&profile.id),
            overview_request(&profile.id),
        ])
        .await
    {
        Ok(answers) => answers,
        Err(e) => {
            return (
                AssignmentPart {
                    status: Status::from_error(&e, Part::Assignments),
                    assignments: Vec::new(),
                },
                DeploymentPart {
                    status: Status::from_error(&e, Part::Deployment),
                    counts: None,
                },
            );
        }
    };
    let mut answers = answers.into_iter();
    let assigned = match answers.next().map(|a| a.json::<Assignments>()) {
        Some(Ok(list)) => match views(client, &list.value).await {
            Ok(views) => Ok(views),
            Err(e) => Err(e),
        },
        Some(Err(e)) => Err(e),
        None => Ok(Vec::new()),
    };
    let assignment = match assigned {
        // The window names who it reaches from the list, each target in its own words.
        Ok(list)
            if list
                .iter()
                .any(|a| a.kind != super::TargetKind::ExcludedGroup) =>
        {
            AssignmentPart {
                status: Status::plain(ItemState::Done, StatusKey::AssignedTo),
                assignments: list,
            }
        }
        Ok(list) => AssignmentPart {
            status: Status::plain(ItemState::NotDone, StatusKey::NotAssigned),
            assignments: list,
        },
        Err(e) => AssignmentPart {
            status: Status::from_error(&e, Part::Assignments),
            assignments: Vec::new(),
        },
    };
    let deployment = match answers
        .next()
        .map(|a| a.json::<DeviceConfigurationDeviceOverview>())
    {
        Some(Ok(overview)) => {
            let counts = DeploymentCounts::of(&overview);
            let state = if counts.succeeded > 0 {
                ItemState::Done
            } else {
                ItemState::NotDone
            };
            let errors = counts.errors + counts.failed;
            let sentence = Sentence::new(
                StatusKey::DeploymentCounts,
                &[
                    ("succeeded", counts.succeeded.to_string()),
                    ("pending", counts.pending.to_string()),
                    ("errors", errors.to_string()),
                    ("notApplicable", counts.not_applicable.to_string()),
                ],
            );
            DeploymentPart {
                status: Status::new(state, sentence),
                counts: Some(counts),
            }
        }
        Some(Err(e)) => DeploymentPart {
            status: Status::from_error(&e, Part::Deployment),
            counts: None,
        },
        None => DeploymentPart {
            status: Status::plain(ItemState::NotDone, StatusKey::DeploymentNoReport),
            counts: None,
        },
    };
    (assignment, deployment)
}
