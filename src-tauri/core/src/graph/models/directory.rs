//! Directory resources: the tenant, service principals (the PIN reset apps), groups.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::datetime;
use super::ids::{GroupId, ServicePrincipalId, TenantId};

/// `microsoft.graph.organization`: the tenant. Its `id` is the tenant ID.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Organization {
    pub id: Option<TenantId>,
    pub display_name: Option<String>,
    pub tenant_type: Option<String>,
    pub verified_domains: Option<Vec<VerifiedDomain>>,
    pub mobile_device_management_authority: Option<MdmAuthority>,
}

/// `microsoft.graph.verifiedDomain`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VerifiedDomain {
    pub name: Option<String>,
    pub is_default: Option<bool>,
    pub is_initial: Option<bool>,
    #[serde(rename = "type")]
    pub domain_type: Option<String>,
    pub capabilities: Option<String>,
}

/// `microsoft.graph.mdmAuthority`: who manages the tenant's devices; `unknown` means Intune was
/// never set up as MDM authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MdmAuthority {
    Intune,
    Sccm,
    Office365,
    #[serde(other)]
    Unknown,
}

/// `microsoft.graph.servicePrincipal`: an application's presence in the tenant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServicePrincipal {
    pub id: Option<ServicePrincipalId>,
    pub app_id: Option<String>,
    pub display_name: Option<String>,
    pub app_display_name: Option<String>,
    pub account_enabled: Option<bool>,
    pub service_principal_type: Option<String>,
}

/// `microsoft.graph.oAuth2PermissionGrant`: delegated permissions (`scope`, space-separated)
/// granted to a client's service principal (`clientId`) for a resource (`resourceId`), for
/// everyone (`consentType: AllPrincipals`) or one person (`Principal`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OAuth2PermissionGrant {
    pub id: Option<String>,
    pub client_id: Option<ServicePrincipalId>,
    pub consent_type: Option<String>,
    pub principal_id: Option<String>,
    pub resource_id: Option<ServicePrincipalId>,
    pub scope: Option<String>,
}

/// `microsoft.graph.group`, as the group picker needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Group {
    pub id: Option<GroupId>,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub mail: Option<String>,
    pub mail_enabled: Option<bool>,
    pub security_enabled: Option<bool>,
    pub group_types: Option<Vec<String>>,
    pub membership_rule: Option<String>,
    #[serde(with = "datetime")]
    pub created_date_time: Option<OffsetDateTime>,
}
