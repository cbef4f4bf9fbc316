use std::collections::HashMap;

use super::*;
use crate::config::{ENV_ADMIN_CONFIG, ENV_AUTHORITY, ENV_DATA_DIR};
use crate::keychain::MemoryStore;

fn auth(name: &str) -> Auth {
    let dir = std::env::temp_dir().join(format!("pindesk-session-{name}-{}", std::process::id()));
    let env: HashMap<&str, String> = HashMap::from([
        (ENV_DATA_DIR, dir.display().to_string()),
        (
            ENV_ADMIN_CONFIG,
            dir.join("none.json").display().to_string(),
        ),
        (ENV_AUTHORITY, "http://127.0.0.1:9/t/v2.0".to_owned()),
    ]);
    let config = Config::load(|k| env.get(k).cloned()).unwrap();
    Auth::new(config, Arc::new(MemoryStore::new())).unwrap()
}

#[test]
fn auth_can_be_shared_between_commands() {
    fn shareable<T: Send + Sync + Clone + 'static>() {}
    shareable::<Auth>();
}

#[tokio::test]
async fn a_fresh_app_has_no_session_accounts_or_warning() {
    let auth = auth("fresh");
    assert!(auth.accounts().is_empty());
    assert!(auth.storage_warning().is_none());
    assert!(auth.current_session().await.is_none());
    assert!(!auth.sign_in_running());
    auth.cancel_sign_in();
}

#[tokio::test]
async fn switching_to_an_account_that_is_not_remembered_is_a_bad_request() {
    let error = auth("unknown").use_account("nobody.tid").await.unwrap_err();
    assert!(matches!(error, CoreError::BadRequest(_)));
}

#[tokio::test]
async fn signing_out_an_unknown_account_succeeds() {
    auth("signout").sign_out("nobody.tid").await.unwrap();
}

#[test]
fn debug_output_names_the_authority_but_no_secret() {
    let text = format!("{:?}", auth("debug"));
    assert!(text.contains("127.0.0.1:9"), "{text}");
}
