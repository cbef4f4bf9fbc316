//! A reset as the window follows it: where it stands, the passcode once Intune has it, and how it
//! ended, written to the audit log once.

use std::fmt;

use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::error::ResetError;
use super::status::{ReasonKey, ResetState, ResetStatus, reset_status};
use crate::audit::{AuditLog, Outcome};
use crate::graph::GraphClient;
use crate::graph::models::ManagedDeviceId;

/// What the Reset view shows of a reset: the passcode only once it is there. The one place the
/// passcode is a plain string; overwritten when dropped, `***` in `Debug`.
#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ResetStatusForWindow {
    pub state: ResetState,
    pub passcode: Option<String>,
    /// When the reset started (the service's clock), for a reset read back later.
    pub started_at: Option<String>,
    pub valid_until: Option<String>,
    /// Why it ended without a passcode, for the window's own words.
    pub reason_key: Option<ReasonKey>,
    /// For support, under "Details": device, start, error code.
    pub detail: String,
    pub admin_center_url: String,
}

impl Drop for ResetStatusForWindow {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.passcode);
    }
}

impl zeroize::ZeroizeOnDrop for ResetStatusForWindow {}

impl fmt::Debug for ResetStatusForWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResetStatusForWindow")
            .field("state", &self.state)
            .field("passcode", &self.passcode.as_ref().map(|_| "***"))
            .field("reason_key", &self.reason_key)
            .finish_non_exhaustive()
    }
}

fn rfc3339(at: Option<OffsetDateTime>) -> Option<String> {
    at.and_then(|at| at.format(&Rfc3339).ok())
}

impl ResetStatus {
    pub fn for_window(self) -> ResetStatusForWindow {
        let detail = self.detail();
        ResetStatusForWindow {
            // The window knows the documented states; anything else ends the watch with the
            // reason.
            state: if self.state == ResetState::Unknown {
                ResetState::Failed
            } else {
                self.state
            },
            passcode: self.passcode.as_ref().map(|p| p.expose().to_owned()),
            started_at: rfc3339(self.started_at),
            valid_until: rfc3339(self.valid_until),
            detail,
            reason_key: self.reason,
            admin_center_url: self.admin_center_url,
        }
    }
}

/// Where the reset of `device_id` sent at `since` stands, read from Graph now; once it has
/// ended, the audit line of a reset this app logged gets its outcome. A failure to write is
/// logged, never shown in place of the passcode.
pub async fn follow_reset(
    client: &GraphClient,
    audit: &AuditLog,
    device_id: &ManagedDeviceId,
    since: OffsetDateTime,
) -> Result<ResetStatusForWindow, ResetError> {
    let status = reset_status(client, device_id, since).await?;
    if let Some(outcome) = Outcome::of_state(status.state, status.passcode.is_some()) {
        let note_key = status.reason.map(|key| format!("reason:{key}"));
        let written = audit.record_outcome(&status.device_id, since, outcome, note_key);
        if let Err(error) = written {
            tracing::warn!(%error, "the audit log could not be written");
        }
    }
    Ok(status.for_window())
}
