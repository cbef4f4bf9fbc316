//! Creating a Temporary Access Pass: exactly one POST per confirmation, guarded like
//! `resetPasscode`. A double click meets the in-flight guard; a second window or a retry finds
//! the pass already running and says when it ends (nothing replaces it); after an unclear answer
//! the passes are read back, never the POST repeated.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::in_flight::InFlightSet;
use super::tap::{AccessPass, PassMethod, passes_path, running_pass};
use crate::graph::models::datetime;
use crate::graph::{ErrorKind, GraphClient, GraphError, Sent};
use crate::{Failure, FailureKind};

/// How far the service's clock may differ from this computer's when reading a pass back.
const CLOCK_SKEW: time::Duration = time::Duration::minutes(5);

/// A pass just created: shown once, then dropped.
#[derive(Debug)]
pub struct TapCreated {
    pub pass: AccessPass,
    pub created_at: OffsetDateTime,
    pub ends_at: Option<OffsetDateTime>,
    pub lifetime_minutes: Option<i64>,
    pub one_time: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum TapError {
    #[error(transparent)]
    Graph(#[from] GraphError),
    #[error("a pass for this person is already being created")]
    AlreadySending,
    /// A running pass: a new one would replace it, so nothing is sent.
    #[error("this person already has a Temporary Access Pass")]
    Exists { ends_at: Option<OffsetDateTime> },
    /// The policy is off, or not for this person (Graph's 400).
    #[error("the Temporary Access Pass policy does not allow a pass for this person")]
    PolicyRefused,
    /// The person holds an admin role; only a Privileged Authentication Administrator may.
    #[error("this person is an administrator")]
    AdminTarget,
    #[error("the signed-in person's Entra role does not allow giving a pass")]
    RoleMissing,
    /// The POST got no clear answer and the read-back found nothing.
    #[error(
        "the pass may or may not have been created: {detail}; client-request-id {client_request_id}"
    )]
    Unconfirmed {
        detail: String,
        client_request_id: String,
    },
    /// The read-back found a pass created just now, but its text came only in the lost answer.
    #[error("a pass was created but its answer was lost")]
    CreatedUnseen { ends_at: Option<OffsetDateTime> },
}

fn rfc3339(at: Option<OffsetDateTime>) -> Option<String> {
    at.and_then(|at| {
        at.format(&time::format_description::well_known::Rfc3339)
            .ok()
    })
}

impl Failure for TapError {
    fn failure_kind(&self) -> FailureKind {
        match self {
            TapError::Graph(graph) => graph.failure_kind(),
            TapError::AlreadySending => FailureKind::TapAlreadySending,
            TapError::Exists { .. } => FailureKind::TapExists,
            TapError::PolicyRefused => FailureKind::TapPolicyRefused,
            TapError::AdminTarget => FailureKind::TapAdminTarget,
            TapError::RoleMissing => FailureKind::TapRoleMissing,
            TapError::Unconfirmed { .. } => FailureKind::TapUnconfirmed,
            TapError::CreatedUnseen { .. } => FailureKind::TapCreatedUnseen,
        }
    }

    fn graph(&self) -> Option<&GraphError> {
        match self {
            TapError::Graph(graph) => Some(graph),
            _ => None,
        }
    }

    fn support_detail(&self) -> Option<String> {
        match self {
            // The end time, for the window to show in local time.
            TapError::Exists { ends_at } | TapError::CreatedUnseen { ends_at } => rfc3339(*ends_at),
            other => crate::failure::default_detail(other),
        }
    }
}

/// People being given a pass in this process.
static PASSES: InFlightSet = InFlightSet::new();

/// Graph's documented body: both properties optional, sent as the card showed them; left out,
/// the policy's defaults apply.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewPass {
    #[serde(skip_serializing_if = "Option::is_none")]
    lifetime_in_minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_usable_once: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Answer {
    temporary_access_pass: Option<String>,
    #[serde(with = "datetime", default)]
    created_date_time: Option<OffsetDateTime>,
    #[serde(with = "datetime", default)]
    start_date_time: Option<OffsetDateTime>,
    lifetime_in_minutes: Option<i64>,
    is_usable_once: Option<bool>,
}

impl Drop for Answer {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.temporary_access_pass);
    }
}

fn refused(error: GraphError, admin_target: bool) -> TapError {
    match (error.status(), error.kind()) {
        (Some(400), _) => TapError::PolicyRefused,
        (_, ErrorKind::RoleMissing) if admin_target => TapError::AdminTarget,
        (_, ErrorKind::RoleMissing) => TapError::RoleMissing,
        _ => TapError::Graph(error),
    }
}

/// Creates one pass for `user_id` with the lifetime and use the card showed (`None`: the
/// policy's default). `admin_target` is what the offer read, to word Graph's 403.
pub async fn create_tap(
    client: &GraphClient,
    user_id: &str,
    lifetime_minutes: Option<u32>,
    one_time: Option<bool>,
    admin_target: bool,
) -> Result<TapCreated, TapError> {
    let Some(_guard) = PASSES.claim(client, &user_id.to_ascii_lowercase()) else {
        return Err(TapError::AlreadySending);
    };
    match running_pass(client, user_id).await {
        Ok(Some(running)) => {
            return Err(TapError::Exists {
                ends_at: running.ends_at(),
            });
        }
        Ok(None) => {}
        Err(error) => return Err(refused(error, admin_target)),
    }
    let body = NewPass {
        lifetime_in_minutes: lifetime_minutes,
        is_usable_once: one_time,
    };
    let sent = client
        .post_once::<NewPass, Answer>(&passes_path(user_id), Some(&body))
        .await
        .map_err(|e| refused(e, admin_target))?;
    match sent {
        Sent::Completed(mut answer) => {
            let Some(text) = answer.temporary_access_pass.take() else {
                let ends_at = PassMethod::ends(&answer);
                return Err(TapError::CreatedUnseen { ends_at });
            };
            tracing::info!(user = user_id, "temporary access pass created");
            Ok(TapCreated {
                pass: AccessPass::new(text),
                created_at: answer
                    .created_date_time
                    .unwrap_or_else(OffsetDateTime::now_utc),
                ends_at: PassMethod::ends(&answer),
                lifetime_minutes: answer.lifetime_in_minutes,
                one_time: answer.is_usable_once.or(one_time).unwrap_or(true),
            })
        }
        Sent::Ambiguous(ambiguity) => {
            let since = OffsetDateTime::from(ambiguity.sent_at) - CLOCK_SKEW;
            let found = running_pass(client, user_id).await.ok().flatten();
            match found.filter(|p| p.created_date_time.is_some_and(|c| c >= since)) {
                Some(made) => Err(TapError::CreatedUnseen {
                    ends_at: made.ends_at(),
                }),
                None => {
                    let client_request_id = ambiguity.client_request_id.clone();
                    Err(TapError::Unconfirmed {
                        detail: ambiguity.into_error().to_string(),
                        client_request_id,
                    })
                }
            }
        }
    }
}

impl PassMethod {
    fn ends(answer: &Answer) -> Option<OffsetDateTime> {
        PassMethod {
            created_date_time: answer.created_date_time,
            start_date_time: answer.start_date_time,
            lifetime_in_minutes: answer.lifetime_in_minutes,
            is_usable: None,
        }
        .ends_at()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pass_prints_stars_and_is_cleared_when_dropped() {
        let pass = AccessPass::new("Xy7-kq9Z".to_owned());
        assert_eq!(format!("{pass:?}"), "***");
        fn clears_on_drop<T: zeroize::ZeroizeOnDrop>() {}
        clears_on_drop::<AccessPass>();
    }

    #[test]
    fn every_refusal_has_its_own_kind_and_names_who_can_help() {
        let kinds: Vec<FailureKind> = [
            TapError::Exists { ends_at: None },
            TapError::PolicyRefused,
            TapError::AdminTarget,
            TapError::RoleMissing,
        ]
        .iter()
        .map(Failure::failure_kind)
        .collect();
        assert_eq!(
            kinds,
            [
                "tapExists",
                "tapPolicyRefused",
                "tapAdminTarget",
                "tapRoleMissing"
            ]
        );
    }
}
