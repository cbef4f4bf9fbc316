//! A Windows PC's readiness for self-service PIN reset, and the Temporary Access Pass when it
//! cannot work. The pass crosses to the window once, in `TapForWindow`, and is never kept.

use pindesk_core::audit::pass::PassAsked;
use pindesk_core::graph::models::ManagedDeviceId;
use pindesk_core::graph::{CancellationToken, INTERACTIVE_BUDGET, ipc_error, within_budget};
use pindesk_core::reset::{self, ReadinessClients, ReadinessView, SetupFacts, TapOfferView};
use pindesk_core::setup;
use pindesk_core::{CoreError, FailureKind, IpcError, Task};
use serde::Serialize;
use tauri::State;
use time::format_description::well_known::Rfc3339;

use crate::reset_commands::{Copied, operator_and_client_for};
use pindesk_core::desk::Desk;

fn user(id: &str) -> Result<String, IpcError> {
    let id = id.trim();
    if id.is_empty() || id.len() > 100 {
        return Err(CoreError::BadRequest("user id".to_owned()).into());
    }
    Ok(id.to_owned())
}

/// The setup facts: from the overview this run already read, or read once now.
async fn setup_facts(state: &Desk) -> Result<SetupFacts, IpcError> {
    let auth = state.auth().await;
    let session = auth.current_session().await.ok_or(CoreError::NotSignedIn)?;
    let tenant_id = &session.account.tenant_id;
    if let Some(overview) = state.last_overview(&auth, tenant_id) {
        return Ok(SetupFacts::of(&overview));
    }
    let client = state.graph(&auth, Task::SetupStatus)?;
    let client_id = auth.config().client_id.clone();
    let read = setup::setup_overview(&client, tenant_id, &client_id);
    let overview = within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read)
        .await
        .map_err(|e| ipc_error(&e))?;
    state.remember_overview(&auth, tenant_id, &overview);
    Ok(SetupFacts::of(&overview))
}

#[tauri::command]
pub async fn windows_readiness(
    state: State<'_, Desk>,
    device_id: String,
) -> Result<ReadinessView, IpcError> {
    let id = ManagedDeviceId::from_window(&device_id)?;
    let facts = setup_facts(&state).await?;
    let auth = state.auth().await;
    let (devices, profiles, methods) = (
        state.graph(&auth, Task::Helpdesk)?,
        state.graph(&auth, Task::SetupStatus)?,
        state.graph(&auth, Task::Readiness)?,
    );
    let clients = ReadinessClients {
        devices: &devices,
        profiles: &profiles,
        methods: &methods,
    };
    let read = reset::read_readiness(clients, &facts, &id);
    within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read)
        .await
        .map_err(|e| ipc_error(&e))
}

#[tauri::command]
pub async fn tap_offer(state: State<'_, Desk>, user_id: String) -> Result<TapOfferView, IpcError> {
    let user = user(&user_id)?;
    let auth = state.auth().await;
    let client = state.graph(&auth, Task::AccessPass)?;
    let policy = state.graph(&auth, Task::AccessPassPolicy)?;
    let read = reset::tap_offer(&client, &policy, &user);
    within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read)
        .await
        .map_err(|e| ipc_error(&e))
}

/// The pass, shown once: the copy sent to the window is overwritten once it has been sent.
#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TapForWindow {
    pass: String,
    ends_at: Option<String>,
    lifetime_minutes: Option<i64>,
    one_time: bool,
    /// Set when the pass was made but the audit log could not be written: why not.
    audit_warning: Option<FailureKind>,
}

impl Drop for TapForWindow {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.pass);
    }
}

/// Who the pass is for, as the confirmation card showed them.
#[derive(serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TapRequest {
    device_id: String,
    device_name: Option<String>,
    user_id: String,
    user_principal_name: Option<String>,
    /// `None`: the policy's default (PinDesk could not read the policy).
    lifetime_minutes: Option<u32>,
    one_time: Option<bool>,
    admin_target: bool,
    ticket: Option<String>,
}

#[tauri::command]
pub async fn create_tap(
    state: State<'_, Desk>,
    request: TapRequest,
) -> Result<TapForWindow, IpcError> {
    let device_id = ManagedDeviceId::from_window(&request.device_id)?;
    let user = user(&request.user_id)?;
    if request
        .lifetime_minutes
        .is_some_and(|m| !(10..=43_200).contains(&m))
    {
        return Err(CoreError::BadRequest("lifetime".to_owned()).into());
    }
    let (operator, client) = operator_and_client_for(&state, Task::AccessPass).await?;
    let result = reset::create_tap(
        &client,
        &user,
        request.lifetime_minutes,
        request.one_time,
        request.admin_target,
    )
    .await;
    let asked = PassAsked {
        operator: &operator,
        device_id: &device_id,
        device_name: request.device_name.as_deref(),
        ticket: request.ticket.as_deref(),
        person: request.user_principal_name.as_deref(),
        lifetime_minutes: request.lifetime_minutes,
    };
    let audit_warning = asked
        .attempt(&result)
        .and_then(|attempt| state.audit().record_attempt(&attempt).err())
        .map(|error| {
            tracing::warn!(%error, "the audit log could not be written");
            IpcError::from(error).kind
        });
    let made = result.map_err(|e| IpcError::from(&e))?;
    Ok(TapForWindow {
        pass: made.pass.expose().to_owned(),
        ends_at: made.ends_at.and_then(|at| at.format(&Rfc3339).ok()),
        lifetime_minutes: made.lifetime_minutes,
        one_time: made.one_time,
        audit_warning,
    })
}

/// Copies the pass the window shows; the clipboard is cleared after the configured time.
#[tauri::command]
pub async fn copy_access_pass(state: State<'_, Desk>, pass: String) -> Result<Copied, IpcError> {
    let mut pass = pass;
    if pass.is_empty() || pass.len() > 64 {
        zeroize::Zeroize::zeroize(&mut pass);
        return Err(CoreError::BadRequest("no pass to copy".to_owned()).into());
    }
    let clear_after = state.clear_clipboard_after();
    let copied = state.clipboard().copy(&pass, clear_after);
    zeroize::Zeroize::zeroize(&mut pass);
    copied?;
    Ok(Copied::after(clear_after))
}
