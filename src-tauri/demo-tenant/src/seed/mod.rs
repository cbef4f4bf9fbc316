//! The demo tenant's directory, built the same way on every run: no randomness, only the clock.

pub mod apps;
pub mod auth_methods;
mod catalog;
pub mod configurations;
pub mod devices;
pub mod fleet;
mod grants;
pub mod people;
mod platform;

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

pub use devices::ManagedDevice;
pub use fleet::Fleet;
pub use people::{Employee, PEOPLE, Person, Role};

use crate::clock::graph_date_time;

pub const TENANT_ID: &str = "7d2c1f40-5b8e-4a63-9c1d-2e4f6a8b0c13";
pub const TENANT_NAME: &str = "Northwind Demo";
pub const TENANT_DOMAIN: &str = "pindesk-demo.example";

/// A UUID that depends only on its inputs, so ids stay the same across runs and machines.
pub fn stable_id(kind: &str, name: &str) -> String {
    let hash = Sha256::digest(format!("{kind}:{name}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

pub fn hex_digest(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A group with the ids of its members (users or Entra device objects).
#[derive(Debug, Clone)]
pub struct Group {
    pub properties: Map<String, Value>,
    pub member_ids: Vec<String>,
}

/// Everything Graph can read or change. Created once per run and mutated by Graph endpoints.
#[derive(Debug, Clone)]
pub struct Directory {
    pub organization: Map<String, Value>,
    pub users: Vec<Employee>,
    pub managed_devices: Fleet,
    pub groups: Vec<Group>,
    /// `servicePrincipals`: the PIN reset apps join once consent is granted.
    pub service_principals: Vec<Map<String, Value>>,
    /// `deviceManagement/deviceConfigurations`: one unrelated profile until an administrator
    /// deploys the PIN recovery policy.
    pub device_configurations: Vec<Value>,
    /// The assignments of each configuration (by id) and when they were last set.
    pub configuration_assignments: std::collections::HashMap<String, Assigned>,
    /// `oauth2PermissionGrants`: organisation-wide consent given to clients (see `grants`).
    pub oauth2_permission_grants: Vec<Map<String, Value>>,
    /// Each person's authentication methods, by user id (see `auth_methods`).
    pub authentication_methods: std::collections::HashMap<String, Vec<Value>>,
    /// `authenticationMethodConfigurations/TemporaryAccessPass`.
    pub tap_policy: Value,
}

/// The assignment set of one device configuration.
#[derive(Debug, Clone)]
pub struct Assigned {
    pub assignments: Vec<Value>,
    pub at: OffsetDateTime,
}

impl Directory {
    pub fn seed(device_count: usize, now: OffsetDateTime) -> Directory {
        let users = people::owners(TENANT_DOMAIN);
        let groups = groups(&users, device_count, now);
        let managed_devices = Fleet::new(device_count, users.clone(), now);
        let (profile, assigned) = configurations::seeded(&groups, now);
        let authentication_methods = auth_methods::seeded(&users, now).into_iter().collect();
        let tap_policy = auth_methods::tap_policy(&groups);
        let mut configuration_assignments = std::collections::HashMap::new();
        if let Some(id) = profile.get("id").and_then(Value::as_str) {
            configuration_assignments.insert(id.to_owned(), assigned);
        }
        Directory {
            organization: organization(),
            users,
            managed_devices,
            groups,
            service_principals: apps::seeded(),
            device_configurations: vec![profile],
            configuration_assignments,
            oauth2_permission_grants: Vec::new(),
            authentication_methods,
            tap_policy,
        }
    }
}

impl Directory {
    /// Admin consent to one of the PIN reset apps: its service principal appears. Returns the
    /// app's display name, or `None` for an app the demo does not know.
    pub fn grant_consent(&mut self, app_id: &str) -> Option<&'static str> {
        let (app_id, name) = apps::PIN_RESET_APPS
            .iter()
            .find(|(id, _)| id.eq_ignore_ascii_case(app_id.trim()))?;
        let present = self
            .service_principals
            .iter()
            .any(|sp| sp.get("appId").and_then(Value::as_str) == Some(app_id));
        if !present {
            self.service_principals
                .push(apps::service_principal(app_id, name));
        }
        Some(name)
    }
}

impl Directory {
    /// Switches a service principal on or off; false when the app has none.
    pub fn set_app_enabled(&mut self, app_id: &str, enabled: bool) -> bool {
        let found = self.service_principals.iter_mut().find(|sp| {
            sp.get("appId")
                .and_then(Value::as_str)
                .is_some_and(|id| id.eq_ignore_ascii_case(app_id))
        });
        match found {
            Some(sp) => {
                sp.insert("accountEnabled".into(), Value::Bool(enabled));
                true
            }
            None => false,
        }
    }

    /// Back to "nothing done": no PIN reset apps, only the seeded profiles and their
    /// assignments.
    pub fn reset_setup(&mut self) {
        self.service_principals.retain(|sp| {
            let app_id = sp.get("appId").and_then(Value::as_str).unwrap_or_default();
            !apps::PIN_RESET_APPS.iter().any(|(id, _)| *id == app_id)
        });
        let seeded = configurations::seeded_id();
        self.device_configurations
            .retain(|c| c.get("id").and_then(Value::as_str) == Some(seeded.as_str()));
        self.configuration_assignments.retain(|id, _| *id == seeded);
    }

    /// One more assignment target on a profile, as the admin center would add it.
    pub fn add_assignment(&mut self, configuration_id: &str, target: Value) {
        let key = target
            .get("groupId")
            .and_then(Value::as_str)
            .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned);
        let entry = self
            .configuration_assignments
            .entry(configuration_id.to_owned())
            .or_insert_with(|| Assigned {
                assignments: Vec::new(),
                at: crate::clock::now(),
            });
        entry
            .assignments
            .push(json!({ "id": format!("{configuration_id}_{key}"), "target": target }));
        entry.at = crate::clock::now();
    }
}

fn organization() -> Map<String, Value> {
    let value = json!({
        "id": TENANT_ID,
        "displayName": TENANT_NAME,
        "tenantType": "AAD",
        "countryLetterCode": "US",
        "preferredLanguage": "en",
        "createdDateTime": "2021-03-08T14:22:05Z",
        "mobileDeviceManagementAuthority": "intune",
        "businessPhones": [],
        "technicalNotificationMails": [format!("it@{TENANT_DOMAIN}")],
        "verifiedDomains": [{
            "capabilities": "Email, OfficeCommunicationsOnline",
            "isDefault": true,
            "isInitial": true,
            "name": TENANT_DOMAIN,
            "type": "Managed",
        }],
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Phones beyond the first thousand devices stay out of the phone group, so that a large fleet
/// still starts at once.
const GROUP_DEVICE_SCAN: usize = 1000;

fn groups(users: &[Employee], device_count: usize, now: OffsetDateTime) -> Vec<Group> {
    let user_ids = |aliases: &[&str]| -> Vec<String> {
        users
            .iter()
            .filter(|u| {
                aliases
                    .iter()
                    .any(|a| u.user_principal_name.starts_with(&format!("{a}@")))
            })
            .map(|u| u.id.clone())
            .collect()
    };
    let scanned = device_count.min(GROUP_DEVICE_SCAN);
    let phone_ids: Vec<String> = (0..scanned)
        .map(devices::entra_device)
        .filter(|(_, phone)| *phone)
        .map(|(id, _)| id)
        .collect();
    // Names carry an apostrophe and a dash outside ASCII on purpose.
    let specs = [
        (
            "PinDesk pilot users",
            "People whose phones get PIN recovery first.",
            user_ids(&["zoe.martin", "liam.obrien", "mateo.garcia"]),
        ),
        (
            "Helpdesk staff",
            "Service desk analysts.",
            user_ids(&["helpdesk"]),
        ),
        (
            "Windows 10 Mobile phones",
            "Every Windows phone enrolled in Intune.",
            phone_ids,
        ),
        (
            "Finance – Windows devices",
            "Finance department laptops and phones.",
            user_ids(&["ines.dubois", "ana.souza"]),
        ),
        (
            "O'Brien's team",
            "Field sales, north region.",
            user_ids(&["liam.obrien", "priya.raman"]),
        ),
        (
            "Accounts payable",
            "Finance staff who pay suppliers.",
            user_ids(&["ines.dubois"]),
        ),
        (
            "Area managers",
            "Regional managers and their deputies.",
            user_ids(&["soren.lund", "ngozi.okafor"]),
        ),
    ];
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (name, description, member_ids))| {
            let created = now - Duration::days(200 + 31 * i64::try_from(i).unwrap_or(0));
            let nickname: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
            let properties = json!({
                "id": stable_id("group", name),
                "displayName": name,
                "description": description,
                "groupTypes": [],
                "mailEnabled": false,
                "mailNickname": nickname.to_ascii_lowercase(),
                "securityEnabled": true,
                "createdDateTime": graph_date_time(created),
                "membershipRule": null,
                "visibility": null,
            });
            let properties = match properties {
                Value::Object(map) => map,
                _ => Map::new(),
            };
            Group {
                properties,
                member_ids,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
