//! Every kind of failure the window can be told of: the stable word it branches on and finds its
//! sentences by (`errors.<kind>.what` and `.next` in each catalogue). The TypeScript union is
//! generated from this list, and the window's type check fails while a kind has no words.

use std::fmt;

use serde::Serialize;

macro_rules! failure_kinds {
    ($($(#[$doc:meta])* $variant:ident => $word:literal),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
        pub enum FailureKind {
            $($(#[$doc])* #[serde(rename = $word)] $variant),*
        }

        impl FailureKind {
            /// Every kind, for the window's generated list (`generated/keys.ts`).
            pub const ALL: &'static [FailureKind] = &[$(FailureKind::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(FailureKind::$variant => $word),*
                }
            }
        }
    };
}

failure_kinds! {
    Config => "config",
    BadRequest => "badRequest",
    NotSignedIn => "notSignedIn",
    NotBuiltYet => "notBuiltYet",
    Internal => "internal",
    SignInCancelled => "signInCancelled",
    SignInTimedOut => "signInTimedOut",
    SignInInProgress => "signInInProgress",
    ConsentMissing => "consentMissing",
    OrgNotApproved => "orgNotApproved",
    ConditionalAccess => "conditionalAccess",
    ClientUnknown => "clientUnknown",
    UserNotAssigned => "userNotAssigned",
    MfaRequired => "mfaRequired",
    SessionExpired => "sessionExpired",
    InteractionRequired => "interactionRequired",
    AccountElsewhere => "accountElsewhere",
    IdentityProvider => "identityProvider",
    SignInRejected => "signInRejected",
    Network => "network",
    KeychainUnavailable => "keychainUnavailable",
    BrowserUnavailable => "browserUnavailable",
    Storage => "storage",
    Clipboard => "clipboard",
    TenantMismatch => "tenantMismatch",
    Unconfirmed => "unconfirmed",
    AssignmentsChanged => "assignmentsChanged",
    Throttled => "throttled",
    RoleMissing => "roleMissing",
    ScopeMissing => "scopeMissing",
    NotFound => "notFound",
    NotLicensed => "notLicensed",
    ClaimsChallenge => "claimsChallenge",
    ServiceError => "serviceError",
    Cancelled => "cancelled",
    TookTooLong => "tookTooLong",
    ResetAlreadySending => "resetAlreadySending",
    ResetUnconfirmed => "resetUnconfirmed",
    TapAlreadySending => "tapAlreadySending",
    TapExists => "tapExists",
    TapPolicyRefused => "tapPolicyRefused",
    TapAdminTarget => "tapAdminTarget",
    TapRoleMissing => "tapRoleMissing",
    TapUnconfirmed => "tapUnconfirmed",
    TapCreatedUnseen => "tapCreatedUnseen",
    /// The administrator's rule: a reset needs a ticket number.
    TicketRequired => "ticketRequired",
}

impl fmt::Display for FailureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets tests and logs compare a kind with its word.
impl PartialEq<&str> for FailureKind {
    fn eq(&self, word: &&str) -> bool {
        self.as_str() == *word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_sent_as_its_word() {
        assert_eq!(
            serde_json::to_value(FailureKind::TapCreatedUnseen).unwrap(),
            "tapCreatedUnseen"
        );
        assert_eq!(
            FailureKind::BrowserUnavailable.to_string(),
            "browserUnavailable"
        );
    }
}
