//! Whether a person may receive the permissions a request asks for, as Entra decides it: a
//! permission that needs an administrator's consent is issued only when the organisation has
//! consented to it for the client (an `AllPrincipals` grant), or when the person signing in is an
//! administrator who may consent. The demo models that administrator's consent as given on the
//! spot for themselves (Entra would show them the consent prompt first), and never records it for
//! everyone: only the admin consent endpoint does that.

use super::error::AadError;
use super::scopes::{Scopes, admin_only};
use crate::DEFAULT_CLIENT_ID;
use crate::seed::apps::PRESENT_CLIENT_NAME;
use crate::seed::{Person, Role};
use crate::state::{Shared, changing};

/// Who may consent to admin-only delegated permissions: Application Administrator (and higher
/// roles the demo has no one in).
pub(crate) fn may_consent_for_organisation(person: &Person) -> bool {
    person.roles.contains(&Role::ApplicationAdministrator)
}

/// The admin-only permissions of `scopes` this person cannot have yet; empty when they may.
pub(crate) fn missing_consent(
    state: &Shared,
    person: &Person,
    scopes: &Scopes,
) -> Vec<&'static str> {
    if may_consent_for_organisation(person) {
        return Vec::new();
    }
    let granted = changing(&state.directory).org_consented_scopes(DEFAULT_CLIENT_ID);
    scopes
        .graph
        .iter()
        .filter(|s| admin_only(s) && !granted.iter().any(|g| g.eq_ignore_ascii_case(s)))
        .copied()
        .collect()
}

/// Entra's answer to a silent request or a refresh that needs consent nobody gave, in its words
/// (which do not name the permissions).
pub(crate) fn consent_required() -> AadError {
    AadError::new(
        "consent_required",
        65_001,
        format!(
            "The user or administrator has not consented to use the application with ID \
             '{DEFAULT_CLIENT_ID}' named '{PRESENT_CLIENT_NAME}'. Send an interactive \
             authorization request for this user and resource."
        ),
    )
}

/// The text of Entra's "Need admin approval" page.
pub(crate) fn needs_admin_text() -> String {
    format!(
        "AADSTS90094: {PRESENT_CLIENT_NAME} needs permission to access resources in your \
         organization that only an admin can grant. Please ask an admin to grant permission to \
         this app before you can use it."
    )
}
