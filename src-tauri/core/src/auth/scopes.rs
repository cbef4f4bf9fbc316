//! Which permissions each task asks for: a helpdesk sign-in gets only what the reset job needs;
//! the administrator's setup asks for its own scopes when it starts (incremental consent).

use serde::{Deserialize, Serialize};
use url::Url;

/// Why the person signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Task {
    /// Find a device and reset its passcode.
    Helpdesk,
    /// Consent to the PIN reset apps and deploy the recovery policy.
    Setup,
    /// Read where the setup stands (the overview, consent checks, deployment status). Everyone
    /// signed in reads it, so it asks only for read permissions, never the right to change.
    SetupStatus,
    /// Read a person's authentication method types for a Windows PC's readiness line, asked for
    /// the first time a PC is opened (incremental consent).
    Readiness,
    /// Give a Temporary Access Pass, asked for only when the helpdesk uses it.
    AccessPass,
    /// Read the tenant's Temporary Access Pass policy: a permission of its own, so a tenant that
    /// has not approved it still lets the helpdesk give a pass with the policy's defaults.
    AccessPassPolicy,
}

const OIDC_SCOPES: [&str; 3] = ["openid", "profile", "offline_access"];
// `User.ReadBasic.All` finds the caller in the directory by name (the search box), reading only
// names and sign-in addresses.
const HELPDESK_GRAPH_SCOPES: [&str; 4] = [
    "User.Read",
    "User.ReadBasic.All",
    "DeviceManagementManagedDevices.Read.All",
    "DeviceManagementManagedDevices.PrivilegedOperations.All",
];
// `Directory.Read.All` is the least permission that reads `oauth2PermissionGrants`, how the
// setup sees whether the sign-in client is approved for the organisation.
const SETUP_GRAPH_SCOPES: [&str; 5] = [
    "User.Read",
    "Application.Read.All",
    "Directory.Read.All",
    "GroupMember.Read.All",
    "DeviceManagementConfiguration.ReadWrite.All",
];
const SETUP_STATUS_GRAPH_SCOPES: [&str; 5] = [
    "User.Read",
    "Application.Read.All",
    "Directory.Read.All",
    "GroupMember.Read.All",
    "DeviceManagementConfiguration.Read.All",
];
// "List methods" (acting on other users): `UserAuthenticationMethod.Read.All` is the least.
const READINESS_GRAPH_SCOPES: [&str; 2] = ["User.Read", "UserAuthenticationMethod.Read.All"];
// "Create temporaryAccessPassMethod": `UserAuthenticationMethod.ReadWrite.All`; the person's
// groups and roles (the policy's group scope, an admin target): `GroupMember.Read.All`.
const ACCESS_PASS_GRAPH_SCOPES: [&str; 3] = [
    "User.Read",
    "UserAuthenticationMethod.ReadWrite.All",
    "GroupMember.Read.All",
];
// "Get temporaryAccessPassAuthenticationMethodConfiguration": `Policy.Read.AuthenticationMethod`.
const ACCESS_PASS_POLICY_GRAPH_SCOPES: [&str; 2] =
    ["User.Read", "Policy.Read.AuthenticationMethod"];
const TASKS: [Task; 6] = [
    Task::Helpdesk,
    Task::Setup,
    Task::SetupStatus,
    Task::Readiness,
    Task::AccessPass,
    Task::AccessPassPolicy,
];
const PUBLIC_GRAPH_RESOURCE: &str = "https://graph.microsoft.com";

/// The resource part of a Graph scope: the Graph host of this cloud, so a sovereign cloud asks
/// for its own Graph.
pub fn graph_scope_prefix(graph_url: &Url) -> String {
    if graph_url.scheme() == "https" {
        graph_url.origin().ascii_serialization()
    } else {
        // Plain http only passes configuration for a tenant on this machine (the demo tenant),
        // which is not a resource a real identity provider could issue tokens for; it accepts
        // the public cloud's resource name, as Entra does, so the scopes are the production ones.
        PUBLIC_GRAPH_RESOURCE.to_owned()
    }
}

/// The Graph permissions `task` asks for, by name (`User.Read`).
pub fn graph_scopes(task: Task) -> &'static [&'static str] {
    match task {
        Task::Helpdesk => &HELPDESK_GRAPH_SCOPES,
        Task::Setup => &SETUP_GRAPH_SCOPES,
        Task::SetupStatus => &SETUP_STATUS_GRAPH_SCOPES,
        Task::Readiness => &READINESS_GRAPH_SCOPES,
        Task::AccessPass => &ACCESS_PASS_GRAPH_SCOPES,
        Task::AccessPassPolicy => &ACCESS_PASS_POLICY_GRAPH_SCOPES,
    }
}

/// Every Graph permission any task asks for, each once: what the organisation must approve so
/// that nobody meets a consent prompt.
pub fn every_graph_scope() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = Vec::new();
    for scope in TASKS.iter().flat_map(|t| graph_scopes(*t)) {
        if !all.contains(scope) {
            all.push(scope);
        }
    }
    all
}

/// The scopes a sign-in or refresh for `task` asks for.
pub fn scopes_for(task: Task, graph_url: &Url) -> Vec<String> {
    let prefix = graph_scope_prefix(graph_url);
    OIDC_SCOPES
        .iter()
        .map(|s| (*s).to_owned())
        .chain(graph_scopes(task).iter().map(|s| format!("{prefix}/{s}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn helpdesk_asks_only_for_what_the_reset_job_needs() {
        let scopes = scopes_for(Task::Helpdesk, &url("https://graph.microsoft.com/"));
        assert_eq!(
            scopes,
            [
                "openid",
                "profile",
                "offline_access",
                "https://graph.microsoft.com/User.Read",
                "https://graph.microsoft.com/User.ReadBasic.All",
                "https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All",
                "https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All",
            ]
        );
    }

    #[test]
    fn setup_asks_for_the_setup_scopes_and_not_the_reset_permission() {
        let scopes = scopes_for(Task::Setup, &url("https://graph.microsoft.com"));
        assert!(scopes.contains(&"https://graph.microsoft.com/Application.Read.All".to_owned()));
        assert!(scopes.iter().all(|s| !s.contains("PrivilegedOperations")));
    }

    #[test]
    fn reading_the_setup_status_asks_for_nothing_that_changes_the_tenant() {
        let scopes = scopes_for(Task::SetupStatus, &url("https://graph.microsoft.com"));
        assert!(scopes.contains(
            &"https://graph.microsoft.com/DeviceManagementConfiguration.Read.All".to_owned()
        ));
        assert!(
            scopes
                .iter()
                .all(|s| !s.contains("ReadWrite") && !s.contains("Privileged"))
        );
    }

    #[test]
    fn a_sovereign_cloud_asks_for_its_own_graph() {
        let scopes = scopes_for(Task::Helpdesk, &url("https://graph.microsoft.us/v1.0/"));
        assert_eq!(scopes[3], "https://graph.microsoft.us/User.Read");
    }

    #[test]
    fn a_tenant_on_this_machine_asks_for_the_public_graph_scopes() {
        let scopes = scopes_for(Task::Helpdesk, &url("http://127.0.0.1:4000/"));
        assert_eq!(scopes[3], "https://graph.microsoft.com/User.Read");
    }

    #[test]
    fn the_organisation_approves_every_task_s_permissions_once() {
        let all = every_graph_scope();
        for task in TASKS {
            assert!(
                graph_scopes(task).iter().all(|s| all.contains(s)),
                "{task:?}"
            );
        }
        let unique: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len());
        assert!(all.contains(&"DeviceManagementManagedDevices.PrivilegedOperations.All"));
    }

    #[test]
    fn tasks_serialize_as_camel_case_words() {
        assert_eq!(
            serde_json::to_string(&Task::Helpdesk).unwrap(),
            "\"helpdesk\""
        );
        assert_eq!(
            serde_json::from_str::<Task>("\"setup\"").unwrap(),
            Task::Setup
        );
    }
}
