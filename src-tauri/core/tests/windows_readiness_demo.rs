#![allow(clippy::unwrap_used, clippy::expect_used)] // test set-up may panic freely outside #[test] functions
//! A Windows PC's readiness against the demo tenant: each line from real Graph answers, exact
//! request counts, and a line PinDesk may not read named without hiding the others.

mod common;

use common::desk::{desk, device};
use demo_tenant::{HELPDESK, NO_ROLE, Options};
use pindesk_core::reset::readiness::{Check, Conclusion, Fixer, Missing};
use pindesk_core::reset::{SetupFacts, read_readiness};

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
