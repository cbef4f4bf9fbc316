//! The warnings every verdict carries: a device leaving management, or one that has not checked in
//! for a while, so the helpdesk makes sure it is the right device before anything is sent.

use time::OffsetDateTime;

use super::{STALE_AFTER_DAYS, Warning, WarningKey};
use crate::graph::models::{ManagedDevice, ManagementState};

fn warning(key: WarningKey, values: &[(&'static str, String)]) -> Warning {
    Warning {
        key,
        values: values.iter().cloned().collect(),
    }
}

/// Warnings shown before anything is sent, whatever the verdict.
pub(super) fn warnings(device: &ManagedDevice, now: OffsetDateTime) -> Vec<Warning> {
    let mut out = Vec::new();
    match device.management_state {
        Some(ManagementState::RetirePending | ManagementState::RetireIssued) => {
            out.push(warning(WarningKey::Retiring, &[]));
        }
        Some(ManagementState::WipePending | ManagementState::WipeIssued) => {
            out.push(warning(WarningKey::WipePending, &[]));
        }
        _ => {}
    }
    match device.last_sync_date_time {
        Some(last) => {
            let days = (now - last).whole_days();
            if days >= STALE_AFTER_DAYS {
                out.push(warning(WarningKey::Stale, &[("days", days.to_string())]));
            }
        }
        None => out.push(warning(WarningKey::NoCheckIn, &[])),
    }
    out
}
