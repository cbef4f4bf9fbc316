//! The IPC commands: each is a few lines that call the core and map its result.

use pindesk_core::{CoreError, IpcError};
use tauri::State;

use crate::state::{AppInfo, AppState};

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    Ok(state.app_info().await)
}

#[tauri::command]
pub async fn use_demo_tenant(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    state.use_demo_tenant().await
}

#[tauri::command]
pub async fn list_accounts() -> Result<Vec<serde_json::Value>, IpcError> {
    Ok(Vec::new())
}

#[tauri::command]
pub async fn restore_session() -> Result<Option<serde_json::Value>, IpcError> {
    Ok(None)
}

#[tauri::command]
pub async fn sign_in(task: String, login_hint: Option<String>) -> Result<(), IpcError> {
    let _ = (task, login_hint);
    Err(CoreError::NotBuiltYet("sign-in").into())
}

#[tauri::command]
pub async fn cancel_sign_in() -> Result<(), IpcError> {
    Ok(())
}

#[tauri::command]
pub async fn use_account(account_id: String) -> Result<(), IpcError> {
    let _ = account_id;
    Err(CoreError::NotBuiltYet("sign-in").into())
}

#[tauri::command]
pub async fn sign_out(account_id: String) -> Result<(), IpcError> {
    let _ = account_id;
    Err(CoreError::NotBuiltYet("sign-out").into())
}
