//! PinDesk's behaviour, free of Tauri: configuration, sign-in, the keychain, Graph, and the three
//! jobs of the wizard. The desktop shell only maps these functions onto IPC commands.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod clipboard;
pub mod clock;
pub mod config;
pub mod desk;
pub mod diagnostics;
pub mod error;
pub mod error_kind;
pub mod failure;
pub mod files;
pub mod graph;
pub mod keychain;
pub mod logging;
pub mod reset;
pub mod secret;
pub mod sentence;
pub mod setup;
mod sync;
mod word_enum;

pub use accounts::Account;
pub use auth::{AccessToken, Auth, AuthOptions, Session, Task};
pub use config::Config;
pub use error::CoreError;
pub use error_kind::FailureKind;
pub use failure::Failure;
pub use keychain::{KeyringStore, SecretStore};

/// The version the app reports to the window, so the UI shows what actually runs.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
