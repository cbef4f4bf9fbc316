//! The IPC commands: each is a few lines that call the core and map its result.

use pindesk_core::accounts::ListedAccount;
use pindesk_core::config::{Settings, SettingsView};
use pindesk_core::diagnostics::{self, Diagnostics};
use pindesk_core::logging::LogLevel;
use pindesk_core::{Auth, Session, Task};

use crate::ipc_error::IpcError;
use serde::Serialize;
use tauri::State;

use pindesk_core::desk::{AppInfo, Desk};

/// A session as the window sees it: with the keychain warning, so a person whose keychain
/// refused the token learns that the sign-in lasts for this session only.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SignedIn {
    #[serde(flatten)]
    session: Session,
    storage_warning: Option<String>,
}

fn signed_in(auth: &Auth, session: Session) -> SignedIn {
    SignedIn {
        session,
        storage_warning: auth.storage_warning(),
    }
}

#[tauri::command]
pub async fn app_info(state: State<'_, Desk>) -> Result<AppInfo, IpcError> {
    Ok(state.app_info().await)
}

#[tauri::command]
pub async fn use_demo_tenant(state: State<'_, Desk>) -> Result<AppInfo, IpcError> {
    Ok(state.use_demo_tenant().await?)
}

#[tauri::command]
pub async fn list_accounts(state: State<'_, Desk>) -> Result<Vec<ListedAccount>, IpcError> {
    Ok(state.auth().await.listed_accounts())
}

#[tauri::command]
pub async fn restore_session(state: State<'_, Desk>) -> Result<Option<SignedIn>, IpcError> {
    let auth = state.auth().await;
    Ok(auth
        .restore_session()
        .await?
        .map(|session| signed_in(&auth, session)))
}

#[tauri::command]
pub async fn sign_in(
    state: State<'_, Desk>,
    task: Task,
    login_hint: Option<String>,
) -> Result<SignedIn, IpcError> {
    let auth = state.auth().await;
    let session = auth.sign_in(task, login_hint).await?;
    Ok(signed_in(&auth, session))
}

#[tauri::command]
pub async fn cancel_sign_in(state: State<'_, Desk>) -> Result<(), IpcError> {
    state.auth().await.cancel_sign_in();
    Ok(())
}

#[tauri::command]
pub async fn use_account(state: State<'_, Desk>, account_id: String) -> Result<SignedIn, IpcError> {
    let auth = state.auth().await;
    let session = auth.use_account(&account_id).await?;
    Ok(signed_in(&auth, session))
}

#[tauri::command]
pub async fn sign_out(state: State<'_, Desk>, account_id: String) -> Result<(), IpcError> {
    Ok(state.auth().await.sign_out(&account_id).await?)
}

#[tauri::command]
pub async fn settings(state: State<'_, Desk>) -> Result<SettingsView, IpcError> {
    Ok(state.settings().await)
}

/// Saves the window's language (`None`: the system's); nothing else changes.
#[tauri::command]
pub async fn set_language(
    state: State<'_, Desk>,
    language: Option<String>,
) -> Result<(), IpcError> {
    Ok(state.set_language(language).await?)
}

#[tauri::command]
pub async fn save_settings(
    state: State<'_, Desk>,
    settings: Settings,
) -> Result<SettingsView, IpcError> {
    Ok(state.save_settings(settings).await?)
}

/// Raises or lowers what PinDesk writes to its log, at once and for the next starts.
#[tauri::command]
pub async fn set_log_level(
    state: State<'_, Desk>,
    level: LogLevel,
) -> Result<SettingsView, IpcError> {
    Ok(state.set_log_level(level).await?)
}

/// Versions, system, configuration and recent log lines, for a support ticket. No secrets.
#[tauri::command]
pub async fn diagnostics(state: State<'_, Desk>) -> Result<Diagnostics, IpcError> {
    let settings = state.settings().await;
    let info = state.app_info().await;
    let session = state.auth().await.current_session().await;
    let tenant = session.map(|s| {
        let account = s.account;
        account.tenant_name.unwrap_or(account.tenant_id)
    });
    let log_lines = state
        .logging()
        .map(|l| l.recent(diagnostics::LOG_LINES))
        .unwrap_or_default();
    Ok(diagnostics::report(&diagnostics::Facts {
        app_version: info.version,
        tauri_version: tauri::VERSION,
        demo: info.demo,
        signed_in_tenant: tenant.as_deref(),
        settings: &settings,
        log_lines: &log_lines,
    }))
}
