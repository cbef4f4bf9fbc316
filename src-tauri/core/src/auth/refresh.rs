//! Refreshing tokens and keeping the refresh token in the keychain. Keychain calls block, so
//! they run on the blocking pool, never on the thread that called.

use std::time::{Duration, SystemTime};

use serde::Deserialize;
use tracing::{debug, info, warn};

use super::id_token::{ExpectedIdToken, validate_id_token};
use super::pkce_flow;
use super::scopes::{Task, scopes_for};
use super::session::Auth;
use super::tokens::{AccessToken, AccountTokens, CachedToken};
use crate::error::CoreError;
use crate::keychain::{DEMO_SERVICE, SERVICE, SecretStore};
use crate::secret::SecretString;

/// The keychain key of an account's refresh token.
pub fn refresh_token_key(account_id: &str) -> String {
    format!("refresh-token:{account_id}")
}

impl Auth {
    /// Demo sign-ins are filed under their own service, so the demo never reads, overwrites or
    /// deletes a real account's entry.
    pub(super) fn keychain_service(&self) -> &'static str {
        if self.inner.config.demo_sandbox {
            DEMO_SERVICE
        } else {
            SERVICE
        }
    }

    /// Uses the entry's refresh token for `task`'s scopes; stores the rotated refresh token.
    pub(super) async fn refresh(
        &self,
        entry: &mut AccountTokens,
        task: Task,
    ) -> Result<AccessToken, CoreError> {
        let config = &self.inner.config;
        let refresh_token = entry.refresh_token.clone().ok_or_else(|| {
            CoreError::SessionExpired("the sign-in service gave no refresh token".to_owned())
        })?;
        let discovery = self.discovery().await?;
        let scopes = scopes_for(task, &config.graph_url);
        let result = pkce_flow::refresh(
            self.http()?,
            &discovery,
            &config.client_id,
            &refresh_token,
            &scopes,
        )
        .await;
        let tokens = match result {
            Ok(tokens) => tokens,
            // Only a refresh token the service says is expired or revoked is removed: a demand
            // for interaction (Conditional Access, MFA for one task's scopes) leaves it, and the
            // other tasks' tokens, in place.
            Err(error @ CoreError::SessionExpired(_)) => {
                // The refresh token is dead; keeping it would only fail again at the next start.
                entry.refresh_token = None;
                entry.access.clear();
                if let Err(e) = self.delete_refresh_token(&entry.account.id).await {
                    warn!(error = %e, "could not remove an expired refresh token");
                }
                return Err(error);
            }
            Err(error) => return Err(error),
        };
        if let Some(id_token) = &tokens.id_token {
            let expected = ExpectedIdToken {
                discovery: &discovery,
                client_id: &config.client_id,
                nonce: None,
                tenant_id: Some(&entry.account.tenant_id),
                now: SystemTime::now(),
            };
            let fresh = validate_id_token(id_token.expose(), &expected)?.account();
            if fresh.id != entry.account.id {
                return Err(CoreError::SignInRejected(
                    "the refreshed sign-in belongs to another account".to_owned(),
                ));
            }
            entry.account.username = fresh.username;
            entry.account.display_name = fresh.display_name;
        }
        if let Some(rotated) = tokens.refresh_token {
            if entry.refresh_token.as_ref() != Some(&rotated) {
                self.store_refresh_token(&entry.account.id, Some(&rotated))
                    .await;
            }
            entry.refresh_token = Some(rotated);
        }
        debug!(?task, "access token refreshed");
        let cached = CachedToken::new(
            tokens.access_token,
            tokens.lifetime,
            task,
            &self.inner.clock,
        )?;
        let token = cached.token();
        entry.access.insert(task, cached);
        Ok(token)
    }

    /// Reads the stored refresh token; a keychain failure also sets the storage warning.
    pub(super) async fn load_refresh_token(
        &self,
        account_id: &str,
    ) -> Result<Option<SecretString>, CoreError> {
        let store = self.inner.store.clone();
        let service = self.keychain_service();
        let key = refresh_token_key(account_id);
        let result = blocking(move || store.get(service, &key)).await;
        match result {
            Ok(Some(bytes)) => match String::from_utf8(bytes.into_inner()) {
                Ok(text) => Ok(Some(SecretString::new(text))),
                Err(_) => {
                    warn!("stored refresh token is not text; ignoring it");
                    Ok(None)
                }
            },
            Ok(None) => Ok(None),
            Err(error) => {
                warn!(error = %error, "could not read the keychain");
                self.set_storage_warning(true);
                Err(error)
            }
        }
    }

    /// Stores the refresh token, replacing the previous one. A refusing keychain does not fail
    /// the sign-in: the token stays in memory and the storage warning says so. There is no
    /// fallback to a file.
    pub(super) async fn store_refresh_token(
        &self,
        account_id: &str,
        refresh_token: Option<&SecretString>,
    ) {
        let Some(refresh_token) = refresh_token else {
            return;
        };
        let store = self.inner.store.clone();
        let service = self.keychain_service();
        let key = refresh_token_key(account_id);
        let bytes = refresh_token.expose().as_bytes().to_vec();
        match blocking(move || store.set(service, &key, &bytes)).await {
            Ok(()) => self.set_storage_warning(false),
            Err(error) => {
                warn!(error = %error, "could not store the refresh token; this session only");
                self.set_storage_warning(true);
            }
        }
    }

    pub(super) async fn delete_refresh_token(&self, account_id: &str) -> Result<(), CoreError> {
        let store = self.inner.store.clone();
        let service = self.keychain_service();
        let key = refresh_token_key(account_id);
        blocking(move || store.delete(service, &key)).await
    }

    /// The organisation's name for the account list; best effort, a failure leaves it out.
    pub(super) async fn tenant_name(&self, access_token: &str) -> Option<String> {
        #[derive(Deserialize)]
        struct Organizations {
            value: Vec<Organization>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Organization {
            display_name: Option<String>,
        }
        let base = self.inner.config.graph_url.as_str().trim_end_matches('/');
        let url = format!("{base}/v1.0/organization?$select=id,displayName");
        let response = self
            .http()
            .ok()?
            .get(url)
            .bearer_auth(access_token)
            .timeout(Duration::from_secs(10))
            .send()
            .await
            .and_then(reqwest::Response::error_for_status);
        let organizations = match response {
            Ok(response) => response.json::<Organizations>().await,
            Err(e) => Err(e),
        };
        match organizations {
            Ok(orgs) => orgs.value.into_iter().find_map(|o| o.display_name),
            Err(e) => {
                info!(error = %e.without_url(), "organisation name not available");
                None
            }
        }
    }
}

async fn blocking<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    tokio::task::spawn_blocking(call)
        .await
        .map_err(|e| CoreError::Internal(format!("keychain task: {e}")))?
}
