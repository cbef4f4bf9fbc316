//! What happens after the browser: silent starts, refresh token rotation, several accounts,
//! sign-out, and a keychain that will not cooperate.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{FakeBrowser, Play};
use demo_tenant::{ADMIN, HELPDESK, Options};
use pindesk_core::clock::Clock;
use pindesk_core::keychain::{
    FaultyStore, MemoryStore, SERVICE, SecretStore, WINDOWS_MAX_SECRET_BYTES,
};
use pindesk_core::{CoreError, Failure, Task};

/// A browser that must never be needed.
fn no_browser() -> Arc<FakeBrowser> {
    FakeBrowser::new(None, Play::Ignore)
}

#[tokio::test]
async fn starting_again_with_a_stored_refresh_token_signs_in_without_a_browser() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("restore");
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let first = common::auth(
        common::config_for(&tenant, &dir),
        store.clone(),
        FakeBrowser::new(Some(HELPDESK), Play::Complete),
    );
    let signed_in = first.sign_in(Task::Helpdesk, None).await.unwrap();
    drop(first);

    let browser = no_browser();
    let restarted = common::auth(common::config_for(&tenant, &dir), store, browser.clone());
    let restored = restarted
        .restore_session()
        .await
        .unwrap()
        .expect("a silent sign-in");
    assert_eq!(restored, signed_in);
    assert!(browser.opened().is_empty());
    restarted.access_token(Task::Helpdesk).await.unwrap();
    assert_eq!(restarted.current_session().await, Some(restored));
}

#[tokio::test]
async fn with_nothing_remembered_there_is_nothing_to_restore() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("nothing");
    let auth = common::auth(
        common::config_for(&tenant, &dir),
        Arc::new(MemoryStore::new()),
        no_browser(),
    );
    assert_eq!(auth.restore_session().await.unwrap(), None);
    let error = auth.access_token(Task::Helpdesk).await.unwrap_err();
    assert!(matches!(error, CoreError::NotSignedIn));
}

#[tokio::test]
async fn every_rotated_refresh_token_replaces_the_stored_one_and_access_tokens_refresh_early() {
    // Entra's usual hour: renewed five minutes before it ends.
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("rotation");
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let clock = Clock::default();
    let config = common::config_for(&tenant, &dir);
    let auth = common::auth_on(config, store.clone(), browser, clock.clone());
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let first_rt = common::stored_refresh_token(&store, &session.account.id).unwrap();
    let first_at = auth.access_token(Task::Helpdesk).await.unwrap();
    assert_eq!(
        auth.access_token(Task::Helpdesk).await.unwrap().secret(),
        first_at.secret()
    );

    clock.advance(Duration::from_secs(54 * 60));
    assert_eq!(
        auth.access_token(Task::Helpdesk).await.unwrap().secret(),
        first_at.secret(),
        "six minutes before its end the token is still used"
    );
    // Past the refresh point (five minutes before the end) but before expiry.
    clock.advance(Duration::from_secs(60 + 1));
    let second_at = auth.access_token(Task::Helpdesk).await.unwrap();
    assert_ne!(second_at.secret(), first_at.secret());
    let second_rt = common::stored_refresh_token(&store, &session.account.id).unwrap();
    assert_ne!(second_rt, first_rt, "the rotated refresh token is stored");

    clock.advance(Duration::from_secs(55 * 60 + 1));
    auth.access_token(Task::Helpdesk).await.unwrap();
    let third_rt = common::stored_refresh_token(&store, &session.account.id).unwrap();
    assert_ne!(third_rt, second_rt);
    common::assert_no_secret_in_files(&dir, &tenant.issued_secrets());
}

#[tokio::test]
async fn a_refresh_token_larger_than_a_windows_credential_round_trips_through_chunks() {
    let options = Options {
        refresh_token_len: 6000,
        ..Options::default()
    };
    let tenant = common::tenant(options).await;
    let dir = common::data_dir("large");
    let memory = Arc::new(MemoryStore::with_entry_limit(WINDOWS_MAX_SECRET_BYTES));
    let store: Arc<dyn SecretStore> = memory.clone();
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), store.clone(), browser);
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    assert!(auth.storage_warning().is_none());
    assert_eq!(
        common::stored_refresh_token(&store, &session.account.id)
            .unwrap()
            .len(),
        6000
    );
    assert_eq!(memory.keys(SERVICE).len(), 3);

    let restarted = common::auth(common::config_for(&tenant, &dir), store, no_browser());
    assert!(restarted.restore_session().await.unwrap().is_some());
    restarted.sign_out(&session.account.id).await.unwrap();
    assert!(
        memory.keys(SERVICE).is_empty(),
        "sign-out removes every chunk"
    );
}

#[tokio::test]
async fn a_keychain_that_refuses_writes_gives_a_session_only_sign_in_and_no_file() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("refusing");
    let store: Arc<dyn SecretStore> = Arc::new(FaultyStore::refusing_writes(MemoryStore::new()));
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), store.clone(), browser);
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let warning = auth.storage_warning().expect("the person is told");
    assert!(warning.contains("this session only"), "{warning}");
    auth.access_token(Task::Helpdesk).await.unwrap();
    assert!(common::stored_refresh_token(&store, &session.account.id).is_none());
    common::assert_no_secret_in_files(&dir, &tenant.issued_secrets());

    let restarted = common::auth(common::config_for(&tenant, &dir), store, no_browser());
    assert_eq!(restarted.restore_session().await.unwrap(), None);
    assert_eq!(
        restarted.accounts().len(),
        1,
        "the name is remembered for the next sign-in"
    );
}

#[tokio::test]
async fn a_locked_keychain_at_start_means_no_silent_sign_in_and_a_warning() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("locked");
    let faulty = Arc::new(FaultyStore::new(MemoryStore::new()));
    let store: Arc<dyn SecretStore> = faulty.clone();
    let auth = common::auth(
        common::config_for(&tenant, &dir),
        store.clone(),
        FakeBrowser::new(Some(HELPDESK), Play::Complete),
    );
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    faulty.set_fail_reads(true);
    let restarted = common::auth(common::config_for(&tenant, &dir), store, no_browser());
    assert_eq!(restarted.restore_session().await.unwrap(), None);
    assert!(restarted.storage_warning().is_some());
    let error = restarted
        .use_account(&session.account.id)
        .await
        .unwrap_err();
    assert_eq!(error.failure_kind(), "keychainUnavailable");
}

#[tokio::test]
async fn several_accounts_are_remembered_each_with_its_own_entry_and_sign_out_forgets_one() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("accounts");
    let memory = Arc::new(MemoryStore::new());
    let store: Arc<dyn SecretStore> = memory.clone();
    let config = common::config_for(&tenant, &dir);
    let helpdesk = common::auth(
        config.clone(),
        store.clone(),
        FakeBrowser::new(Some(HELPDESK), Play::Complete),
    )
    .sign_in(Task::Helpdesk, None)
    .await
    .unwrap();
    let auth = common::auth(
        config.clone(),
        store.clone(),
        FakeBrowser::new(Some(ADMIN), Play::Complete),
    );
    let admin = auth.sign_in(Task::Setup, None).await.unwrap();
    assert_eq!(admin.task, Task::Setup);
    let ids: Vec<String> = auth.accounts().into_iter().map(|a| a.id).collect();
    assert_eq!(ids, [admin.account.id.clone(), helpdesk.account.id.clone()]);
    assert_eq!(memory.keys(SERVICE).len(), 2);

    let switched = auth.use_account(&helpdesk.account.id).await.unwrap();
    assert_eq!(switched.account.username, HELPDESK);
    assert_eq!(switched.task, Task::Helpdesk);
    auth.access_token(Task::Helpdesk).await.unwrap();

    auth.sign_out(&helpdesk.account.id).await.unwrap();
    assert!(matches!(
        auth.access_token(Task::Helpdesk).await,
        Err(CoreError::NotSignedIn)
    ));
    assert_eq!(auth.accounts(), vec![admin.account.clone()]);
    assert!(
        memory
            .keys(SERVICE)
            .iter()
            .all(|k| !k.contains(&helpdesk.account.id))
    );
    assert!(common::stored_refresh_token(&store, &admin.account.id).is_some());

    let restarted = common::auth(config, store, no_browser());
    let restored = restarted.restore_session().await.unwrap().unwrap();
    assert_eq!(restored.account.id, admin.account.id);
    assert_eq!(
        restored.task,
        Task::Setup,
        "a silent start asks for the last task's scopes"
    );
    let error = restarted
        .use_account(&helpdesk.account.id)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::BadRequest(_)));
}

#[tokio::test]
async fn a_keychain_that_refuses_to_delete_keeps_the_account_listed_to_retry_sign_out() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("undeletable");
    let faulty = Arc::new(FaultyStore::new(MemoryStore::new()));
    let store: Arc<dyn SecretStore> = faulty.clone();
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), store.clone(), browser);
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    faulty.set_fail_deletes(true);
    let error = auth.sign_out(&session.account.id).await.unwrap_err();
    assert_eq!(error.failure_kind(), "keychainUnavailable");
    assert!(matches!(
        auth.access_token(Task::Helpdesk).await,
        Err(CoreError::NotSignedIn)
    ));
    assert_eq!(auth.accounts().len(), 1);
    faulty.set_fail_deletes(false);
    auth.sign_out(&session.account.id).await.unwrap();
    assert!(auth.accounts().is_empty());
    assert!(common::stored_refresh_token(&store, &session.account.id).is_none());
}

#[tokio::test]
async fn a_refresh_token_the_provider_no_longer_accepts_ends_the_session_and_is_removed() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("expired");
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), store.clone(), browser);
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let key = pindesk_core::auth::refresh_token_key(&session.account.id);
    pindesk_core::keychain::ChunkedStore::new(store.clone())
        .set(SERVICE, &key, b"a-refresh-token-the-tenant-never-issued")
        .unwrap();

    let restarted = common::auth(
        common::config_for(&tenant, &dir),
        store.clone(),
        no_browser(),
    );
    let error = restarted.restore_session().await.unwrap_err();
    assert_eq!(error.failure_kind(), "sessionExpired", "{error}");
    assert!(common::stored_refresh_token(&store, &session.account.id).is_none());
    assert_eq!(
        restarted.accounts().len(),
        1,
        "the name stays for the next sign-in"
    );
}
