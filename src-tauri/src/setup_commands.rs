//! The administrator's setup commands; what each does is in `pindesk_core::desk::setup`.

use pindesk_core::desk::Desk;
use pindesk_core::desk::setup::ConsentLinks;
use pindesk_core::setup::{
    AssignmentView, ConsentStatus, Deployment, GroupChoice, NewTarget, PolicyChoice, SetupOverview,
    SignInConsent,
};
use tauri::State;

use crate::ipc_error::IpcError;

#[tauri::command]
pub async fn setup_overview(state: State<'_, Desk>) -> Result<SetupOverview, IpcError> {
    Ok(state.setup_overview().await?)
}

#[tauri::command]
pub async fn signin_consent_status(state: State<'_, Desk>) -> Result<SignInConsent, IpcError> {
    Ok(state.signin_consent_status().await?)
}

#[tauri::command]
pub async fn open_signin_consent(state: State<'_, Desk>) -> Result<(), IpcError> {
    Ok(state.open_signin_consent().await?)
}

#[tauri::command]
pub async fn consent_links(state: State<'_, Desk>) -> Result<ConsentLinks, IpcError> {
    Ok(state.consent_links().await)
}

#[tauri::command]
pub async fn open_consent_pages(state: State<'_, Desk>) -> Result<(), IpcError> {
    Ok(state.open_consent_pages().await?)
}

#[tauri::command]
pub async fn consent_status(state: State<'_, Desk>) -> Result<ConsentStatus, IpcError> {
    Ok(state.consent_status().await?)
}

#[tauri::command]
pub async fn ensure_policy(state: State<'_, Desk>) -> Result<PolicyChoice, IpcError> {
    Ok(state.ensure_policy().await?)
}

#[tauri::command]
pub async fn search_groups(
    state: State<'_, Desk>,
    text: String,
) -> Result<Vec<GroupChoice>, IpcError> {
    Ok(state.search_groups(&text).await?)
}

#[tauri::command]
pub async fn assign_policy(
    state: State<'_, Desk>,
    policy_id: String,
    target: NewTarget,
    shown: Vec<String>,
) -> Result<Vec<AssignmentView>, IpcError> {
    Ok(state.assign_policy(&policy_id, &target, &shown).await?)
}

#[tauri::command]
pub async fn deployment_status(
    state: State<'_, Desk>,
    policy_id: String,
) -> Result<Deployment, IpcError> {
    Ok(state.deployment_status(&policy_id).await?)
}
