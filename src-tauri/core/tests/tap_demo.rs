#![allow(clippy::unwrap_used, clippy::expect_used)] // test set-up may panic freely outside #[test] functions
//! The Temporary Access Pass against the demo tenant: the policy's offer, each refusal in its own
//! words, and one POST per confirmation whatever happens (double clicks, faults, retries).

mod common;

use common::desk::{desk, person_id};
use demo_tenant::{HELPDESK, NO_ROLE, Options};
use pindesk_core::reset::{OfferState, TapError, create_tap, tap_offer};

#[tokio::test]
async fn a_person_without_a_method_is_offered_a_pass_created_once_and_shown_once() {
    let desk = desk(Options::default(), HELPDESK, "tap-once").await;
    let ngozi = person_id("ngozi.okafor");
    let before = desk.tenant.requests().len();
    let offer = tap_offer(&desk.pass, &desk.policy, &ngozi).await.unwrap();
    assert_eq!(offer.state, OfferState::Offer);
    assert_eq!(
        (offer.lifetime_minutes, offer.one_time, offer.admin_target),
        (Some(60), Some(true), false)
    );
    assert_eq!(desk.asked(before).len(), 3, "policy, groups, running pass");

    let before = desk.tenant.requests().len();
    let (first, second) = tokio::join!(
        create_tap(&desk.pass, &ngozi, Some(60), Some(true), false),
        create_tap(&desk.pass, &ngozi, Some(60), Some(true), false)
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
    let again = create_tap(&desk.pass, &ngozi, Some(60), Some(true), false)
        .await
        .unwrap_err();
    assert!(matches!(again, TapError::Exists { ends_at: Some(_) }));
    assert_eq!(desk.posts(), 1);
    let offer = tap_offer(&desk.pass, &desk.policy, &ngozi).await.unwrap();
    assert_eq!(offer.state, OfferState::Exists);
    assert_eq!(offer.ends_at, made.ends_at);
}

#[tokio::test]
async fn each_refusal_of_a_pass_is_said_in_its_own_words() {
    let desk = desk(Options::default(), HELPDESK, "tap-refusals").await;
    // Not in the policy's groups.
    let kenji = person_id("kenji.watanabe");
    assert_eq!(
        tap_offer(&desk.pass, &desk.policy, &kenji)
            .await
            .unwrap()
            .state,
        OfferState::NotForThisPerson
    );
    assert!(matches!(
        create_tap(&desk.pass, &kenji, Some(60), Some(true), false).await,
        Err(TapError::PolicyRefused)
    ));
    // An administrator takes a Privileged Authentication Administrator.
    let avery = person_id("admin");
    assert!(matches!(
        create_tap(&desk.pass, &avery, Some(60), Some(true), true).await,
        Err(TapError::AdminTarget)
    ));
    // A pass already running: its end is said, nothing is sent.
    let soren = person_id("soren.lund");
    let offer = tap_offer(&desk.pass, &desk.policy, &soren).await.unwrap();
    assert_eq!(offer.state, OfferState::Exists);
    assert!(offer.ends_at.is_some());
    let posts = desk.posts();
    assert!(matches!(
        create_tap(&desk.pass, &soren, Some(60), Some(true), false).await,
        Err(TapError::Exists { .. })
    ));
    assert_eq!(desk.posts(), posts);
    // Someone without an authentication role.
    let norole = self::desk(Options::default(), NO_ROLE, "tap-norole").await;
    let ngozi = person_id("ngozi.okafor");
    assert!(matches!(
        create_tap(&norole.pass, &ngozi, Some(60), Some(true), false).await,
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
        let result = create_tap(&desk.pass, &ines, Some(60), Some(true), false).await;
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
        let again = create_tap(&desk.pass, &ines, Some(60), Some(true), false).await;
        assert!(again.is_err());
        assert_eq!(desk.posts(), posts, "{again:?}");
    }
}

#[tokio::test]
async fn without_the_policy_permission_a_pass_is_still_offered_with_the_policy_defaults() {
    let desk = desk(Options::default(), HELPDESK, "tap-noconsent").await;
    desk.tenant
        .require_interaction_for("Policy.Read.AuthenticationMethod");
    let ngozi = person_id("ngozi.okafor");
    let offer = tap_offer(&desk.pass, &desk.policy, &ngozi).await.unwrap();
    assert_eq!(offer.state, OfferState::Offer);
    assert_eq!(
        offer.needs.as_deref(),
        Some("Policy.Read.AuthenticationMethod")
    );
    assert_eq!((offer.lifetime_minutes, offer.one_time), (None, None));
    // The POST leaves lifetime and use out: Graph applies the policy's (60 minutes, one-time).
    let made = create_tap(&desk.pass, &ngozi, None, None, false)
        .await
        .unwrap();
    assert_eq!((made.lifetime_minutes, made.one_time), (Some(60), true));
    assert_eq!(desk.posts(), 1);
}

#[tokio::test]
async fn someone_without_an_authentication_role_is_told_the_role_and_offered_nothing() {
    // Noah holds no role: neither the policy nor the person's passes may be read.
    let desk = desk(Options::default(), NO_ROLE, "tap-policy-role").await;
    let offer = tap_offer(&desk.pass, &desk.policy, &person_id("ngozi.okafor"))
        .await
        .unwrap();
    assert_eq!(offer.state, OfferState::Unknown);
    assert_eq!(offer.needs.as_deref(), Some("Authentication Administrator"));
    assert_eq!(desk.posts(), 0);
}
