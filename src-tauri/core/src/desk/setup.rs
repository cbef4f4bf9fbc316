//! The administrator's setup as the app carries it out: read where the tenant stands, open the
//! consent pages, create or reuse the policy, assign it, follow its deployment. Each asks Graph
//! with a client for the setup scopes (asked for on first use: incremental consent); the reads
//! everyone makes ask only for read permissions.

use serde::Serialize;

use super::Desk;
use crate::auth::browser_for;
use crate::graph::models::DeviceConfigurationId;
use crate::graph::{CancellationToken, GraphClient, INTERACTIVE_BUDGET, within_budget};
use crate::setup::{
    self, AssignmentView, ConsentLink, ConsentStatus, Deployment, GroupChoice, NewTarget,
    PolicyChoice, SetupOverview, SignInConsent,
};
use crate::{Auth, CoreError, Task};

/// The two consent pages, in the order they must be opened.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentLinks {
    pub links: Vec<ConsentLink>,
}

/// The consent links for the signed-in organisation (or the configured one before sign-in) on
/// the configured sign-in host.
async fn consent_links_for(auth: &Auth) -> Vec<ConsentLink> {
    let session = auth.current_session().await;
    let config = auth.config();
    let tenant = setup::consent_tenant_for(
        session.as_ref().map(|s| s.account.tenant_id.as_str()),
        &config.tenant,
    );
    setup::consent_links(&config.authority, tenant)
}

impl Desk {
    /// A Graph client for `task`'s scopes (`SetupStatus` to read, `Setup` to change) and the
    /// sign-in's tenant ID.
    async fn setup_graph(&self, task: Task) -> Result<(GraphClient, String), CoreError> {
        let auth = self.auth().await;
        let session = auth.current_session().await.ok_or(CoreError::NotSignedIn)?;
        let client = self.graph(&auth, task)?;
        Ok((client, session.account.tenant_id))
    }

    /// The whole overview, kept for the readiness of Windows PCs in this organisation.
    pub async fn setup_overview(&self) -> Result<SetupOverview, CoreError> {
        let (client, tid) = self.setup_graph(Task::SetupStatus).await?;
        let auth = self.auth().await;
        let read = setup::setup_overview(&client, &tid, &auth.config().client_id);
        let overview = within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read).await?;
        self.remember_overview(&auth, &tid, &overview);
        Ok(overview)
    }

    /// Whether the organisation approved the sign-in client for everyone (one batched read).
    pub async fn signin_consent_status(&self) -> Result<SignInConsent, CoreError> {
        let (client, _) = self.setup_graph(Task::SetupStatus).await?;
        let client_id = self.auth().await.config().client_id.clone();
        let read = setup::signin_consent(&client, &client_id);
        Ok(within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read).await?)
    }

    /// Opens Entra's admin consent page for the sign-in client, in the signed-in organisation.
    pub async fn open_signin_consent(&self) -> Result<(), CoreError> {
        let auth = self.auth().await;
        let session = auth.current_session().await.ok_or(CoreError::NotSignedIn)?;
        let config = auth.config();
        let url = setup::admin_consent_url(
            &config.authority,
            &session.account.tenant_id,
            &config.client_id,
            &config.graph_url,
        )
        .map_err(|e| CoreError::Internal(e.to_string()))?;
        browser_for(config).open(&url)
    }

    pub async fn consent_links(&self) -> ConsentLinks {
        ConsentLinks {
            links: consent_links_for(&self.auth().await).await,
        }
    }

    /// Opens the service's consent page, then the client's, in the system browser.
    pub async fn open_consent_pages(&self) -> Result<(), CoreError> {
        let auth = self.auth().await;
        let browser = browser_for(auth.config());
        for link in consent_links_for(&auth).await {
            let url = url::Url::parse(&link.url).map_err(|e| CoreError::Internal(e.to_string()))?;
            browser.open(&url)?;
        }
        Ok(())
    }

    pub async fn consent_status(&self) -> Result<ConsentStatus, CoreError> {
        let (client, _) = self.setup_graph(Task::SetupStatus).await?;
        let read = setup::consent_status(&client);
        Ok(within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read).await?)
    }

    pub async fn ensure_policy(&self) -> Result<PolicyChoice, CoreError> {
        let (client, tid) = self.setup_graph(Task::Setup).await?;
        setup::ensure_policy(&client, &tid).await
    }

    pub async fn search_groups(&self, text: &str) -> Result<Vec<GroupChoice>, CoreError> {
        if text.len() > 200 {
            return Err(CoreError::BadRequest("search text too long".to_owned()));
        }
        let (client, _) = self.setup_graph(Task::Setup).await?;
        let cancel = self.group_search().start();
        let search = setup::search_groups(&client, text, &cancel);
        Ok(within_budget(INTERACTIVE_BUDGET, &cancel, search).await?)
    }

    /// Assigns the policy to `target`, if the assignments are still the `shown` ones.
    pub async fn assign_policy(
        &self,
        policy_id: &str,
        target: &NewTarget,
        shown: &[String],
    ) -> Result<Vec<AssignmentView>, CoreError> {
        let (client, _) = self.setup_graph(Task::Setup).await?;
        let profile = DeviceConfigurationId::from_window(policy_id)?;
        setup::assign(&client, &profile, target, shown).await
    }

    pub async fn deployment_status(&self, policy_id: &str) -> Result<Deployment, CoreError> {
        let (client, _) = self.setup_graph(Task::SetupStatus).await?;
        let profile = DeviceConfigurationId::from_window(policy_id)?;
        let read = setup::deployment(&client, &profile);
        Ok(within_budget(INTERACTIVE_BUDGET, &CancellationToken::new(), read).await?)
    }
}
