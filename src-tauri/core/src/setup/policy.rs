//! The `EnablePinRecovery` profile: the OMA-URI with the tenant's own ID, finding any profile
//! that already sets it (so a second one is never created), and creating it once otherwise.

use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use crate::error::CoreError;
use crate::graph::models::{
    DeviceConfiguration, DeviceConfigurationId, OmaSetting, OmaSettingBase, Organization, TenantId,
    Windows10CustomConfiguration,
};
use crate::graph::{CancellationToken, GraphClient, GraphError, GraphRequest, ResourcePath, Sent};

pub const PROFILE_NAME: &str = "Windows Hello PIN recovery";
const PROFILE_DESCRIPTION: &str = "Lets people reset a forgotten Windows Hello PIN, and lets \
    Intune reset the passcode of Windows 10 Mobile phones. Created by PinDesk.";
const SETTING_NAME: &str = "EnablePinRecovery";
const CONFIGURATIONS: &str = "deviceManagement/deviceConfigurations";

/// `./Device/Vendor/MSFT/PassportForWork/{tenantId}/Policies/EnablePinRecovery`.
pub fn oma_uri(tenant: &TenantId) -> String {
    format!("./Device/Vendor/MSFT/PassportForWork/{tenant}/Policies/EnablePinRecovery")
}

/// The tenant ID from the organisation, cross-checked with the sign-in's `tid`: a mismatch would
/// write another organisation's ID into the profile.
pub fn tenant_id(organization: &Organization, token_tid: &str) -> Result<TenantId, CoreError> {
    let id = organization
        .id
        .clone()
        .ok_or_else(|| CoreError::Internal("the organisation has no id".to_owned()))?;
    if id.as_str().eq_ignore_ascii_case(token_tid.trim()) {
        Ok(id)
    } else {
        Err(CoreError::TenantMismatch {
            organization: id.to_string(),
            token: token_tid.to_owned(),
        })
    }
}

pub(crate) fn organization_request() -> GraphRequest {
    GraphRequest::get(ResourcePath::new("organization")).select(&["id", "displayName"])
}

pub(crate) fn list_request() -> GraphRequest {
    GraphRequest::get(ResourcePath::new(CONFIGURATIONS))
}

/// Reads the organisation (one GET) and cross-checks it with the sign-in.
pub async fn read_tenant(
    client: &GraphClient,
    token_tid: &str,
) -> Result<(TenantId, Option<String>), CoreError> {
    #[derive(serde::Deserialize)]
    struct Orgs {
        #[serde(default)]
        value: Vec<Organization>,
    }
    let orgs: Orgs = client.get(&organization_request()).await?;
    let org = orgs
        .value
        .into_iter()
        .next()
        .ok_or_else(|| CoreError::Internal("Graph returned no organisation".to_owned()))?;
    Ok((tenant_id(&org, token_tid)?, org.display_name))
}

/// A profile, as the window names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileRef {
    pub id: DeviceConfigurationId,
    pub name: String,
    #[serde(skip)]
    pub created: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ProblemKind {
    /// Sets EnablePinRecovery for this tenant, but to false.
    ValueFalse,
    /// The OMA-URI carries another organisation's ID.
    OtherTenant,
    /// Not a Boolean setting, so Windows will not read it as intended.
    NotBoolean,
    /// The right setting under another path (one Microsoft page prints `./Vendor/MSFT/Policy/...`).
    WrongPath,
}

/// A profile that looks like the PIN recovery policy but will not work as one: pointed out, not
/// silently ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileProblem {
    pub profile: ProfileRef,
    /// The window words it as `setup.problem.<kind>` with the profile's name.
    pub kind: ProblemKind,
    pub oma_uri: String,
}

/// Every profile that sets EnablePinRecovery, sorted out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicySearch {
    /// Set it to true for this tenant, oldest first: the first is the one PinDesk uses.
    pub usable: Vec<ProfileRef>,
    pub problems: Vec<ProfileProblem>,
    /// False when the list of profiles was too long to read to the end.
    pub complete: bool,
}

/// What one OMA setting says about PIN recovery, if anything.
fn judge(setting: &OmaSetting, tenant: &TenantId) -> Option<Result<(), (ProblemKind, String)>> {
    let uri = setting.setting().oma_uri.clone()?;
    let lower = uri.to_ascii_lowercase();
    let rest = lower.split("/passportforwork/").nth(1)?;
    let (tenant_part, tail) = rest.split_once('/')?;
    if tail.trim_end_matches('/') != "policies/enablepinrecovery" {
        return None;
    }
    let prefix_ok = lower.starts_with("./device/vendor/msft/passportforwork/");
    Some(if !tenant_part.eq_ignore_ascii_case(tenant.as_str()) {
        Err((ProblemKind::OtherTenant, uri))
    } else if !prefix_ok {
        Err((ProblemKind::WrongPath, uri))
    } else {
        match setting {
            OmaSetting::Boolean { value: true, .. } => Ok(()),
            OmaSetting::Boolean { value: false, .. } => Err((ProblemKind::ValueFalse, uri)),
            _ => Err((ProblemKind::NotBoolean, uri)),
        }
    })
}

/// Sorts `profiles` (already read with their settings) into usable ones and problems.
pub(crate) fn sort_profiles(
    profiles: &[Windows10CustomConfiguration],
    tenant: &TenantId,
) -> PolicySearch {
    let mut search = PolicySearch {
        complete: true,
        ..PolicySearch::default()
    };
    for profile in profiles {
        let Some(id) = profile.id.clone() else {
            continue;
        };
        let reference = ProfileRef {
            id,
            name: profile.display_name.clone().unwrap_or_default(),
            created: profile.created_date_time,
        };
        let verdicts: Vec<_> = profile
            .oma_settings
            .iter()
            .flatten()
            .filter_map(|s| judge(s, tenant))
            .collect();
        if verdicts.iter().any(Result::is_ok) {
            search.usable.push(reference);
            continue;
        }
        for (kind, uri) in verdicts.into_iter().filter_map(Result::err) {
            search.problems.push(ProfileProblem {
                profile: reference.clone(),
                kind,
                oma_uri: uri,
            });
        }
    }
    search
        .usable
        .sort_by_key(|p| (p.created.map(OffsetDateTime::unix_timestamp), p.id.clone()));
    search
}

/// Whether a listed custom profile's settings can be judged as they are. Graph's list of
/// device configurations may leave `omaSettings` out, answer `[]`, or mask values that Intune
/// keeps encrypted (`isEncrypted: true`, a `secretReferenceValueId`, the value "****"), as
/// administrators report in microsoftgraph/powershell-intune-samples and msgraph-sdk-powershell
/// issue threads about custom profiles exported with empty or masked OMA settings. Judging such
/// an answer would miss an existing PIN recovery profile and create a second one, so the profile
/// is read by ID first.
fn needs_reading(custom: &Windows10CustomConfiguration) -> bool {
    let Some(settings) = &custom.oma_settings else {
        return true;
    };
    settings.is_empty() || settings.iter().any(looks_secret)
}

fn looks_secret(setting: &OmaSetting) -> bool {
    let base = setting.setting();
    let masked = |v: &str| !v.is_empty() && v.chars().all(|c| c == '*');
    base.is_encrypted == Some(true)
        || base
            .secret_reference_value_id
            .as_deref()
            .is_some_and(|id| !id.trim().is_empty())
        || matches!(setting, OmaSetting::String { value, .. } if masked(value))
        // A typed setting whose value did not read as its type ("****" for a Boolean).
        || matches!(setting, OmaSetting::Other { odata_type: Some(t), .. }
            if t.to_ascii_lowercase().contains("omasettingboolean"))
}

/// Custom profiles from a list, each with its OMA settings: read one by one (batched) when the
/// list left them out, answered `[]` or masked them (see [`needs_reading`]).
pub(crate) async fn with_settings(
    client: &GraphClient,
    listed: Vec<DeviceConfiguration>,
) -> Result<Vec<Windows10CustomConfiguration>, GraphError> {
    let mut complete = Vec::new();
    let mut to_read = Vec::new();
    for item in listed {
        if let DeviceConfiguration::Windows10Custom(custom) = item {
            match (needs_reading(&custom), &custom.id) {
                (false, _) => complete.push(custom),
                (true, Some(id)) => to_read.push(id.clone()),
                (true, None) => {}
            }
        }
    }
    if to_read.is_empty() {
        return Ok(complete);
    }
    let requests: Vec<GraphRequest> = to_read
        .iter()
        .map(|id| GraphRequest::get(ResourcePath::new(CONFIGURATIONS).id(id.as_str())))
        .collect();
    for answer in client.batch(&requests).await? {
        match answer.json::<DeviceConfiguration>() {
            Ok(DeviceConfiguration::Windows10Custom(custom)) => complete.push(custom),
            Ok(DeviceConfiguration::Other(_)) => {}
            // Deleted between the list and the read: it is not there any more.
            Err(e) if e.is_not_found() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(complete)
}

/// Lists every device configuration and sorts out the ones that set EnablePinRecovery.
pub async fn find_policies(
    client: &GraphClient,
    tenant: &TenantId,
    cancel: &CancellationToken,
) -> Result<PolicySearch, GraphError> {
    let listed = client
        .get_all::<DeviceConfiguration>(&list_request(), cancel)
        .await?;
    let profiles = with_settings(client, listed.items).await?;
    let mut search = sort_profiles(&profiles, tenant);
    search.complete = listed.complete;
    Ok(search)
}

/// The profile PinDesk works with after `ensure_policy`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyChoice {
    pub profile: ProfileRef,
    /// False when an existing profile was reused.
    pub created: bool,
    pub oma_uri: String,
    pub problems: Vec<ProfileProblem>,
}

fn new_profile(tenant: &TenantId) -> DeviceConfiguration {
    DeviceConfiguration::Windows10Custom(Windows10CustomConfiguration {
        display_name: Some(PROFILE_NAME.to_owned()),
        description: Some(PROFILE_DESCRIPTION.to_owned()),
        oma_settings: Some(vec![OmaSetting::Boolean {
            setting: OmaSettingBase {
                display_name: Some(SETTING_NAME.to_owned()),
                description: None,
                oma_uri: Some(oma_uri(tenant)),
                ..OmaSettingBase::default()
            },
            value: true,
        }]),
        ..Windows10CustomConfiguration::default()
    })
}

/// The EnablePinRecovery profile of this tenant: an existing one when any sets it to true (never
/// a second one), else one created with a single POST. After an ambiguous POST the list is read
/// again instead of sending it twice.
pub async fn ensure_policy(
    client: &GraphClient,
    token_tid: &str,
) -> Result<PolicyChoice, CoreError> {
    let cancel = CancellationToken::new();
    let (tenant, _) = read_tenant(client, token_tid).await?;
    let search = find_policies(client, &tenant, &cancel).await?;
    let uri = oma_uri(&tenant);
    if let Some(existing) = search.usable.first() {
        return Ok(PolicyChoice {
            profile: existing.clone(),
            created: false,
            oma_uri: uri,
            problems: search.problems,
        });
    }
    if !search.complete {
        // Creating while part of the list is unread could make a duplicate.
        return Err(CoreError::Unconfirmed(
            "the list of profiles was too long to read to the end".to_owned(),
        ));
    }
    let sent = client
        .post_once::<DeviceConfiguration, Value>(
            &ResourcePath::new(CONFIGURATIONS),
            Some(&new_profile(&tenant)),
        )
        .await?;
    let profile = match sent {
        Sent::Completed(body) => created_ref(body)?,
        Sent::Ambiguous(ambiguity) => {
            let again = find_policies(client, &tenant, &cancel).await?;
            match again.usable.into_iter().next() {
                Some(found) => found,
                None => return Err(CoreError::Unconfirmed(ambiguity.into_error().to_string())),
            }
        }
    };
    Ok(PolicyChoice {
        profile,
        created: true,
        oma_uri: uri,
        problems: search.problems,
    })
}

fn created_ref(body: Value) -> Result<ProfileRef, CoreError> {
    let created: DeviceConfiguration = serde_json::from_value(body)
        .map_err(|e| CoreError::Internal(format!("the created profile could not be read: {e}")))?;
    let id = created
        .id()
        .cloned()
        .ok_or_else(|| CoreError::Internal("the created profile has no id".to_owned()))?;
    Ok(ProfileRef {
        id,
        name: created.display_name().unwrap_or(PROFILE_NAME).to_owned(),
        created: None,
    })
}

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
