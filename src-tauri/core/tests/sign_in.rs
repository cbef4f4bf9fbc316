//! Interactive sign-in against the demo tenant, with a fake browser in place of the person.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{FakeBrowser, Play};
use demo_tenant::{ADMIN, HELPDESK, Options};
use pindesk_core::keychain::{MemoryStore, SecretStore};
use pindesk_core::{CoreError, Failure, Task};
use url::Url;

fn memory() -> Arc<dyn SecretStore> {
    Arc::new(MemoryStore::new())
}

#[tokio::test]
async fn a_helpdesk_sign_in_completes_through_the_browser_and_loopback() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("complete");
    let store = memory();
    let browser = FakeBrowser::new(None, Play::Complete);
    let auth = common::auth(
        common::config_for(&tenant, &dir),
        store.clone(),
        browser.clone(),
    );

    let session = auth
        .sign_in(Task::Helpdesk, Some(HELPDESK.to_owned()))
        .await
        .unwrap();

    assert_eq!(session.task, Task::Helpdesk);
    assert_eq!(session.account.username, HELPDESK);
    assert_eq!(session.account.tenant_id, tenant.tenant_id());
    assert!(
        session
            .account
            .id
            .ends_with(&format!(".{}", tenant.tenant_id()))
    );
    assert!(
        session.account.tenant_name.is_some(),
        "the organisation name is looked up"
    );
    assert_eq!(browser.events(), ["authorize 302", "callback 200"]);
    assert!(common::stored_refresh_token(&store, &session.account.id).is_some());
    assert_eq!(auth.accounts(), vec![session.account.clone()]);
    assert!(auth.storage_warning().is_none());
    let token = auth.access_token(Task::Helpdesk).await.unwrap();
    assert_eq!(format!("{token:?}"), "***");
    common::assert_no_secret_in_files(&dir, &tenant.issued_secrets());
}

#[tokio::test]
async fn a_helpdesk_sign_in_asks_only_for_the_reset_jobs_scopes() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("scopes");
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let url = &browser.opened()[0];
    let scope = url
        .query_pairs()
        .find(|(k, _)| k == "scope")
        .unwrap()
        .1
        .into_owned();
    assert!(scope.contains("DeviceManagementManagedDevices.PrivilegedOperations.All"));
    assert!(!scope.contains("DeviceManagementConfiguration"), "{scope}");
    assert!(
        url.query_pairs()
            .any(|(k, v)| k == "code_challenge_method" && v == "S256")
    );
    assert!(url.query_pairs().any(|(k, _)| k == "nonce"));
}

#[tokio::test]
async fn the_multi_tenant_authority_with_its_issuer_placeholder_signs_in() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("organizations");
    let authority = tenant.graph_base().join("organizations/v2.0").unwrap();
    let config = common::config_with_authority(&tenant, &dir, authority);
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(config, memory(), browser);
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    assert_eq!(session.account.tenant_id, tenant.tenant_id());
}

#[tokio::test]
async fn a_callback_with_a_forged_state_is_ignored_and_the_real_one_completes() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("forged");
    let browser = FakeBrowser::new(Some(HELPDESK), Play::ForgeStateFirst);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
    assert_eq!(
        browser.events(),
        ["authorize 302", "forged state 400", "callback 200"]
    );
}

#[tokio::test]
async fn a_callback_on_another_path_is_ignored_and_the_real_one_completes() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("path");
    let browser = FakeBrowser::new(Some(HELPDESK), Play::WrongPathFirst);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
    assert_eq!(
        browser.events(),
        ["authorize 302", "other path 404", "callback 200"]
    );
}

#[tokio::test]
async fn a_replayed_callback_reaches_no_listener_and_signs_nobody_in() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("replay");
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let callback = browser.callbacks.lock().unwrap()[0].clone();
    let replay = common::browser_client().get(callback.clone()).send().await;
    assert!(
        replay.is_err(),
        "the listener must be gone after one callback"
    );

    // A second sign-in has its own state, so the old callback on the new listener is refused.
    let second = FakeBrowser::new(None, Play::Ignore);
    let auth2 = common::auth(common::config_for(&tenant, &dir), memory(), second.clone());
    let running = tokio::spawn({
        let auth2 = auth2.clone();
        async move { auth2.sign_in(Task::Helpdesk, None).await }
    });
    common::until_running(&auth2, &second).await;
    let mut replayed = callback;
    replayed.set_port(Some(second.loopback_port())).unwrap();
    let status = common::browser_client()
        .get(replayed)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status.as_u16(), 400);
    auth2.cancel_sign_in();
    assert!(matches!(
        running.await.unwrap(),
        Err(CoreError::SignInCancelled(_))
    ));
}

#[tokio::test]
async fn cancel_stops_the_sign_in_and_closes_the_listener() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("cancel");
    let browser = FakeBrowser::new(None, Play::Ignore);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    let running = tokio::spawn({
        let auth = auth.clone();
        async move { auth.sign_in(Task::Helpdesk, None).await }
    });
    common::until_running(&auth, &browser).await;
    let port = browser.loopback_port();
    assert!(common::listening(port).await);

    auth.cancel_sign_in();
    let error = running.await.unwrap().unwrap_err();
    assert_eq!(error.failure_kind(), "signInCancelled");
    assert!(!common::listening(port).await);
    assert!(!auth.sign_in_running());
    auth.cancel_sign_in();
}

#[tokio::test]
async fn a_second_sign_in_while_one_waits_starts_no_second_listener() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("second");
    let browser = FakeBrowser::new(None, Play::Ignore);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    let running = tokio::spawn({
        let auth = auth.clone();
        async move { auth.sign_in(Task::Helpdesk, None).await }
    });
    common::until_running(&auth, &browser).await;
    let second = auth.sign_in(Task::Setup, None).await.unwrap_err();
    assert_eq!(second.failure_kind(), "signInInProgress");
    assert_eq!(browser.opened().len(), 1);
    auth.cancel_sign_in();
    running.await.unwrap().unwrap_err();

    let browser_after = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser_after);
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
}

#[tokio::test]
async fn the_listener_gives_up_after_the_timeout() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("timeout");
    let browser = FakeBrowser::new(None, Play::Ignore);
    let config = common::config_for(&tenant, &dir);
    let auth = common::auth_with(
        config,
        memory(),
        browser.clone(),
        Duration::from_millis(300),
    );
    let error = auth.sign_in(Task::Helpdesk, None).await.unwrap_err();
    assert_eq!(error.failure_kind(), "signInTimedOut");
    assert!(!common::listening(browser.loopback_port()).await);
    assert!(!auth.sign_in_running());
}

#[tokio::test]
async fn an_unreachable_identity_provider_is_a_network_error() {
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("offline");
    let authority = Url::parse(&format!("http://127.0.0.1:{port}/t/v2.0")).unwrap();
    let config = common::config_with_authority(&tenant, &dir, authority);
    let browser = FakeBrowser::new(None, Play::Ignore);
    let auth = common::auth(config, memory(), browser.clone());
    let error = auth.sign_in(Task::Helpdesk, None).await.unwrap_err();
    assert_eq!(error.failure_kind(), "network", "{error}");
    assert!(browser.opened().is_empty());
}

#[tokio::test]
async fn an_unknown_tenant_is_reported_as_a_settings_problem() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("unknown-tenant");
    let authority = tenant.graph_base().join("nobody.example/v2.0").unwrap();
    let config = common::config_with_authority(&tenant, &dir, authority);
    let auth = common::auth(config, memory(), FakeBrowser::new(None, Play::Ignore));
    let error = auth.sign_in(Task::Helpdesk, None).await.unwrap_err();
    assert_eq!(error.failure_kind(), "config", "{error}");
    assert!(error.support_detail().unwrap().contains("AADSTS90002"));
}

#[tokio::test]
async fn the_setup_task_gets_its_scopes_from_the_same_refresh_token() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("incremental");
    let browser = FakeBrowser::new(Some(ADMIN), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let helpdesk = auth.access_token(Task::Helpdesk).await.unwrap();
    let setup = auth.access_token(Task::Setup).await.unwrap();
    assert_ne!(helpdesk.secret(), setup.secret());
    assert_eq!(setup.task(), Task::Setup);
    assert_eq!(browser.opened().len(), 1, "no second browser trip");
    let refreshes = tenant
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path_and_query.contains("/token"))
        .count();
    assert_eq!(refreshes, 2, "one code exchange and one refresh");
}

fn query_value(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

#[tokio::test]
async fn a_claims_challenge_from_graph_is_requested_at_the_next_sign_in_only() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("claims");
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    // As Graph sends it in WWW-Authenticate: base64 of the claims JSON.
    auth.note_claims_challenge(
        "eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiYzEifX19",
    );
    auth.sign_in(Task::Helpdesk, Some(HELPDESK.to_owned()))
        .await
        .unwrap();
    auth.sign_in(Task::Helpdesk, Some(HELPDESK.to_owned()))
        .await
        .unwrap();
    let opened = browser.opened();
    assert_eq!(
        query_value(&opened[0], "claims").as_deref(),
        Some(r#"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#)
    );
    assert_eq!(
        query_value(&opened[1], "claims"),
        None,
        "satisfied once, not sent again"
    );
}

#[tokio::test]
async fn adding_another_account_lets_the_person_pick_it_in_the_browser() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("select-account");
    let browser = FakeBrowser::new(Some(ADMIN), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), memory(), browser.clone());
    auth.sign_in(Task::Helpdesk, Some(HELPDESK.to_owned()))
        .await
        .unwrap();
    let added = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    assert_eq!(added.account.username, ADMIN);
    let opened = browser.opened();
    assert_eq!(
        query_value(&opened[0], "prompt"),
        None,
        "a named account needs no picker"
    );
    assert_eq!(
        query_value(&opened[1], "prompt").as_deref(),
        Some("select_account")
    );
}
