//! One line of the setup overview: its state and its words, by key and in English. Shared by the
//! overview and the parts read for the chosen profile.

use serde::Serialize;

use crate::graph::{GraphError, ipc_error};
use crate::phrase::Phrase;

use super::assignment::AssignmentView;
use super::consent;
use super::deployment::DeploymentCounts;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ItemState {
    Done,
    NotDone,
    /// The signed-in person's role or permissions do not show this.
    CannotSee,
    /// Graph could not be asked just now.
    Failed,
}

/// One line of the overview: its state and plain words about it, in English (`message`) and by
/// key (`phrase`), so the window can say it in the person's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    pub state: ItemState,
    pub message: String,
    pub phrase: Phrase,
    pub detail: Option<String>,
}

/// What a part of the overview is about, for "you can't see ..." sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Tenant,
    Profiles,
    Assignments,
    Deployment,
}

impl Part {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Part::Tenant => ("cannotSeeTenant", "your organisation's details"),
            Part::Profiles => ("cannotSeeProfiles", "the device configuration profiles"),
            Part::Assignments => ("cannotSeeAssignments", "who the profile is assigned to"),
            Part::Deployment => ("cannotSeeDeployment", "how the profile deploys"),
        }
    }
}

impl Status {
    pub(crate) fn new(state: ItemState, phrase: Phrase, message: impl Into<String>) -> Status {
        Status {
            state,
            message: message.into(),
            phrase,
            detail: None,
        }
    }

    pub(crate) fn from_error(error: &GraphError, part: Part) -> Status {
        let ipc = ipc_error(error);
        if consent::cannot_see(error) {
            let (key, what) = part.words();
            Status {
                state: ItemState::CannotSee,
                message: format!("You can't see {what} with your account's role or permissions."),
                phrase: Phrase::plain(key),
                detail: ipc.detail,
            }
        } else {
            Status {
                state: ItemState::Failed,
                message: error.to_string(),
                phrase: Phrase::error(ipc.kind),
                detail: ipc.detail,
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentPart {
    #[serde(flatten)]
    pub status: Status,
    pub assignments: Vec<AssignmentView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentPart {
    #[serde(flatten)]
    pub status: Status,
    pub counts: Option<DeploymentCounts>,
}
