//! The administrator's setup, as a set of idempotent steps that read where the tenant stands
//! before they change anything, so any step can be repeated or resumed after a crash:
//!
//! ```text
//! setup_overview(&client, &token_tid, client_id) -> SetupOverview (batched reads, nothing changed)
//! signin_consent(&client, client_id) / admin_consent_url(..) -> the sign-in client's approval
//! consent_links(&authority, tid) / consent_status(&client) -> the two PIN reset apps
//! ensure_policy(&client, &token_tid)        -> the EnablePinRecovery profile, found or created once
//! assign(&client, &policy, NewTarget)       -> the union of existing and new assignments
//! search_groups(&client, text) / deployment(&client, &policy)
//! ```

pub mod assignment;
mod assignment_views;
pub mod consent;
pub mod deployment;
pub mod overview;
mod overview_item;
mod overview_profile;
pub mod policy;
pub mod signin_consent;

pub use assignment::{
    AssignmentView, GroupChoice, GroupKind, NewTarget, TargetKind, assign, assignments,
    search_groups,
};
pub use consent::{
    AppCheck, ConsentLink, ConsentStatus, PIN_RESET_APPS, PinResetApp, PinResetAppState,
    consent_links, consent_status, consent_tenant_for,
};
pub use deployment::{Deployment, DeploymentCounts, DeviceLine, DeviceStatus, deployment};
pub use overview::{ItemState, SetupOverview, setup_overview};
pub use policy::{
    PolicyChoice, PolicySearch, ProblemKind, ProfileProblem, ProfileRef, ensure_policy,
    find_policies, oma_uri, tenant_id,
};
pub use signin_consent::{SignInConsent, admin_consent_url, signin_consent};
