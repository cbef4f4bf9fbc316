//! The audit log's view and its CSV export.

use crate::ipc_error::IpcError;
use pindesk_core::audit::AuditRow;
use pindesk_core::audit::csv::{ExportWords, export, export_dir};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use time::OffsetDateTime;

use pindesk_core::desk::Desk;

/// Every reset this computer sent, newest first.
#[tauri::command]
pub async fn audit_log(state: State<'_, Desk>) -> Result<Vec<AuditRow>, IpcError> {
    Ok(state.audit().rows()?)
}

#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    path: String,
    rows: usize,
}

/// Writes the audit log as CSV into the Downloads folder, in the window's words, and says where.
#[tauri::command]
pub async fn export_audit_log<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Desk>,
    words: ExportWords,
) -> Result<Exported, IpcError> {
    let rows = state.audit().rows()?;
    let data_dir = state.auth().await.config().data_dir.clone();
    let dir = export_dir(app.path().download_dir().ok(), &data_dir);
    let path = export(&rows, &words, &dir, OffsetDateTime::now_utc())?;
    Ok(Exported {
        path: path.display().to_string(),
        rows: rows.len(),
    })
}
