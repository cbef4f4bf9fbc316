//! The settings files as an administrator or a person may leave them: damaged, misspelt, locked.

use std::collections::HashMap;
use std::fs;

use super::*;

struct Files {
    dir: PathBuf,
}

impl Files {
    fn new(name: &str) -> Files {
        let dir = std::env::temp_dir().join(format!("pindesk-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Files { dir }
    }

    fn admin(&self, text: &str) -> &Files {
        fs::write(self.dir.join("admin.json"), text).unwrap();
        self
    }

    fn user(&self, text: &str) -> &Files {
        fs::write(self.dir.join(USER_SETTINGS_FILE), text).unwrap();
        self
    }

    fn load(&self, extra: &[(&str, &str)]) -> Config {
        let mut env: HashMap<String, String> = extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        env.insert(ENV_DATA_DIR.into(), self.dir.display().to_string());
        env.insert(
            ENV_ADMIN_CONFIG.into(),
            self.dir.join("admin.json").display().to_string(),
        );
        Config::load(|name| env.get(name).cloned()).unwrap()
    }
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn a_damaged_administrator_file_is_reported_and_the_persons_settings_still_apply() {
    let files = Files::new("damaged-admin");
    files
        .admin(r#"{"tenant": "#)
        .user(r#"{"tenant": "mine.example"}"#);
    let config = files.load(&[]);
    assert_eq!(config.tenant, "mine.example");
    assert_eq!(config.problems.len(), 1, "{:?}", config.problems);
    let problem = &config.problems[0];
    assert_eq!(problem.file, ConfigFile::Administrator);
    assert_eq!(problem.kind, ProblemKind::Damaged);
    assert!(problem.path.ends_with("admin.json"));
    assert!(problem.detail.contains("EOF"), "{}", problem.detail);
}

#[test]
fn a_damaged_settings_file_is_reported_and_the_administrators_values_still_apply() {
    let files = Files::new("damaged-user");
    files
        .admin(r#"{"clientId": "org-client"}"#)
        .user("\u{0}\u{0}garbage");
    let config = files.load(&[]);
    assert_eq!(config.client_id, "org-client");
    assert_eq!(
        config
            .problems
            .iter()
            .map(|p| (p.file, p.kind))
            .collect::<Vec<_>>(),
        [(ConfigFile::Settings, ProblemKind::Damaged)]
    );
}

#[test]
fn saving_over_a_damaged_settings_file_replaces_it() {
    let files = Files::new("save-over");
    files.user("{ not json");
    save_language(&files.dir, Some("de")).unwrap();
    let config = files.load(&[]);
    assert_eq!(config.language.as_deref(), Some("de"));
    assert!(config.problems.is_empty(), "{:?}", config.problems);
}

#[cfg(unix)]
#[test]
fn an_unreadable_administrator_file_is_reported_as_unreadable() {
    let files = Files::new("unreadable");
    // A folder where the file should be cannot be read as a file, even by root.
    fs::create_dir_all(files.dir.join("admin.json")).unwrap();
    let config = files.load(&[]);
    assert_eq!(config.problems[0].kind, ProblemKind::Unreadable);
    assert_eq!(config.client_id, DEFAULT_CLIENT_ID);
}

#[test]
fn an_unknown_key_is_reported_with_the_key_it_probably_meant() {
    let files = Files::new("unknown");
    files
        .admin(r#"{"graphURL": "https://graph.microsoft.us", "tenant": "org.example"}"#)
        .user(r#"{"colour": "blue"}"#);
    let config = files.load(&[]);
    assert_eq!(config.tenant, "org.example");
    assert_eq!(config.graph_url.as_str(), "https://graph.microsoft.com/");
    let found: Vec<_> = config
        .problems
        .iter()
        .map(|p| (p.file, p.kind, p.key.as_deref(), p.suggestion.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (
                ConfigFile::Administrator,
                ProblemKind::UnknownKey,
                Some("graphURL"),
                Some("graphUrl")
            ),
            (
                ConfigFile::Settings,
                ProblemKind::UnknownKey,
                Some("colour"),
                None
            ),
        ]
    );
}

#[test]
fn a_bad_value_is_left_out_and_reported_while_the_rest_of_the_file_applies() {
    let files = Files::new("bad-value");
    files.admin(
        r#"{"tenant": "a/b", "clientId": "org-client", "graphUrl": "http://graph.example"}"#,
    );
    let config = files.load(&[]);
    assert_eq!(config.client_id, "org-client");
    assert_eq!(config.tenant, DEFAULT_TENANT);
    assert_eq!(config.graph_url.as_str(), "https://graph.microsoft.com/");
    let keys: Vec<_> = config
        .problems
        .iter()
        .map(|p| (p.kind, p.key.as_deref()))
        .collect();
    assert!(keys.contains(&(ProblemKind::BadValue, Some("tenant"))));
    assert!(keys.contains(&(ProblemKind::BadValue, Some("graphUrl"))));
}

#[test]
fn a_locked_sign_in_setting_wins_over_the_persons_settings_and_the_environment() {
    let files = Files::new("locked");
    files
        .admin(r#"{"lockSignIn": true, "tenant": "org.example", "clientId": "org-client"}"#)
        .user(
            r#"{"tenant": "mine.example", "authorityHost": "https://login.example.net",
                "graphUrl": "https://graph.example.net", "language": "de"}"#,
        );
    let config = files.load(&[
        (ENV_CLIENT_ID, "env-client"),
        (ENV_AUTHORITY, "https://login.example.org/x/v2.0"),
    ]);
    assert!(config.sign_in_locked);
    assert_eq!(config.tenant, "org.example");
    assert_eq!(config.client_id, "org-client");
    assert_eq!(
        config.authority_host.as_str(),
        DEFAULT_AUTHORITY_HOST.to_owned() + "/"
    );
    assert_eq!(config.graph_url.as_str(), "https://graph.microsoft.com/");
    assert_eq!(
        config.authority.as_str(),
        "https://login.microsoftonline.com/org.example/v2.0"
    );
    assert_eq!(config.origins.client_id, Origin::Administrator);
    assert_eq!(config.origins.graph_url, Origin::Default);
    // Only the sign-in settings are locked: the person's language still applies.
    assert_eq!(config.language.as_deref(), Some("de"));
    let view = serde_json::to_value(config.view()).unwrap();
    assert_eq!(view["clientId"]["locked"], true);
    assert_eq!(view["clientId"]["origin"], "administrator");
}

#[test]
fn without_a_lock_the_persons_settings_win_and_nothing_is_locked() {
    let files = Files::new("unlocked");
    files
        .admin(r#"{"lockSignIn": false, "tenant": "org.example"}"#)
        .user(r#"{"tenant": "mine.example", "lockSignIn": true}"#);
    let config = files.load(&[]);
    assert!(!config.sign_in_locked);
    assert_eq!(config.tenant, "mine.example");
    // Only the administrator may lock: the key in the person's own file is reported.
    assert_eq!(config.problems[0].key.as_deref(), Some("lockSignIn"));
    assert_eq!(config.problems[0].kind, ProblemKind::UnknownKey);
}

#[test]
fn the_administrator_can_require_a_ticket_and_the_caller_check_and_nobody_else_can() {
    let files = Files::new("reset-rules");
    files
        .admin(r#"{"requireTicket": true, "requireCallerCheck": true}"#)
        .user(r#"{"requireTicket": false}"#);
    let config = files.load(&[]);
    assert!(config.reset_rules.require_ticket);
    assert!(config.reset_rules.require_caller_check);
    assert_eq!(config.problems[0].key.as_deref(), Some("requireTicket"));
    assert_eq!(config.problems[0].kind, ProblemKind::UnknownKey);

    let files = Files::new("reset-rules-bad");
    files.admin(r#"{"requireTicket": "yes"}"#);
    let config = files.load(&[]);
    assert!(
        !config.reset_rules.require_ticket,
        "a value it cannot use is left out"
    );
    assert_eq!(config.problems[0].kind, ProblemKind::BadValue);
}
