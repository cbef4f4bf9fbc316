//! The administrator's setup commands: read where the tenant stands, open the consent pages,
//! create or reuse the policy, assign it, follow its deployment. Each calls one core function
//! with a Graph client for the setup scopes (asked for on first use: incremental consent); the
//! reads everyone makes ask only for read permissions.

use pindesk_core::auth::browser_for;
use pindesk_core::graph::models::DeviceConfigurationId;
use pindesk_core::graph::{
    CancellationToken, GraphClient, INTERACTIVE_BUDGET, ipc_error, within_budget,
};
use pindesk_core::setup::{
    self, AssignmentView, ConsentLink, ConsentStatus, Deployment, GroupChoice, NewTarget,
    PolicyChoice, SetupOverview, SignInConsent,
};
use pindesk_core::{CoreError, IpcError, Task};
use serde::Serialize;
use tauri::State;

use pindesk_core::desk::Desk;

/// The consent pages and the message to send an administrator when the person lacks the role.
#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentLinks {
    links: Vec<ConsentLink>,
    message_for_admin: String,
}

/// A Graph client for `task`'s scopes (`SetupStatus` to read, `Setup` to change) and the
/// sign-in's tenant ID.
async fn setup_graph(state: &Desk, task: Task) -> Result<(GraphClient, String), IpcError> {
    let auth = state.auth().await;
    let session = auth.current_session().await.ok_or(CoreError::NotSignedIn)?;
    let client = state.graph(&auth, task)?;
    Ok((client, session.account.tenant_id))
}

/// The consent links for the signed-in organisation (or the configured one before sign-in) on
/// the configured sign-in host.
async fn consent_links_for(auth: &pindesk_core::Auth) -> Vec<ConsentLink> {
    let session = auth.current_session().await;
    let config = auth.config();
    let tenant = setup::consent_tenant_for(
        session.as_ref().map(|s| s.account.tenant_id.as_str()),
        &config.tenant,
    );
    setup::consent_links(&config.authority, tenant)
}

#[tauri::command]
pub async fn setup_overview(state: State<'_, Desk>) -> Result<SetupOverview, IpcError> {
    let (client, tid) = setup_graph(&state, Task::SetupStatus).await?;
    let auth = state.auth().await;
    let client_id = auth.config().client_id.clone();
    let read = setup::setup_overview(&client, &tid, &client_id);
    let overview = within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read)
        .await
        .map_err(|e| ipc_error(&e))?;
    state.remember_overview(&auth, &tid, &overview);
    Ok(overview)
}

/// Whether the organisation approved the sign-in client for everyone (one batched read).
#[tauri::command]
pub async fn signin_consent_status(state: State<'_, Desk>) -> Result<SignInConsent, IpcError> {
    let (client, _) = setup_graph(&state, Task::SetupStatus).await?;
    let client_id = state.auth().await.config().client_id.clone();
    setup::signin_consent(&client, &client_id)
        .await
        .map_err(|e| ipc_error(&e))
}

/// Opens Entra's admin consent page for the sign-in client, in the signed-in organisation.
#[tauri::command]
pub async fn open_signin_consent(state: State<'_, Desk>) -> Result<(), IpcError> {
    let auth = state.auth().await;
    let session = auth.current_session().await.ok_or(CoreError::NotSignedIn)?;
    let config = auth.config();
    let url = setup::admin_consent_url(
        &config.authority,
        &session.account.tenant_id,
        &config.client_id,
        &config.graph_url,
    )
    .map_err(|e| CoreError::Internal(e.to_string()))?;
    browser_for(config).open(&url)?;
    Ok(())
}

#[tauri::command]
pub async fn consent_links(state: State<'_, Desk>) -> Result<ConsentLinks, IpcError> {
    let auth = state.auth().await;
    let links = consent_links_for(&auth).await;
    let message_for_admin = setup::admin_request_message(&links);
    Ok(ConsentLinks {
        links,
        message_for_admin,
    })
}

/// Opens the service's consent page, then the client's, in the system browser.
#[tauri::command]
pub async fn open_consent_pages(state: State<'_, Desk>) -> Result<(), IpcError> {
    let auth = state.auth().await;
    let browser = browser_for(auth.config());
    for link in consent_links_for(&auth).await {
        let url = url::Url::parse(&link.url).map_err(|e| CoreError::Internal(e.to_string()))?;
        browser.open(&url)?;
    }
    Ok(())
}

#[tauri::command]
pub async fn consent_status(state: State<'_, Desk>) -> Result<ConsentStatus, IpcError> {
    let (client, _) = setup_graph(&state, Task::SetupStatus).await?;
    let read = setup::consent_status(&client);
    within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read)
        .await
        .map_err(|e| ipc_error(&e))
}

#[tauri::command]
pub async fn ensure_policy(state: State<'_, Desk>) -> Result<PolicyChoice, IpcError> {
    let (client, tid) = setup_graph(&state, Task::Setup).await?;
    Ok(setup::ensure_policy(&client, &tid).await?)
}

#[tauri::command]
pub async fn search_groups(
    state: State<'_, Desk>,
    text: String,
) -> Result<Vec<GroupChoice>, IpcError> {
    if text.len() > 200 {
        return Err(CoreError::BadRequest("search text too long".to_owned()).into());
    }
    let (client, _) = setup_graph(&state, Task::Setup).await?;
    let cancel = state.group_search().start();
    let search = setup::search_groups(&client, &text, &cancel);
    within_budget(INTERACTIVE_BUDGET, &cancel, search)
        .await
        .map_err(|e| ipc_error(&e))
}

#[tauri::command]
pub async fn assign_policy(
    state: State<'_, Desk>,
    policy_id: String,
    target: NewTarget,
    shown: Vec<String>,
) -> Result<Vec<AssignmentView>, IpcError> {
    let (client, _) = setup_graph(&state, Task::Setup).await?;
    let profile = DeviceConfigurationId::from_window(&policy_id)?;
    Ok(setup::assign(&client, &profile, &target, &shown).await?)
}

#[tauri::command]
pub async fn deployment_status(
    state: State<'_, Desk>,
    policy_id: String,
) -> Result<Deployment, IpcError> {
    let (client, _) = setup_graph(&state, Task::SetupStatus).await?;
    let profile = DeviceConfigurationId::from_window(&policy_id)?;
    let read = setup::deployment(&client, &profile);
    within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read)
        .await
        .map_err(|e| ipc_error(&e))
}
