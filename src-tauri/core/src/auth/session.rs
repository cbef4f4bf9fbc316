//! The session manager the shell calls: interactive and silent sign-in, account switching,
//! access tokens on demand, and sign-out.

use std::fmt;
use std::sync::{Arc, Mutex as StdMutex};
use std::time::Duration;

use serde::Serialize;
use tokio::sync::{Mutex, Notify};
use tracing::{info, warn};

use super::browser::{BrowserOpener, browser_for};
use super::discovery::{Discovery, discover};
use super::http::http_client;
use super::scopes::Task;
use super::tokens::{AccessToken, AccountTokens, TokenCache};
use crate::accounts::{Account, AccountList, ListedAccount, SignInBinding};
use crate::clock::Clock;
use crate::config::Config;
use crate::error::CoreError;
use crate::keychain::{ChunkedStore, SecretStore};
use crate::sync::lock;

/// How long the listener waits for the browser: long enough for a password, MFA and a consent
/// page, short enough that a forgotten tab does not keep a port open all day.
pub const DEFAULT_SIGN_IN_TIMEOUT: Duration = Duration::from_secs(300);

const STORAGE_WARNING: &str = "PinDesk could not use this computer's keychain, so your sign-in \
    works for this session only. You will be asked to sign in again next time.";

/// Who is signed in, and for which task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub account: Account,
    pub task: Task,
}

/// Choices the shell and tests make once, at construction.
#[derive(Clone)]
pub struct AuthOptions {
    /// Replaces the configured browser (tests play the browser with a function).
    pub browser: Option<Arc<dyn BrowserOpener>>,
    pub sign_in_timeout: Duration,
    /// When cached access tokens are due for renewal; tests move it forward.
    pub clock: Clock,
}

impl Default for AuthOptions {
    fn default() -> AuthOptions {
        AuthOptions {
            browser: None,
            sign_in_timeout: DEFAULT_SIGN_IN_TIMEOUT,
            clock: Clock::default(),
        }
    }
}

impl fmt::Debug for AuthOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthOptions")
            .field("browser", &self.browser.as_ref().map(|_| "custom"))
            .field("sign_in_timeout", &self.sign_in_timeout)
            .finish()
    }
}

/// Sign-in and tokens for the whole app; cheap to clone, safe to share between commands.
#[derive(Clone)]
pub struct Auth {
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    pub config: Config,
    pub store: Arc<ChunkedStore<Arc<dyn SecretStore>>>,
    /// Built on first use: reading the system's certificate store costs start-up time, and a
    /// first screen with no one signed in needs no HTTP at all.
    http: std::sync::OnceLock<reqwest::Client>,
    browser: Arc<dyn BrowserOpener>,
    sign_in_timeout: Duration,
    pub(super) clock: Clock,
    discovery: Mutex<Option<Arc<Discovery>>>,
    /// Set while an interactive sign-in runs; notifying it cancels that sign-in.
    sign_in: StdMutex<Option<Arc<Notify>>>,
    pub tokens: Mutex<TokenCache>,
    pub accounts: StdMutex<AccountList>,
    pub storage_warning: StdMutex<Option<String>>,
    /// Claims a Conditional Access policy asked for through Graph, to send at the next sign-in.
    pending_claims: StdMutex<Option<String>>,
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("authority", &self.inner.config.authority.as_str())
            .field("client_id", &self.inner.config.client_id)
            .field("sign_in_timeout", &self.inner.sign_in_timeout)
            .finish_non_exhaustive()
    }
}

impl Auth {
    pub fn new(config: Config, store: Arc<dyn SecretStore>) -> Result<Auth, CoreError> {
        Auth::with_options(config, store, AuthOptions::default())
    }

    pub fn with_options(
        config: Config,
        store: Arc<dyn SecretStore>,
        options: AuthOptions,
    ) -> Result<Auth, CoreError> {
        let browser = options.browser.unwrap_or_else(|| browser_for(&config));
        let accounts = AccountList::load(&config.sandbox_dir());
        Ok(Auth {
            inner: Arc::new(Inner {
                http: std::sync::OnceLock::new(),
                store: Arc::new(ChunkedStore::new(store)),
                browser,
                sign_in_timeout: options.sign_in_timeout,
                clock: options.clock,
                discovery: Mutex::new(None),
                sign_in: StdMutex::new(None),
                tokens: Mutex::new(TokenCache::default()),
                accounts: StdMutex::new(accounts),
                storage_warning: StdMutex::new(None),
                pending_claims: StdMutex::new(None),
                config,
            }),
        })
    }

    /// The sign-in's HTTP client, built the first time one is needed.
    pub(super) fn http(&self) -> Result<&reqwest::Client, CoreError> {
        if let Some(client) = self.inner.http.get() {
            return Ok(client);
        }
        let client = http_client(&self.inner.config.authority)?;
        Ok(self.inner.http.get_or_init(|| client))
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Signs the last used account in without a browser, from its stored refresh token.
    /// `Ok(None)` when there is nothing to restore (no account, no stored token, or a keychain
    /// that cannot be read, which also sets [`Auth::storage_warning`]).
    pub async fn restore_session(&self) -> Result<Option<Session>, CoreError> {
        let binding = SignInBinding::of(&self.inner.config);
        let Some((account, task)) = lock(&self.inner.accounts).last_used(&binding) else {
            return Ok(None);
        };
        match self.silent(account, task).await {
            Err(CoreError::KeychainUnavailable(_)) => Ok(None),
            other => other,
        }
    }

    /// Switches to a remembered account, silently.
    pub async fn use_account(&self, account_id: &str) -> Result<Session, CoreError> {
        let binding = SignInBinding::of(&self.inner.config);
        let found = lock(&self.inner.accounts).get(account_id, &binding);
        let (account, task) = match found {
            Some(Ok(found)) => found,
            // Nothing is sent: the refresh token goes only where it was issued.
            Some(Err(())) => return Err(CoreError::AccountElsewhere),
            None => {
                return Err(CoreError::BadRequest(
                    "no remembered account has that ID".to_owned(),
                ));
            }
        };
        self.silent(account, task).await?.ok_or_else(|| {
            CoreError::SessionExpired("no stored sign-in for this account".to_owned())
        })
    }

    async fn silent(&self, account: Account, task: Task) -> Result<Option<Session>, CoreError> {
        let mut cache = self.inner.tokens.lock().await;
        if let Some(entry) = cache.accounts.get(&account.id) {
            let session = Session {
                account: entry.account.clone(),
                task: entry.task,
            };
            cache.current = Some(account.id.clone());
            self.remember(&session.account, session.task);
            return Ok(Some(session));
        }
        let Some(refresh_token) = self.load_refresh_token(&account.id).await? else {
            return Ok(None);
        };
        let mut entry = AccountTokens {
            account,
            task,
            refresh_token: Some(refresh_token),
            access: Default::default(),
        };
        self.refresh(&mut entry, task).await?;
        let session = Session {
            account: entry.account.clone(),
            task,
        };
        self.remember(&session.account, task);
        cache.current = Some(session.account.id.clone());
        cache.accounts.insert(session.account.id.clone(), entry);
        info!(?task, tenant = %session.account.tenant_id, "signed in silently");
        Ok(Some(session))
    }

    /// The session in use, if any.
    pub async fn current_session(&self) -> Option<Session> {
        let cache = self.inner.tokens.lock().await;
        cache.current().map(|e| Session {
            account: e.account.clone(),
            task: e.task,
        })
    }

    /// What was wrong with the settings and accounts files at start, for the window.
    pub fn file_problems(&self) -> Vec<crate::config::FileProblem> {
        let mut problems = self.inner.config.problems.clone();
        problems.extend(lock(&self.inner.accounts).problem().cloned());
        problems
    }

    /// Remembered accounts, most recently used first.
    pub fn accounts(&self) -> Vec<Account> {
        lock(&self.inner.accounts).accounts()
    }

    /// Remembered accounts for the sign-in screen, each saying whether it signed in somewhere
    /// other than the configuration in use.
    pub fn listed_accounts(&self) -> Vec<ListedAccount> {
        lock(&self.inner.accounts).listed(&SignInBinding::of(&self.inner.config))
    }

    /// An access token for `scopes_for`'s scopes, from memory while comfortably valid, else
    /// refreshed (asking for that task's scopes: incremental consent).
    pub async fn access_token(&self, scopes_for: Task) -> Result<AccessToken, CoreError> {
        let mut cache = self.inner.tokens.lock().await;
        let entry = cache.current_mut().ok_or(CoreError::NotSignedIn)?;
        if let Some(token) = entry
            .access
            .get(&scopes_for)
            .and_then(|cached| cached.fresh(&self.inner.clock))
        {
            return Ok(token);
        }
        self.refresh(entry, scopes_for).await
    }

    /// An access token of one account, whichever account is in use now: a reset goes out with
    /// the token of the account its audit line names.
    pub async fn access_token_of(
        &self,
        account_id: &str,
        scopes_for: Task,
        renew: bool,
    ) -> Result<AccessToken, CoreError> {
        let mut cache = self.inner.tokens.lock().await;
        let entry = cache
            .accounts
            .get_mut(account_id)
            .ok_or(CoreError::NotSignedIn)?;
        if renew {
            entry.access.remove(&scopes_for);
        } else if let Some(token) = entry
            .access
            .get(&scopes_for)
            .and_then(|cached| cached.fresh(&self.inner.clock))
        {
            return Ok(token);
        }
        self.refresh(entry, scopes_for).await
    }

    /// A new access token even when one is cached: Graph has just refused the cached one.
    pub async fn renewed_access_token(&self, scopes_for: Task) -> Result<AccessToken, CoreError> {
        let mut cache = self.inner.tokens.lock().await;
        let entry = cache.current_mut().ok_or(CoreError::NotSignedIn)?;
        entry.access.remove(&scopes_for);
        self.refresh(entry, scopes_for).await
    }

    /// Forgets the account: every keychain entry of its refresh token, its tokens in memory,
    /// and its place in the list. When the keychain refuses, the account stays listed so
    /// signing out can be tried again.
    pub async fn sign_out(&self, account_id: &str) -> Result<(), CoreError> {
        {
            let mut cache = self.inner.tokens.lock().await;
            cache.accounts.remove(account_id);
            if cache.current.as_deref() == Some(account_id) {
                cache.current = None;
            }
        }
        self.delete_refresh_token(account_id).await?;
        let mut accounts = lock(&self.inner.accounts);
        accounts.forget(account_id);
        if let Err(e) = accounts.save() {
            warn!(error = %e, "could not save the remembered accounts");
        }
        info!("signed out");
        Ok(())
    }

    /// Set when the keychain could not be used: the sign-in then lasts for this session only.
    pub fn storage_warning(&self) -> Option<String> {
        lock(&self.inner.storage_warning).clone()
    }

    pub(super) fn set_storage_warning(&self, failed: bool) {
        *lock(&self.inner.storage_warning) = failed.then(|| STORAGE_WARNING.to_owned());
    }

    pub(super) async fn discovery(&self) -> Result<Arc<Discovery>, CoreError> {
        let mut slot = self.inner.discovery.lock().await;
        if let Some(discovery) = slot.as_ref() {
            return Ok(discovery.clone());
        }
        let discovery = Arc::new(discover(self.http()?, &self.inner.config.authority).await?);
        *slot = Some(discovery.clone());
        Ok(discovery)
    }

    fn remember(&self, account: &Account, task: Task) {
        let mut accounts = lock(&self.inner.accounts);
        accounts.remember(account.clone(), task, SignInBinding::of(&self.inner.config));
        if let Err(e) = accounts.save() {
            warn!(error = %e, "could not save the remembered accounts");
        }
    }
}

mod interactive;
#[cfg(test)]
mod tests;
