#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions may panic freely
//! The window may call PinDesk's own commands and nothing else: Tauri's access control, fed by
//! `build.rs` and `capabilities/`, refuses every other command before it runs.

use std::sync::Arc;

use pindesk_core::config::Config;
use pindesk_core::keychain::MemoryStore;
use pindesk_shell::{Desk, with_commands};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

fn app() -> App<MockRuntime> {
    let config =
        Config::load(|name| (name == "PINDESK_DATA_DIR").then(|| "/tmp/pindesk".into())).unwrap();
    with_commands(mock_builder())
        .manage(Desk::with_store(config, Arc::new(MemoryStore::default())).unwrap())
        .build(tauri::generate_context!("tauri.conf.json", test = true))
        .unwrap()
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, WebviewUrl::default())
        .build()
        .unwrap()
}

fn invoke(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize().unwrap())
}

#[test]
fn main_window_may_ask_for_the_app_version() {
    let app = app();
    let main = window(&app, "main");
    let info = invoke(&main, "app_info", serde_json::json!({})).unwrap();
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["demo"], false);
}

#[test]
fn main_window_is_refused_a_command_its_capability_does_not_grant() {
    let app = app();
    let main = window(&app, "main");
    let error = invoke(&main, "plugin:window|close", serde_json::json!({})).unwrap_err();
    assert!(
        error.to_string().contains("not allowed"),
        "unexpected answer: {error}"
    );
}

#[test]
fn another_window_is_refused_even_pindesk_commands() {
    let app = app();
    let other = window(&app, "intruder");
    let error = invoke(&other, "app_info", serde_json::json!({})).unwrap_err();
    assert!(
        error.to_string().contains("not allowed"),
        "unexpected answer: {error}"
    );
}

#[test]
fn malformed_arguments_are_answered_with_an_error_not_a_crash() {
    let app = app();
    let main = window(&app, "main");
    let error = invoke(&main, "sign_in", serde_json::json!({ "task": 42 })).unwrap_err();
    assert!(
        error.to_string().contains("task"),
        "unexpected answer: {error}"
    );
    // The app still answers afterwards.
    assert!(invoke(&main, "app_info", serde_json::json!({})).is_ok());
}

#[test]
fn the_audit_log_is_readable_from_the_main_window_and_refused_elsewhere() {
    let app = app();
    let main = window(&app, "main");
    assert!(
        invoke(&main, "audit_log", serde_json::json!({}))
            .unwrap()
            .is_array()
    );
    let other = window(&app, "other");
    assert!(invoke(&other, "export_audit_log", serde_json::json!({})).is_err());
}

#[test]
fn a_reset_without_a_signed_in_person_is_refused_plainly() {
    let app = app();
    let main = window(&app, "main");
    let error = invoke(
        &main,
        "start_reset",
        serde_json::json!({ "deviceId": "d-1", "ticket": "INC-1", "deviceName": "O'Brien's \"phone\"" }),
    )
    .unwrap_err();
    assert_eq!(error["kind"], "notSignedIn", "unexpected answer: {error}");
    let error = invoke(
        &main,
        "more_devices",
        serde_json::json!({ "query": "NW", "more": 7 }),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("more"),
        "unexpected answer: {error}"
    );
}

#[test]
fn the_language_may_be_set_from_the_main_window_only_and_must_be_a_language_tag() {
    let app = app();
    let main = window(&app, "main");
    // Granted: the command runs and refuses a value that is no language tag (nothing is written).
    let error = invoke(
        &main,
        "set_language",
        serde_json::json!({ "language": "de/../x" }),
    )
    .unwrap_err();
    assert_eq!(error["kind"], "badRequest", "unexpected answer: {error}");
    let other = window(&app, "other");
    let refused = invoke(
        &other,
        "set_language",
        serde_json::json!({ "language": "de" }),
    );
    assert!(
        refused.unwrap_err().to_string().contains("not allowed"),
        "another window may not change the language"
    );
}

#[test]
fn main_window_may_call_every_setup_command_and_gets_a_plain_answer() {
    let app = app();
    let main = window(&app, "main");
    let links = invoke(&main, "consent_links", serde_json::json!({})).unwrap();
    assert_eq!(links["links"].as_array().unwrap().len(), 2);
    let calls = [
        ("setup_overview", serde_json::json!({})),
        ("consent_status", serde_json::json!({})),
        ("signin_consent_status", serde_json::json!({})),
        ("open_signin_consent", serde_json::json!({})),
        ("ensure_policy", serde_json::json!({})),
        ("search_groups", serde_json::json!({ "text": "pilot" })),
        (
            "assign_policy",
            serde_json::json!({ "policyId": "p", "target": { "kind": "allDevices" }, "shown": [] }),
        ),
        ("deployment_status", serde_json::json!({ "policyId": "p" })),
    ];
    for (command, args) in calls {
        // Granted, so the command runs and says nobody is signed in (not "not allowed").
        let error = invoke(&main, command, args).unwrap_err();
        assert_eq!(error["kind"], "notSignedIn", "{command}: {error}");
    }
}

#[test]
fn another_window_is_refused_the_setup_commands() {
    let app = app();
    let other = window(&app, "intruder");
    for command in [
        "setup_overview",
        "ensure_policy",
        "assign_policy",
        "open_consent_pages",
        "open_signin_consent",
    ] {
        let error = invoke(&other, command, serde_json::json!({})).unwrap_err();
        assert!(
            error.to_string().contains("not allowed"),
            "{command}: {error}"
        );
    }
}
