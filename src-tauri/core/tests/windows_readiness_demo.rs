#![allow(clippy::unwrap_used, clippy::expect_used)] // test set-up may panic freely outside #[test] functions
//! A Windows PC's readiness and the Temporary Access Pass against the demo tenant: each line from
//! real Graph answers, exact request counts, and one POST per confirmation whatever happens.

mod common;

use std::sync::Arc;

use common::{FakeBrowser, Play};
use demo_tenant::{DemoTenant, HELPDESK, NO_ROLE, Options};
use pindesk_core::Task;
use pindesk_core::auth::GraphTokens;
use pindesk_core::graph::models::{DeviceConfigurationId, ManagedDeviceId};
use pindesk_core::graph::{GraphClient, GraphOptions, TokenSource};
use pindesk_core::keychain::{MemoryStore, SecretStore};
use pindesk_core::reset::readiness::{Check, Conclusion, Fixer, Missing};
use pindesk_core::reset::{
    OfferState, ReadinessClients, SetupFacts, TapError, create_tap, read_readiness, tap_offer,
};
use serde_json::json;

struct Desk {
    tenant: DemoTenant,
    helpdesk: GraphClient,
    profiles: GraphClient,
    methods: GraphClient,
    pass: GraphClient,
}

async fn desk(options: Options, person: &str, name: &str) -> Desk {
    let tenant = common::tenant(options).await;
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let config = common::config_for(&tenant, &common::data_dir(name));
    let auth = common::auth(
        config,
        store,
        FakeBrowser::new(Some(person), Play::Complete),
    );
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let client = |task| {
        let tokens: Arc<dyn TokenSource> = Arc::new(GraphTokens::new(auth.clone(), task));
        GraphClient::new(tenant.graph_base(), tokens, GraphOptions::default()).unwrap()
    };
    Desk {
        helpdesk: client(Task::Helpdesk),
        profiles: client(Task::SetupStatus),
        methods: client(Task::Readiness),
        pass: client(Task::AccessPass),
        tenant,
    }
}

impl Desk {
    fn clients(&self) -> ReadinessClients<'_> {
        ReadinessClients {
            devices: &self.helpdesk,
            profiles: &self.profiles,
            methods: &self.methods,
        }
    }

    /// The PIN recovery profile, assigned to two groups a few seconds ago, as the setup leaves it.
    async fn deployed(&self) -> SetupFacts {
        let id = "5d0c7a1e-0000-4000-8000-000000000001";
        self.tenant.add_device_configuration(json!({
            "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
            "id": id, "displayName": "Windows Hello PIN recovery", "version": 1,
            "createdDateTime": "2026-01-01T00:00:00Z", "lastModifiedDateTime": "2026-01-01T00:00:00Z",
            "omaSettings": [{"@odata.type": "#microsoft.graph.omaSettingBoolean",
                "displayName": "EnablePinRecovery", "value": true,
                "omaUri": format!("./Device/Vendor/MSFT/PassportForWork/{}/Policies/EnablePinRecovery", self.tenant.tenant_id())}],
        }));
        for group in ["Finance – Windows devices", "Area managers"] {
            let group_id = self.tenant.group_id(group).unwrap();
            self.tenant.add_assignment(
                id,
                json!({"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": group_id}),
            );
        }
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        SetupFacts {
            consented: Some(true),
            profile: Some(Some(DeviceConfigurationId::new(id))),
        }
    }

    /// The Graph requests since `since` (token refreshes left out).
    fn asked(&self, since: usize) -> Vec<String> {
        self.tenant.requests()[since..]
            .iter()
            .filter(|r| r.path_and_query.starts_with("/v1.0/"))
            .map(|r| format!("{} {}", r.method, r.path_and_query))
            .collect()
    }

    fn posts(&self) -> usize {
        self.tenant
            .requests()
            .iter()
            .filter(|r| {
                r.method == "POST" && r.path_and_query.contains("temporaryAccessPassMethods")
            })
            .count()
    }
}

fn device(name: &str) -> ManagedDeviceId {
    let directory = demo_tenant::seed::Directory::seed(40, time::OffsetDateTime::now_utc());
    let found = directory
        .managed_devices
        .iter()
        .find(|d| d.properties.get("deviceName").and_then(|n| n.as_str()) == Some(name))
        .expect("a seeded device");
    ManagedDeviceId::new(found.id())
}

fn person_id(desk_alias: &str) -> String {
    demo_tenant::seed::people::owners("pindesk-demo.example")
        .into_iter()
        .find(|o| o.user_principal_name.starts_with(&format!("{desk_alias}@")))
        .expect("a seeded person")
        .id
}

#[tokio::test]
async fn a_pc_whose_profile_succeeded_and_whose_person_has_a_method_can_reset_itself() {
    let desk = desk(Options::default(), HELPDESK, "ready-self").await;
    let facts = desk.deployed().await;
    let before = desk.tenant.requests().len();
    let view = read_readiness(desk.clients(), &facts, &device("Sales #4 / North"))
        .await
        .unwrap();
    assert_eq!(view.conclusion, Conclusion::SelfService, "{view:?}");
    assert_eq!(view.method_kinds, ["password", "authenticator"]);
    assert_eq!(
        view.person.as_ref().unwrap().user_principal_name.as_deref(),
        Some("ana.souza@pindesk-demo.example")
    );
    // One device read, every deviceStatuses page (10 rows a page), one methods read.
    let asked = desk.asked(before);
    let statuses = asked
        .iter()
        .filter(|r| r.contains("/deviceStatuses"))
        .count();
    assert_eq!(statuses, 2, "{asked:#?}");
    assert_eq!(asked.len(), 1 + statuses + 1, "{asked:#?}");
}

#[tokio::test]
async fn each_line_says_what_is_missing_and_who_fixes_it() {
    let desk = desk(Options::default(), HELPDESK, "ready-lines").await;
    let facts = desk.deployed().await;
    // Not checked in for twelve days: the profile is still pending; Windows 10 1703 is too old.
    let stale = read_readiness(desk.clients(), &facts, &device("NW-LT-1703"))
        .await
        .unwrap();
    assert_eq!(
        stale.lines.profile_reached,
        Check::No {
            why: Missing::ProfilePending
        }
    );
    assert_eq!(
        stale.lines.windows_supported,
        Check::No {
            why: Missing::WindowsTooOld
        }
    );
    assert_eq!(
        stale.conclusion,
        Conclusion::Blocked {
            missing: Missing::ProfilePending,
            fixer: Fixer::Wait
        }
    );
    // A password only: the helpdesk can give a pass.
    let ngozi = read_readiness(desk.clients(), &facts, &device("Ngozi's Surface"))
        .await
        .unwrap();
    assert_eq!(
        ngozi.conclusion,
        Conclusion::Blocked {
            missing: Missing::NoMfaMethod,
            fixer: Fixer::Helpdesk
        }
    );
    // Outside the assigned groups, and in a tenant without the profile or consent.
    let out = read_readiness(desk.clients(), &facts, &device("NW-LT-0117"))
        .await
        .unwrap();
    assert_eq!(
        out.lines.profile_reached,
        Check::No {
            why: Missing::ProfileNotAssigned
        }
    );
    let bare = SetupFacts {
        consented: Some(false),
        profile: Some(None),
    };
    let none = read_readiness(desk.clients(), &bare, &device("NW-LT-0117"))
        .await
        .unwrap();
    assert_eq!(
        none.lines.profile_reached,
        Check::No {
            why: Missing::NoProfile
        }
    );
    assert_eq!(
        none.lines.service_consented,
        Check::No {
            why: Missing::NoConsent
        }
    );
    // The helpdesk's phone method shows as a word, never its number.
    let text = serde_json::to_string(&out).unwrap();
    assert!(out.method_kinds.contains(&"phone"));
    assert!(!text.contains("4255550199"), "{text}");
}

#[tokio::test]
async fn a_line_pindesk_cannot_read_is_unknown_with_the_role_named_and_the_rest_still_show() {
    let desk = desk(Options::default(), NO_ROLE, "ready-norole").await;
    let unseen = SetupFacts {
        consented: None,
        profile: None,
    };
    // Noah has no Intune role: the device itself cannot be read.
    assert!(
        read_readiness(desk.clients(), &unseen, &device("Sales #4 / North"))
            .await
            .is_err()
    );
    let helpdesk = self::desk(Options::default(), HELPDESK, "ready-unseen").await;
    let view = read_readiness(helpdesk.clients(), &unseen, &device("Sales #4 / North"))
        .await
        .unwrap();
    assert_eq!(
        view.lines.profile_reached,
        Check::Unknown {
            needs: "DeviceManagementConfiguration.Read.All".into()
        }
    );
    assert_eq!(
        view.lines.service_consented,
        Check::Unknown {
            needs: "Application.Read.All".into()
        }
    );
    assert_eq!(view.lines.windows_supported, Check::Yes);
    assert_eq!(view.lines.mfa_method, Check::Yes);
    assert_eq!(view.conclusion, Conclusion::Unsure);
}

#[tokio::test]
async fn without_consent_to_read_methods_the_mfa_line_names_the_permission() {
    let desk = desk(Options::default(), HELPDESK, "ready-noconsent").await;
    let facts = desk.deployed().await;
    desk.tenant
        .require_interaction_for("UserAuthenticationMethod.Read.All");
    let view = read_readiness(desk.clients(), &facts, &device("Sales #4 / North"))
        .await
        .unwrap();
    assert_eq!(
        view.lines.mfa_method,
        Check::Unknown {
            needs: "UserAuthenticationMethod.Read.All".into()
        }
    );
    assert_eq!(view.lines.profile_reached, Check::Yes);
    assert_eq!(view.conclusion, Conclusion::Unsure);
}

#[tokio::test]
async fn a_person_without_a_method_is_offered_a_pass_created_once_and_shown_once() {
    let desk = desk(Options::default(), HELPDESK, "tap-once").await;
    let ngozi = person_id("ngozi.okafor");
    let before = desk.tenant.requests().len();
    let offer = tap_offer(&desk.pass, &ngozi).await.unwrap();
    assert_eq!(offer.state, OfferState::Offer);
    assert_eq!(
        (offer.lifetime_minutes, offer.one_time, offer.admin_target),
        (Some(60), Some(true), false)
    );
    assert_eq!(desk.asked(before).len(), 3, "policy, groups, running pass");

    let before = desk.tenant.requests().len();
    let (first, second) = tokio::join!(
        create_tap(&desk.pass, &ngozi, 60, true, false),
        create_tap(&desk.pass, &ngozi, 60, true, false)
    );
    let made = first.or(second).unwrap();
    assert_eq!(made.pass.expose().len(), 8);
    assert!(!format!("{made:?}").contains(made.pass.expose()));
    assert_eq!(desk.posts(), 1);
    assert_eq!(
        desk.asked(before).len(),
        2,
        "one read of the running pass, one POST"
    );
    assert!(
        desk.tenant
            .issued_secrets()
            .contains(&made.pass.expose().to_owned())
    );

    // Clicking again finds the running pass and sends nothing.
    let again = create_tap(&desk.pass, &ngozi, 60, true, false)
        .await
        .unwrap_err();
    assert!(matches!(again, TapError::Exists { ends_at: Some(_) }));
    assert_eq!(desk.posts(), 1);
    let offer = tap_offer(&desk.pass, &ngozi).await.unwrap();
    assert_eq!(offer.state, OfferState::Exists);
    assert_eq!(offer.ends_at, made.ends_at);
}

#[tokio::test]
async fn each_refusal_of_a_pass_is_said_in_its_own_words() {
    let desk = desk(Options::default(), HELPDESK, "tap-refusals").await;
    // Not in the policy's groups.
    let kenji = person_id("kenji.watanabe");
    assert_eq!(
        tap_offer(&desk.pass, &kenji).await.unwrap().state,
        OfferState::NotForThisPerson
    );
    assert!(matches!(
        create_tap(&desk.pass, &kenji, 60, true, false).await,
        Err(TapError::PolicyRefused)
    ));
    // An administrator takes a Privileged Authentication Administrator.
    let avery = person_id("admin");
    assert!(matches!(
        create_tap(&desk.pass, &avery, 60, true, true).await,
        Err(TapError::AdminTarget)
    ));
    // A pass already running: its end is said, nothing is sent.
    let soren = person_id("soren.lund");
    let offer = tap_offer(&desk.pass, &soren).await.unwrap();
    assert_eq!(offer.state, OfferState::Exists);
    assert!(offer.ends_at.is_some());
    let posts = desk.posts();
    assert!(matches!(
        create_tap(&desk.pass, &soren, 60, true, false).await,
        Err(TapError::Exists { .. })
    ));
    assert_eq!(desk.posts(), posts);
    // Someone without an authentication role.
    let norole = self::desk(Options::default(), NO_ROLE, "tap-norole").await;
    let ngozi = person_id("ngozi.okafor");
    assert!(matches!(
        create_tap(&norole.pass, &ngozi, 60, true, false).await,
        Err(TapError::RoleMissing)
    ));
    assert_eq!(norole.posts(), 0);
}

#[tokio::test]
async fn under_faults_one_confirmation_sends_at_most_one_pass_and_a_retry_sends_none() {
    let options = Options {
        fault_rate: 0.4,
        drop_rate: 0.2,
        ..Options::default()
    };
    let desk = desk(options, HELPDESK, "tap-faults").await;
    let ines = person_id("ines.dubois");
    let mut outcomes = Vec::new();
    for _ in 0..4 {
        let before = desk.posts();
        let result = create_tap(&desk.pass, &ines, 60, true, false).await;
        assert!(
            desk.posts() - before <= 1,
            "one confirmation, one POST at most"
        );
        outcomes.push(result.map(|_| ()).map_err(|e| e.to_string()));
        if desk
            .tenant
            .requests()
            .iter()
            .any(|r| r.method == "POST" && r.status == 201)
        {
            break;
        }
    }
    // Once a pass exists, every further confirmation stops at the read: nothing more is posted.
    let created = desk
        .tenant
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.status == 201)
        .count();
    assert!(created <= 1, "{outcomes:?}");
    if created == 1 {
        let posts = desk.posts();
        let again = create_tap(&desk.pass, &ines, 60, true, false).await;
        assert!(again.is_err());
        assert_eq!(desk.posts(), posts, "{again:?}");
    }
}
