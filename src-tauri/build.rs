//! Lists the app's own commands so that Tauri's access control covers them: a command that is not
//! listed here and granted in `capabilities/` cannot be called from the window.

const COMMANDS: &[&str] = &[
    "app_info",
    "use_demo_tenant",
    "list_accounts",
    "restore_session",
    "sign_in",
    "cancel_sign_in",
    "use_account",
    "sign_out",
    "settings",
    "save_settings",
    "set_language",
    "set_log_level",
    "diagnostics",
    "search_devices",
    "more_devices",
    "start_reset",
    "reset_status",
    "copy_passcode",
    "open_admin_center",
    "audit_log",
    "export_audit_log",
    "setup_overview",
    "consent_links",
    "open_consent_pages",
    "consent_status",
    "signin_consent_status",
    "open_signin_consent",
    "ensure_policy",
    "search_groups",
    "assign_policy",
    "deployment_status",
    "windows_readiness",
    "tap_offer",
    "create_tap",
    "copy_access_pass",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    let attributes = tauri_build::Attributes::new().app_manifest(manifest);
    if let Err(error) = tauri_build::try_build(attributes) {
        // A build script reports failure by panicking; the message names what is wrong.
        panic!("tauri build step failed: {error:#}");
    }
}
