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
use crate::phrase::Phrase;

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
                status: Status::new(
                    ItemState::NotDone,
                    Phrase::plain("assignmentWaits"),
                    "Comes after the profile exists.",
                ),
                assignments: Vec::new(),
            },
            DeploymentPart {
                status: Status::new(
                    ItemState::NotDone,
                    Phrase::plain("deploymentWaits"),
                    "Comes after the profile is assigned.",
                ),
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
        Ok(list)
            if list
                .iter()
                .any(|a| a.kind != super::TargetKind::ExcludedGroup) =>
        {
            let names = list
                .iter()
                .filter(|a| a.kind != super::TargetKind::ExcludedGroup)
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            AssignmentPart {
                status: Status::new(
                    ItemState::Done,
                    Phrase::new("assignedTo", &[("names", names.clone())]),
                    format!("Assigned to {names}."),
                ),
                assignments: list,
            }
        }
        Ok(list) => AssignmentPart {
            status: Status::new(
                ItemState::NotDone,
                Phrase::plain("notAssigned"),
                "The profile is not assigned to anyone yet.",
            ),
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
            let message = format!(
                "{} devices have it, {} are waiting, {} have errors, {} not applicable.",
                counts.succeeded, counts.pending, errors, counts.not_applicable
            );
            let phrase = Phrase::new(
                "deploymentCounts",
                &[
                    ("succeeded", counts.succeeded.to_string()),
                    ("pending", counts.pending.to_string()),
                    ("errors", errors.to_string()),
                    ("notApplicable", counts.not_applicable.to_string()),
                ],
            );
            DeploymentPart {
                status: Status::new(state, phrase, message),
                counts: Some(counts),
            }
        }
        Some(Err(e)) => DeploymentPart {
            status: Status::from_error(&e, Part::Deployment),
            counts: None,
        },
        None => DeploymentPart {
            status: Status::new(
                ItemState::NotDone,
                Phrase::plain("deploymentNoReport"),
                "No report yet.",
            ),
            counts: None,
        },
    };
    (assignment, deployment)
}
