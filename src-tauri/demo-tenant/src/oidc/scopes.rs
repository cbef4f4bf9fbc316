//! Scope strings as Entra ID v2.0 reads them: OpenID scopes plus Graph permissions, written either
//! as `https://graph.microsoft.com/Name` or bare.

use super::error::AadError;
use crate::DEFAULT_CLIENT_ID;

pub(crate) const GRAPH_RESOURCE: &str = "https://graph.microsoft.com/";

/// Delegated Graph permissions the demo knows for the client. A request for anything else fails
/// the way a permission nobody could consent to does. All but [`USER_CONSENTABLE`] need an
/// administrator's consent, as in Graph's permissions reference (see `consent_check`).
pub(crate) const KNOWN: [&str; 14] = [
    "User.Read",
    "User.ReadBasic.All",
    "Directory.Read.All",
    "Organization.Read.All",
    "Application.Read.All",
    "GroupMember.Read.All",
    "DeviceManagementConfiguration.Read.All",
    "DeviceManagementConfiguration.ReadWrite.All",
    "DeviceManagementManagedDevices.Read.All",
    "DeviceManagementManagedDevices.ReadWrite.All",
    "DeviceManagementManagedDevices.PrivilegedOperations.All",
    "UserAuthenticationMethod.Read.All",
    "UserAuthenticationMethod.ReadWrite.All",
    "Policy.Read.AuthenticationMethod",
];

/// The permissions of [`KNOWN`] a person may consent to for themselves (Graph's permissions
/// reference: "Admin consent required: No").
pub(crate) const USER_CONSENTABLE: [&str; 2] = ["User.Read", "User.ReadBasic.All"];

/// Whether `scope` (a name from [`KNOWN`]) needs an administrator's consent.
pub(crate) fn admin_only(scope: &str) -> bool {
    !USER_CONSENTABLE
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scope))
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Scopes {
    /// Canonical names from [`KNOWN`], in request order, without duplicates.
    pub graph: Vec<&'static str>,
    pub openid: bool,
    pub profile: bool,
    pub email: bool,
    pub offline_access: bool,
}

impl Scopes {
    pub fn parse(raw: &str) -> Result<Scopes, AadError> {
        let mut scopes = Scopes::default();
        for item in raw.split_whitespace() {
            match item.to_ascii_lowercase().as_str() {
                "openid" => scopes.openid = true,
                "profile" => scopes.profile = true,
                "email" => scopes.email = true,
                "offline_access" => scopes.offline_access = true,
                _ => scopes.add_graph(item)?,
            }
        }
        Ok(scopes)
    }

    fn add_graph(&mut self, item: &str) -> Result<(), AadError> {
        let name = match strip_prefix_ignore_case(item, GRAPH_RESOURCE) {
            Some(name) => name,
            None if item.contains('/') || item.contains(':') => return Err(invalid_scope(item)),
            None => item,
        };
        if name == ".default" {
            for scope in KNOWN {
                self.push(scope);
            }
            return Ok(());
        }
        let scope = KNOWN
            .iter()
            .find(|s| s.eq_ignore_ascii_case(name))
            .ok_or_else(|| not_consented(item))?;
        self.push(scope);
        Ok(())
    }

    fn push(&mut self, scope: &'static str) {
        if !self.graph.contains(&scope) {
            self.graph.push(scope);
        }
    }

    pub fn has(&self, graph_scope: &str) -> bool {
        self.graph
            .iter()
            .any(|s| s.eq_ignore_ascii_case(graph_scope))
    }

    /// The `scope` value of a token response: Graph permissions in full form, then the OpenID
    /// scopes that shape the ID token.
    pub fn response_string(&self) -> String {
        let graph = self.graph.iter().map(|s| format!("{GRAPH_RESOURCE}{s}"));
        let oidc = [
            (self.openid, "openid"),
            (self.profile, "profile"),
            (self.email, "email"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| name.to_owned());
        graph.chain(oidc).collect::<Vec<_>>().join(" ")
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn invalid_scope(scope: &str) -> AadError {
    AadError::new(
        "invalid_scope",
        70_011,
        format!(
            "The provided request must include a 'scope' input parameter. The provided value for \
             the input parameter 'scope' is not valid. The scope {scope} is not valid."
        ),
    )
}

fn not_consented(scope: &str) -> AadError {
    AadError::new(
        "consent_required",
        65_001,
        format!(
            "The user or administrator has not consented to use the application with ID \
             '{DEFAULT_CLIENT_ID}' for the permission '{scope}'. Send an interactive \
             authorization request for this user and resource."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_scopes_are_read_in_full_and_bare_form() {
        let scopes = Scopes::parse(
            "openid profile offline_access https://graph.microsoft.com/User.Read \
             devicemanagementmanageddevices.read.all User.Read",
        );
        let scopes = scopes.unwrap_or_default();
        assert_eq!(
            scopes.graph,
            ["User.Read", "DeviceManagementManagedDevices.Read.All"]
        );
        assert!(scopes.openid && scopes.offline_access && !scopes.email);
        assert_eq!(
            scopes.response_string(),
            "https://graph.microsoft.com/User.Read \
             https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All openid profile"
        );
    }

    #[test]
    fn unknown_resources_and_unconsented_permissions_are_refused() {
        let other = Scopes::parse("openid https://other.example/Read").err();
        assert_eq!(other.map(|e| e.code), Some(70_011));
        let mail = Scopes::parse("https://graph.microsoft.com/Mail.Read").err();
        assert_eq!(mail.map(|e| e.error), Some("consent_required"));
    }

    #[test]
    fn default_scope_means_every_known_permission() {
        let scopes = Scopes::parse("https://graph.microsoft.com/.default").unwrap_or_default();
        assert_eq!(scopes.graph.len(), KNOWN.len());
    }

    #[test]
    fn only_user_read_can_be_consented_to_by_anyone() {
        assert!(!admin_only("user.read"));
        assert!(admin_only("DeviceManagementManagedDevices.Read.All"));
        assert!(admin_only("GroupMember.Read.All"));
    }
}
