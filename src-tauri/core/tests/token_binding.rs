//! A refresh token goes only where it was issued: accounts are bound to the authority, client ID
//! and Graph they signed in with, the demo tenant keeps its sign-ins apart from real ones, a
//! demand for interaction on one task leaves the refresh token alone, and a reset's token is the
//! account's the audit line names.

mod common;

use std::sync::Arc;

use common::{FakeBrowser, Play};
use demo_tenant::{ADMIN, HELPDESK, Options};
use pindesk_core::auth::GraphTokens;
use pindesk_core::graph::TokenSource;
use pindesk_core::keychain::{DEMO_SERVICE, KeyringStore, MemoryStore, SecretStore};
use pindesk_core::{Failure, Task};

fn token_requests(tenant: &demo_tenant::DemoTenant) -> usize {
    tenant
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path_and_query.contains("/oauth2/v2.0/token"))
        .count()
}

#[tokio::test]
async fn a_changed_authority_sends_no_refresh_token_and_lists_the_account_as_elsewhere() {
    let first = common::tenant(Options::default()).await;
    let second = common::tenant(Options::default()).await;
    let dir = common::data_dir("elsewhere");
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let session = common::auth(common::config_for(&first, &dir), store.clone(), browser)
        .sign_in(Task::Helpdesk, None)
        .await
        .unwrap();

    // The next start points at another sign-in service (Settings, environment, admin file).
    let moved = common::auth(
        common::config_for(&second, &dir),
        store.clone(),
        FakeBrowser::new(None, Play::Ignore),
    );
    assert_eq!(moved.restore_session().await.unwrap(), None);
    let error = moved.use_account(&session.account.id).await.unwrap_err();
    assert_eq!(error.failure_kind(), "accountElsewhere");
    assert_eq!(
        token_requests(&second),
        0,
        "the second tenant saw no refresh grant: {:?}",
        second.requests()
    );
    let listed = moved.listed_accounts();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].signed_in_elsewhere.as_deref(),
        Some(first.issuer().as_str())
    );
    assert!(common::stored_refresh_token(&store, &session.account.id).is_some());

    // Back at the first service, the account works silently again.
    let back = common::auth(
        common::config_for(&first, &dir),
        store.clone(),
        FakeBrowser::new(None, Play::Ignore),
    );
    assert_eq!(back.restore_session().await.unwrap(), Some(session.clone()));

    // An account listed as elsewhere can still be forgotten, and nothing is sent for that.
    moved.sign_out(&session.account.id).await.unwrap();
    assert!(moved.listed_accounts().is_empty());
    assert!(common::stored_refresh_token(&store, &session.account.id).is_none());
    assert_eq!(token_requests(&second), 0);
}

#[tokio::test]
async fn interaction_required_on_one_task_keeps_the_refresh_token_and_the_other_task_signed_in() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("interaction");
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let browser = FakeBrowser::new(Some(ADMIN), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), store.clone(), browser);
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    tenant.require_interaction_for("DeviceManagementConfiguration.ReadWrite.All");

    let error = auth.access_token(Task::Setup).await.unwrap_err();
    assert_eq!(error.failure_kind(), "interactionRequired", "{error}");
    assert!(
        common::stored_refresh_token(&store, &session.account.id).is_some(),
        "the only refresh token is kept"
    );
    auth.renewed_access_token(Task::Helpdesk)
        .await
        .expect("the helpdesk task still refreshes");
    let restarted = common::auth(
        common::config_for(&tenant, &dir),
        store,
        FakeBrowser::new(None, Play::Ignore),
    );
    assert!(restarted.restore_session().await.unwrap().is_some());
}

#[tokio::test]
async fn a_token_pinned_to_the_operator_stays_theirs_when_another_account_is_switched_to() {
    let tenant = common::tenant(Options::default()).await;
    let dir = common::data_dir("pinned");
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), store, browser);
    let operator = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let pinned = GraphTokens::of_account(auth.clone(), Task::Helpdesk, &operator.account.id);
    let following = GraphTokens::new(auth.clone(), Task::Helpdesk);

    // Someone signs in another account while the reset is on its way.
    auth.sign_in(Task::Helpdesk, Some(ADMIN.to_owned()))
        .await
        .unwrap();
    let who = |token: String| {
        let url = tenant.graph_base().join("v1.0/me").unwrap();
        async move {
            let me: serde_json::Value = common::browser_client()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            me["userPrincipalName"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        }
    };
    for renew in [false, true] {
        let token = pinned.access_token(renew).await.unwrap();
        assert_eq!(
            who(token.secret().to_owned()).await,
            HELPDESK,
            "renew {renew}"
        );
    }
    let current = following.access_token(false).await.unwrap();
    assert_eq!(who(current.secret().to_owned()).await, ADMIN);
}

/// The real Secret Service: a real account stays untouched by a demo sign-in of the same person
/// ID (both demo tenants share their seed), and no real token reaches the demo tenant.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn the_demo_tenant_never_lists_refreshes_or_deletes_a_real_account() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        eprintln!("skipped: DBUS_SESSION_BUS_ADDRESS is not set, so there is no Secret Service");
        return;
    }
    let store: Arc<dyn SecretStore> = Arc::new(KeyringStore::native());
    let real_tenant = common::tenant(Options::default()).await;
    let demo = common::tenant(Options::default()).await;
    let dir = common::data_dir("sandbox");
    let real_config = common::config_for(&real_tenant, &dir);
    let real = common::auth(
        real_config.clone(),
        store.clone(),
        FakeBrowser::new(Some(HELPDESK), Play::Complete),
    )
    .sign_in(Task::Helpdesk, None)
    .await
    .unwrap();
    let real_token = common::stored_refresh_token(&store, &real.account.id).unwrap();

    let demo_config = real_config.for_demo_tenant(demo.issuer(), demo.graph_base());
    let sandbox = common::auth(
        demo_config,
        store.clone(),
        FakeBrowser::new(Some(HELPDESK), Play::Complete),
    );
    assert!(
        sandbox.listed_accounts().is_empty(),
        "no real account is listed"
    );
    assert_eq!(sandbox.restore_session().await.unwrap(), None);
    assert_eq!(
        token_requests(&demo),
        0,
        "no real refresh token reached the demo"
    );
    let in_demo = sandbox.sign_in(Task::Helpdesk, None).await.unwrap();
    assert_eq!(
        in_demo.account.id, real.account.id,
        "the seeds share person IDs"
    );
    sandbox.sign_out(&in_demo.account.id).await.unwrap();

    assert_eq!(
        common::stored_refresh_token(&store, &real.account.id).as_deref(),
        Some(real_token.as_str()),
        "the real keychain entry survived the demo"
    );
    let key = pindesk_core::auth::refresh_token_key(&real.account.id);
    let raw = store.clone();
    let demo_left = tokio::task::spawn_blocking(move || raw.get(DEMO_SERVICE, &key).unwrap())
        .await
        .unwrap();
    assert!(
        demo_left.is_none(),
        "the demo's own entry is gone after its sign-out"
    );
    let restarted = common::auth(
        real_config,
        store.clone(),
        FakeBrowser::new(None, Play::Ignore),
    );
    assert_eq!(
        restarted.restore_session().await.unwrap(),
        Some(real.clone())
    );
    restarted.sign_out(&real.account.id).await.unwrap();
    assert!(common::stored_refresh_token(&store, &real.account.id).is_none());
}
