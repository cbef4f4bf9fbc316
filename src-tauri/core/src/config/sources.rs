//! The files configuration comes from: one an administrator deploys for every person on the
//! machine, one holding the person's own choices. Both use the same JSON shape.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::logging::LogLevel;

/// The person's own settings, in the data folder.
pub const USER_SETTINGS_FILE: &str = "settings.json";

/// One layer of settings. Absent values fall through to the layer below.
///
/// ```json
/// { "tenant": "contoso.onmicrosoft.com", "clientId": "…", "authorityHost": "https://login.microsoftonline.us", "graphUrl": "https://graph.microsoft.us" }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority_host: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph_url: Option<String>,
    /// The window's language (`en`, `de`); absent means the system's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How much PinDesk writes to its log (`warn`, `info`, `debug`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_level: Option<LogLevel>,
}

impl Settings {
    /// Writes through a temporary file and a rename, so a crash never leaves half a file.
    pub fn write(&self, path: &Path) -> Result<(), CoreError> {
        let json = serde_json::to_vec_pretty(&self.clone().trimmed())
            .map_err(|e| CoreError::Internal(format!("settings: {e}")))?;
        write_atomically(path, &json)
    }

    fn trimmed(self) -> Settings {
        let clean = |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        Settings {
            tenant: clean(self.tenant),
            client_id: clean(self.client_id),
            authority_host: clean(self.authority_host),
            graph_url: clean(self.graph_url),
            language: clean(self.language).filter(|l| check_language(l).is_ok()),
            log_level: self.log_level,
        }
    }
}

pub(crate) use crate::files::write_atomically;

/// Where an administrator deploys PinDesk's configuration for everyone on the machine:
/// - Windows: `%ProgramData%\PinDesk\config.json`
/// - macOS: `/Library/Application Support/PinDesk/config.json`
/// - Linux and others: `/etc/pindesk/config.json`
pub fn admin_config_path(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    if cfg!(target_os = "windows") {
        let base = env("ProgramData").unwrap_or_else(|| r"C:\ProgramData".to_owned());
        PathBuf::from(base).join("PinDesk").join("config.json")
    } else if cfg!(target_os = "macos") {
        PathBuf::from("/Library/Application Support/PinDesk/config.json")
    } else {
        PathBuf::from("/etc/pindesk/config.json")
    }
}

/// Accepts a tenant ID, a verified domain, `organizations` or `common`: letters, digits, dots and
/// hyphens, which also keeps it from changing the authority's path.
pub(crate) fn check_tenant(tenant: &str) -> Result<(), CoreError> {
    let ok = !tenant.is_empty()
        && tenant.len() <= 253
        && !tenant.starts_with('.')
        && tenant
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(CoreError::Config(format!(
            "tenant `{tenant}` must be a tenant ID, a domain, or `organizations`"
        )))
    }
}

/// A language tag such as `de` or `en-GB`: letters, digits and hyphens only.
pub(crate) fn check_language(language: &str) -> Result<(), CoreError> {
    let ok = !language.is_empty()
        && language.len() <= 35
        && language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(CoreError::BadRequest(format!(
            "language `{language}` is not a language tag"
        )))
    }
}

pub(crate) fn check_client_id(client_id: &str) -> Result<(), CoreError> {
    let ok = !client_id.is_empty()
        && client_id.len() <= 200
        && client_id
            .chars()
            .all(|c| c.is_ascii_graphic() && c != '&' && c != '#');
    if ok {
        Ok(())
    } else {
        Err(CoreError::Config(format!(
            "client ID `{client_id}` is not valid"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_in_camel_case_without_empty_values() {
        let dir = std::env::temp_dir().join(format!("pindesk-roundtrip-{}", std::process::id()));
        let path = dir.join(USER_SETTINGS_FILE);
        let settings = Settings {
            tenant: Some(" contoso.example ".into()),
            client_id: Some(String::new()),
            ..Settings::default()
        };
        settings.write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"tenant\": \"contoso.example\"") && !text.contains("clientId"));
        let back = super::super::layers::usable_user_settings(&path);
        assert_eq!(back.tenant.as_deref(), Some("contoso.example"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn tenants_that_would_change_the_authority_path_are_refused() {
        for good in [
            "organizations",
            "contoso.onmicrosoft.com",
            "0e2f4a3c-1111-2222-3333-444455556666",
        ] {
            check_tenant(good).unwrap();
        }
        for bad in ["", "a/b", "x?y", "..", "a b"] {
            assert!(check_tenant(bad).is_err(), "{bad}");
        }
    }
}
