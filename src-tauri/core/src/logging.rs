//! PinDesk's own log: JSON lines in `logs/` in the data folder, rotated by size so it never grows
//! without bound, at a level the settings can raise. Only PinDesk's crates log above `warn`, so a
//! library's debug output (which may echo requests) never lands in the file. Nothing PinDesk logs
//! carries a token or a passcode; the end-to-end run checks the files for both.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{Registry, reload};

mod rotating;

pub use rotating::{KEEP_FILES, LOG_FILE, MAX_FILE_BYTES, RotatingFile, recent_lines};

pub const LOG_DIR: &str = "logs";
/// Overrides the level from the settings: `warn`, `info`, `debug`, or directives such as
/// `warn,pindesk_core=debug` (a level, then a level per crate or module).
pub const ENV_LOG: &str = "PINDESK_LOG";

/// How much the log records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum LogLevel {
    /// Problems only.
    #[default]
    Warn,
    /// Also what the app did (sign-ins, resets sent, pages read).
    Info,
    /// Everything PinDesk can say, for support.
    Debug,
}

impl LogLevel {
    pub fn parse(text: &str) -> Option<LogLevel> {
        match text.trim().to_ascii_lowercase().as_str() {
            "warn" | "warning" => Some(LogLevel::Warn),
            "info" => Some(LogLevel::Info),
            "debug" => Some(LogLevel::Debug),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            LogLevel::Warn => "warn",
            LogLevel::Info => "info",
            LogLevel::Debug => "debug",
        }
    }

    /// Raises PinDesk's own crates only; every other crate stays at `warn`.
    pub fn filter(self) -> String {
        let level = self.name();
        format!("warn,pindesk={level},pindesk_shell={level},pindesk_core={level}")
    }
}

/// The filter for this run: the environment's, else the settings' level.
pub fn filter_for(env: Option<&str>, settings: Option<LogLevel>) -> String {
    match env.map(str::trim).filter(|v| !v.is_empty()) {
        Some(text) => LogLevel::parse(text).map_or_else(|| text.to_owned(), LogLevel::filter),
        None => settings.unwrap_or_default().filter(),
    }
}

/// `warn,pindesk_core=debug`-style directives: a level, and a level per crate or module.
fn targets(directives: &str) -> Option<Targets> {
    directives.parse().ok()
}

fn targets_of(level: LogLevel) -> Targets {
    targets(&level.filter()).unwrap_or_default()
}

/// The running log: where its files are, and a handle to change its level without a restart.
#[derive(Debug, Clone)]
pub struct Logging {
    dir: PathBuf,
    filter: Option<reload::Handle<Targets, Registry>>,
    env_set: bool,
}

impl Logging {
    /// Starts logging to stderr and to `logs/` in `data_dir`. A second call (tests) leaves the
    /// first subscriber in place and only reports where the files are.
    pub fn start(data_dir: &Path, env: Option<&str>, settings: Option<LogLevel>) -> Logging {
        let dir = data_dir.join(LOG_DIR);
        let filter =
            targets(&filter_for(env, settings)).unwrap_or_else(|| targets_of(LogLevel::Warn));
        let (filter, handle) = reload::Layer::new(filter);
        let file = RotatingFile::new(&dir, MAX_FILE_BYTES, KEEP_FILES);
        let started = tracing_subscriber::registry()
            .with(filter)
            .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .with_ansi(false)
                    .with_writer(file),
            )
            .try_init()
            .is_ok();
        Logging {
            dir,
            filter: started.then_some(handle),
            env_set: env.is_some_and(|v| !v.trim().is_empty()),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Applies a level chosen in the settings at once; the environment variable, when set,
    /// still wins, as it does at start.
    pub fn set_level(&self, level: LogLevel) {
        if self.env_set {
            return;
        }
        if let Some(handle) = &self.filter {
            let _ = handle.reload(targets_of(level));
        }
    }

    /// The last `count` lines of the log, oldest first, for "Copy diagnostics".
    pub fn recent(&self, count: usize) -> Vec<String> {
        recent_lines(&self.dir, count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_raises_only_pindesks_own_crates() {
        let filter = LogLevel::Debug.filter();
        assert!(filter.starts_with("warn,"));
        assert!(filter.contains("pindesk_core=debug"));
        assert!(!filter.contains("reqwest"));
    }

    #[test]
    fn the_environment_wins_over_the_settings_and_may_be_a_full_directive() {
        assert_eq!(filter_for(None, None), LogLevel::Warn.filter());
        assert_eq!(
            filter_for(None, Some(LogLevel::Info)),
            LogLevel::Info.filter()
        );
        assert_eq!(
            filter_for(Some("debug"), Some(LogLevel::Info)),
            LogLevel::Debug.filter()
        );
        assert_eq!(filter_for(Some("hyper=trace"), None), "hyper=trace");
        assert_eq!(filter_for(Some("  "), None), LogLevel::Warn.filter());
    }

    #[test]
    fn a_directive_raises_the_crates_it_names_and_no_other() {
        use tracing::Level;
        let debug = targets_of(LogLevel::Debug);
        assert!(debug.would_enable("pindesk_core::reset", &Level::DEBUG));
        assert!(!debug.would_enable("hyper::proto", &Level::INFO));
        assert!(debug.would_enable("hyper::proto", &Level::WARN));
        let custom = targets("warn,hyper=trace").unwrap();
        assert!(custom.would_enable("hyper::client", &Level::TRACE));
        assert!(!custom.would_enable("pindesk_core", &Level::INFO));
        assert!(
            targets("pindesk_core=loud").is_none(),
            "a wrong directive is refused"
        );
    }

    #[test]
    fn levels_read_as_people_write_them() {
        assert_eq!(LogLevel::parse(" Info "), Some(LogLevel::Info));
        assert_eq!(LogLevel::parse("WARNING"), Some(LogLevel::Warn));
        assert_eq!(LogLevel::parse("loud"), None);
    }
}
