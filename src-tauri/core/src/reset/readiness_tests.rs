use super::*;
use crate::graph::models::ComplianceStatus as S;

fn ready() -> Readiness {
    Readiness {
        profile_reached: Check::Yes,
        service_consented: Check::Yes,
        windows_supported: Check::Yes,
        mfa_method: Check::Yes,
    }
}

#[test]
fn every_line_yes_means_they_can_reset_it_themselves() {
    assert_eq!(ready().conclusion(), Conclusion::SelfService);
}

#[test]
fn pending_profile_says_wait_for_the_device_to_check_in() {
    let r = Readiness {
        profile_reached: profile_check(Some(S::Unknown)),
        ..ready()
    };
    assert_eq!(
        r.conclusion(),
        Conclusion::Blocked {
            missing: Missing::ProfilePending,
            fixer: Fixer::Wait
        }
    );
}

#[test]
fn failed_or_absent_profile_goes_to_the_intune_administrator() {
    assert_eq!(
        profile_check(Some(S::Error)),
        Check::No {
            why: Missing::ProfileFailed
        }
    );
    assert_eq!(
        profile_check(None),
        Check::No {
            why: Missing::ProfileNotAssigned
        }
    );
    assert_eq!(profile_check(Some(S::Compliant)), Check::Yes);
}

#[test]
fn missing_consent_goes_to_an_application_administrator() {
    let r = Readiness {
        service_consented: Check::No {
            why: Missing::NoConsent,
        },
        ..ready()
    };
    assert_eq!(
        r.conclusion(),
        Conclusion::Blocked {
            missing: Missing::NoConsent,
            fixer: Fixer::ApplicationAdministrator
        }
    );
}

#[test]
fn windows_1709_and_later_and_windows_11_support_lock_screen_reset() {
    assert_eq!(windows_check("10.0.16299.15"), Check::Yes);
    assert_eq!(windows_check("10.0.22631.2861"), Check::Yes);
    assert_eq!(
        windows_check("10.0.15063.2108"),
        Check::No {
            why: Missing::WindowsTooOld
        }
    );
    assert!(matches!(windows_check("unknown"), Check::Unknown { .. }));
}

#[test]
fn a_password_alone_is_no_usable_method_and_offers_a_pass() {
    let none = mfa_check(&["#microsoft.graph.passwordAuthenticationMethod"]);
    assert_eq!(
        none,
        Check::No {
            why: Missing::NoMfaMethod
        }
    );
    let r = Readiness {
        mfa_method: none,
        ..ready()
    };
    assert_eq!(
        r.conclusion(),
        Conclusion::Blocked {
            missing: Missing::NoMfaMethod,
            fixer: Fixer::Helpdesk
        }
    );
    assert_eq!(
        mfa_check(&["#microsoft.graph.microsoftAuthenticatorAuthenticationMethod"]),
        Check::Yes
    );
    assert_eq!(
        mfa_check(&["#microsoft.graph.emailAuthenticationMethod"]),
        Check::No {
            why: Missing::NoMfaMethod
        }
    );
}

#[test]
fn a_tenant_without_the_profile_goes_to_the_intune_administrator() {
    let r = Readiness {
        profile_reached: Check::No {
            why: Missing::NoProfile,
        },
        ..ready()
    };
    assert_eq!(
        r.conclusion(),
        Conclusion::Blocked {
            missing: Missing::NoProfile,
            fixer: Fixer::IntuneAdministrator
        }
    );
}

#[test]
fn method_kinds_are_words_and_never_details() {
    assert_eq!(
        method_kind("#microsoft.graph.phoneAuthenticationMethod"),
        "phone"
    );
    assert_eq!(method_kind("#microsoft.graph.somethingNew"), "other");
}

#[test]
fn an_unreadable_line_stays_unknown_and_the_rest_still_decides() {
    let unknown = Check::Unknown {
        needs: "UserAuthenticationMethod.Read.All".to_owned(),
    };
    let r = Readiness {
        mfa_method: unknown.clone(),
        ..ready()
    };
    assert_eq!(r.conclusion(), Conclusion::Unsure);
    let r = Readiness {
        mfa_method: unknown,
        windows_supported: windows_check("10.0.10586.0"),
        ..ready()
    };
    assert_eq!(
        r.conclusion(),
        Conclusion::Blocked {
            missing: Missing::WindowsTooOld,
            fixer: Fixer::IntuneAdministrator
        }
    );
}
