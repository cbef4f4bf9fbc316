//! The refresh token's home: the operating system's keychain through the keyring ecosystem, one
//! store per OS, with secrets split across entries so they fit Windows' size limit.

mod chunked;
mod keyring_store;
mod memory;
mod native;

use std::sync::Arc;

use crate::error::CoreError;
use crate::secret::SecretBytes;

pub use chunked::{ChunkedStore, chunk_key};
pub use keyring_store::KeyringStore;
pub use memory::{FaultyStore, MemoryStore};

/// The keychain "service" every PinDesk entry is filed under.
pub const SERVICE: &str = "PinDesk";

/// The keychain "service" of the built-in demo tenant's sign-ins, apart from real ones.
pub const DEMO_SERVICE: &str = "PinDesk demo";

/// Windows Credential Manager refuses a secret larger than this (`CRED_MAX_CREDENTIAL_BLOB_SIZE`);
/// chunking to it everywhere keeps one entry layout on every OS.
pub const WINDOWS_MAX_SECRET_BYTES: usize = 2560;

/// A place for secrets, addressed by `(service, key)`. Calls block (keychains talk to a daemon or
/// prompt), so async code runs them on `spawn_blocking`.
pub trait SecretStore: Send + Sync {
    /// `Ok(None)` when there is no such entry.
    fn get(&self, service: &str, key: &str) -> Result<Option<SecretBytes>, CoreError>;
    fn set(&self, service: &str, key: &str, secret: &[u8]) -> Result<(), CoreError>;
    /// Deleting an entry that does not exist succeeds.
    fn delete(&self, service: &str, key: &str) -> Result<(), CoreError>;
}

impl<T: SecretStore + ?Sized> SecretStore for &T {
    fn get(&self, service: &str, key: &str) -> Result<Option<SecretBytes>, CoreError> {
        (**self).get(service, key)
    }

    fn set(&self, service: &str, key: &str, secret: &[u8]) -> Result<(), CoreError> {
        (**self).set(service, key, secret)
    }

    fn delete(&self, service: &str, key: &str) -> Result<(), CoreError> {
        (**self).delete(service, key)
    }
}

impl<T: SecretStore + ?Sized> SecretStore for Arc<T> {
    fn get(&self, service: &str, key: &str) -> Result<Option<SecretBytes>, CoreError> {
        (**self).get(service, key)
    }

    fn set(&self, service: &str, key: &str, secret: &[u8]) -> Result<(), CoreError> {
        (**self).set(service, key, secret)
    }

    fn delete(&self, service: &str, key: &str) -> Result<(), CoreError> {
        (**self).delete(service, key)
    }
}
