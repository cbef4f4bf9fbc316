//! A Windows PC's readiness for self-service PIN reset, and the Temporary Access Pass when it
//! cannot work; what each does is in `pindesk_core::desk::helpdesk`. The pass crosses to the
//! window once, in `TapForWindow`, and is never kept.

use pindesk_core::desk::Desk;
use pindesk_core::desk::helpdesk::{Copied, TapForWindow, TapRequest};
use pindesk_core::reset::{ReadinessView, TapOfferView};
use tauri::State;

use crate::ipc_error::IpcError;

#[tauri::command]
pub async fn windows_readiness(
    state: State<'_, Desk>,
    device_id: String,
) -> Result<ReadinessView, IpcError> {
    Ok(state.windows_readiness(&device_id).await?)
}

#[tauri::command]
pub async fn tap_offer(state: State<'_, Desk>, user_id: String) -> Result<TapOfferView, IpcError> {
    Ok(state.tap_offer(&user_id).await?)
}

#[tauri::command]
pub async fn create_tap(
    state: State<'_, Desk>,
    request: TapRequest,
) -> Result<TapForWindow, IpcError> {
    Ok(state.create_tap(&request).await?)
}

/// Copies the pass the window shows; the clipboard is cleared after the configured time.
#[tauri::command]
pub async fn copy_access_pass(state: State<'_, Desk>, pass: String) -> Result<Copied, IpcError> {
    Ok(state.copy_access_pass(pass)?)
}
