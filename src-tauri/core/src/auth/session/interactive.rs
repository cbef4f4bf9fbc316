//! The interactive sign-in: the browser, the loopback listener and the code exchange, one at a
//! time, with what Conditional Access asked for through Graph.

use std::sync::{Arc, Mutex as StdMutex};
use std::time::SystemTime;

use tokio::sync::Notify;
use tracing::info;

use super::{Auth, Session};
use crate::auth::id_token::{ExpectedIdToken, validate_id_token};
use crate::auth::loopback::LoopbackListener;
use crate::auth::pkce_flow::{authorize_request, exchange_code};
use crate::auth::scopes::{Task, scopes_for};
use crate::auth::tokens::{AccountTokens, CachedToken};
use crate::error::CoreError;
use crate::sync::lock;

/// Clears the running sign-in when the sign-in ends in any way, including being dropped.
struct SignInGuard<'a>(&'a StdMutex<Option<Arc<Notify>>>);

impl Drop for SignInGuard<'_> {
    fn drop(&mut self) {
        *lock(self.0) = None;
    }
}

impl Auth {
    /// Signs in through the browser for `task`. Only one sign-in runs at a time; a second call
    /// while one waits fails with `SignInInProgress` and starts no second listener.
    pub async fn sign_in(
        &self,
        task: Task,
        login_hint: Option<String>,
    ) -> Result<Session, CoreError> {
        let cancel = Arc::new(Notify::new());
        let _running = {
            let mut slot = lock(&self.inner.sign_in);
            if slot.is_some() {
                return Err(CoreError::SignInInProgress);
            }
            *slot = Some(cancel.clone());
            SignInGuard(&self.inner.sign_in)
        };
        tokio::select! {
            result = self.interactive(task, login_hint.as_deref()) => result,
            () = cancel.notified() => {
                info!("sign-in cancelled in the app");
                Err(CoreError::SignInCancelled("cancelled in PinDesk".to_owned()))
            }
        }
    }

    /// Stops a running sign-in (its listener closes at once); does nothing when none runs.
    pub fn cancel_sign_in(&self) {
        if let Some(cancel) = lock(&self.inner.sign_in).as_ref() {
            cancel.notify_one();
        }
    }

    /// Keeps the claims Graph's Conditional Access challenge asked for, so the next interactive
    /// sign-in requests them (a refresh cannot satisfy them).
    pub fn note_claims_challenge(&self, challenge: &str) {
        if let Some(claims) = crate::auth::claims::claims_parameter(challenge) {
            info!("Conditional Access asked for more; the next sign-in will request it");
            *lock(&self.inner.pending_claims) = Some(claims);
        }
    }

    pub fn sign_in_running(&self) -> bool {
        lock(&self.inner.sign_in).is_some()
    }

    async fn interactive(&self, task: Task, hint: Option<&str>) -> Result<Session, CoreError> {
        let config = &self.inner.config;
        let discovery = self.discovery().await?;
        let listener = LoopbackListener::bind().await?;
        let scopes = scopes_for(task, &config.graph_url);
        let asked_claims = lock(&self.inner.pending_claims).clone();
        let request = authorize_request(
            &discovery,
            &config.client_id,
            &listener.redirect_uri(),
            &scopes,
            hint,
            asked_claims.as_deref(),
        )?;
        info!(
            ?task,
            port = listener.port(),
            "sign-in started; opening the browser"
        );
        self.inner.browser.open(&request.url)?;
        let code = listener
            .wait_for_code(&request.state, self.inner.sign_in_timeout)
            .await?;
        let tokens = exchange_code(
            self.http()?,
            &discovery,
            &config.client_id,
            &request.redirect_uri,
            code,
            request.verifier,
        )
        .await?;
        let id_token = tokens.id_token.as_ref().ok_or_else(|| {
            CoreError::SignInRejected("the sign-in service sent no ID token".to_owned())
        })?;
        let expected = ExpectedIdToken {
            discovery: &discovery,
            client_id: &config.client_id,
            nonce: Some(request.nonce.expose()),
            tenant_id: None,
            now: SystemTime::now(),
        };
        let claims = validate_id_token(id_token.expose(), &expected)?;
        let mut account = claims.account();
        account.tenant_name = self.tenant_name(tokens.access_token.expose()).await;
        info!(?task, tenant = %account.tenant_id, "signed in");
        if asked_claims.is_some() {
            *lock(&self.inner.pending_claims) = None;
        }
        let access = CachedToken::new(
            tokens.access_token,
            tokens.lifetime,
            task,
            &self.inner.clock,
        )?;

        self.store_refresh_token(&account.id, tokens.refresh_token.as_ref())
            .await;
        self.remember(&account, task);
        let entry = AccountTokens {
            account: account.clone(),
            task,
            refresh_token: tokens.refresh_token,
            access: [(task, access)].into(),
        };
        let mut cache = self.inner.tokens.lock().await;
        cache.accounts.insert(account.id.clone(), entry);
        cache.current = Some(account.id.clone());
        Ok(Session { account, task })
    }
}
