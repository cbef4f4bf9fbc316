//! Where PinDesk signs in and which Graph it talks to. Sources, later wins: built-in defaults, an
//! administrator-deployed file, the person's own settings, then environment variables (for tests
//! and scripted runs).

mod layers;
mod problems;
mod sources;

use std::path::{Path, PathBuf};

use serde::Serialize;
use url::Url;

use crate::error::CoreError;
use crate::logging::{LOG_DIR, LogLevel};

pub use layers::LOCK_SIGN_IN_KEY;
pub use problems::{ConfigFile, FileProblem, ProblemKind};
pub(crate) use sources::write_atomically;
pub use sources::{Settings, USER_SETTINGS_FILE, admin_config_path};

/// The demo tenant's own data folder, inside the data folder.
pub const DEMO_DIR: &str = "demo";

/// The Microsoft Graph Command Line Tools public client: it already carries Graph delegated
/// permissions and an `http://localhost` redirect in every tenant.
pub const DEFAULT_CLIENT_ID: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
pub const DEFAULT_AUTHORITY: &str = "https://login.microsoftonline.com/organizations/v2.0";
pub const DEFAULT_GRAPH_URL: &str = "https://graph.microsoft.com";
pub const DEFAULT_TENANT: &str = "organizations";
pub const DEFAULT_AUTHORITY_HOST: &str = "https://login.microsoftonline.com";

/// A full authority URL (issuer); wins over tenant and authority host.
pub const ENV_AUTHORITY: &str = "PINDESK_AUTHORITY";
pub const ENV_TENANT: &str = "PINDESK_TENANT";
pub const ENV_AUTHORITY_HOST: &str = "PINDESK_AUTHORITY_HOST";
pub const ENV_CLIENT_ID: &str = "PINDESK_CLIENT_ID";
pub const ENV_GRAPH_URL: &str = "PINDESK_GRAPH_URL";
pub const ENV_BROWSER: &str = "PINDESK_BROWSER";
pub const ENV_DATA_DIR: &str = "PINDESK_DATA_DIR";
/// Replaces the per-OS administrator file path (tests, scripted runs).
pub const ENV_ADMIN_CONFIG: &str = "PINDESK_ADMIN_CONFIG";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The OpenID issuer; its discovery document names every endpoint we use.
    pub authority: Url,
    pub client_id: String,
    /// Graph's base (scheme, host, port); `/v1.0/...` is appended per request.
    pub graph_url: Url,
    /// A command that opens a URL given as its last argument, instead of the system browser.
    pub browser: Option<String>,
    /// Where settings and logs go.
    pub data_dir: PathBuf,
    /// A tenant ID, a domain, or `organizations`; with `authority_host` it makes `authority`.
    pub tenant: String,
    /// Sign-in host of the cloud (public or sovereign).
    pub authority_host: Url,
    /// Which source each value came from, for the settings view.
    pub origins: Origins,
    /// The administrator file this run looked at (it may not exist).
    pub admin_config_path: PathBuf,
    /// The window's language as chosen in a settings file; `None` follows the system.
    pub language: Option<String>,
    /// The log level from the settings files (the environment's `PINDESK_LOG` wins over it).
    pub log_level: Option<LogLevel>,
    /// The administrator's file locks the sign-in settings (tenant, client ID, authority host,
    /// Graph URL): neither the person's settings nor the environment change them.
    pub sign_in_locked: bool,
    /// The administrator's rules for the helpdesk's confirmation.
    pub reset_rules: ResetRules,
    /// What was wrong with the settings files; the window shows it and the log has it.
    pub problems: Vec<FileProblem>,
    /// The built-in demo tenant: its sign-ins live apart from real ones (own account list, own
    /// keychain service, own audit log).
    pub demo_sandbox: bool,
}

/// What the administrator's file asks of every reset's confirmation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ResetRules {
    /// A ticket number must be typed.
    pub require_ticket: bool,
    /// "I verified the caller" must be ticked.
    pub require_caller_check: bool,
}

/// Where a configuration value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Origin {
    Default,
    Administrator,
    User,
    Environment,
    /// The built-in demo tenant on this machine.
    LocalTenant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origins {
    pub tenant: Origin,
    pub client_id: Origin,
    pub authority_host: Origin,
    pub authority: Origin,
    pub graph_url: Origin,
}

/// One value of the settings view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingValue {
    pub value: String,
    pub origin: Origin,
    /// Set by the organisation and not to be changed here.
    pub locked: bool,
}

/// What the settings view shows: each value and where it came from, and the files involved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub tenant: SettingValue,
    pub client_id: SettingValue,
    pub authority_host: SettingValue,
    pub authority: SettingValue,
    pub graph_url: SettingValue,
    pub data_dir: String,
    pub admin_config_path: String,
    pub user_settings_path: String,
    /// The window's language as chosen; `None` follows the system.
    pub language: Option<String>,
    pub log_level: LogLevel,
    pub log_dir: String,
}

impl Config {
    /// Reads the configuration for this run; `env` is the process environment in the app and a
    /// map in tests.
    pub fn load(env: impl Fn(&str) -> Option<String>) -> Result<Config, CoreError> {
        let var = |name: &str| {
            env(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let data_dir = match var(ENV_DATA_DIR) {
            Some(dir) => PathBuf::from(dir),
            None => default_data_dir()?,
        };
        let admin_path = var(ENV_ADMIN_CONFIG)
            .map(PathBuf::from)
            .unwrap_or_else(|| admin_config_path(&|name| env(name)));
        let mut problems = Vec::new();
        let admin = layers::read_layer(&admin_path, ConfigFile::Administrator, &mut problems);
        let user_path = data_dir.join(USER_SETTINGS_FILE);
        let user = layers::read_layer(&user_path, ConfigFile::Settings, &mut problems);
        let locked = admin.lock_sign_in;
        let reset_rules = ResetRules {
            require_ticket: admin.require_ticket,
            require_caller_check: admin.require_caller_check,
        };
        let layers = [
            (Origin::Administrator, admin.settings),
            (Origin::User, user.settings),
            (
                Origin::Environment,
                Settings {
                    tenant: var(ENV_TENANT),
                    client_id: var(ENV_CLIENT_ID),
                    authority_host: var(ENV_AUTHORITY_HOST),
                    graph_url: var(ENV_GRAPH_URL),
                    language: None,
                    log_level: None,
                },
            ),
        ];
        // A locked sign-in setting comes from the administrator's file or the built-in default,
        // never from a later source.
        let sources = if locked { &layers[..1] } else { &layers[..] };
        let pick = |field: fn(&Settings) -> &Option<String>, default: &str| {
            sources
                .iter()
                .rev()
                .find_map(|(origin, layer)| field(layer).clone().map(|v| (v, *origin)))
                .unwrap_or_else(|| (default.to_owned(), Origin::Default))
        };
        let (tenant, tenant_origin) = pick(|s| &s.tenant, DEFAULT_TENANT);
        let (client_id, client_id_origin) = pick(|s| &s.client_id, DEFAULT_CLIENT_ID);
        let (host, host_origin) = pick(|s| &s.authority_host, DEFAULT_AUTHORITY_HOST);
        let (graph, graph_origin) = pick(|s| &s.graph_url, DEFAULT_GRAPH_URL);
        let language = layers
            .iter()
            .rev()
            .find_map(|(_, layer)| layer.language.clone());

        sources::check_tenant(&tenant)?;
        sources::check_client_id(&client_id)?;
        let authority_host = parse_url("authority host", Some(host), DEFAULT_AUTHORITY_HOST)?;
        let graph_url = parse_url(ENV_GRAPH_URL, Some(graph), DEFAULT_GRAPH_URL)?;
        let full_authority = var(ENV_AUTHORITY).filter(|_| !locked);
        let (authority, authority_origin) = match full_authority {
            Some(full) => (
                parse_url(ENV_AUTHORITY, Some(full), DEFAULT_AUTHORITY)?,
                Origin::Environment,
            ),
            None => {
                let base = authority_host.as_str().trim_end_matches('/');
                let composed = format!("{base}/{tenant}/v2.0");
                let origin = if tenant_origin == Origin::Default {
                    host_origin
                } else {
                    tenant_origin
                };
                (
                    parse_url("authority", Some(composed), DEFAULT_AUTHORITY)?,
                    origin,
                )
            }
        };
        check_plain_http_stays_local(&authority, &graph_url)?;
        Ok(Config {
            demo_sandbox: false,
            authority,
            client_id,
            graph_url,
            browser: var(ENV_BROWSER),
            data_dir,
            tenant,
            authority_host,
            origins: Origins {
                tenant: tenant_origin,
                client_id: client_id_origin,
                authority_host: host_origin,
                authority: authority_origin,
                graph_url: graph_origin,
            },
            log_level: layers.iter().rev().find_map(|(_, layer)| layer.log_level),
            admin_config_path: admin_path,
            language,
            sign_in_locked: locked,
            reset_rules,
            problems,
        })
    }

    /// Points the app at a tenant served on this machine, keeping everything else.
    pub fn with_local_tenant(&self, issuer: Url, graph_url: Url) -> Config {
        let origins = Origins {
            authority: Origin::LocalTenant,
            graph_url: Origin::LocalTenant,
            ..self.origins
        };
        Config {
            authority: issuer,
            graph_url,
            origins,
            ..self.clone()
        }
    }

    /// Points the app at the built-in demo tenant, in its sandbox.
    pub fn for_demo_tenant(&self, issuer: Url, graph_url: Url) -> Config {
        Config {
            demo_sandbox: true,
            ..self.with_local_tenant(issuer, graph_url)
        }
    }

    /// The folder of this configuration's own data: the demo's lives apart from real data.
    pub fn sandbox_dir(&self) -> PathBuf {
        if self.demo_sandbox {
            self.data_dir.join(DEMO_DIR)
        } else {
            self.data_dir.clone()
        }
    }

    /// The person's own settings file.
    pub fn user_settings_path(&self) -> PathBuf {
        self.data_dir.join(USER_SETTINGS_FILE)
    }

    /// The values and their sources, for the settings view. Nothing here is secret.
    pub fn view(&self) -> SettingsView {
        let locked = self.sign_in_locked;
        let value = |v: &str, origin| SettingValue {
            value: v.to_owned(),
            origin,
            locked,
        };
        SettingsView {
            tenant: value(&self.tenant, self.origins.tenant),
            client_id: value(&self.client_id, self.origins.client_id),
            authority_host: value(self.authority_host.as_str(), self.origins.authority_host),
            authority: value(self.authority.as_str(), self.origins.authority),
            graph_url: value(self.graph_url.as_str(), self.origins.graph_url),
            data_dir: self.data_dir.display().to_string(),
            admin_config_path: self.admin_config_path.display().to_string(),
            user_settings_path: self.user_settings_path().display().to_string(),
            language: self.language.clone(),
            log_level: self.log_level.unwrap_or_default(),
            log_dir: self.data_dir.join(LOG_DIR).display().to_string(),
        }
    }
}

/// Saves the window's language in the person's own settings, keeping everything else there;
/// `None` goes back to the system's language.
pub fn save_language(data_dir: &Path, language: Option<&str>) -> Result<(), CoreError> {
    let language = language.map(str::trim).filter(|l| !l.is_empty());
    if let Some(language) = language {
        sources::check_language(language)?;
    }
    let path = data_dir.join(USER_SETTINGS_FILE);
    let settings = Settings {
        language: language.map(str::to_owned),
        ..layers::usable_user_settings(&path)
    };
    settings.write(&path)
}

/// Checks and saves the person's own settings; they apply from the next [`Config::load`]. A
/// language already chosen stays when `settings` names none (it is saved by [`save_language`]).
pub fn save_user_settings(data_dir: &Path, settings: &Settings) -> Result<(), CoreError> {
    if let Some(tenant) = settings
        .tenant
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        sources::check_tenant(tenant)?;
    }
    if let Some(id) = settings
        .client_id
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        sources::check_client_id(id)?;
    }
    for (name, url) in [
        ("authority host", &settings.authority_host),
        ("Graph URL", &settings.graph_url),
    ] {
        if let Some(url) = url.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            parse_url(name, Some(url.to_owned()), DEFAULT_GRAPH_URL)?;
        }
    }
    let path = data_dir.join(USER_SETTINGS_FILE);
    let previous = layers::usable_user_settings(&path);
    let mut settings = settings.clone();
    // The connection form carries neither the language nor the log level: keep those chosen
    // before.
    if settings.language.is_none() {
        settings.language = previous.language;
    }
    if settings.log_level.is_none() {
        settings.log_level = previous.log_level;
    }
    settings.write(&path)
}

/// Saves the log level chosen in the app, keeping the rest of the person's settings.
pub fn save_log_level(data_dir: &Path, level: LogLevel) -> Result<(), CoreError> {
    let path = data_dir.join(USER_SETTINGS_FILE);
    let mut settings = layers::usable_user_settings(&path);
    settings.log_level = Some(level);
    settings.write(&path)
}

fn parse_url(name: &str, value: Option<String>, default: &str) -> Result<Url, CoreError> {
    check_url(name, value.as_deref().unwrap_or(default)).map_err(CoreError::Config)
}

/// A URL PinDesk may talk to: https, or plain http on this machine only.
fn check_url(name: &str, text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|e| format!("{name} `{text}`: {e}"))?;
    let loopback = is_loopback(&url);
    if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
        return Err(format!(
            "{name} `{text}` must use https (plain http only on this machine)"
        ));
    }
    Ok(url)
}

fn is_loopback(url: &Url) -> bool {
    matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
}

/// Plain `http` to Graph carries the bearer token in the clear; it is only allowed when the
/// sign-in service is on this machine as well (the demo tenant, tests), so a real Entra token is
/// never sent to an `http://localhost` port.
fn check_plain_http_stays_local(authority: &Url, graph_url: &Url) -> Result<(), CoreError> {
    if graph_url.scheme() == "http" && !(authority.scheme() == "http" && is_loopback(authority)) {
        return Err(CoreError::Config(format!(
            "the Graph URL `{graph_url}` uses plain http, but sign-in goes to `{authority}`: \
             PinDesk sends a real sign-in's token only over https. Use an https Graph URL"
        )));
    }
    Ok(())
}

fn default_data_dir() -> Result<PathBuf, CoreError> {
    dirs::data_dir()
        .map(|dir| dir.join("PinDesk"))
        .ok_or_else(|| CoreError::Config("no per-user data folder on this system".to_owned()))
}

#[cfg(test)]
mod file_tests;
#[cfg(test)]
mod tests;
