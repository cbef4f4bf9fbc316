//! Reads one settings file key by key, so one bad value or a misspelt key costs only itself:
//! everything usable in the file still applies and each problem is reported.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use serde_json::Value;

use super::problems::{ConfigFile, FileProblem, ProblemKind, suggest};
use super::sources::{Settings, check_client_id, check_language, check_tenant};
use crate::logging::LogLevel;

/// The key with which an administrator's file locks the sign-in settings (tenant, client ID,
/// authority host and Graph URL) at its own values: nobody's own settings override them.
pub const LOCK_SIGN_IN_KEY: &str = "lockSignIn";
/// Administrator-only keys for the helpdesk's confirmation: a ticket number must be typed, and
/// "I verified the caller" must be ticked, before a reset is sent.
pub const REQUIRE_TICKET_KEY: &str = "requireTicket";
pub const REQUIRE_CALLER_CHECK_KEY: &str = "requireCallerCheck";

const KEYS: [&str; 6] = [
    "tenant",
    "clientId",
    "authorityHost",
    "graphUrl",
    "language",
    "logLevel",
];

/// One file's settings and whether it locks the sign-in settings.
#[derive(Debug, Default)]
pub(crate) struct FileLayer {
    pub settings: Settings,
    pub lock_sign_in: bool,
    pub require_ticket: bool,
    pub require_caller_check: bool,
}

/// Reads `path` as the given file. A missing file is an empty layer; an unreadable or damaged
/// one is an empty layer and a problem; a bad value or an unknown key is left out and reported.
pub(crate) fn read_layer(
    path: &Path,
    file: ConfigFile,
    problems: &mut Vec<FileProblem>,
) -> FileLayer {
    let mut report = |kind, key: Option<&str>, suggestion: Option<String>, detail: String| {
        problems.push(FileProblem {
            file,
            path: path.display().to_string(),
            kind,
            key: key.map(str::to_owned),
            suggestion,
            detail,
        });
    };
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound => return FileLayer::default(),
        Err(e) => {
            report(ProblemKind::Unreadable, None, None, e.to_string());
            return FileLayer::default();
        }
    };
    let object = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => {
            let detail = "the file is JSON but not an object `{ ... }`".to_owned();
            report(ProblemKind::Damaged, None, None, detail);
            return FileLayer::default();
        }
        Err(e) => {
            report(ProblemKind::Damaged, None, None, e.to_string());
            return FileLayer::default();
        }
    };
    let mut layer = FileLayer::default();
    for (key, value) in &object {
        match read_value(&mut layer, file, key, value) {
            Ok(true) => {}
            Ok(false) => {
                let known: Vec<&str> = known_keys(file).collect();
                let detail = format!("`{key}` is not a setting PinDesk knows");
                report(
                    ProblemKind::UnknownKey,
                    Some(key),
                    suggest(key, &known),
                    detail,
                );
            }
            Err(detail) => report(ProblemKind::BadValue, Some(key), None, detail),
        }
    }
    layer
}

/// The keys a file may hold; only the administrator's file may lock or set the helpdesk's rules.
fn known_keys(file: ConfigFile) -> impl Iterator<Item = &'static str> {
    let admin = [
        LOCK_SIGN_IN_KEY,
        REQUIRE_TICKET_KEY,
        REQUIRE_CALLER_CHECK_KEY,
    ];
    let admin = (file == ConfigFile::Administrator).then_some(admin);
    KEYS.into_iter().chain(admin.into_iter().flatten())
}

/// Applies one key to the layer: `Ok(false)` for a key PinDesk does not know, `Err` for a value
/// it cannot use.
fn read_value(
    layer: &mut FileLayer,
    file: ConfigFile,
    key: &str,
    value: &Value,
) -> Result<bool, String> {
    let text = |check: fn(&str) -> Result<(), String>| -> Result<Option<String>, String> {
        match value {
            Value::Null => Ok(None),
            Value::String(s) if s.trim().is_empty() => Ok(None),
            Value::String(s) => check(s.trim()).map(|()| Some(s.trim().to_owned())),
            other => Err(format!("`{key}` must be text, not `{other}`")),
        }
    };
    let flag = || {
        value
            .as_bool()
            .ok_or_else(|| format!("`{key}` must be true or false, not `{value}`"))
    };
    let settings = &mut layer.settings;
    match key {
        "tenant" => settings.tenant = text(|v| check_tenant(v).map_err(|e| e.to_string()))?,
        "clientId" => {
            settings.client_id = text(|v| check_client_id(v).map_err(|e| e.to_string()))?;
        }
        "authorityHost" => {
            settings.authority_host = text(|v| super::check_url("authority host", v).map(drop))?;
        }
        "graphUrl" => settings.graph_url = text(|v| super::check_url("Graph URL", v).map(drop))?,
        "language" => {
            settings.language = text(|v| check_language(v).map_err(|e| e.to_string()))?;
        }
        "logLevel" => {
            settings.log_level = match value {
                Value::Null => None,
                other => Some(
                    serde_json::from_value::<LogLevel>(other.clone())
                        .map_err(|_| format!("`{key}` must be `warn`, `info` or `debug`"))?,
                ),
            };
        }
        LOCK_SIGN_IN_KEY if file == ConfigFile::Administrator => layer.lock_sign_in = flag()?,
        REQUIRE_TICKET_KEY if file == ConfigFile::Administrator => layer.require_ticket = flag()?,
        REQUIRE_CALLER_CHECK_KEY if file == ConfigFile::Administrator => {
            layer.require_caller_check = flag()?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The person's own settings as far as they are usable, for saving over them: a damaged file
/// gives way to the new one instead of blocking the save.
pub(crate) fn usable_user_settings(path: &Path) -> Settings {
    read_layer(path, ConfigFile::Settings, &mut Vec::new()).settings
}
