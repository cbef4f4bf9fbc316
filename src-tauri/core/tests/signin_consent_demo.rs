#![allow(clippy::unwrap_used, clippy::expect_used)] // test set-up may panic freely outside #[test] functions
//! "Let your helpdesk sign in to PinDesk" against the demo tenant over HTTP, on a tenant where
//! nothing is consented: the helpdesk is turned away in plain words, the administrator reads what
//! is missing, grants it at Entra's admin consent endpoint, PinDesk verifies it through Graph in
//! one batched round trip, and the helpdesk then signs in.

mod common;

use std::sync::Arc;

use common::{FakeBrowser, Play};
use demo_tenant::{ADMIN, DEFAULT_CLIENT_ID, DemoTenant, HELPDESK, Options};
use pindesk_core::auth::{GraphTokens, every_graph_scope};
use pindesk_core::graph::{GraphClient, GraphOptions, TokenSource};
use pindesk_core::keychain::{MemoryStore, SecretStore};
use pindesk_core::setup::{ItemState, admin_consent_url, setup_overview, signin_consent};
use pindesk_core::{Auth, Failure, Task};

async fn strict_tenant() -> DemoTenant {
    common::tenant(Options {
        org_consent: false,
        ..Options::default()
    })
    .await
}

fn auth_for(tenant: &DemoTenant, who: &str, name: &str) -> Auth {
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let config = common::config_for(tenant, &common::data_dir(name));
    common::auth(config, store, FakeBrowser::new(Some(who), Play::Complete))
}

fn graph(tenant: &DemoTenant, auth: &Auth, task: Task) -> GraphClient {
    let tokens: Arc<dyn TokenSource> = Arc::new(GraphTokens::new(auth.clone(), task));
    GraphClient::new(tenant.graph_base(), tokens, GraphOptions::default()).unwrap()
}

fn graph_requests(tenant: &DemoTenant) -> usize {
    tenant
        .requests()
        .iter()
        .filter(|r| r.path_and_query.starts_with("/v1.0/"))
        .count()
}

/// Accepts on the admin consent page as `who`, the way its form posts.
async fn accept_admin_consent(url: &url::Url, who: &str) -> reqwest::StatusCode {
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("login_as".into(), who.into()));
    let client = common::browser_client();
    assert!(
        client
            .get(url.clone())
            .send()
            .await
            .unwrap()
            .status()
            .is_success()
    );
    client
        .post(url.clone())
        .form(&form)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_helpdesk_sign_in_without_org_consent_says_the_organisation_has_not_approved_pindesk() {
    let tenant = strict_tenant().await;
    let auth = auth_for(&tenant, HELPDESK, "signin-consent-refused");
    let error = auth.sign_in(Task::Helpdesk, None).await.unwrap_err();
    assert_eq!(error.failure_kind(), "orgNotApproved");
    assert!(error.support_detail().unwrap().contains("AADSTS65001"));
}

#[tokio::test]
async fn the_administrator_reads_what_is_missing_grants_it_and_the_helpdesk_then_signs_in() {
    let tenant = strict_tenant().await;
    let admin = auth_for(&tenant, ADMIN, "signin-consent-admin");
    let session = admin.sign_in(Task::Setup, None).await.unwrap();
    let client = graph(&tenant, &admin, Task::Setup);

    let before = graph_requests(&tenant);
    let missing = signin_consent(&client, DEFAULT_CLIENT_ID).await.unwrap();
    assert_eq!(
        graph_requests(&tenant) - before,
        1,
        "one batched round trip"
    );
    assert_eq!(missing.state, ItemState::NotDone);
    assert_eq!(missing.missing.len(), every_graph_scope().len());
    assert!(
        missing
            .missing
            .contains(&"DeviceManagementManagedDevices.PrivilegedOperations.All".to_owned())
    );

    let config = common::config_for(&tenant, &common::data_dir("signin-consent-url"));
    let url = admin_consent_url(
        &config.authority,
        &session.account.tenant_id,
        DEFAULT_CLIENT_ID,
        &tenant.graph_base(),
    )
    .unwrap();
    assert_eq!(
        accept_admin_consent(&url, HELPDESK).await,
        reqwest::StatusCode::FORBIDDEN,
        "only an administrator may grant it"
    );
    assert_eq!(
        signin_consent(&client, DEFAULT_CLIENT_ID)
            .await
            .unwrap()
            .state,
        ItemState::NotDone
    );
    assert_eq!(
        accept_admin_consent(&url, ADMIN).await,
        reqwest::StatusCode::FOUND
    );

    let verified = signin_consent(&client, DEFAULT_CLIENT_ID).await.unwrap();
    assert_eq!(verified.state, ItemState::Done, "{verified:?}");
    assert!(verified.missing.is_empty());

    let helpdesk = auth_for(&tenant, HELPDESK, "signin-consent-helpdesk");
    helpdesk.sign_in(Task::Helpdesk, None).await.unwrap();
}

#[tokio::test]
async fn the_overview_reads_the_sign_in_consent_in_its_one_batch() {
    let tenant = strict_tenant().await;
    let admin = auth_for(&tenant, ADMIN, "signin-consent-overview");
    let session = admin.sign_in(Task::Setup, None).await.unwrap();
    let client = graph(&tenant, &admin, Task::SetupStatus);
    let tid = session.account.tenant_id;
    let overview = setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
        .await
        .unwrap();
    assert_eq!(overview.signin.state, ItemState::NotDone);
    assert!(!overview.everything_done);
    let batches = tenant
        .requests()
        .iter()
        .filter(|r| r.path_and_query.starts_with("/v1.0/$batch"))
        .count();
    // The same two round trips as before the sign-in consent joined the first batch: that batch,
    // and the one reading the custom profiles' settings the list leaves out.
    assert_eq!(batches, 2, "{:?}", tenant.requests());
    let others = tenant
        .requests()
        .iter()
        .filter(|r| r.path_and_query.contains("oauth2PermissionGrants"))
        .count();
    assert_eq!(others, 0, "the grants are read inside the batch");
}

#[tokio::test]
async fn a_helpdesk_person_cannot_see_the_grant_but_is_not_held_up_by_it() {
    let tenant = common::tenant(Options::default()).await;
    let helpdesk = auth_for(&tenant, HELPDESK, "signin-consent-cannot-see");
    helpdesk.sign_in(Task::Helpdesk, None).await.unwrap();
    let client = graph(&tenant, &helpdesk, Task::SetupStatus);
    let answer = signin_consent(&client, DEFAULT_CLIENT_ID).await.unwrap();
    assert_eq!(answer.state, ItemState::CannotSee);
    assert!(answer.missing.is_empty());
}
