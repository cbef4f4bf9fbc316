#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic with its reason
//! The window's side of the contract is generated from the Rust side and checked in; this test
//! fails when it is stale. `PINDESK_WRITE_GENERATED=1 cargo test -p pindesk --test contract`
//! writes it again.

use std::path::PathBuf;

use pindesk_shell::COMMAND_NAMES;

fn generated(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/src/lib/generated")
        .join(name)
}

fn commands_ts() -> String {
    let names: Vec<String> = COMMAND_NAMES.iter().map(|n| format!("  '{n}',")).collect();
    format!(
        "// Written by `cargo test -p pindesk --test contract` from src-tauri/src/command_list.rs; \
         do not edit.\n\nexport const COMMANDS = [\n{}\n] as const;\n\nexport type Command = \
         (typeof COMMANDS)[number];\n",
        names.join("\n")
    )
}

/// Compares `file` with what the Rust side says it should be, or writes it when asked to.
fn check(file: &str, wanted: &str) {
    let path = generated(file);
    if std::env::var_os("PINDESK_WRITE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("folder");
        std::fs::write(&path, wanted).expect("written");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == wanted,
        "{} is stale: run `PINDESK_WRITE_GENERATED=1 cargo test -p pindesk --test contract` and \
         commit the result",
        path.display()
    );
}

#[test]
fn the_window_command_list_is_the_one_rust_registers() {
    check("commands.ts", &commands_ts());
}

#[test]
fn the_window_types_are_the_ones_rust_sends_and_takes() {
    let types = pindesk_shell::contract::typescript()
        .unwrap_or_else(|names| panic!("two Rust types are called {names:?} in TypeScript"));
    check("types.ts", &types);
}

#[test]
fn the_window_key_lists_are_the_ones_rust_sends() {
    check("keys.ts", &pindesk_shell::contract::keys_typescript());
}

#[test]
fn the_main_window_is_granted_exactly_the_registered_commands() {
    let capability = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("capabilities/main-window.json"),
    )
    .expect("the capability file");
    let json: serde_json::Value = serde_json::from_str(&capability).expect("JSON");
    let granted: Vec<String> = json["permissions"]
        .as_array()
        .expect("a permission list")
        .iter()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect();
    let wanted: Vec<String> = COMMAND_NAMES
        .iter()
        .map(|n| format!("allow-{}", n.replace('_', "-")))
        .collect();
    assert_eq!(granted, wanted);
}
