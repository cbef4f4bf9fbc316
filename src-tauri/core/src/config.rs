//! Where PinDesk signs in and which Graph it talks to. Sources, later wins: built-in defaults, an
//! administrator-deployed file, the person's own settings, then environment variables (for tests
//! and scripted runs).

use std::path::PathBuf;

use url::Url;

use crate::error::CoreError;

/// The Microsoft Graph Command Line Tools public client: it already carries Graph delegated
/// permissions and an `http://localhost` redirect in every tenant.
pub const DEFAULT_CLIENT_ID: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
pub const DEFAULT_AUTHORITY: &str = "https://login.microsoftonline.com/organizations/v2.0";
pub const DEFAULT_GRAPH_URL: &str = "https://graph.microsoft.com";

pub const ENV_AUTHORITY: &str = "PINDESK_AUTHORITY";
pub const ENV_CLIENT_ID: &str = "PINDESK_CLIENT_ID";
pub const ENV_GRAPH_URL: &str = "PINDESK_GRAPH_URL";
pub const ENV_BROWSER: &str = "PINDESK_BROWSER";
pub const ENV_DATA_DIR: &str = "PINDESK_DATA_DIR";

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
}

impl Config {
    /// Reads the configuration for this run; `env` is the process environment in the app and a
    /// map in tests.
    pub fn load(env: impl Fn(&str) -> Option<String>) -> Result<Config, CoreError> {
        let var = |name: &str| env(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let authority = parse_url(ENV_AUTHORITY, var(ENV_AUTHORITY), DEFAULT_AUTHORITY)?;
        let graph_url = parse_url(ENV_GRAPH_URL, var(ENV_GRAPH_URL), DEFAULT_GRAPH_URL)?;
        let client_id = var(ENV_CLIENT_ID).unwrap_or_else(|| DEFAULT_CLIENT_ID.to_owned());
        let data_dir = match var(ENV_DATA_DIR) {
            Some(dir) => PathBuf::from(dir),
            None => default_data_dir()?,
        };
        Ok(Config { authority, client_id, graph_url, browser: var(ENV_BROWSER), data_dir })
    }

    /// Points the app at a tenant served on this machine, keeping everything else.
    pub fn with_local_tenant(&self, issuer: Url, graph_url: Url) -> Config {
        Config { authority: issuer, graph_url, ..self.clone() }
    }
}

fn parse_url(name: &str, value: Option<String>, default: &str) -> Result<Url, CoreError> {
    let text = value.as_deref().unwrap_or(default);
    let url = Url::parse(text).map_err(|e| CoreError::Config(format!("{name} `{text}`: {e}")))?;
    let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
        return Err(CoreError::Config(format!(
            "{name} `{text}` must use https (plain http only on this machine)"
        )));
    }
    Ok(url)
}

fn default_data_dir() -> Result<PathBuf, CoreError> {
    dirs::data_dir()
        .map(|dir| dir.join("PinDesk"))
        .ok_or_else(|| CoreError::Config("no per-user data folder on this system".to_owned()))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn load(pairs: &[(&str, &str)]) -> Result<Config, CoreError> {
        let map: HashMap<String, String> =
            pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Config::load(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_point_at_entra_and_graph_with_the_command_line_tools_client() {
        let config = load(&[(ENV_DATA_DIR, "/tmp/pd")]).unwrap();
        assert_eq!(config.authority.as_str(), DEFAULT_AUTHORITY);
        assert_eq!(config.graph_url.as_str(), "https://graph.microsoft.com/");
        assert_eq!(config.client_id, DEFAULT_CLIENT_ID);
        assert_eq!(config.browser, None);
    }

    #[test]
    fn environment_variables_override_the_defaults() {
        let config = load(&[
            (ENV_AUTHORITY, "http://127.0.0.1:4000/t/v2.0"),
            (ENV_GRAPH_URL, "http://127.0.0.1:4000"),
            (ENV_CLIENT_ID, "abc"),
            (ENV_BROWSER, "true"),
            (ENV_DATA_DIR, "/tmp/pd"),
        ])
        .unwrap();
        assert_eq!(config.authority.as_str(), "http://127.0.0.1:4000/t/v2.0");
        assert_eq!(config.client_id, "abc");
        assert_eq!(config.browser.as_deref(), Some("true"));
        assert_eq!(config.data_dir, PathBuf::from("/tmp/pd"));
    }

    #[test]
    fn plain_http_is_refused_outside_this_machine() {
        let error = load(&[(ENV_AUTHORITY, "http://login.example.com/t/v2.0")]).unwrap_err();
        assert!(matches!(error, CoreError::Config(m) if m.contains("https")));
    }
}
