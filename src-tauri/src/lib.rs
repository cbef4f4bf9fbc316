//! The desktop shell: builds the Tauri app, registers the commands and starts the demo tenant when
//! asked. Behaviour lives in `pindesk-core`; this crate only wires it to the window.

mod audit_commands;
mod commands;
pub mod contract;
mod demo_args;
pub mod ipc_error;
mod rendering;
mod reset_commands;
mod setup_commands;
mod windows_commands;

use pindesk_core::logging::{ENV_LOG, Logging};
use tauri::{Manager, RunEvent, Runtime, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt as _, StateFlags};

pub use pindesk_core::desk::Desk;

/// Turns the one list of commands (`command_list.rs`) into the builder's handler and the names
/// the window may call; `build.rs` reads the same list to grant them.
macro_rules! commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        /// Registers PinDesk's commands on a builder; shared by the app and the access-control
        /// tests.
        pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
            builder.invoke_handler(tauri::generate_handler![$($module::$name),*])
        }

        /// Every command the window may call, as it calls them.
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("command_list.rs");

/// Starts the app; `--demo` points it at the built-in demo tenant.
pub fn run() {
    // Before anything starts a thread or WebKit: see `rendering::before_the_window`.
    rendering::before_the_window();
    let config = match pindesk_core::config::Config::load(|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(error) => {
            // No window can be trusted with a broken configuration; say what to fix and stop.
            eprintln!("PinDesk cannot start: {error}");
            std::process::exit(2);
        }
    };
    if let Err(error) = pindesk_core::files::ensure_private_dir(&config.data_dir) {
        eprintln!("PinDesk cannot use its data folder: {error}");
    }
    let env_level = std::env::var(ENV_LOG).ok();
    let logging = Logging::start(&config.data_dir, env_level.as_deref(), config.log_level);
    tracing::info!(version = pindesk_core::version(), "PinDesk starts");
    for problem in &config.problems {
        problem.log();
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let demo = match demo_args::demo_options(&args) {
        Ok(demo) => demo,
        Err(error) => {
            eprintln!("PinDesk cannot start: {error}");
            std::process::exit(2);
        }
    };
    let state = match Desk::new(config) {
        Ok(state) => state,
        Err(error) => {
            eprintln!(
                "PinDesk cannot start ({}): {error}",
                pindesk_core::Failure::failure_kind(&error)
            );
            std::process::exit(2);
        }
    };
    state.use_logging(logging);

    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            // A second start brings the running window forward instead of opening another one.
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        // Size and position come back where the person left them. Not whether it is shown: the
        // window shows itself once its page has loaded (`rendering::show_when_loaded`).
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(StateFlags::all().difference(StateFlags::VISIBLE))
                .build(),
        )
        .on_window_event(|window, event| {
            // Saved as it changes, not only at a clean exit: a session that ends by logout or
            // a killed process still brings the window back where it was.
            if matches!(event, WindowEvent::Resized(_) | WindowEvent::Moved(_)) {
                let _ = window.app_handle().save_window_state(StateFlags::all());
            }
        })
        .on_page_load(rendering::show_when_loaded)
        .manage(state)
        .setup(move |app| {
            if let Some(window) = app.get_webview_window("main") {
                rendering::paint_plainly(&window);
                rendering::show_at_the_latest(&window);
            }
            if let Some(options) = demo {
                let state = app.state::<Desk>();
                tauri::async_runtime::block_on(state.use_demo_tenant_with(options))
                    .map_err(|error| format!("the demo tenant could not start: {error:?}"))?;
            }
            Ok(())
        });
    let app = match with_commands(builder).build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(error) => {
            if let Some(code) = start_again_if_the_running_instance_quit(&error.to_string()) {
                std::process::exit(code);
            }
            eprintln!("PinDesk stopped unexpectedly: {error}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| {
        // A passcode copied shortly before quitting must not stay on the clipboard after
        // PinDesk: its timer dies with the process.
        if matches!(event, RunEvent::Exit) {
            app.state::<Desk>().clipboard().clear_if_ours();
        }
    });
}

/// Set on a start made again after the running instance quit mid-handover: once is enough.
const STARTED_AGAIN: &str = "PINDESK_STARTED_AGAIN";

/// A start that finds PinDesk running hands its arguments over and quits. When that instance was
/// itself quitting, the handover fails; instead of the person seeing nothing, PinDesk starts once
/// more, now as the only instance (or hands over to one that has started meanwhile). Returns the
/// exit code of that start.
fn start_again_if_the_running_instance_quit(error: &str) -> Option<i32> {
    if !handover_failed(error) || std::env::var_os(STARTED_AGAIN).is_some() {
        return None;
    }
    tracing::warn!("the running PinDesk quit while this start handed over to it; starting again");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = std::process::Command::new(std::env::current_exe().ok()?)
        .args(std::env::args_os().skip(1))
        .env(STARTED_AGAIN, "1")
        .status()
        .ok()?;
    Some(status.code().unwrap_or(1))
}

fn handover_failed(error: &str) -> bool {
    error.contains("single-instance") && error.contains("failed to forward arguments")
}

#[cfg(test)]
mod tests {
    use super::handover_failed;

    #[test]
    fn only_a_failed_handover_to_the_running_instance_starts_again() {
        assert!(handover_failed(
            "failed to initialize plugin `single-instance`: failed to forward arguments to the \
             running instance: org.freedesktop.DBus.Error.NoReply: Message recipient disconnected"
        ));
        assert!(!handover_failed(
            "failed to initialize plugin `window-state`: broken file"
        ));
        assert!(!handover_failed(
            "single-instance: D-Bus session bus unavailable"
        ));
    }
}
