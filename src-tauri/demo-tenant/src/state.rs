//! Server-side memory: the directory, every code and token handed out, and the request log.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Instant;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::rngs::{OsRng, StdRng};
use rand::{RngCore, SeedableRng};

use crate::graph::{ResetUnderway, Throttle};
use crate::log::RequestLog;
use crate::seed::{Directory, Person, TENANT_ID};
use crate::{Options, clock};

pub(crate) type TenantState = Arc<Shared>;

pub(crate) struct Shared {
    pub options: Options,
    pub origin: String,
    pub signing_key: [u8; 64],
    /// Read side by side (a search through a large fleet), changed one at a time.
    pub directory: RwLock<Directory>,
    pub auth: Mutex<AuthStore>,
    pub secrets: Mutex<Vec<String>>,
    pub log: RequestLog,
    pub faults: Mutex<StdRng>,
    pub throttle: Mutex<Throttle>,
    /// Passcode resets their devices have not finished, moved along by the clock below.
    pub resets: Mutex<Vec<ResetUnderway>>,
    /// What deployments and passes are timed by; tests move it with `DemoTenant::advance_clock`.
    pub clock: clock::Clock,
}

impl std::fmt::Debug for Shared {
    // Hand-written so the signing key and the token tables can never end up in a debug print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl Shared {
    pub fn new(options: Options, origin: String, log: RequestLog) -> Shared {
        let mut signing_key = [0u8; 64];
        OsRng.fill_bytes(&mut signing_key);
        let mut directory = Directory::seed(options.devices, clock::now());
        if options.org_consent {
            directory.grant_org_consent(crate::DEFAULT_CLIENT_ID, &crate::oidc::scopes::KNOWN);
        }
        let faults = StdRng::seed_from_u64(options.fault_seed);
        Shared {
            options,
            origin,
            signing_key,
            directory: RwLock::new(directory),
            auth: Mutex::new(AuthStore::default()),
            secrets: Mutex::new(Vec::new()),
            log,
            faults: Mutex::new(faults),
            throttle: Mutex::new(Throttle::default()),
            resets: Mutex::new(Vec::new()),
            clock: clock::Clock::default(),
        }
    }

    /// `http://127.0.0.1:PORT/<tenant id>/v2.0`
    pub fn issuer(&self) -> String {
        format!("{}/{TENANT_ID}/v2.0", self.origin)
    }

    /// A fresh random secret of `len` URL-safe characters, remembered so tests can search the
    /// app's files for it.
    pub fn new_secret(&self, len: usize) -> String {
        let mut bytes = vec![0u8; len * 3 / 4 + 3];
        OsRng.fill_bytes(&mut bytes);
        let mut secret = URL_SAFE_NO_PAD.encode(bytes);
        secret.truncate(len);
        self.remember_secret(secret.clone());
        secret
    }

    pub fn remember_secret(&self, secret: String) {
        lock(&self.secrets).push(secret);
    }
}

/// Locks a mutex even if a handler panicked while holding it: the data is plain maps that stay
/// consistent between statements, and a demo server should keep serving.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// For reading the directory: readers do not wait for each other.
pub(crate) fn reading<T>(rw: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    rw.read().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// For changing the directory.
pub(crate) fn changing<T>(rw: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    rw.write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What an authorization code stands for until it is redeemed.
#[derive(Debug, Clone)]
pub(crate) struct PendingCode {
    pub person: &'static Person,
    pub redirect_uri: String,
    pub code_challenge: String,
    pub scopes: crate::oidc::scopes::Scopes,
    pub nonce: Option<String>,
    pub expires_at: Instant,
    /// Kept after use so a second redemption gets Entra's "already redeemed" answer.
    pub redeemed: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct AccessGrant {
    pub person: &'static Person,
    pub scopes: crate::oidc::scopes::Scopes,
    pub expires_at: Instant,
}

#[derive(Debug, Clone)]
pub(crate) struct RefreshGrant {
    pub person: &'static Person,
    pub scopes: crate::oidc::scopes::Scopes,
    pub expires_at: Instant,
}

#[derive(Debug, Default)]
pub(crate) struct AuthStore {
    pub codes: HashMap<String, PendingCode>,
    pub access_tokens: HashMap<String, AccessGrant>,
    pub refresh_tokens: HashMap<String, RefreshGrant>,
    /// Graph permissions a Conditional Access policy guards: a refresh asking for one of them
    /// is answered `interaction_required`, and the refresh token stays valid (as in Entra).
    pub interaction_scopes: Vec<String>,
}
