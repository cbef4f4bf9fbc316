//! Stores for tests: an in-memory keychain, and a wrapper that makes any store fail on demand.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use super::SecretStore;
use crate::error::CoreError;
use crate::secret::SecretBytes;

/// A keychain that lives as long as the value. It can refuse entries over a size limit, like
/// Windows Credential Manager does.
#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<BTreeMap<(String, String), Vec<u8>>>,
    max_entry_bytes: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    pub fn with_entry_limit(max_entry_bytes: usize) -> MemoryStore {
        MemoryStore {
            max_entry_bytes: Some(max_entry_bytes),
            ..MemoryStore::default()
        }
    }

    /// The keys held for `service`, sorted.
    pub fn keys(&self, service: &str) -> Vec<String> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .keys()
            .filter(|(s, _)| s == service)
            .map(|(_, k)| k.clone())
            .collect()
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("MemoryStore")
            .field("entries", &entries.len())
            .finish()
    }
}

impl SecretStore for MemoryStore {
    fn get(&self, service: &str, key: &str) -> Result<Option<SecretBytes>, CoreError> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(entries
            .get(&(service.to_owned(), key.to_owned()))
            .cloned()
            .map(SecretBytes::new))
    }

    fn set(&self, service: &str, key: &str, secret: &[u8]) -> Result<(), CoreError> {
        if let Some(limit) = self.max_entry_bytes.filter(|limit| secret.len() > *limit) {
            return Err(CoreError::KeychainUnavailable(format!(
                "write: entry of {} bytes exceeds the limit of {limit}",
                secret.len()
            )));
        }
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.insert((service.to_owned(), key.to_owned()), secret.to_vec());
        Ok(())
    }

    fn delete(&self, service: &str, key: &str) -> Result<(), CoreError> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.remove(&(service.to_owned(), key.to_owned()));
        Ok(())
    }
}

/// Wraps a store and fails the chosen kinds of call, like a locked or missing keychain does.
pub struct FaultyStore<S> {
    inner: S,
    fail_reads: AtomicBool,
    fail_writes: AtomicBool,
    fail_deletes: AtomicBool,
}

impl<S: SecretStore> FaultyStore<S> {
    pub fn new(inner: S) -> FaultyStore<S> {
        FaultyStore {
            inner,
            fail_reads: AtomicBool::new(false),
            fail_writes: AtomicBool::new(false),
            fail_deletes: AtomicBool::new(false),
        }
    }

    /// A keychain that reads and deletes but refuses every write.
    pub fn refusing_writes(inner: S) -> FaultyStore<S> {
        let store = FaultyStore::new(inner);
        store.set_fail_writes(true);
        store
    }

    /// A keychain that refuses everything, like one that is locked or not installed.
    pub fn unavailable(inner: S) -> FaultyStore<S> {
        let store = FaultyStore::new(inner);
        store.set_fail_reads(true);
        store.set_fail_writes(true);
        store.set_fail_deletes(true);
        store
    }

    pub fn set_fail_reads(&self, fail: bool) {
        self.fail_reads.store(fail, Ordering::SeqCst);
    }

    pub fn set_fail_writes(&self, fail: bool) {
        self.fail_writes.store(fail, Ordering::SeqCst);
    }

    pub fn set_fail_deletes(&self, fail: bool) {
        self.fail_deletes.store(fail, Ordering::SeqCst);
    }

    pub fn inner(&self) -> &S {
        &self.inner
    }

    fn check(flag: &AtomicBool, action: &str) -> Result<(), CoreError> {
        if flag.load(Ordering::SeqCst) {
            return Err(CoreError::KeychainUnavailable(format!(
                "{action}: the keychain is locked or refused access (injected)"
            )));
        }
        Ok(())
    }
}

impl<S> fmt::Debug for FaultyStore<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FaultyStore")
            .field("fail_reads", &self.fail_reads)
            .field("fail_writes", &self.fail_writes)
            .field("fail_deletes", &self.fail_deletes)
            .finish_non_exhaustive()
    }
}

impl<S: SecretStore> SecretStore for FaultyStore<S> {
    fn get(&self, service: &str, key: &str) -> Result<Option<SecretBytes>, CoreError> {
        Self::check(&self.fail_reads, "read")?;
        self.inner.get(service, key)
    }

    fn set(&self, service: &str, key: &str, secret: &[u8]) -> Result<(), CoreError> {
        Self::check(&self.fail_writes, "write")?;
        self.inner.set(service, key, secret)
    }

    fn delete(&self, service: &str, key: &str) -> Result<(), CoreError> {
        Self::check(&self.fail_deletes, "delete")?;
        self.inner.delete(service, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_refusing_writes_still_reads_what_it_had() {
        let store = FaultyStore::new(MemoryStore::new());
        store.set("PinDesk", "k", b"v").unwrap();
        store.set_fail_writes(true);
        assert!(matches!(
            store.set("PinDesk", "k", b"w"),
            Err(CoreError::KeychainUnavailable(_))
        ));
        assert_eq!(store.get("PinDesk", "k").unwrap().unwrap().expose(), b"v");
    }

    #[test]
    fn an_unavailable_store_fails_every_call() {
        let store = FaultyStore::unavailable(MemoryStore::new());
        assert!(store.get("PinDesk", "k").is_err());
        assert!(store.set("PinDesk", "k", b"v").is_err());
        assert!(store.delete("PinDesk", "k").is_err());
    }
}
