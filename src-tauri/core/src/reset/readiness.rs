//! Whether a Windows 10/11 PC's user can reset a forgotten PIN themselves, line by line.
//!
//! Each line is yes, no or unknown with its reason; the conclusion names what is missing and
//! who fixes it. This module only judges facts already read; it sends no request, so a line
//! PinDesk could not read (missing permission or role) stays "unknown" and the others still show.

use serde::Serialize;

use crate::graph::models::ComplianceStatus;

/// Microsoft's page that names the Windows versions able to reset a PIN from the lock screen.
pub const PIN_RESET_PAGE: &str =
    "https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/pin-reset";

/// First build of Windows 10 version 1709, the oldest that offers PIN reset above the lock
/// screen (the page above: "Windows 10, version 1709 or later, Windows 11").
const LOCK_SCREEN_RESET_BUILD: u32 = 16299;

/// One line's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum Check {
    Yes,
    No {
        why: Missing,
    },
    /// PinDesk could not read this fact; `needs` names the permission or Entra role.
    Unknown {
        needs: String,
    },
}

/// What is missing, so the window can say it in words and name who fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Missing {
    /// The tenant has no PIN recovery profile yet (the setup's second step).
    NoProfile,
    ProfilePending,
    ProfileFailed,
    ProfileNotAssigned,
    NoConsent,
    WindowsTooOld,
    NoMfaMethod,
}

/// Who can fix a missing line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Fixer {
    /// Nobody needs to act: the device only has to check in.
    Wait,
    IntuneAdministrator,
    /// Consent to the PIN reset apps: at least an Application Administrator (Cloud Application
    /// Administrator, Privileged Role Administrator and Global Administrator also can).
    ApplicationAdministrator,
    /// The helpdesk itself, with a Temporary Access Pass.
    Helpdesk,
}

/// The four lines, in the order the window shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub profile_reached: Check,
    pub service_consented: Check,
    pub windows_supported: Check,
    pub mfa_method: Check,
}

/// The one thing the window says from the four lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Conclusion {
    /// "They can reset it themselves now: read them these steps."
    SelfService,
    /// The first missing line, and who fixes it.
    Blocked { missing: Missing, fixer: Fixer },
    /// Nothing is missing as far as PinDesk can read, but some lines are unknown.
    Unsure,
}

/// Judges the profile's per-device state (`deviceStatuses[].status` for this device, Graph's
/// `complianceStatus`: the admin center's "Succeeded" is `compliant`), `None` when the device is
/// not among the profile's statuses at all.
pub fn profile_check(status: Option<ComplianceStatus>) -> Check {
    use ComplianceStatus as S;
    let why = match status {
        Some(S::Compliant | S::Remediated) => return Check::Yes,
        Some(S::Error | S::Conflict | S::NonCompliant | S::NotApplicable) => Missing::ProfileFailed,
        Some(S::Unknown) => Missing::ProfilePending,
        Some(S::NotAssigned) | None => Missing::ProfileNotAssigned,
    };
    Check::No { why }
}

/// Judges a Windows `osVersion` such as `10.0.22631.2861` against the page's versions.
pub fn windows_check(os_version: &str) -> Check {
    let mut parts = os_version.split('.');
    let major = parts.next().and_then(|p| p.trim().parse::<u32>().ok());
    let build = parts.nth(1).and_then(|p| p.trim().parse::<u32>().ok());
    match (major, build) {
        (Some(m), Some(b)) if m > 10 || (m == 10 && b >= LOCK_SCREEN_RESET_BUILD) => Check::Yes,
        (Some(_), Some(_)) => Check::No {
            why: Missing::WindowsTooOld,
        },
        _ => Check::Unknown {
            needs: "osVersion".to_owned(),
        },
    }
}

/// What a method type is, in one word the window can say; never the method's details.
pub fn method_kind(odata_type: &str) -> &'static str {
    match odata_type.trim_start_matches("#microsoft.graph.") {
        "microsoftAuthenticatorAuthenticationMethod" => "authenticator",
        "phoneAuthenticationMethod" => "phone",
        "fido2AuthenticationMethod" => "securityKey",
        "softwareOathAuthenticationMethod" => "oathApp",
        "windowsHelloForBusinessAuthenticationMethod" => "windowsHello",
        "temporaryAccessPassAuthenticationMethod" => "temporaryAccessPass",
        "passwordAuthenticationMethod" => "password",
        "emailAuthenticationMethod" => "email",
        _ => "other",
    }
}

/// Method types (the `@odata.type` of `/users/{id}/authentication/methods`) that pass
/// multi-factor authentication. A password alone does not, nor an email address (only
/// self-service password reset takes it). Windows Hello for Business is left out: it is the PIN
/// the person has forgotten.
pub fn mfa_check(method_types: &[&str]) -> Check {
    const USABLE: [&str; 5] = [
        "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
        "#microsoft.graph.phoneAuthenticationMethod",
        "#microsoft.graph.fido2AuthenticationMethod",
        "#microsoft.graph.softwareOathAuthenticationMethod",
        "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
    ];
    if method_types.iter().any(|t| USABLE.contains(t)) {
        Check::Yes
    } else {
        Check::No {
            why: Missing::NoMfaMethod,
        }
    }
}

fn fixer_of(missing: Missing) -> Fixer {
    match missing {
        Missing::ProfilePending => Fixer::Wait,
        Missing::NoProfile
        | Missing::ProfileFailed
        | Missing::ProfileNotAssigned
        | Missing::WindowsTooOld => Fixer::IntuneAdministrator,
        Missing::NoConsent => Fixer::ApplicationAdministrator,
        Missing::NoMfaMethod => Fixer::Helpdesk,
    }
}

impl Readiness {
    /// The lines in display order.
    pub fn lines(&self) -> [&Check; 4] {
        [
            &self.profile_reached,
            &self.service_consented,
            &self.windows_supported,
            &self.mfa_method,
        ]
    }

    /// Self-service only when every line is yes; otherwise the first missing line decides.
    pub fn conclusion(&self) -> Conclusion {
        let lines = self.lines();
        if let Some(missing) = lines.iter().find_map(|c| match c {
            Check::No { why } => Some(*why),
            _ => None,
        }) {
            return Conclusion::Blocked {
                missing,
                fixer: fixer_of(missing),
            };
        }
        if lines.iter().all(|c| **c == Check::Yes) {
            Conclusion::SelfService
        } else {
            Conclusion::Unsure
        }
    }
}

#[cfg(test)]
#[path = "readiness_tests.rs"]
mod tests;
