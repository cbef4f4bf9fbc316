//! One line of the setup overview: its state and its sentence by key. Shared by the overview and
//! the parts read for the chosen profile.

use serde::Serialize;

use crate::Failure;
use crate::graph::GraphError;
use crate::sentence::{SaysFailure, Sentence, StatusKey};

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

/// One line of the overview: its state and its sentence by key, which the window words in the
/// person's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    pub state: ItemState,
    pub sentence: Sentence<StatusKey>,
    /// For support only.
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
    fn cannot_see(self) -> StatusKey {
        match self {
            Part::Tenant => StatusKey::CannotSeeTenant,
            Part::Profiles => StatusKey::CannotSeeProfiles,
            Part::Assignments => StatusKey::CannotSeeAssignments,
            Part::Deployment => StatusKey::CannotSeeDeployment,
        }
    }
}

impl Status {
    pub(crate) fn new(state: ItemState, sentence: Sentence<StatusKey>) -> Status {
        Status {
            state,
            sentence,
            detail: None,
        }
    }

    pub(crate) fn plain(state: ItemState, key: StatusKey) -> Status {
        Status::new(state, Sentence::plain(key))
    }

    pub(crate) fn from_error(error: &GraphError, part: Part) -> Status {
        let (state, sentence) = if consent::cannot_see(error) {
            (ItemState::CannotSee, Sentence::plain(part.cannot_see()))
        } else {
            (ItemState::Failed, StatusKey::failed(error.failure_kind()))
        };
        Status {
            state,
            sentence,
            detail: error.support_detail(),
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
