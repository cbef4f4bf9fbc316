//! The application service: what the running app holds (the configuration in use, the sign-in
//! state built on it, the audit log, the searches in flight and, in demo mode, the demo tenant) and
//! what the window's commands do with it that is more than one call of a job: settings saved and
//! read again, the demo switch, a Graph client per task, and each command's work (`helpdesk`,
//! `setup`). The shell only hands it to the commands.

use std::sync::Arc;

pub mod helpdesk;
pub mod setup;

use crate::audit::AuditLog;
use crate::auth::GraphTokens;
use crate::clipboard::{SecretClipboard, clear_after};
use crate::config::{
    Config, FileProblem, Settings, SettingsView, save_language, save_log_level, save_user_settings,
};
use crate::graph::{GraphClient, GraphOptions, Superseding};
use crate::logging::{LogLevel, Logging};
use crate::{Auth, CoreError, KeyringStore, SecretStore, Task};
use serde::Serialize;
use tokio::sync::{Mutex, RwLock};
use url::Url;

/// What the window shows about the app itself.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: &'static str,
    pub demo: bool,
    pub authority: String,
    pub graph_url: String,
    pub client_id: String,
    /// The window's language as the person chose it; `None` follows the system.
    pub language: Option<String>,
    /// What was wrong with the settings and accounts files; the window says so, since on
    /// Windows nobody sees a console.
    pub problems: Vec<FileProblem>,
    /// The administrator's rules for the reset's confirmation (ticket, caller check).
    pub reset_rules: crate::config::ResetRules,
}

pub struct Desk {
    store: Arc<dyn SecretStore>,
    auth: RwLock<Auth>,
    demo: Mutex<Option<demo_tenant::DemoTenant>>,
    clipboard: SecretClipboard,
    clear_clipboard_after: std::time::Duration,
    /// The demo tenant keeps its own, in its sandbox folder.
    audit: std::sync::Mutex<AuditLog>,
    /// The window's language as chosen (`None`: the system's); saved apart from the sign-in
    /// settings, so changing it signs nobody out.
    language: std::sync::Mutex<Option<String>>,
    logging: std::sync::OnceLock<Logging>,
    /// The level chosen in this run, over the one the configuration was loaded with.
    log_level: std::sync::Mutex<Option<LogLevel>>,
    /// The Graph client of the Graph URL in use, built on the first call: later calls share its
    /// connections instead of opening (and handshaking) their own.
    graph: std::sync::Mutex<Option<(Url, GraphClient)>>,
    /// The device search and the group search in flight: a newer one cancels the older.
    device_search: Superseding,
    group_search: Superseding,
    /// The last setup overview read and whose it is (Graph URL and tenant ID), so a Windows PC's
    /// readiness reuses its facts and never another organisation's.
    overview: std::sync::Mutex<Option<(String, crate::setup::SetupOverview)>>,
}

impl std::fmt::Debug for Desk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desk").finish_non_exhaustive()
    }
}

impl Desk {
    /// The app's state over the OS keychain.
    pub fn new(config: Config) -> Result<Desk, CoreError> {
        Desk::with_store(config, Arc::new(KeyringStore::native()))
    }

    pub fn with_store(config: Config, store: Arc<dyn SecretStore>) -> Result<Desk, CoreError> {
        let audit = AuditLog::in_dir(&config.data_dir);
        let language = std::sync::Mutex::new(config.language.clone());
        let auth = Auth::new(config, Arc::clone(&store))?;
        Ok(Desk {
            store,
            auth: RwLock::new(auth),
            demo: Mutex::new(None),
            clipboard: SecretClipboard::default(),
            clear_clipboard_after: clear_after(|name| std::env::var(name).ok()),
            audit: std::sync::Mutex::new(audit),
            language,
            logging: std::sync::OnceLock::new(),
            log_level: std::sync::Mutex::new(None),
            graph: std::sync::Mutex::new(None),
            device_search: Superseding::default(),
            group_search: Superseding::default(),
            overview: std::sync::Mutex::new(None),
        })
    }

    /// The sign-in state in use now; a clone, so a long sign-in never holds the lock.
    pub async fn auth(&self) -> Auth {
        self.auth.read().await.clone()
    }

    /// A Graph client with `task`'s scopes from `auth` (the caller's sign-in state, so what it
    /// read of the session and the tokens it sends agree), over the connections of every
    /// earlier call to the same Graph URL.
    pub fn graph(&self, auth: &Auth, task: Task) -> Result<GraphClient, CoreError> {
        self.graph_with(auth, GraphTokens::new(auth.clone(), task))
    }

    /// A Graph client that sends only `account_id`'s tokens, whoever is switched to meanwhile.
    pub fn graph_of_account(
        &self,
        auth: &Auth,
        task: Task,
        account_id: &str,
    ) -> Result<GraphClient, CoreError> {
        self.graph_with(
            auth,
            GraphTokens::of_account(auth.clone(), task, account_id),
        )
    }

    fn graph_with(&self, auth: &Auth, tokens: GraphTokens) -> Result<GraphClient, CoreError> {
        let base = auth.config().graph_url.clone();
        let tokens = Arc::new(tokens);
        let mut slot = self.graph.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((built_for, client)) = slot.as_ref()
            && *built_for == base
        {
            return Ok(client.with_tokens(tokens));
        }
        let client = GraphClient::new(base.clone(), tokens, GraphOptions::default())
            .map_err(CoreError::Graph)?;
        *slot = Some((base, client.clone()));
        Ok(client)
    }

    /// Keeps the setup overview just read for `tenant_id`, for the readiness of Windows PCs.
    pub fn remember_overview(
        &self,
        auth: &Auth,
        tenant_id: &str,
        overview: &crate::setup::SetupOverview,
    ) {
        let key = format!("{}|{tenant_id}", auth.config().graph_url);
        *self.overview.lock().unwrap_or_else(|p| p.into_inner()) = Some((key, overview.clone()));
    }

    /// The overview last read for `tenant_id` on this Graph, if any.
    pub fn last_overview(
        &self,
        auth: &Auth,
        tenant_id: &str,
    ) -> Option<crate::setup::SetupOverview> {
        let key = format!("{}|{tenant_id}", auth.config().graph_url);
        self.overview
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .filter(|(held, _)| *held == key)
            .map(|(_, overview)| overview.clone())
    }

    /// The device search in flight, which a newer search cancels.
    pub fn device_search(&self) -> &Superseding {
        &self.device_search
    }

    /// The group search in flight, which a newer search cancels.
    pub fn group_search(&self) -> &Superseding {
        &self.group_search
    }

    /// The one clipboard the app copies passcodes to.
    pub fn clipboard(&self) -> &SecretClipboard {
        &self.clipboard
    }

    /// The running log, once `run` has started it.
    pub fn use_logging(&self, logging: Logging) {
        let _ = self.logging.set(logging);
    }

    pub fn logging(&self) -> Option<&Logging> {
        self.logging.get()
    }

    /// Saves the log level and applies it at once; the sign-in state is left as it is.
    pub async fn set_log_level(&self, level: LogLevel) -> Result<SettingsView, CoreError> {
        let data_dir = self.auth().await.config().data_dir.clone();
        save_log_level(&data_dir, level)?;
        if let Some(logging) = self.logging() {
            logging.set_level(level);
        }
        *self.log_level.lock().unwrap_or_else(|p| p.into_inner()) = Some(level);
        Ok(self.settings().await)
    }

    pub fn clear_clipboard_after(&self) -> std::time::Duration {
        self.clear_clipboard_after
    }

    /// The audit log of resets, in the data folder (the demo's in its own folder).
    pub fn audit(&self) -> AuditLog {
        self.audit.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub async fn app_info(&self) -> AppInfo {
        let auth = self.auth().await;
        let config = auth.config();
        let demo = self.demo.lock().await.is_some();
        AppInfo {
            version: crate::version(),
            demo,
            authority: config.authority.to_string(),
            graph_url: config.graph_url.to_string(),
            client_id: config.client_id.clone(),
            language: self.language(),
            problems: auth.file_problems(),
            reset_rules: config.reset_rules,
        }
    }

    fn language(&self) -> Option<String> {
        self.language
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Saves the window's language and applies it to what `app_info` and `settings` report,
    /// without signing anyone out.
    pub async fn set_language(&self, language: Option<String>) -> Result<(), CoreError> {
        let data_dir = self.auth().await.config().data_dir.clone();
        save_language(&data_dir, language.as_deref())?;
        *self.language.lock().unwrap_or_else(|p| p.into_inner()) = language
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty());
        Ok(())
    }

    /// The configuration in use and where each value came from.
    pub async fn settings(&self) -> SettingsView {
        let mut view = SettingsView {
            language: self.language(),
            ..self.auth().await.config().view()
        };
        if let Some(level) = *self.log_level.lock().unwrap_or_else(|p| p.into_inner()) {
            view.log_level = level;
        }
        view
    }

    /// Saves the person's own settings and applies them at once: the configuration is read again
    /// from every source, so an administrator's file or an environment variable still wins.
    pub async fn save_settings(&self, settings: Settings) -> Result<SettingsView, CoreError> {
        let mut auth = self.auth.write().await;
        let path = auth.config().user_settings_path();
        let previous = std::fs::read(&path).ok();
        save_user_settings(&auth.config().data_dir, &settings)?;
        let mut config = match Config::load(|name| std::env::var(name).ok()) {
            Ok(config) => config,
            Err(error) => {
                // A combination that cannot be used (such as plain-http Graph with a real
                // authority) is not kept: the next start would refuse it.
                let restored = match previous {
                    Some(previous) => crate::files::write_atomically(&path, &previous),
                    None => std::fs::remove_file(&path)
                        .map_err(|e| CoreError::Storage(format!("{}: {e}", path.display()))),
                };
                if let Err(e) = restored {
                    tracing::warn!(error = %e, "could not put the previous settings back");
                }
                return Err(error);
            }
        };
        if let Some(tenant) = self.demo.lock().await.as_ref() {
            config = config.for_demo_tenant(tenant.issuer(), tenant.graph_base());
        }
        auth.cancel_sign_in();
        *auth = Auth::new(config, Arc::clone(&self.store))?;
        drop(auth);
        Ok(self.settings().await)
    }

    /// Starts the built-in demo tenant (once) and points the app at it.
    pub async fn use_demo_tenant(&self) -> Result<AppInfo, CoreError> {
        self.use_demo_tenant_with(demo_tenant::Options::default())
            .await
    }

    /// The same with `options` from the command line: `pindesk --demo --no-org-consent` starts
    /// it with nothing consented for the sign-in client, to show the setup's first line at work;
    /// `--pickup-after-ms` and `--finish-after-ms` set the devices' pace.
    pub async fn use_demo_tenant_with(
        &self,
        options: demo_tenant::Options,
    ) -> Result<AppInfo, CoreError> {
        let mut demo = self.demo.lock().await;
        if demo.is_none() {
            let tenant = demo_tenant::DemoTenant::start(options)
                .await
                .map_err(|error| CoreError::Internal(format!("demo tenant: {error}")))?;
            let mut auth = self.auth.write().await;
            auth.cancel_sign_in();
            let config = auth
                .config()
                .for_demo_tenant(tenant.issuer(), tenant.graph_base());
            *self.audit.lock().unwrap_or_else(|p| p.into_inner()) =
                AuditLog::in_dir(&config.sandbox_dir());
            let sandbox = Auth::new(config, Arc::clone(&self.store))?;
            // Sign-ins to an earlier run's demo tenant can never be used again (that tenant and
            // its tokens are gone): forget them, from the demo's own list and keychain service.
            for stale in sandbox.listed_accounts() {
                if stale.signed_in_elsewhere.is_some()
                    && let Err(error) = sandbox.sign_out(&stale.account.id).await
                {
                    tracing::warn!(%error, "could not forget an earlier demo sign-in");
                }
            }
            *auth = sandbox;
            *demo = Some(tenant);
        }
        drop(demo);
        Ok(self.app_info().await)
    }
}
