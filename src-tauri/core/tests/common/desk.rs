//! A helpdesk desk on the demo tenant for the Windows readiness and Temporary Access Pass tests:
//! one sign-in, one Graph client per task (each with its own scopes), and the PIN recovery profile
//! deployed as the setup leaves it.

use std::sync::Arc;

use demo_tenant::{DemoTenant, Options};
use pindesk_core::Task;
use pindesk_core::auth::GraphTokens;
use pindesk_core::graph::models::{DeviceConfigurationId, ManagedDeviceId};
use pindesk_core::graph::{GraphClient, GraphOptions, TokenSource};
use pindesk_core::keychain::{MemoryStore, SecretStore};
use pindesk_core::reset::{ReadinessClients, SetupFacts};
use serde_json::json;

use super::{FakeBrowser, Play};

pub struct SignedInHelpdesk {
    pub tenant: DemoTenant,
    pub helpdesk: GraphClient,
    pub profiles: GraphClient,
    pub methods: GraphClient,
    pub pass: GraphClient,
    pub policy: GraphClient,
}

pub async fn desk(options: Options, person: &str, name: &str) -> SignedInHelpdesk {
    let tenant = super::tenant(options).await;
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let config = super::config_for(&tenant, &super::data_dir(name));
    let auth = super::auth(
        config,
        store,
        FakeBrowser::new(Some(person), Play::Complete),
    );
    auth.sign_in(Task::Helpdesk, None).await.unwrap();
    let client = |task| {
        let tokens: Arc<dyn TokenSource> = Arc::new(GraphTokens::new(auth.clone(), task));
        GraphClient::new(tenant.graph_base(), tokens, GraphOptions::default()).unwrap()
    };
    SignedInHelpdesk {
        helpdesk: client(Task::Helpdesk),
        profiles: client(Task::SetupStatus),
        methods: client(Task::Readiness),
        pass: client(Task::AccessPass),
        policy: client(Task::AccessPassPolicy),
        tenant,
    }
}

impl SignedInHelpdesk {
    pub fn clients(&self) -> ReadinessClients<'_> {
        ReadinessClients {
            devices: &self.helpdesk,
            profiles: &self.profiles,
            methods: &self.methods,
        }
    }

    /// The PIN recovery profile, assigned to two groups a few seconds ago, as the setup leaves it.
    pub async fn deployed(&self) -> SetupFacts {
        let id = "5d0c7a1e-0000-4000-8000-000000000001";
        self.tenant.add_device_configuration(json!({
            "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
            "id": id, "displayName": "Windows Hello PIN recovery", "version": 1,
            "createdDateTime": "2026-01-01T00:00:00Z", "lastModifiedDateTime": "2026-01-01T00:00:00Z",
            "omaSettings": [{"@odata.type": "#microsoft.graph.omaSettingBoolean",
                "displayName": "EnablePinRecovery", "value": true,
                "omaUri": format!("./Device/Vendor/MSFT/PassportForWork/{}/Policies/EnablePinRecovery", self.tenant.tenant_id())}],
        }));
        for group in ["Finance – Windows devices", "Area managers"] {
            let group_id = self.tenant.group_id(group).unwrap();
            self.tenant.add_assignment(
                id,
                json!({"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": group_id}),
            );
        }
        self.tenant.advance_clock(std::time::Duration::from_secs(5));
        SetupFacts {
            consented: Some(true),
            profile: Some(Some(DeviceConfigurationId::new(id))),
        }
    }

    /// The Graph requests since `since` (token refreshes left out).
    pub fn asked(&self, since: usize) -> Vec<String> {
        self.tenant.requests()[since..]
            .iter()
            .filter(|r| r.path_and_query.starts_with("/v1.0/"))
            .map(|r| format!("{} {}", r.method, r.path_and_query))
            .collect()
    }

    pub fn posts(&self) -> usize {
        self.tenant
            .requests()
            .iter()
            .filter(|r| {
                r.method == "POST" && r.path_and_query.contains("temporaryAccessPassMethods")
            })
            .count()
    }
}

pub fn device(name: &str) -> ManagedDeviceId {
    let directory = demo_tenant::seed::Directory::seed(40, time::OffsetDateTime::now_utc());
    let found = directory
        .managed_devices
        .iter()
        .find(|d| d.properties.get("deviceName").and_then(|n| n.as_str()) == Some(name))
        .expect("a seeded device");
    ManagedDeviceId::new(found.id())
}

pub fn person_id(desk_alias: &str) -> String {
    demo_tenant::seed::people::owners("pindesk-demo.example")
        .into_iter()
        .find(|o| o.user_principal_name.starts_with(&format!("{desk_alias}@")))
        .expect("a seeded person")
        .id
}
