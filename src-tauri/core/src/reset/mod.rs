//! The helpdesk job: find a device, say in plain words what can be done for it, send one
//! `resetPasscode` per confirmation and read the new passcode back from Graph.
//!
//! ```text
//! eligibility(&device)                          -> Eligibility (one table of rules)
//! start_reset(&client, &device_id)              -> ResetStarted (one POST, guarded)
//! follow_reset(&client, &audit, &device_id, since) -> ResetStatusForWindow (+ its audit line)
//! read_readiness(clients, &facts, &device_id)   -> ReadinessView (a Windows PC's self-service)
//! tap_offer(&client, user) / create_tap(..)     -> a Temporary Access Pass, one POST, guarded
//! ```

pub mod action;
pub mod eligibility;
mod error;
pub mod followed;
mod in_flight;
pub mod lookup;
pub mod people;
pub mod readiness;
pub mod readiness_read;
pub mod status;
pub mod tap;
mod tap_create;
pub mod tap_policy;

pub use action::{ResetStarted, start_reset};
pub use eligibility::{
    Effect, Eligibility, Kind, StateKey, Verdict, eligibility, eligibility_at, kind_of,
};
pub use error::ResetError;
pub use followed::{ResetStatusForWindow, follow_reset};
pub use lookup::{DeviceSummary, Query, SearchResults, more_devices, search_devices};
pub use readiness_read::{
    PrimaryUser, ReadinessClients, ReadinessView, SetupFacts, read_readiness,
};
pub use status::{ReasonKey, ResetState, ResetStatus, admin_center_url, reset_status};
pub use tap::{AccessPass, OfferState, TapOfferView, tap_offer};
pub use tap_create::{TapCreated, TapError, create_tap};
