//! The helpdesk job's commands: find a device, send one reset, follow it, show the passcode.
//! The passcode crosses to the window only in `ResetStatusForWindow`, for the view that shows it.

use std::sync::Arc;

use pindesk_core::auth::{GraphTokens, browser_for};
use pindesk_core::clipboard::CLEAR_AFTER;
use pindesk_core::graph::models::ManagedDeviceId;
use pindesk_core::graph::{CancellationToken, GraphClient, GraphOptions, ipc_error};
use pindesk_core::reset::{self, DeviceSummary, ResetStarted, ResetState, admin_center_url};
use pindesk_core::{CoreError, IpcError, Task};
use serde::Serialize;
use tauri::State;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::state::AppState;

/// What the Reset view shows of a reset: the passcode only once it is there.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetStatusForWindow {
    state: ResetState,
    passcode: Option<String>,
    valid_until: Option<String>,
    reason: Option<String>,
    admin_center_url: String,
}

async fn helpdesk_graph(state: &AppState) -> Result<GraphClient, IpcError> {
    let auth = state.auth().await;
    let base = auth.config().graph_url.clone();
    let tokens = Arc::new(GraphTokens::new(auth, Task::Helpdesk));
    GraphClient::new(base, tokens, GraphOptions::default()).map_err(|e| ipc_error(&e))
}

fn device(id: &str) -> Result<ManagedDeviceId, IpcError> {
    let id = id.trim();
    if id.is_empty() || id.len() > 100 {
        return Err(CoreError::BadRequest("device id".to_owned()).into());
    }
    Ok(ManagedDeviceId::new(id))
}

fn instant(text: &str) -> Result<OffsetDateTime, IpcError> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|_| CoreError::BadRequest(format!("time `{text}`")).into())
}

fn rfc3339(at: Option<OffsetDateTime>) -> Option<String> {
    at.and_then(|at| at.format(&Rfc3339).ok())
}

/// Where the reset of `device_id` sent at `since` stands, read from Graph now.
async fn read_status(
    state: &AppState,
    device_id: &str,
    since: &str,
) -> Result<reset::ResetStatus, IpcError> {
    let client = helpdesk_graph(state).await?;
    reset::reset_status(&client, &device(device_id)?, instant(since)?)
        .await
        .map_err(|e| IpcError::from(&e))
}

#[tauri::command]
pub async fn search_devices(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<DeviceSummary>, IpcError> {
    if query.len() > 200 {
        return Err(CoreError::BadRequest("search text too long".to_owned()).into());
    }
    let client = helpdesk_graph(&state).await?;
    reset::search_devices(&client, &query, &CancellationToken::new())
        .await
        .map_err(|e| ipc_error(&e))
}

#[tauri::command]
pub async fn start_reset(
    state: State<'_, AppState>,
    device_id: String,
    ticket: Option<String>,
) -> Result<ResetStarted, IpcError> {
    let _ = ticket; // kept with the audit log, which is not built yet
    let client = helpdesk_graph(&state).await?;
    reset::start_reset(&client, &device(&device_id)?)
        .await
        .map_err(|e| IpcError::from(&e))
}

#[tauri::command]
pub async fn reset_status(
    state: State<'_, AppState>,
    device_id: String,
    since: String,
) -> Result<ResetStatusForWindow, IpcError> {
    let status = read_status(&state, &device_id, &since).await?;
    Ok(ResetStatusForWindow {
        // The window knows the documented states; anything else ends the watch with the reason.
        state: if status.state == ResetState::Unknown {
            ResetState::Failed
        } else {
            status.state
        },
        passcode: status.passcode.as_ref().map(|p| p.expose().to_owned()),
        valid_until: rfc3339(status.valid_until),
        reason: status.reason,
        admin_center_url: status.admin_center_url,
    })
}

/// Reads the passcode from Graph again and copies it: the app keeps no copy of its own.
#[tauri::command]
pub async fn copy_passcode(
    state: State<'_, AppState>,
    device_id: String,
    since: String,
) -> Result<(), IpcError> {
    let status = read_status(&state, &device_id, &since).await?;
    let passcode = status.passcode.ok_or_else(|| {
        IpcError::from(CoreError::BadRequest("no passcode to copy yet".to_owned()))
    })?;
    Ok(state.clipboard().copy(passcode.expose(), CLEAR_AFTER)?)
}

#[tauri::command]
pub async fn open_admin_center(
    state: State<'_, AppState>,
    device_id: String,
) -> Result<(), IpcError> {
    let url = admin_center_url(&device(&device_id)?);
    let url = url::Url::parse(&url).map_err(|e| CoreError::Internal(e.to_string()))?;
    let browser = browser_for(state.auth().await.config());
    Ok(browser.open(&url)?)
}
