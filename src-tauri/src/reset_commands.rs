//! The helpdesk job's commands: find a device, send one reset, follow it, show the passcode.
//! The passcode crosses to the window only in `ResetStatusForWindow`, for the view that shows it.

use pindesk_core::audit::{Operator, ResetAttempt};
use pindesk_core::auth::browser_for;
use pindesk_core::graph::models::ManagedDeviceId;
use pindesk_core::graph::{
    CancellationToken, GraphClient, INTERACTIVE_BUDGET, ipc_error, within_budget,
};
use pindesk_core::reset::{
    self, ResetStarted, ResetStatusForWindow, SearchResults, admin_center_url,
};
use pindesk_core::{CoreError, FailureKind, IpcError, Task};
use serde::Serialize;
use tauri::State;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use pindesk_core::desk::Desk;

async fn helpdesk_graph(state: &Desk) -> Result<GraphClient, IpcError> {
    state.graph(&state.auth().await, Task::Helpdesk)
}

fn instant(text: &str) -> Result<OffsetDateTime, IpcError> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|_| CoreError::BadRequest(format!("time `{text}`")).into())
}

/// Where the reset of `device_id` sent at `since` stands, read from Graph now.
async fn read_status(
    state: &Desk,
    device_id: &str,
    since: &str,
) -> Result<reset::ResetStatus, IpcError> {
    let client = helpdesk_graph(state).await?;
    let device = ManagedDeviceId::from_window(device_id)?;
    let read = reset::reset_status(&client, &device, instant(since)?);
    within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read)
        .await
        .map_err(|e| IpcError::from(&e))
}

fn search_text(query: &str) -> Result<(), IpcError> {
    if query.len() > 200 {
        return Err(CoreError::BadRequest("search text too long".to_owned()).into());
    }
    Ok(())
}

#[tauri::command]
pub async fn search_devices(
    state: State<'_, Desk>,
    query: String,
) -> Result<SearchResults, IpcError> {
    search_text(&query)?;
    let client = helpdesk_graph(&state).await?;
    // A newer search replaces this one: it is cancelled rather than left retrying for nobody.
    let cancel = state.device_search().start();
    let search = reset::search_devices(&client, &query, &cancel);
    within_budget(INTERACTIVE_BUDGET, &cancel, search)
        .await
        .map_err(|e| ipc_error(&e))
}

/// The next page of the search for `query`; `more` is what the previous page handed out.
#[tauri::command]
pub async fn more_devices(
    state: State<'_, Desk>,
    query: String,
    more: String,
) -> Result<SearchResults, IpcError> {
    search_text(&query)?;
    let client = helpdesk_graph(&state).await?;
    let cancel = state.device_search().follow_up();
    let page = reset::more_devices(&client, &query, &more, &cancel);
    within_budget(INTERACTIVE_BUDGET, &cancel, page)
        .await
        .map_err(|e| ipc_error(&e))
}

/// What the window learns of a reset it asked for.
#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ResetStartedForWindow {
    #[serde(flatten)]
    started: ResetStarted,
    /// Set when the reset went out but the audit log could not be written: why not.
    audit_warning: Option<FailureKind>,
}

/// The person the audit line names and a Graph client that sends only their token, fixed
/// together from one reading of the session: switching accounts while the reset goes out does
/// not change whose token it is sent with.
async fn operator_and_client(state: &Desk) -> Result<(Operator, GraphClient), IpcError> {
    operator_and_client_for(state, Task::Helpdesk).await
}

/// The same for `task`'s scopes.
pub(crate) async fn operator_and_client_for(
    state: &Desk,
    task: Task,
) -> Result<(Operator, GraphClient), IpcError> {
    let auth = state.auth().await;
    let session = auth.current_session().await.ok_or(CoreError::NotSignedIn)?;
    let client = state.graph_of_account(&auth, task, &session.account.id)?;
    Ok((Operator::of(&session.account), client))
}

#[tauri::command]
pub async fn start_reset(
    state: State<'_, Desk>,
    device_id: String,
    ticket: Option<String>,
    device_name: Option<String>,
) -> Result<ResetStartedForWindow, IpcError> {
    let id = ManagedDeviceId::from_window(&device_id)?;
    // The administrator's rule holds even if the window were to let a reset through without it.
    let rules = state.auth().await.config().reset_rules;
    if rules.require_ticket && ticket.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(IpcError::new(FailureKind::TicketRequired, None));
    }
    let (operator, client) = operator_and_client(&state).await?;
    let result = reset::start_reset(&client, &id).await;
    let name_seen = device_name.as_deref().map(|n| n.get(..200).unwrap_or(n));
    let attempt = ResetAttempt::of_start(&operator, &id, name_seen, ticket.as_deref(), &result);
    let audit_warning = attempt
        .and_then(|a| state.audit().record_attempt(&a).err())
        .map(|error| {
            tracing::warn!(%error, "the audit log could not be written");
            IpcError::from(error).kind
        });
    let started = result.map_err(|e| IpcError::from(&e))?;
    Ok(ResetStartedForWindow {
        started,
        audit_warning,
    })
}

/// Where the reset stands, with the passcode once Intune has it; its ending goes to the audit log.
#[tauri::command]
pub async fn reset_status(
    state: State<'_, Desk>,
    device_id: String,
    since: String,
) -> Result<ResetStatusForWindow, IpcError> {
    let client = helpdesk_graph(&state).await?;
    let device = ManagedDeviceId::from_window(&device_id)?;
    let audit = state.audit();
    let follow = reset::follow_reset(&client, &audit, &device, instant(&since)?);
    within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), follow)
        .await
        .map_err(|e| IpcError::from(&e))
}

/// What the window says after a copy.
#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Copied {
    clear_after_seconds: u64,
}

impl Copied {
    pub(crate) fn after(clear_after: std::time::Duration) -> Copied {
        Copied {
            clear_after_seconds: clear_after.as_secs(),
        }
    }
}

/// Reads the passcode from Graph again and copies it: the app keeps no copy of its own.
#[tauri::command]
pub async fn copy_passcode(
    state: State<'_, Desk>,
    device_id: String,
    since: String,
) -> Result<Copied, IpcError> {
    let status = read_status(&state, &device_id, &since).await?;
    let passcode = status.passcode.ok_or_else(|| {
        IpcError::from(CoreError::BadRequest("no passcode to copy yet".to_owned()))
    })?;
    let clear_after = state.clear_clipboard_after();
    state.clipboard().copy(passcode.expose(), clear_after)?;
    Ok(Copied::after(clear_after))
}

#[tauri::command]
pub async fn open_admin_center(state: State<'_, Desk>, device_id: String) -> Result<(), IpcError> {
    let url = admin_center_url(&ManagedDeviceId::from_window(&device_id)?);
    let url = url::Url::parse(&url).map_err(|e| CoreError::Internal(e.to_string()))?;
    let browser = browser_for(state.auth().await.config());
    Ok(browser.open(&url)?)
}
