//! What the running app holds: the configuration in use and, in demo mode, the demo tenant.

use pindesk_core::config::Config;
use pindesk_core::{CoreError, IpcError};
use serde::Serialize;
use tokio::sync::{Mutex, RwLock};

/// What the window shows about the app itself.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: &'static str,
    pub demo: bool,
    pub authority: String,
    pub graph_url: String,
    pub client_id: String,
    pub tenant_name: Option<String>,
}

#[derive(Debug)]
pub struct AppState {
    config: RwLock<Config>,
    demo: Mutex<Option<demo_tenant::DemoTenant>>,
}

impl AppState {
    pub fn new(config: Config) -> AppState {
        AppState { config: RwLock::new(config), demo: Mutex::new(None) }
    }

    pub async fn app_info(&self) -> AppInfo {
        let config = self.config.read().await;
        let demo = self.demo.lock().await.is_some();
        AppInfo {
            version: pindesk_core::version(),
            demo,
            authority: config.authority.to_string(),
            graph_url: config.graph_url.to_string(),
            client_id: config.client_id.clone(),
            tenant_name: None,
        }
    }

    /// Starts the built-in demo tenant (once) and points the app at it.
    pub async fn use_demo_tenant(&self) -> Result<AppInfo, IpcError> {
        let mut demo = self.demo.lock().await;
        if demo.is_none() {
            let tenant = demo_tenant::DemoTenant::start(demo_tenant::Options::default())
                .await
                .map_err(|error| CoreError::Internal(format!("demo tenant: {error}")))?;
            let mut config = self.config.write().await;
            *config = config.with_local_tenant(tenant.issuer(), tenant.graph_base());
            *demo = Some(tenant);
        }
        drop(demo);
        Ok(self.app_info().await)
    }
}
