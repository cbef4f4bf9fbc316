//! The warnings every verdict carries: a device leaving management, or one that has not checked in
//! for a while, so the helpdesk makes sure it is the right device before anything is sent.

use time::OffsetDateTime;

use super::{Phrase, STALE_AFTER_DAYS, s};
use crate::graph::models::{ManagedDevice, ManagementState};

/// Warnings shown before anything is sent, whatever the verdict: each by key and in English.
pub(super) fn warnings(device: &ManagedDevice, now: OffsetDateTime) -> Vec<(Phrase, String)> {
    let mut out = Vec::new();
    match device.management_state {
        Some(ManagementState::RetirePending | ManagementState::RetireIssued) => out.push((
            Phrase::new("retiring", &[]),
            s("This device is being retired: it is leaving management and will lose company data."),
        )),
        Some(ManagementState::WipePending | ManagementState::WipeIssued) => out.push((
            Phrase::new("wipePending", &[]),
            s("A wipe is pending for this device: it will be reset to factory settings."),
        )),
        _ => {}
    }
    match device.last_sync_date_time {
        Some(last) => {
            let days = (now - last).whole_days();
            if days >= STALE_AFTER_DAYS {
                out.push((
                    Phrase::new("stale", &[("days", days.to_string())]),
                    format!(
                        "This device has not checked in for {days} days. Make sure it is the right \
                         device; anything sent reaches it only when it next connects."
                    ),
                ));
            }
        }
        None => out.push((
            Phrase::new("noCheckIn", &[]),
            s("Intune has no check-in time for this device."),
        )),
    }
    out
}
