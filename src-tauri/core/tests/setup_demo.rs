#![allow(clippy::unwrap_used, clippy::expect_used)] // test set-up may panic freely outside #[test] functions
//! The administrator's setup against the demo tenant over HTTP: every step can be repeated and
//! resumed without creating anything twice or dropping an assignment, also when Graph fails
//! often.

mod common;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use common::{FakeBrowser, Play};
use demo_tenant::{ADMIN, DEFAULT_CLIENT_ID, DemoTenant, HELPDESK, NO_ROLE, Options};
use pindesk_core::graph::models::GroupId;
use pindesk_core::graph::{CancellationToken, GraphClient, GraphOptions, TokenSource};
use pindesk_core::keychain::{MemoryStore, SecretStore};
use pindesk_core::setup::{
    AssignmentView, ItemState, NewTarget, PIN_RESET_APPS, PinResetAppState, ProblemKind,
    TargetKind, assign, assignments, consent_status, ensure_policy, oma_uri, search_groups,
    setup_overview,
};
use pindesk_core::{Auth, Failure, Task};
use serde_json::{Value, json};

const PILOT: &str = "PinDesk pilot users";
const FINANCE: &str = "Finance – Windows devices";

/// Signs `who` in for `task`.
async fn sign_in(tenant: &DemoTenant, who: &str, task: Task, name: &str) -> (Auth, String) {
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let config = common::config_for(tenant, &common::data_dir(name));
    let auth = common::auth(config, store, FakeBrowser::new(Some(who), Play::Complete));
    let session = auth.sign_in(task, None).await.unwrap();
    (auth, session.account.tenant_id)
}

/// A Graph client with `task`'s tokens and short back-off, so fault runs stay quick.
fn client(tenant: &DemoTenant, auth: &Auth, task: Task) -> GraphClient {
    let tokens: Arc<dyn TokenSource> =
        Arc::new(pindesk_core::auth::GraphTokens::new(auth.clone(), task));
    let options = GraphOptions {
        backoff_base: Duration::from_millis(20),
        backoff_max: Duration::from_millis(200),
        ..GraphOptions::default()
    };
    GraphClient::new(tenant.graph_base(), tokens, options).unwrap()
}

/// Signs `who` in and returns a Graph client for the setup scopes and the sign-in's `tid`.
async fn signed_in(
    tenant: &DemoTenant,
    who: &str,
    task: Task,
    name: &str,
) -> (GraphClient, String) {
    let (auth, tid) = sign_in(tenant, who, task, name).await;
    (client(tenant, &auth, Task::Setup), tid)
}

fn posts(tenant: &DemoTenant, suffix: &str) -> usize {
    tenant
        .requests()
        .iter()
        .filter(|r| {
            r.method == "POST"
                && r.path_and_query
                    .split('?')
                    .next()
                    .unwrap()
                    .ends_with(suffix)
        })
        .count()
}

/// Profiles in the tenant whose settings carry this tenant's EnablePinRecovery OMA-URI.
fn recovery_profiles(tenant: &DemoTenant) -> Vec<Value> {
    let uri = oma_uri(&tenant.tenant_id().into()).to_lowercase();
    tenant
        .device_configurations()
        .into_iter()
        .filter(|c| {
            c["omaSettings"].as_array().into_iter().flatten().any(|s| {
                s["omaUri"].as_str().map(str::to_lowercase) == Some(uri.clone())
                    && s["value"] == json!(true)
            })
        })
        .collect()
}

fn consent_everything(tenant: &DemoTenant) {
    for app in PIN_RESET_APPS {
        assert!(tenant.grant_consent(app.app_id));
    }
}

fn group(tenant: &DemoTenant, name: &str) -> NewTarget {
    NewTarget::Group {
        group_id: GroupId::new(tenant.group_id(name).unwrap()),
    }
}

/// Repeats a step the way a person clicking "Try again" would, until it succeeds.
/// Assigns as the window does: with the set it has just shown.
async fn assign_as_shown(
    client: &GraphClient,
    profile: &pindesk_core::graph::models::DeviceConfigurationId,
    target: &NewTarget,
) -> Result<Vec<AssignmentView>, pindesk_core::CoreError> {
    let shown = keys(&assignments(client, profile).await?);
    assign(client, profile, target, &shown).await
}

fn keys(views: &[AssignmentView]) -> Vec<String> {
    views.iter().map(|a| a.key.clone()).collect()
}

async fn until_ok<T, E: std::fmt::Debug, F: Future<Output = Result<T, E>>>(
    what: &str,
    mut step: impl FnMut() -> F,
) -> T {
    let mut last = None;
    for _ in 0..15 {
        match tokio::time::timeout(Duration::from_secs(60), step()).await {
            Ok(Ok(value)) => return value,
            Ok(Err(e)) => last = Some(format!("{e:?}")),
            Err(_) => last = Some("timed out".to_owned()),
        }
    }
    panic!("{what} never succeeded: {last:?}");
}

#[tokio::test]
async fn re_running_setup_after_each_step_creates_nothing_twice() {
    let tenant = common::tenant(Options::default()).await;
    let (client, tid) = signed_in(&tenant, ADMIN, Task::Setup, "setup-rerun").await;

    let start = setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
        .await
        .unwrap();
    assert_eq!(start.tenant.status.state, ItemState::Done);
    assert_eq!(start.consent.status.state, ItemState::NotDone);
    assert!(
        start
            .consent
            .apps
            .apps
            .iter()
            .all(|a| a.state == PinResetAppState::Absent)
    );
    assert_eq!(start.policy.status.state, ItemState::NotDone);
    assert!(!start.everything_done);

    consent_everything(&tenant);
    consent_everything(&tenant);
    assert!(consent_status(&client).await.unwrap().done);
    assert!(consent_status(&client).await.unwrap().done);

    let first = ensure_policy(&client, &tid).await.unwrap();
    assert!(first.created);
    assert!(first.oma_uri.contains(tenant.tenant_id()));
    let again = ensure_policy(&client, &tid).await.unwrap();
    assert!(!again.created);
    assert_eq!(again.profile.id, first.profile.id);
    assert_eq!(posts(&tenant, "/deviceManagement/deviceConfigurations"), 1);
    assert_eq!(recovery_profiles(&tenant).len(), 1);

    // Someone adds an exclusion (with an assignment filter) in the admin center meanwhile.
    let finance = tenant.group_id(FINANCE).unwrap();
    let exclusion = json!({
        "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget",
        "groupId": finance,
        "deviceAndAppManagementAssignmentFilterId": "filter-1",
    });
    tenant.add_assignment(first.profile.id.as_str(), exclusion.clone());

    let found = search_groups(&client, "pilot", &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(found[0].name, PILOT);
    assert_eq!(found[0].member_count, Some(3));
    assert_eq!(found[0].kind, "security");
    let pilot = NewTarget::Group {
        group_id: found[0].id.clone(),
    };
    // The window still shows the set from before the exclusion: nothing is replaced, and the
    // person is told the set changed.
    let stale = assign(&client, &first.profile.id, &pilot, &[])
        .await
        .unwrap_err();
    assert!(
        matches!(stale, pindesk_core::CoreError::AssignmentsChanged),
        "{stale:?}"
    );
    assert_eq!(
        posts(&tenant, "/assign"),
        0,
        "nothing is sent on a stale view"
    );
    let assigned = assign_as_shown(&client, &first.profile.id, &pilot)
        .await
        .unwrap();
    let again = assign(&client, &first.profile.id, &pilot, &keys(&assigned))
        .await
        .unwrap();
    assert_eq!(assigned, again);
    assert_eq!(
        posts(&tenant, "/assign"),
        1,
        "the second assign sends nothing"
    );
    let targets = tenant.assignment_targets(first.profile.id.as_str());
    assert_eq!(targets.len(), 2);
    assert!(
        targets.contains(&exclusion),
        "the existing assignment survives as it was"
    );
    assert!(
        assigned
            .iter()
            .any(|a| a.kind == TargetKind::ExcludedGroup && a.target.params["name"] == FINANCE)
    );

    let done = setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
        .await
        .unwrap();
    assert!(done.everything_done);
    assert_eq!(
        done.policy.profile.as_ref().map(|p| &p.id),
        Some(&first.profile.id)
    );
    assert!(done.deployment.counts.is_some());
    // Each sentence carries its key for the window's own words.
    assert_eq!(start.tenant.status.sentence.key, "tenantNamed");
    assert_eq!(start.consent.status.sentence.key, "consentNotDone");
    assert_eq!(start.assignment.status.sentence.key, "assignmentWaits");
    assert_eq!(done.policy.status.sentence.key, "policyFound");
    assert_eq!(done.assignment.status.sentence.key, "assignedTo");
    let names: Vec<_> = done
        .assignment
        .assignments
        .iter()
        .filter(|a| a.kind != TargetKind::ExcludedGroup)
        .map(|a| &a.target.params["name"])
        .collect();
    assert_eq!(
        names,
        [PILOT],
        "who it reaches, for the window's \"Assigned to\" line"
    );
    assert_eq!(done.deployment.status.sentence.key, "deploymentCounts");
    assert_eq!(found[0].kind, "security");
    assert!(assigned.iter().any(|a| a.target.key == "group"));
    // Reading the overview again changed nothing.
    assert_eq!(posts(&tenant, "/deviceManagement/deviceConfigurations"), 1);
    assert_eq!(posts(&tenant, "/assign"), 1);
}

#[tokio::test]
async fn a_crash_between_create_and_assign_is_recovered_on_the_next_run() {
    let tenant = common::tenant(Options::default()).await;
    consent_everything(&tenant);
    let created = {
        let (client, tid) = signed_in(&tenant, ADMIN, Task::Setup, "setup-crash-1").await;
        ensure_policy(&client, &tid).await.unwrap()
        // The app "crashes" here: client, tokens and memory are gone.
    };
    let (client, tid) = signed_in(&tenant, ADMIN, Task::Setup, "setup-crash-2").await;
    let resumed = setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
        .await
        .unwrap();
    assert_eq!(resumed.policy.status.state, ItemState::Done);
    assert_eq!(resumed.assignment.status.state, ItemState::NotDone);
    let profile = resumed.policy.profile.clone().unwrap();
    assert_eq!(profile.id, created.profile.id);

    let choice = ensure_policy(&client, &tid).await.unwrap();
    assert!(!choice.created, "the unassigned profile is reused");
    assign(&client, &profile.id, &group(&tenant, PILOT), &[])
        .await
        .unwrap();
    assert!(
        setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
            .await
            .unwrap()
            .everything_done
    );
    assert_eq!(recovery_profiles(&tenant).len(), 1);
    assert_eq!(posts(&tenant, "/deviceManagement/deviceConfigurations"), 1);
}

#[tokio::test]
async fn with_a_30_percent_fault_rate_every_step_completes_with_the_same_end_state() {
    let options = Options {
        fault_rate: 0.3,
        ..Options::default()
    };
    let tenant = common::tenant(options).await;
    let (client, tid) = signed_in(&tenant, ADMIN, Task::Setup, "setup-faults").await;

    until_ok("the first overview", || {
        setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
    })
    .await;
    consent_everything(&tenant);
    let consent = until_ok("the consent check", || consent_status(&client)).await;
    assert!(consent.done);
    let policy = until_ok("the policy", || ensure_policy(&client, &tid)).await;
    let again = until_ok("the policy again", || ensure_policy(&client, &tid)).await;
    assert_eq!(policy.profile.id, again.profile.id);
    let pilot = group(&tenant, PILOT);
    let all = NewTarget::AllDevices;
    until_ok("assigning the pilot group", || {
        assign_as_shown(&client, &policy.profile.id, &pilot)
    })
    .await;
    until_ok("assigning all devices", || {
        assign_as_shown(&client, &policy.profile.id, &all)
    })
    .await;
    until_ok("assigning the pilot group again", || {
        assign_as_shown(&client, &policy.profile.id, &pilot)
    })
    .await;
    // A part Graph failed to answer (a 507 in the batch) shows as failed in that overview; the
    // person reads it again, as they would press Refresh. The tenant's state is what must hold.
    let mut end = None;
    for _ in 0..10 {
        let read = until_ok("the last overview", || {
            setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
        })
        .await;
        let done = read.everything_done;
        end = Some(read);
        if done {
            break;
        }
    }
    let end = end.expect("read at least once");
    assert!(end.everything_done, "{end:#?}");
    let failed = tenant
        .requests()
        .iter()
        .filter(|r| r.path_and_query.starts_with("/v1.0/") && r.status >= 429)
        .count();
    assert!(failed > 5, "the run really met failures ({failed})");
    assert_eq!(
        recovery_profiles(&tenant).len(),
        1,
        "one profile, whatever failed"
    );
    let mut kinds: Vec<String> = tenant
        .assignment_targets(policy.profile.id.as_str())
        .iter()
        .map(|t| format!("{}|{}", t["@odata.type"], t["groupId"]))
        .collect();
    kinds.sort();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(
        kinds
            .iter()
            .any(|k| k.contains("allDevicesAssignmentTarget"))
    );
    assert!(
        kinds
            .iter()
            .any(|k| k.contains(&tenant.group_id(PILOT).unwrap()))
    );
}

#[tokio::test]
async fn a_disabled_app_is_reported_as_disabled_with_what_to_do() {
    let tenant = common::tenant(Options::default()).await;
    let (client, _) = signed_in(&tenant, ADMIN, Task::Setup, "setup-disabled").await;
    consent_everything(&tenant);
    assert!(tenant.set_app_enabled(PIN_RESET_APPS[1].app_id, false));
    let status = consent_status(&client).await.unwrap();
    assert!(!status.done);
    assert_eq!(status.apps[0].state, PinResetAppState::Enabled);
    assert_eq!(status.apps[1].state, PinResetAppState::Disabled);
    assert_eq!(status.apps[1].sentence.key, "appDisabled");
}

#[tokio::test]
async fn profiles_that_set_false_or_another_tenant_are_pointed_out_and_not_reused() {
    let tenant = common::tenant(Options::default()).await;
    let (client, tid) = signed_in(&tenant, ADMIN, Task::Setup, "setup-odd").await;
    let setting = |uri: String, value: bool| {
        json!({
            "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
            "id": format!("odd-{value}-{}", uri.len()),
            "displayName": if value { "Copied from the old tenant" } else { "PIN recovery off" },
            "omaSettings": [{
                "@odata.type": "#microsoft.graph.omaSettingBoolean",
                "displayName": "EnablePinRecovery",
                "omaUri": uri,
                "value": value,
            }],
        })
    };
    tenant.add_device_configuration(setting(oma_uri(&tid.as_str().into()), false));
    tenant.add_device_configuration(setting(
        oma_uri(&"00000000-1111-2222-3333-444444444444".into()).replace("Device", "device"),
        true,
    ));
    let overview = setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
        .await
        .unwrap();
    assert_eq!(overview.policy.status.state, ItemState::NotDone);
    let kinds: Vec<ProblemKind> = overview.policy.problems.iter().map(|p| p.kind).collect();
    assert!(kinds.contains(&ProblemKind::ValueFalse), "{kinds:?}");
    assert!(kinds.contains(&ProblemKind::OtherTenant), "{kinds:?}");
    let choice = ensure_policy(&client, &tid).await.unwrap();
    assert!(choice.created);
    assert_eq!(choice.problems.len(), 2);
}

#[tokio::test]
async fn the_helpdesk_sees_setup_done_but_is_told_the_role_is_missing_to_change_it() {
    let tenant = common::tenant(Options::default()).await;
    consent_everything(&tenant);
    let (admin, tid) = signed_in(&tenant, ADMIN, Task::Setup, "setup-admin").await;
    let policy = ensure_policy(&admin, &tid).await.unwrap();
    let assigned = assign(&admin, &policy.profile.id, &group(&tenant, PILOT), &[])
        .await
        .unwrap();

    let (auth, tid) = sign_in(&tenant, HELPDESK, Task::Helpdesk, "setup-helpdesk").await;
    // Reading the status asks only for read permissions.
    let reader = client(&tenant, &auth, Task::SetupStatus);
    let overview = setup_overview(&reader, &tid, DEFAULT_CLIENT_ID)
        .await
        .unwrap();
    assert!(overview.everything_done);
    let helpdesk = client(&tenant, &auth, Task::Setup);
    let refused = assign(
        &helpdesk,
        &policy.profile.id,
        &NewTarget::AllDevices,
        &keys(&assigned),
    )
    .await
    .unwrap_err();
    assert_eq!(refused.failure_kind(), "roleMissing");
    assert_eq!(
        posts(&tenant, "/assign"),
        2,
        "the refused assign reached Intune once"
    );
    assert_eq!(
        tenant.assignment_targets(policy.profile.id.as_str()).len(),
        1
    );
}

#[tokio::test]
async fn resetting_the_demo_tenant_brings_setup_back_to_nothing_done() {
    let tenant = common::tenant(Options::default()).await;
    consent_everything(&tenant);
    let (client, tid) = signed_in(&tenant, ADMIN, Task::Setup, "setup-reset").await;
    ensure_policy(&client, &tid).await.unwrap();
    tenant.reset_setup();
    let overview = setup_overview(&client, &tid, DEFAULT_CLIENT_ID)
        .await
        .unwrap();
    assert_eq!(overview.consent.status.state, ItemState::NotDone);
    assert_eq!(overview.policy.status.state, ItemState::NotDone);
    assert_eq!(
        tenant.device_configurations().len(),
        1,
        "the seeded profile stays"
    );
}

#[tokio::test]
async fn a_person_without_an_intune_role_is_told_what_they_cannot_see_not_an_error() {
    let tenant = common::tenant(Options::default()).await;
    consent_everything(&tenant);
    let (auth, tid) = sign_in(&tenant, NO_ROLE, Task::Helpdesk, "setup-norole").await;
    let reader = client(&tenant, &auth, Task::SetupStatus);
    let overview = setup_overview(&reader, &tid, DEFAULT_CLIENT_ID)
        .await
        .unwrap();
    assert_eq!(overview.consent.status.state, ItemState::Done);
    assert_eq!(overview.policy.status.state, ItemState::CannotSee);
    assert_eq!(overview.policy.status.sentence.key, "cannotSeeProfiles");
    assert!(!overview.everything_done);
}
