//! A simulated Microsoft Entra ID tenant with Microsoft Graph, served over HTTP on 127.0.0.1.
//!
//! It speaks the protocols the way the real services do (OpenID Connect discovery, authorization
//! code with PKCE, rotating refresh tokens, Graph's error shapes and throttling), so the app runs
//! the same code in demo mode, in tests and in production: only the two base URLs differ.
//!
//! Identity lives under `/{tenant}/v2.0/.well-known/openid-configuration` and
//! `/{tenant}/oauth2/v2.0/{authorize,token,logout}`, where `{tenant}` is the tenant id, its
//! verified domain, `organizations` or `common`. Graph lives under `/v1.0/` and `/beta/`:
//! `me`, `organization`, `groups` (`$search` with `ConsistencyLevel: eventual`, `startswith`,
//! `members/$count`), `deviceManagement/deviceConfigurations` (create, list, get, assignments,
//! `assign` replacing the set, deployment status),
//! `servicePrincipals` (by `appId` alternate key and by `$filter`),
//! `deviceManagement/managedDevices` (documented `$filter` operators, `$select`, `$top`, paging,
//! by id, `resetPasscode`) and `$batch`.
//!
//! The two Windows Hello PIN reset apps are absent until consent is given on the demo's consent
//! page, at the path of the published consent URLs: `/{tenant}/oauth2/authorize?client_id=<app>`
//! (`common`, `organizations` or this tenant; another tenant ID is refused with AADSTS90002).
//! Tests sign in without the HTML page through `prompt=none&login_hint=<person>`.
//!
//! Delegated Graph permissions that need an administrator's consent (all the app asks for but
//! `User.Read`) are issued to someone who is not an Application Administrator only when the sign-in
//! client has organisation-wide consent covering them (`oauth2PermissionGrants`, `AllPrincipals`);
//! otherwise authorize answers as Entra does (AADSTS65001 silently, "Need admin approval" with
//! AADSTS90094 on the page). [`Options::org_consent`] (on by default; `--no-org-consent` off)
//! decides whether that consent exists from the start; Entra's v2 admin consent endpoint
//! `/{tenant}/v2.0/adminconsent` grants it.
//!
//! ```no_run
//! # async fn demo() -> Result<(), demo_tenant::Error> {
//! let tenant = demo_tenant::DemoTenant::start(demo_tenant::Options::default()).await?;
//! let discovery = tenant.issuer().join("v2.0/.well-known/openid-configuration");
//! tenant.shutdown().await;
//! # Ok(())
//! # }
//! ```

// The managed device literal in the seed has more properties than `json!` expands by default.
#![recursion_limit = "256"]

mod clock;
mod error;
mod graph;
mod jwt;
mod log;
mod oidc;
mod options;
pub mod seed;
mod state;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::Response;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use url::Url;

pub use error::Error;
pub use log::LoggedRequest;
pub use options::Options;
pub use seed::{TENANT_DOMAIN, TENANT_ID, TENANT_NAME};

use state::{Shared, TenantState, changing, lock};

/// "Microsoft Graph Command Line Tools": a public client with an `http://localhost` redirect that
/// the app uses by default.
pub const DEFAULT_CLIENT_ID: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
/// Intune Administrator and Application Administrator.
pub const ADMIN: &str = "admin@pindesk-demo.example";
/// Intune Help Desk Operator.
pub const HELPDESK: &str = "helpdesk@pindesk-demo.example";
/// Signs in fine but holds no Intune role.
pub const NO_ROLE: &str = "norole@pindesk-demo.example";

/// How long [`DemoTenant::shutdown`] waits for requests in flight before cutting them off.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A running tenant. Dropping it stops the server as well; [`DemoTenant::shutdown`] also waits.
#[derive(Debug)]
pub struct DemoTenant {
    shared: TenantState,
    port: u16,
    issuer: Url,
    graph_base: Url,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl DemoTenant {
    /// Binds 127.0.0.1:`options.port` and serves in a spawned task of the current runtime.
    pub async fn start(options: Options) -> Result<DemoTenant, Error> {
        options.validate()?;
        let log = log::RequestLog::open(options.request_log.as_deref(), options.log_to_stderr)?;
        let listener = TcpListener::bind(("127.0.0.1", options.port))
            .await
            .map_err(|source| Error::Bind {
                port: options.port,
                source,
            })?;
        let port = listener
            .local_addr()
            .map_err(|source| Error::Bind {
                port: options.port,
                source,
            })?
            .port();
        let origin = format!("http://127.0.0.1:{port}");
        let graph_base = Url::parse(&format!("{origin}/"))?;
        let shared = Arc::new(Shared::new(options, origin, log));
        let issuer = Url::parse(&shared.issuer())?;
        let app = router(shared.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let server = axum::serve(listener, app).with_graceful_shutdown(async {
            let _ = stopped.await;
        });
        let task = tokio::spawn(async move {
            // The only errors left after binding are fatal accept errors; the task just ends and
            // clients see refused connections, which is what a dead tenant looks like.
            let _ = server.await;
        });
        Ok(DemoTenant {
            shared,
            port,
            issuer,
            graph_base,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// `http://127.0.0.1:PORT/<tenant id>/v2.0`, the issuer of its ID tokens and the base of
    /// discovery.
    pub fn issuer(&self) -> Url {
        self.issuer.clone()
    }

    /// `http://127.0.0.1:PORT/`; Graph lives under `/v1.0/` and `/beta/`.
    pub fn graph_base(&self) -> Url {
        self.graph_base.clone()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn tenant_id(&self) -> &str {
        TENANT_ID
    }

    /// Moves the tenant's clock forward: deployments report, devices take up and finish passcode
    /// resets, passes start and end, and codes and tokens expire as if `by` had passed, without a
    /// test waiting for it.
    pub fn advance_clock(&self, by: std::time::Duration) {
        self.shared.clock.advance(by);
    }

    /// Requests served so far, in order: method, path with query (secrets masked), status.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.shared.log.entries()
    }

    /// Every code, access token, refresh token and ID token issued so far, so tests can prove none
    /// of them ends up in a file or a log.
    pub fn issued_secrets(&self) -> Vec<String> {
        lock(&self.shared.secrets).clone()
    }

    /// Stops accepting connections, lets requests in flight finish (a few seconds at most) and
    /// waits for the server task.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
        {
            task.abort();
        }
    }
}

impl Drop for DemoTenant {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

fn router(shared: TenantState) -> Router {
    Router::new()
        .merge(oidc::router())
        .merge(graph::router(shared.clone()))
        .layer(from_fn_with_state(shared.clone(), latency))
        .layer(from_fn_with_state(shared.clone(), log::middleware))
        .with_state(shared)
}

async fn latency(State(state): State<TenantState>, request: Request, next: Next) -> Response {
    let delay = state.options.latency_ms;
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    next.run(request).await
}

/// Test and demo hooks that stand in for what an administrator would do elsewhere (the Entra or
/// Intune admin center), so tests can set up a tenant's state without a browser.
impl DemoTenant {
    /// Consent to one of the PIN reset apps, as its consent page does.
    pub fn grant_consent(&self, app_id: &str) -> bool {
        changing(&self.shared.directory)
            .grant_consent(app_id)
            .is_some()
    }

    /// Guards one Graph permission with a Conditional Access policy that the next refresh
    /// asking for it does not satisfy: the answer is `interaction_required` (AADSTS50158).
    pub fn require_interaction_for(&self, scope: &str) {
        lock(&self.shared.auth)
            .interaction_scopes
            .push(scope.to_owned());
    }

    /// The Graph permissions the sign-in client holds for the whole organisation.
    pub fn org_consented_scopes(&self) -> Vec<String> {
        changing(&self.shared.directory).org_consented_scopes(DEFAULT_CLIENT_ID)
    }

    /// Removes the sign-in client's organisation-wide consent, as revoking it in Entra does.
    pub fn revoke_org_consent(&self) {
        changing(&self.shared.directory).revoke_org_consent(DEFAULT_CLIENT_ID);
    }

    /// Switches a service principal on or off, as "Enabled for users to sign in" in Entra does.
    /// False when the app has no service principal.
    pub fn set_app_enabled(&self, app_id: &str, enabled: bool) -> bool {
        changing(&self.shared.directory).set_app_enabled(app_id, enabled)
    }

    /// Back to "nothing done": the PIN reset apps gone, and every profile other than the seeded
    /// one deleted with its assignments.
    pub fn reset_setup(&self) {
        changing(&self.shared.directory).reset_setup();
    }

    /// The device configuration profiles as stored (JSON, as Graph returns them by id).
    pub fn device_configurations(&self) -> Vec<serde_json::Value> {
        changing(&self.shared.directory)
            .device_configurations
            .clone()
    }

    /// The assignment targets of one profile, as stored.
    pub fn assignment_targets(&self, configuration_id: &str) -> Vec<serde_json::Value> {
        changing(&self.shared.directory)
            .configuration_assignments
            .get(configuration_id)
            .map(|a| {
                a.assignments
                    .iter()
                    .filter_map(|x| x.get("target").cloned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Adds one assignment target to a profile, as someone in the Intune admin center would.
    pub fn add_assignment(&self, configuration_id: &str, target: serde_json::Value) {
        changing(&self.shared.directory).add_assignment(configuration_id, target);
    }

    /// Adds a custom profile as stored JSON (tests use it for odd profiles: value false, another
    /// tenant's ID).
    pub fn add_device_configuration(&self, profile: serde_json::Value) {
        changing(&self.shared.directory)
            .device_configurations
            .push(profile);
    }

    /// The ID of the group with this display name.
    pub fn group_id(&self, display_name: &str) -> Option<String> {
        changing(&self.shared.directory)
            .groups
            .iter()
            .find(|g| {
                g.properties
                    .get("displayName")
                    .and_then(serde_json::Value::as_str)
                    == Some(display_name)
            })
            .and_then(|g| g.properties.get("id"))
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    }
}
