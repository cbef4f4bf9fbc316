//! The helpdesk's commands; what each does is in `pindesk_core::desk::helpdesk`. The passcode
//! crosses to the window only in `ResetStatusForWindow`, for the view that shows it.

use pindesk_core::desk::Desk;
use pindesk_core::desk::helpdesk::{Copied, ResetStartedForWindow};
use pindesk_core::reset::{ResetStatusForWindow, SearchResults};
use tauri::State;

use crate::ipc_error::IpcError;

#[tauri::command]
pub async fn search_devices(
    state: State<'_, Desk>,
    query: String,
) -> Result<SearchResults, IpcError> {
    Ok(state.search_devices(&query).await?)
}

#[tauri::command]
pub async fn more_devices(
    state: State<'_, Desk>,
    query: String,
    more: String,
) -> Result<SearchResults, IpcError> {
    Ok(state.more_devices(&query, &more).await?)
}

#[tauri::command]
pub async fn start_reset(
    state: State<'_, Desk>,
    device_id: String,
    ticket: Option<String>,
    device_name: Option<String>,
) -> Result<ResetStartedForWindow, IpcError> {
    let reset = state.start_reset(&device_id, ticket.as_deref(), device_name.as_deref());
    Ok(reset.await?)
}

#[tauri::command]
pub async fn reset_status(
    state: State<'_, Desk>,
    device_id: String,
    since: String,
) -> Result<ResetStatusForWindow, IpcError> {
    Ok(state.reset_status(&device_id, &since).await?)
}

#[tauri::command]
pub async fn copy_passcode(
    state: State<'_, Desk>,
    device_id: String,
    since: String,
) -> Result<Copied, IpcError> {
    Ok(state.copy_passcode(&device_id, &since).await?)
}

#[tauri::command]
pub async fn open_admin_center(state: State<'_, Desk>, device_id: String) -> Result<(), IpcError> {
    Ok(state.open_admin_center(&device_id).await?)
}
