#![allow(clippy::unwrap_used, clippy::expect_used)] // test set-up may panic freely outside #[test] functions
//! The application service without Tauri: the demo switch, the window's language and the audit
//! log's place follow what the person did, and nothing signs anyone out on the way.

mod common;

use std::sync::Arc;

use demo_tenant::Options;
use pindesk_core::desk::Desk;
use pindesk_core::keychain::{MemoryStore, SecretStore};

fn desk(name: &str, tenant: &demo_tenant::DemoTenant) -> (Desk, std::path::PathBuf) {
    let dir = common::data_dir(name);
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    (
        Desk::with_store(common::config_for(tenant, &dir), store).unwrap(),
        dir,
    )
}

#[tokio::test]
async fn switching_to_the_demo_tenant_points_the_app_and_its_audit_log_at_the_demo() {
    let real = common::tenant(Options::default()).await;
    let (desk, dir) = desk("desk-demo", &real);
    let before = desk.app_info().await;
    assert!(!before.demo);
    assert_eq!(before.authority, real.issuer().to_string());
    assert_eq!(desk.audit().path().parent(), Some(dir.as_path()));

    let after = desk.use_demo_tenant().await.unwrap();
    assert!(after.demo);
    assert_ne!(
        after.authority, before.authority,
        "the built-in tenant, not the first one"
    );
    assert!(
        after.authority.starts_with("http://127.0.0.1:"),
        "{}",
        after.authority
    );
    assert_ne!(
        desk.audit().path().parent(),
        Some(dir.as_path()),
        "the demo keeps its audit log in its own folder"
    );
    // Asked again, the same demo tenant: one is started, never a second.
    assert_eq!(
        desk.use_demo_tenant().await.unwrap().authority,
        after.authority
    );
}

#[tokio::test]
async fn the_window_language_is_saved_and_reported_without_a_new_sign_in_state() {
    let tenant = common::tenant(Options::default()).await;
    let (desk, dir) = desk("desk-language", &tenant);
    desk.set_language(Some(" de ".to_owned())).await.unwrap();
    assert_eq!(desk.app_info().await.language.as_deref(), Some("de"));
    assert_eq!(desk.settings().await.language.as_deref(), Some("de"));
    let saved = std::fs::read_to_string(dir.join("settings.json")).unwrap_or_default();
    assert!(saved.contains("\"de\""), "{saved}");
    desk.set_language(None).await.unwrap();
    assert_eq!(desk.app_info().await.language, None);
}
