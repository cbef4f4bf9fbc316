//! [`SecretStore`] over `keyring-core`, target-independent: only `native.rs` knows the OS.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use keyring_core::{CredentialStore, Entry, Error as KeyringError};

use super::SecretStore;
use super::native::platform_store;
use crate::error::CoreError;
use crate::secret::SecretBytes;

/// The OS keychain. It connects on first use rather than at construction, so a missing or locked
/// keychain turns into an error of the call that needed it (and a "this session only" warning),
/// never into an app that cannot start; a failed connection is retried on the next call.
pub struct KeyringStore {
    connect: Box<dyn Fn() -> keyring_core::Result<Arc<CredentialStore>> + Send + Sync>,
    store: Mutex<Option<Arc<CredentialStore>>>,
}

impl KeyringStore {
    /// This OS's keychain: Keychain on macOS, Credential Manager on Windows, Secret Service on
    /// Linux.
    pub fn native() -> KeyringStore {
        KeyringStore::with_connector(platform_store)
    }

    /// Any keyring-ecosystem store, such as keyring-core's mock store.
    pub fn from_store(store: Arc<CredentialStore>) -> KeyringStore {
        KeyringStore::with_connector(move || Ok(store.clone()))
    }

    fn with_connector(
        connect: impl Fn() -> keyring_core::Result<Arc<CredentialStore>> + Send + Sync + 'static,
    ) -> KeyringStore {
        KeyringStore {
            connect: Box::new(connect),
            store: Mutex::new(None),
        }
    }

    fn entry(&self, service: &str, key: &str) -> Result<Entry, CoreError> {
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let store = match slot.as_ref() {
            Some(store) => store.clone(),
            None => {
                let store = (self.connect)().map_err(|e| keychain_error("connect", &e))?;
                *slot = Some(store.clone());
                store
            }
        };
        Entry::new_in_store(&store, service, key).map_err(|e| keychain_error("open", &e))
    }
}

impl fmt::Debug for KeyringStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyringStore").finish_non_exhaustive()
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, service: &str, key: &str) -> Result<Option<SecretBytes>, CoreError> {
        match self.entry(service, key)?.get_secret() {
            Ok(bytes) => Ok(Some(SecretBytes::new(bytes))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error("read", &e)),
        }
    }

    fn set(&self, service: &str, key: &str, secret: &[u8]) -> Result<(), CoreError> {
        self.entry(service, key)?
            .set_secret(secret)
            .map_err(|e| keychain_error("write", &e))
    }

    fn delete(&self, service: &str, key: &str) -> Result<(), CoreError> {
        match self.entry(service, key)?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error("delete", &e)),
        }
    }
}

/// Describes a keychain failure without its payload: some variants carry the stored bytes.
fn keychain_error(action: &str, error: &KeyringError) -> CoreError {
    let what = match error {
        KeyringError::NoStorageAccess(e) => {
            format!("the keychain is locked or refused access ({e})")
        }
        KeyringError::PlatformFailure(e) => format!("the keychain failed ({e})"),
        KeyringError::NoEntry => "no such entry".to_owned(),
        KeyringError::BadEncoding(_) | KeyringError::BadDataFormat(..) => {
            "the stored entry is malformed".to_owned()
        }
        KeyringError::BadStoreFormat(reason) => format!("the keychain is malformed ({reason})"),
        KeyringError::TooLong(name, limit) => format!("{name} is longer than {limit}"),
        KeyringError::Invalid(name, reason) => format!("{name} is invalid ({reason})"),
        KeyringError::Ambiguous(entries) => format!("{} entries match", entries.len()),
        KeyringError::NoDefaultStore => "no keychain is set up".to_owned(),
        KeyringError::NotSupportedByStore(reason) => format!("not supported ({reason})"),
        _ => "unknown keychain error".to_owned(),
    };
    CoreError::KeychainUnavailable(format!("{action}: {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_keychain_that_cannot_connect_reports_unavailable_and_retries_next_time() {
        let store = KeyringStore::with_connector(|| {
            Err(KeyringError::NoStorageAccess("no session bus".into()))
        });
        for _ in 0..2 {
            let error = store.get("PinDesk", "k").unwrap_err();
            assert!(
                matches!(&error, CoreError::KeychainUnavailable(m) if m.contains("locked")),
                "{error}"
            );
        }
    }

    #[test]
    fn keyring_entries_round_trip_raw_bytes_and_missing_entries_read_as_none() {
        let store = KeyringStore::from_store(keyring_core::mock::Store::new().unwrap());
        assert!(store.get("PinDesk", "k").unwrap().is_none());
        let bytes = [0u8, 159, 146, 150, 255];
        store.set("PinDesk", "k", &bytes).unwrap();
        assert_eq!(store.get("PinDesk", "k").unwrap().unwrap().expose(), bytes);
        store.delete("PinDesk", "k").unwrap();
        assert!(store.get("PinDesk", "k").unwrap().is_none());
        store.delete("PinDesk", "k").unwrap();
    }

    #[test]
    fn chunking_over_a_keyring_store_splits_at_the_windows_limit() {
        let store = KeyringStore::from_store(keyring_core::mock::Store::new().unwrap());
        let chunked = crate::keychain::ChunkedStore::new(&store);
        let secret = vec![7u8; 6000];
        chunked.set("PinDesk", "k", &secret).unwrap();
        assert_eq!(
            chunked.get("PinDesk", "k").unwrap().unwrap().expose(),
            secret.as_slice()
        );
        assert!(store.get("PinDesk", "k#2").unwrap().is_some());
        chunked.delete("PinDesk", "k").unwrap();
        assert!(store.get("PinDesk", "k#1").unwrap().is_none());
    }
}
