use std::collections::HashMap;
use std::fs;

use super::*;

/// Loads with only `pairs` as the environment; the administrator file is one that does not
/// exist unless a test names one, so the machine's own files never leak in.
fn load(pairs: &[(&str, &str)]) -> Result<Config, CoreError> {
    let mut map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    map.entry(ENV_ADMIN_CONFIG.to_owned())
        .or_insert_with(|| "/nonexistent/pindesk/config.json".to_owned());
    Config::load(|name| map.get(name).cloned())
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pindesk-config-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn defaults_point_at_entra_and_graph_with_the_command_line_tools_client() {
    let config = load(&[(ENV_DATA_DIR, "/tmp/pd")]).unwrap();
    assert_eq!(config.authority.as_str(), DEFAULT_AUTHORITY);
    assert_eq!(config.graph_url.as_str(), "https://graph.microsoft.com/");
    assert_eq!(config.client_id, DEFAULT_CLIENT_ID);
    assert_eq!(config.browser, None);
    assert_eq!(config.tenant, "organizations");
    assert_eq!(config.origins.client_id, Origin::Default);
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
    assert_eq!(config.origins.authority, Origin::Environment);
}

#[test]
fn plain_http_is_refused_outside_this_machine() {
    let error = load(&[(ENV_AUTHORITY, "http://login.example.com/t/v2.0")]).unwrap_err();
    assert!(matches!(error, CoreError::Config(m) if m.contains("https")));
}

#[test]
fn tenant_and_authority_host_make_the_authority_for_a_sovereign_cloud() {
    let config = load(&[
        (ENV_DATA_DIR, "/tmp/pd"),
        (ENV_TENANT, "contoso.onmicrosoft.us"),
        (ENV_AUTHORITY_HOST, "https://login.microsoftonline.us/"),
        (ENV_GRAPH_URL, "https://graph.microsoft.us"),
    ])
    .unwrap();
    assert_eq!(
        config.authority.as_str(),
        "https://login.microsoftonline.us/contoso.onmicrosoft.us/v2.0"
    );
    assert_eq!(config.graph_url.as_str(), "https://graph.microsoft.us/");
}

#[test]
fn later_sources_win_default_then_administrator_then_person_then_environment() {
    let dir = temp_dir("layers");
    let admin = dir.join("admin.json");
    fs::write(&admin, r#"{"tenant":"admin.example","clientId":"admin-client","graphUrl":"https://graph.microsoft.us"}"#)
        .unwrap();
    save_user_settings(
        &dir,
        &Settings {
            client_id: Some("my-client".into()),
            ..Settings::default()
        },
    )
    .unwrap();
    let data_dir = dir.to_str().unwrap();
    let admin_path = admin.to_str().unwrap();

    let config = load(&[(ENV_DATA_DIR, data_dir), (ENV_ADMIN_CONFIG, admin_path)]).unwrap();
    assert_eq!(
        (config.tenant.as_str(), config.origins.tenant),
        ("admin.example", Origin::Administrator)
    );
    assert_eq!(
        (config.client_id.as_str(), config.origins.client_id),
        ("my-client", Origin::User)
    );
    assert_eq!(config.origins.graph_url, Origin::Administrator);
    assert_eq!(config.origins.authority_host, Origin::Default);
    assert_eq!(
        config.authority.as_str(),
        "https://login.microsoftonline.com/admin.example/v2.0"
    );

    let config = load(&[
        (ENV_DATA_DIR, data_dir),
        (ENV_ADMIN_CONFIG, admin_path),
        (ENV_CLIENT_ID, "env"),
    ])
    .unwrap();
    assert_eq!(
        (config.client_id.as_str(), config.origins.client_id),
        ("env", Origin::Environment)
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn saving_settings_refuses_values_that_would_not_load() {
    let dir = temp_dir("refuse");
    let bad_tenant = Settings {
        tenant: Some("a/b".into()),
        ..Settings::default()
    };
    assert!(save_user_settings(&dir, &bad_tenant).is_err());
    let bad_url = Settings {
        graph_url: Some("http://graph.example".into()),
        ..Settings::default()
    };
    assert!(save_user_settings(&dir, &bad_url).is_err());
    assert!(!dir.join(USER_SETTINGS_FILE).exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_settings_view_shows_each_value_with_its_source_in_camel_case() {
    let config = load(&[(ENV_DATA_DIR, "/tmp/pd"), (ENV_TENANT, "contoso.example")]).unwrap();
    let json = serde_json::to_value(config.view()).unwrap();
    assert_eq!(json["tenant"]["value"], "contoso.example");
    assert_eq!(json["tenant"]["origin"], "environment");
    assert_eq!(json["clientId"]["origin"], "default");
    assert_eq!(json["adminConfigPath"], "/nonexistent/pindesk/config.json");
}

#[test]
fn a_local_tenant_replaces_authority_and_graph_only() {
    let config = load(&[(ENV_DATA_DIR, "/tmp/pd")]).unwrap();
    let local = config.with_local_tenant(
        Url::parse("http://127.0.0.1:9/t/v2.0").unwrap(),
        Url::parse("http://127.0.0.1:9").unwrap(),
    );
    assert_eq!(local.origins.authority, Origin::LocalTenant);
    assert_eq!(local.client_id, config.client_id);
}

#[test]
fn the_language_is_saved_on_its_own_and_kept_when_the_other_settings_are_saved() {
    let dir = temp_dir("language");
    let data_dir = dir.to_str().unwrap();
    assert_eq!(load(&[(ENV_DATA_DIR, data_dir)]).unwrap().language, None);
    save_user_settings(
        &dir,
        &Settings {
            tenant: Some("contoso.example".into()),
            ..Settings::default()
        },
    )
    .unwrap();
    save_language(&dir, Some("de")).unwrap();
    let config = load(&[(ENV_DATA_DIR, data_dir)]).unwrap();
    assert_eq!(config.language.as_deref(), Some("de"));
    assert_eq!(
        config.tenant, "contoso.example",
        "saving the language keeps the rest"
    );
    assert_eq!(
        serde_json::to_value(config.view()).unwrap()["language"],
        "de"
    );

    save_user_settings(&dir, &Settings::default()).unwrap();
    assert_eq!(
        load(&[(ENV_DATA_DIR, data_dir)])
            .unwrap()
            .language
            .as_deref(),
        Some("de"),
        "the settings form names no language and does not drop it"
    );
    assert!(save_language(&dir, Some("de/../x")).is_err());
    save_language(&dir, None).unwrap();
    assert_eq!(load(&[(ENV_DATA_DIR, data_dir)]).unwrap().language, None);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_plain_http_graph_url_with_the_real_authority_is_refused_with_a_clear_message() {
    let error = load(&[
        (ENV_DATA_DIR, "/tmp/pd"),
        (ENV_GRAPH_URL, "http://127.0.0.1:9"),
    ])
    .unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("http://127.0.0.1:9/") && text.contains("only over https"),
        "{text}"
    );
    for authority in [
        "https://login.microsoftonline.com/t/v2.0",
        "https://127.0.0.1:4000/t/v2.0",
    ] {
        assert!(
            load(&[
                (ENV_DATA_DIR, "/tmp/pd"),
                (ENV_AUTHORITY, authority),
                (ENV_GRAPH_URL, "http://localhost:9"),
            ])
            .is_err(),
            "{authority}"
        );
    }
}

#[test]
fn plain_http_graph_is_allowed_when_the_sign_in_service_is_on_this_machine_too() {
    let config = load(&[
        (ENV_DATA_DIR, "/tmp/pd"),
        (ENV_AUTHORITY, "http://127.0.0.1:4000/t/v2.0"),
        (ENV_GRAPH_URL, "http://127.0.0.1:4000"),
    ])
    .unwrap();
    assert_eq!(config.graph_url.scheme(), "http");
}
