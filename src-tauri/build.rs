//! Grants the app's own commands to the main window: the list is `src/command_list.rs`, the same
//! one `lib.rs` registers, so a command cannot be registered without being granted or granted
//! without existing. Tauri's access control then refuses anything else from the window.

macro_rules! commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("src/command_list.rs");

const CAPABILITY: &str = "capabilities/main-window.json";

/// The main window's capability: each command's `allow-` permission, nothing else.
fn capability() -> String {
    let permissions: Vec<String> = COMMANDS
        .iter()
        .map(|name| format!("    \"allow-{}\"", name.replace('_', "-")))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \
         \"main-window\",\n  \"description\": \"What the main window may call: PinDesk's own \
         commands, nothing broader. Written by build.rs from src/command_list.rs.\",\n  \
         \"windows\": [\"main\"],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}

fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    let wanted = capability();
    // Written only when it differs, so an unchanged list does not make Cargo build again.
    let stale = std::fs::read_to_string(CAPABILITY).ok().as_deref() != Some(wanted.as_str());
    if stale && let Err(error) = std::fs::write(CAPABILITY, &wanted) {
        panic!("could not write {CAPABILITY}: {error}");
    }
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    let attributes = tauri_build::Attributes::new().app_manifest(manifest);
    if let Err(error) = tauri_build::try_build(attributes) {
        // A build script reports failure by panicking; the message names what is wrong.
        panic!("tauri build step failed: {error:#}");
    }
}
