//! The helpdesk's commands as the app carries them out: find a device, send one reset with its
//! audit line, follow it, copy the passcode; for a Windows PC, its readiness and a Temporary
//! Access Pass. Arguments come from the window as text and are checked here; the passcode and the
//! pass leave only in the types made for the view that shows them.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::Desk;
use crate::audit::pass::PassAsked;
use crate::audit::{Operator, ResetAttempt};
use crate::auth::browser_for;
use crate::graph::models::ManagedDeviceId;
use crate::graph::{CancellationToken, GraphClient, INTERACTIVE_BUDGET, within_budget};
use crate::reset::{
    self, ReadinessClients, ReadinessView, ResetStarted, ResetStatusForWindow, SearchResults,
    SetupFacts, TapOfferView,
};
use crate::{CoreError, Failure, FailureKind, Task};

/// What the window learns of a reset it asked for.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ResetStartedForWindow {
    #[serde(flatten)]
    pub started: ResetStarted,
    /// Set when the reset went out but the audit log could not be written: why not.
    pub audit_warning: Option<FailureKind>,
}

/// Who a pass is for, as the confirmation card showed them.
#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TapRequest {
    pub device_id: String,
    pub device_name: Option<String>,
    pub user_id: String,
    pub user_principal_name: Option<String>,
    /// `None`: the policy's default (PinDesk could not read the policy).
    pub lifetime_minutes: Option<u32>,
    pub one_time: Option<bool>,
    pub admin_target: bool,
    pub ticket: Option<String>,
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

impl std::fmt::Debug for TapForWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TapForWindow")
            .field("pass", &"***")
            .finish_non_exhaustive()
    }
}

/// What the window says after a copy.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Copied {
    pub clear_after_seconds: u64,
}

fn instant(text: &str) -> Result<OffsetDateTime, CoreError> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|_| CoreError::BadRequest(format!("time `{text}`")))
}

fn search_text(query: &str) -> Result<(), CoreError> {
    if query.len() > 200 {
        return Err(CoreError::BadRequest("search text too long".to_owned()));
    }
    Ok(())
}

fn user(id: &str) -> Result<String, CoreError> {
    let id = id.trim();
    if id.is_empty() || id.len() > 100 {
        return Err(CoreError::BadRequest("user id".to_owned()));
    }
    Ok(id.to_owned())
}

/// Logs an audit line that could not be written and says why, for the window's warning.
fn audit_warning(written: Result<(), CoreError>) -> Option<FailureKind> {
    let error = written.err()?;
    tracing::warn!(%error, "the audit log could not be written");
    Some(error.failure_kind())
}

impl Desk {
    async fn helpdesk_graph(&self) -> Result<GraphClient, CoreError> {
        self.graph(&self.auth().await, Task::Helpdesk)
    }

    /// The person the audit line names and a Graph client that sends only their token, fixed
    /// together from one reading of the session: switching accounts while the request goes out
    /// does not change whose token it is sent with.
    async fn operator_and_client(&self, task: Task) -> Result<(Operator, GraphClient), CoreError> {
        let auth = self.auth().await;
        let session = auth.current_session().await.ok_or(CoreError::NotSignedIn)?;
        let client = self.graph_of_account(&auth, task, &session.account.id)?;
        Ok((Operator::of(&session.account), client))
    }

    pub async fn search_devices(&self, query: &str) -> Result<SearchResults, CoreError> {
        search_text(query)?;
        let client = self.helpdesk_graph().await?;
        // A newer search replaces this one: it is cancelled rather than left retrying for nobody.
        let cancel = self.device_search().start();
        let search = reset::search_devices(&client, query, &cancel);
        Ok(within_budget(INTERACTIVE_BUDGET, &cancel, search).await?)
    }

    /// The next page of the search for `query`; `more` is what the previous page handed out.
    pub async fn more_devices(&self, query: &str, more: &str) -> Result<SearchResults, CoreError> {
        search_text(query)?;
        let client = self.helpdesk_graph().await?;
        let cancel = self.device_search().follow_up();
        let page = reset::more_devices(&client, query, more, &cancel);
        Ok(within_budget(INTERACTIVE_BUDGET, &cancel, page).await?)
    }

    /// Sends one reset and writes its audit line. The administrator's ticket rule holds even if
    /// a window were to let a reset through without one.
    pub async fn start_reset(
        &self,
        device_id: &str,
        ticket: Option<&str>,
        device_name: Option<&str>,
    ) -> Result<ResetStartedForWindow, CoreError> {
        let id = ManagedDeviceId::from_window(device_id)?;
        let rules = self.auth().await.config().reset_rules;
        if rules.require_ticket && ticket.is_none_or(|t| t.trim().is_empty()) {
            return Err(CoreError::TicketRequired);
        }
        let (operator, client) = self.operator_and_client(Task::Helpdesk).await?;
        let result = reset::start_reset(&client, &id).await;
        let name_seen = device_name.map(|n| n.get(..200).unwrap_or(n));
        let attempt = ResetAttempt::of_start(&operator, &id, name_seen, ticket, &result);
        let audit_warning = attempt.and_then(|a| audit_warning(self.audit().record_attempt(&a)));
        Ok(ResetStartedForWindow {
            started: result?,
            audit_warning,
        })
    }

    /// Where the reset sent at `since` stands, with the passcode once Intune has it; its ending
    /// goes to the audit log.
    pub async fn reset_status(
        &self,
        device_id: &str,
        since: &str,
    ) -> Result<ResetStatusForWindow, CoreError> {
        let client = self.helpdesk_graph().await?;
        let device = ManagedDeviceId::from_window(device_id)?;
        let audit = self.audit();
        let follow = reset::follow_reset(&client, &audit, &device, instant(since)?);
        Ok(within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), follow).await?)
    }

    /// Reads the passcode from Graph again and copies it: the app keeps no copy of its own.
    pub async fn copy_passcode(&self, device_id: &str, since: &str) -> Result<Copied, CoreError> {
        let client = self.helpdesk_graph().await?;
        let device = ManagedDeviceId::from_window(device_id)?;
        let read = reset::reset_status(&client, &device, instant(since)?);
        let status = within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read).await?;
        let passcode = status
            .passcode
            .ok_or_else(|| CoreError::BadRequest("no passcode to copy yet".to_owned()))?;
        self.copy_secret(passcode.expose())
    }

    /// Copies the pass the window shows; the clipboard is cleared after the configured time.
    pub fn copy_access_pass(&self, mut pass: String) -> Result<Copied, CoreError> {
        let copied = if pass.is_empty() || pass.len() > 64 {
            Err(CoreError::BadRequest("no pass to copy".to_owned()))
        } else {
            self.copy_secret(&pass)
        };
        zeroize::Zeroize::zeroize(&mut pass);
        copied
    }

    fn copy_secret(&self, secret: &str) -> Result<Copied, CoreError> {
        let clear_after = self.clear_clipboard_after();
        self.clipboard().copy(secret, clear_after)?;
        Ok(Copied {
            clear_after_seconds: clear_after.as_secs(),
        })
    }

    pub async fn open_admin_center(&self, device_id: &str) -> Result<(), CoreError> {
        let url = reset::admin_center_url(&ManagedDeviceId::from_window(device_id)?);
        let url = url::Url::parse(&url).map_err(|e| CoreError::Internal(e.to_string()))?;
        browser_for(self.auth().await.config()).open(&url)
    }

    /// The setup facts a Windows PC's readiness needs: from the overview this run already read,
    /// or read once now.
    async fn setup_facts(&self) -> Result<SetupFacts, CoreError> {
        let auth = self.auth().await;
        let session = auth.current_session().await.ok_or(CoreError::NotSignedIn)?;
        let tenant_id = &session.account.tenant_id;
        if let Some(overview) = self.last_overview(&auth, tenant_id) {
            return Ok(SetupFacts::of(&overview));
        }
        Ok(SetupFacts::of(&self.setup_overview().await?))
    }

    pub async fn windows_readiness(&self, device_id: &str) -> Result<ReadinessView, CoreError> {
        let id = ManagedDeviceId::from_window(device_id)?;
        let facts = self.setup_facts().await?;
        let auth = self.auth().await;
        let (devices, profiles, methods) = (
            self.graph(&auth, Task::Helpdesk)?,
            self.graph(&auth, Task::SetupStatus)?,
            self.graph(&auth, Task::Readiness)?,
        );
        let clients = ReadinessClients {
            devices: &devices,
            profiles: &profiles,
            methods: &methods,
        };
        let read = reset::read_readiness(clients, &facts, &id);
        Ok(within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read).await?)
    }

    pub async fn tap_offer(&self, user_id: &str) -> Result<TapOfferView, CoreError> {
        let user = user(user_id)?;
        let auth = self.auth().await;
        let client = self.graph(&auth, Task::AccessPass)?;
        let policy = self.graph(&auth, Task::AccessPassPolicy)?;
        let read = reset::tap_offer(&client, &policy, &user);
        Ok(within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read).await?)
    }

    /// Gives the pass and writes its audit line.
    pub async fn create_tap(&self, request: &TapRequest) -> Result<TapForWindow, CoreError> {
        let device_id = ManagedDeviceId::from_window(&request.device_id)?;
        let user = user(&request.user_id)?;
        if request
            .lifetime_minutes
            .is_some_and(|m| !(10..=43_200).contains(&m))
        {
            return Err(CoreError::BadRequest("lifetime".to_owned()));
        }
        let (operator, client) = self.operator_and_client(Task::AccessPass).await?;
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
            .and_then(|attempt| audit_warning(self.audit().record_attempt(&attempt)));
        let made = result?;
        Ok(TapForWindow {
            pass: made.pass.expose().to_owned(),
            ends_at: made.ends_at.and_then(|at| at.format(&Rfc3339).ok()),
            lifetime_minutes: made.lifetime_minutes,
            one_time: made.one_time,
            audit_warning,
        })
    }
}
