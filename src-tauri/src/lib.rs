//! The desktop shell: builds the Tauri app, registers the commands and starts the demo tenant when
//! asked. Behaviour lives in `pindesk-core`; this crate only wires it to the window.

mod commands;
mod reset_commands;
mod setup_commands;
mod state;

use tauri::{Manager, Runtime};

pub use state::AppState;

/// Registers PinDesk's commands on a builder; shared by the app and the access-control tests.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_info,
        commands::use_demo_tenant,
        commands::list_accounts,
        commands::restore_session,
        commands::sign_in,
        commands::cancel_sign_in,
        commands::use_account,
        commands::sign_out,
        commands::settings,
        commands::save_settings,
        reset_commands::search_devices,
        reset_commands::start_reset,
        reset_commands::reset_status,
        reset_commands::copy_passcode,
        reset_commands::open_admin_center,
        setup_commands::setup_overview,
        setup_commands::consent_links,
        setup_commands::open_consent_pages,
        setup_commands::consent_status,
        setup_commands::ensure_policy,
        setup_commands::search_groups,
        setup_commands::assign_policy,
        setup_commands::deployment_status,
    ])
}

/// Starts the app; `--demo` points it at the built-in demo tenant.
pub fn run() {
    init_logging();
    let config = match pindesk_core::config::Config::load(|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(error) => {
            // No window can be trusted with a broken configuration; say what to fix and stop.
            eprintln!("PinDesk cannot start: {error}");
            std::process::exit(2);
        }
    };
    let demo = std::env::args().skip(1).any(|arg| arg == "--demo");
    let state = match AppState::new(config) {
        Ok(state) => state,
        Err(error) => {
            eprintln!("PinDesk cannot start: {}", error.message);
            std::process::exit(2);
        }
    };

    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            // A second start brings the running window forward instead of opening another one.
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .manage(state)
        .setup(move |app| {
            if demo {
                let state = app.state::<AppState>();
                tauri::async_runtime::block_on(state.use_demo_tenant())
                    .map_err(|error| format!("the demo tenant could not start: {error:?}"))?;
            }
            Ok(())
        });
    if let Err(error) = with_commands(builder).run(tauri::generate_context!()) {
        eprintln!("PinDesk stopped unexpectedly: {error}");
        std::process::exit(1);
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("PINDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
