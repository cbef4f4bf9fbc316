//! The helpdesk job: find a device, say in plain words what can be done for it, send one
//! `resetPasscode` per confirmation and read the new passcode back from Graph.
//!
//! ```text
//! eligibility(&device)                          -> Eligibility (one table of rules)
//! start_reset(&client, &device_id)              -> ResetStarted (one POST, guarded)
//! reset_status(&client, &device_id, started_at) -> ResetStatus (.view(), .passcode_view())
//! ```

pub mod action;
pub mod eligibility;
pub mod lookup;
pub mod readiness;
pub mod status;
pub mod tap_policy;

pub use action::{ResetError, ResetStarted, start_reset};
pub use eligibility::{Effect, Eligibility, Kind, Verdict, eligibility, eligibility_at, kind_of};
pub use lookup::{DeviceSummary, Query, SearchResults, more_devices, search_devices};
pub use status::{
    PasscodeView, ResetState, ResetStatus, ResetStatusView, admin_center_url, reset_status,
};
