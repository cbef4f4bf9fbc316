//! "Copy diagnostics": what support needs to help, ready to paste into a ticket. Versions, the
//! system, the configuration in use (none of it secret), and the recent log lines (which never
//! hold a secret either). The window adds the errors it showed, with their request ids.

use serde::Serialize;

use crate::config::SettingsView;

/// How many log lines go into a report.
pub const LOG_LINES: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostics {
    pub text: String,
}

#[derive(Debug)]
pub struct Facts<'a> {
    pub app_version: &'a str,
    pub tauri_version: &'a str,
    pub demo: bool,
    pub signed_in_tenant: Option<&'a str>,
    pub settings: &'a SettingsView,
    pub log_lines: &'a [String],
}

pub fn report(facts: &Facts<'_>) -> Diagnostics {
    let s = facts.settings;
    let mut lines = vec![
        "PinDesk diagnostics".to_owned(),
        format!("PinDesk version: {}", facts.app_version),
        format!("Tauri version: {}", facts.tauri_version),
        format!(
            "System: {} {} ({})",
            std::env::consts::OS,
            std::env::consts::ARCH,
            std::env::consts::FAMILY
        ),
        format!("Demo tenant: {}", if facts.demo { "yes" } else { "no" }),
        format!(
            "Signed-in tenant: {}",
            facts.signed_in_tenant.unwrap_or("nobody signed in")
        ),
        String::new(),
        "Configuration (value, and where it came from):".to_owned(),
    ];
    for (name, value) in [
        ("tenant", &s.tenant),
        ("client ID", &s.client_id),
        ("authority host", &s.authority_host),
        ("authority", &s.authority),
        ("Graph URL", &s.graph_url),
    ] {
        let locked = if value.locked {
            ", locked by the administrator's file"
        } else {
            ""
        };
        lines.push(format!(
            "  {name}: {} ({:?}{locked})",
            value.value, value.origin
        ));
    }
    lines.push(format!("  log level: {:?}", s.log_level));
    lines.push(format!("  data folder: {}", s.data_dir));
    lines.push(format!("  administrator file: {}", s.admin_config_path));
    lines.push(String::new());
    lines.push(format!(
        "Recent log lines ({} of at most {LOG_LINES}):",
        facts.log_lines.len()
    ));
    lines.extend(facts.log_lines.iter().cloned());
    Diagnostics {
        text: lines.join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_report_names_versions_configuration_and_log_lines() {
        let config = Config::load(|name| {
            (name == "PINDESK_DATA_DIR").then(|| "/tmp/pindesk-diag".to_owned())
        })
        .unwrap();
        let settings = config.view();
        let log = vec!["{\"level\":\"WARN\",\"message\":\"slow\"}".to_owned()];
        let report = report(&Facts {
            app_version: "1.2.3",
            tauri_version: "2.9.0",
            demo: true,
            signed_in_tenant: Some("Northwind Demo"),
            settings: &settings,
            log_lines: &log,
        });
        for expected in [
            "PinDesk version: 1.2.3",
            "Tauri version: 2.9.0",
            "Demo tenant: yes",
            "Northwind Demo",
            "client ID: 14d82eec-204b-4c2f-b7e8-296a70dab67e (Default)",
            "data folder: /tmp/pindesk-diag",
            "\"message\":\"slow\"",
        ] {
            assert!(report.text.contains(expected), "missing {expected}");
        }
    }
}
