//! Every kind of failure the window can be told of: the stable word it branches on and finds its
//! sentences by (`errors.<kind>.what` and `.next` in each catalogue). The TypeScript union is
//! generated from this list, and the window's type check fails while a kind has no words.

use crate::word_enum::word_enum;

word_enum! {
    pub enum FailureKind {
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
