//! Sending the reset: exactly one `resetPasscode` per confirmation. Double clicks in one process
//! meet the in-flight guard; a second window, or a retry after a network error, first reads the
//! device's action results and finds the reset already running. After an ambiguous failure the
//! results are read, never the POST repeated.

use serde::Serialize;
use time::{Duration, OffsetDateTime};

use super::error::ResetError;
use super::in_flight::InFlightSet;
use super::status::{self, admin_center_url};
use crate::graph::models::{ActionState, ManagedDeviceId};
use crate::graph::{GraphClient, ResourcePath, Sent};

/// A reset still pending or active that started this recently is taken as the one just asked for
/// (a second window, a retry) rather than sending another.
pub const RUNNING_RESET_COUNTS_FOR: Duration = Duration::minutes(30);

/// The reset was sent (or found already running): follow it with `reset_status(.., since)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ResetStarted {
    pub device_id: ManagedDeviceId,
    /// When PinDesk sent the POST (this computer's clock), or the running reset's own start.
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    pub started_at: OffsetDateTime,
    /// True when no POST was sent because a reset of this device was already running.
    pub already_running: bool,
    /// The device's name as Graph has it, for the audit log.
    pub device_name: Option<String>,
}

/// Devices with a `start_reset` under way in this process.
static RESETS: InFlightSet = InFlightSet::new();

fn reset_path(device_id: &ManagedDeviceId) -> ResourcePath {
    ResourcePath::new("deviceManagement/managedDevices")
        .id(device_id.as_str())
        .then("resetPasscode")
}

/// Sends one `resetPasscode` for `device_id`, unless a reset of it is already running.
pub async fn start_reset(
    client: &GraphClient,
    device_id: &ManagedDeviceId,
) -> Result<ResetStarted, ResetError> {
    let Some(_guard) = RESETS.claim(client, device_id.as_str()) else {
        return Err(ResetError::AlreadySending);
    };
    let now = OffsetDateTime::now_utc();
    let (device_name, latest) =
        status::read_named_latest(client, device_id, now - RUNNING_RESET_COUNTS_FOR).await?;
    if let Some(running) = latest.filter(|r| {
        matches!(
            r.result.action_state,
            Some(ActionState::Pending | ActionState::Active)
        )
    }) {
        return Ok(ResetStarted {
            device_id: device_id.clone(),
            started_at: running.result.start_date_time.unwrap_or(now),
            already_running: true,
            device_name,
        });
    }
    let sent_at = OffsetDateTime::now_utc();
    match client
        .post_once::<(), ()>(&reset_path(device_id), None)
        .await?
    {
        Sent::Completed(()) => {
            tracing::info!(device = device_id.as_str(), "passcode reset sent");
            Ok(ResetStarted {
                device_id: device_id.clone(),
                started_at: sent_at,
                already_running: false,
                device_name,
            })
        }
        Sent::Ambiguous(ambiguity) => {
            let since = OffsetDateTime::from(ambiguity.sent_at);
            let found = status::read_latest(client, device_id, since - status::CLOCK_SKEW)
                .await
                .ok()
                .flatten();
            match found {
                Some(result) => Ok(ResetStarted {
                    device_id: device_id.clone(),
                    started_at: result.result.start_date_time.unwrap_or(since),
                    already_running: false,
                    device_name,
                }),
                None => {
                    let client_request_id = ambiguity.client_request_id.clone();
                    Err(ResetError::Unconfirmed {
                        detail: ambiguity.into_error().to_string(),
                        client_request_id,
                        admin_center_url: admin_center_url(device_id),
                    })
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Failure;
    use crate::graph::GraphError;

    #[test]
    fn an_unconfirmed_reset_tells_the_person_to_check_the_admin_center_without_resending() {
        let error = ResetError::Unconfirmed {
            detail: "network: timed out".to_owned(),
            client_request_id: "crid-1".to_owned(),
            admin_center_url: admin_center_url(&ManagedDeviceId::new("abc")),
        };
        assert_eq!(error.failure_kind(), "resetUnconfirmed");
        let detail = error.support_detail().unwrap();
        assert!(detail.contains("crid-1") && detail.contains("mdmDeviceId/abc"));
    }

    #[test]
    fn the_in_flight_guard_admits_one_caller_per_device_until_released() {
        let tokens = std::sync::Arc::new(NoToken);
        let client = GraphClient::new(
            url::Url::parse("http://127.0.0.1:1").unwrap(),
            tokens,
            crate::graph::GraphOptions::default(),
        )
        .unwrap();
        let id = ManagedDeviceId::new("guard-test-device");
        let first = RESETS.claim(&client, id.as_str());
        assert!(first.is_some());
        assert!(RESETS.claim(&client, id.as_str()).is_none());
        assert!(RESETS.claim(&client, "other").is_some());
        drop(first);
        assert!(RESETS.claim(&client, id.as_str()).is_some());
    }

    #[derive(Debug)]
    struct NoToken;

    impl crate::graph::TokenSource for NoToken {
        fn access_token(&self, _force_refresh: bool) -> crate::graph::TokenFuture<'_> {
            Box::pin(async { Err(GraphError::Refused("no token in this test".to_owned())) })
        }
    }
}
