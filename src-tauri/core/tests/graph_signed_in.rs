//! The Graph client on the signed-in person's tokens: the path every wizard step takes.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{FakeBrowser, Play};
use demo_tenant::{HELPDESK, Options};
use pindesk_core::Task;
use pindesk_core::auth::GraphTokens;
use pindesk_core::clock::Clock;
use pindesk_core::graph::{GraphClient, GraphOptions, GraphRequest, ResourcePath, TokenSource};
use pindesk_core::keychain::{MemoryStore, SecretStore};

#[tokio::test]
async fn graph_reads_the_tenant_with_the_signed_in_persons_token() {
    let tenant = common::tenant(Options::default()).await;
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let config = common::config_for(&tenant, &common::data_dir("graph-signed-in"));
    let auth = common::auth(
        config,
        store,
        FakeBrowser::new(Some(HELPDESK), Play::Complete),
    );
    auth.sign_in(Task::Helpdesk, None).await.unwrap();

    let tokens: Arc<dyn TokenSource> = Arc::new(GraphTokens::new(auth, Task::Helpdesk));
    let client = GraphClient::new(tenant.graph_base(), tokens, GraphOptions::default()).unwrap();
    let me: serde_json::Value = client
        .get(&GraphRequest::get(ResourcePath::new("me")))
        .await
        .unwrap();
    assert_eq!(me["userPrincipalName"], HELPDESK);
}

#[tokio::test]
async fn an_expired_access_token_is_renewed_once_and_the_read_succeeds() {
    let tenant = common::tenant(Options::default()).await;
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let config = common::config_for(&tenant, &common::data_dir("graph-renewed"));
    let clock = Clock::default();
    let auth = common::auth_on(
        config,
        store,
        FakeBrowser::new(Some(HELPDESK), Play::Complete),
        clock.clone(),
    );
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
    // An hour later, for PinDesk and for the tenant alike: the token has expired.
    clock.advance(Duration::from_secs(3601));
    tenant.advance_clock(Duration::from_secs(3601));

    let tokens: Arc<dyn TokenSource> = Arc::new(GraphTokens::new(auth, Task::Helpdesk));
    let client = GraphClient::new(tenant.graph_base(), tokens, GraphOptions::default()).unwrap();
    let me: serde_json::Value = client
        .get(&GraphRequest::get(ResourcePath::new("me")))
        .await
        .unwrap();
    assert_eq!(me["userPrincipalName"], HELPDESK);
    let token_requests = tenant
        .requests()
        .iter()
        .filter(|r| r.path_and_query.contains("/token"))
        .count();
    assert_eq!(
        token_requests, 2,
        "signed in, then renewed once before the read"
    );
}
