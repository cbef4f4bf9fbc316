//! The blank baseline: one window, one page, one command.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The one command: answers with the app's version, as PinDesk's `app_info` does.
#[tauri::command]
fn info() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn main() {
    let app = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![info])
        .run(tauri::generate_context!());
    if let Err(error) = app {
        eprintln!("blank app stopped: {error}");
        std::process::exit(1);
    }
}
