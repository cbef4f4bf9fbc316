//! `oauth2PermissionGrants`: delegated permissions granted to a client's service principal for
//! Microsoft Graph. Only organisation-wide grants (`consentType: AllPrincipals`) are kept: an
//! administrator's consent for themselves is modelled by letting administrators sign in (see
//! `oidc::consent_check`), and nobody else can consent to admin-only permissions.

use serde_json::{Map, Value, json};

use super::apps::GRAPH_APP_ID;
use super::{Directory, TENANT_ID, stable_id};

impl Directory {
    /// The object ID of the service principal of `app_id`, if the app is in the tenant.
    pub fn service_principal_id(&self, app_id: &str) -> Option<String> {
        self.service_principals
            .iter()
            .find(|sp| {
                sp.get("appId")
                    .and_then(Value::as_str)
                    .is_some_and(|id| id.eq_ignore_ascii_case(app_id.trim()))
            })
            .and_then(|sp| sp.get("id").and_then(Value::as_str))
            .map(str::to_owned)
    }

    /// The grants whose client is the service principal `client_sp_id`.
    pub fn grants_of(&self, client_sp_id: &str) -> Vec<Map<String, Value>> {
        self.oauth2_permission_grants
            .iter()
            .filter(|g| g.get("clientId").and_then(Value::as_str) == Some(client_sp_id))
            .cloned()
            .collect()
    }

    /// The Graph permissions granted for the whole organisation to the client `app_id`.
    pub fn org_consented_scopes(&self, app_id: &str) -> Vec<String> {
        let (Some(client), Some(graph)) = (
            self.service_principal_id(app_id),
            self.service_principal_id(GRAPH_APP_ID),
        ) else {
            return Vec::new();
        };
        self.grants_of(&client)
            .iter()
            .filter(|g| {
                g.get("consentType").and_then(Value::as_str) == Some("AllPrincipals")
                    && g.get("resourceId").and_then(Value::as_str) == Some(graph.as_str())
            })
            .filter_map(|g| g.get("scope").and_then(Value::as_str))
            .flat_map(|s| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
            .collect()
    }

    /// Organisation-wide consent to `scopes` of Graph for the client `app_id`, added to what its
    /// grant already holds (created when there is none). False when the app has no service
    /// principal in the tenant.
    pub fn grant_org_consent(&mut self, app_id: &str, scopes: &[&str]) -> bool {
        let (Some(client), Some(graph)) = (
            self.service_principal_id(app_id),
            self.service_principal_id(GRAPH_APP_ID),
        ) else {
            return false;
        };
        let existing = self.oauth2_permission_grants.iter_mut().find(|g| {
            g.get("clientId").and_then(Value::as_str) == Some(client.as_str())
                && g.get("resourceId").and_then(Value::as_str) == Some(graph.as_str())
                && g.get("consentType").and_then(Value::as_str) == Some("AllPrincipals")
        });
        let mut held: Vec<String> = existing
            .as_ref()
            .and_then(|g| g.get("scope").and_then(Value::as_str))
            .map(|s| s.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default();
        for scope in scopes {
            if !held.iter().any(|h| h.eq_ignore_ascii_case(scope)) {
                held.push((*scope).to_owned());
            }
        }
        let scope = held.join(" ");
        match existing {
            Some(grant) => {
                grant.insert("scope".into(), json!(scope));
            }
            None => {
                let grant = json!({
                    "id": stable_id("oauth2PermissionGrant", &format!("{TENANT_ID}:{client}")),
                    "clientId": client,
                    "consentType": "AllPrincipals",
                    "principalId": null,
                    "resourceId": graph,
                    "scope": scope,
                });
                if let Value::Object(map) = grant {
                    self.oauth2_permission_grants.push(map);
                }
            }
        }
        true
    }

    /// Removes every grant of the client `app_id`, as revoking admin consent in Entra does.
    pub fn revoke_org_consent(&mut self, app_id: &str) {
        if let Some(client) = self.service_principal_id(app_id) {
            self.oauth2_permission_grants
                .retain(|g| g.get("clientId").and_then(Value::as_str) != Some(client.as_str()));
        }
    }
}
