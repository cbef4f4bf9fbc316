//! Splits a secret across several keychain entries so no entry exceeds a size limit.
//!
//! Layout: the entry `key` holds a header (magic, format version, chunk count, total length, and
//! the SHA-256 digest of the whole secret) and the first part; entries `key#1`, `key#2`, ... hold
//! the rest. The header is written last, and a reader joins the parts and checks them against the
//! digest: a rewrite cut short (new parts under the old header, or old parts left beside a new
//! one) can never be read as a spliced token. Anything that does not add up reads as "no secret"
//! and the person signs in again.

use sha2::{Digest as _, Sha256};
use tracing::warn;

use super::SecretStore;
use crate::error::CoreError;
use crate::secret::SecretBytes;

const MAGIC: &[u8; 3] = b"PDC";
/// Version 2 adds the digest; version 1 (no digest) is still read when it is a single entry,
/// which no splice can touch.
const VERSION: u8 = 2;
const VERSION_WITHOUT_DIGEST: u8 = 1;
const DIGEST_LEN: usize = 32;
const HEADER_LEN: usize = 3 + 1 + 2 + 4 + DIGEST_LEN;
const HEADER_V1_LEN: usize = 3 + 1 + 2 + 4;
/// How far `delete` looks for parts a crash may have left behind without a header.
const MAX_ORPHAN_PROBE: usize = 16;

/// The name of part `index` (1-based; part 0 lives under `key` itself).
pub fn chunk_key(key: &str, index: usize) -> String {
    format!("{key}#{index}")
}

#[derive(Debug)]
pub struct ChunkedStore<S> {
    inner: S,
    max_entry_bytes: usize,
}

impl<S: SecretStore> ChunkedStore<S> {
    /// Chunks to the Windows limit on every OS, so the layout is the same everywhere.
    pub fn new(inner: S) -> ChunkedStore<S> {
        ChunkedStore::with_entry_limit(inner, super::WINDOWS_MAX_SECRET_BYTES)
    }

    pub fn with_entry_limit(inner: S, max_entry_bytes: usize) -> ChunkedStore<S> {
        ChunkedStore {
            inner,
            max_entry_bytes: max_entry_bytes.max(HEADER_LEN + 1),
        }
    }

    pub fn inner(&self) -> &S {
        &self.inner
    }

    fn header_count(&self, service: &str, key: &str) -> Result<Option<usize>, CoreError> {
        Ok(self
            .inner
            .get(service, key)?
            .and_then(|head| parse_header(head.expose()))
            .map(|h| h.count))
    }
}

/// What a head entry says about the whole secret.
struct Header {
    count: usize,
    total: usize,
    /// `None` only for a single-entry secret of version 1.
    digest: Option<[u8; DIGEST_LEN]>,
    /// Where the first part starts in the head entry.
    body: usize,
}

/// The header of a head entry, or `None` when it is not ours.
fn parse_header(head: &[u8]) -> Option<Header> {
    if head.len() < HEADER_V1_LEN || &head[..3] != MAGIC {
        return None;
    }
    let count = usize::from(u16::from_be_bytes([head[4], head[5]]));
    let total = u32::from_be_bytes([head[6], head[7], head[8], head[9]]);
    let total = usize::try_from(total).ok()?;
    if count < 1 {
        return None;
    }
    match head[3] {
        VERSION if head.len() >= HEADER_LEN => Some(Header {
            count,
            total,
            digest: head[HEADER_V1_LEN..HEADER_LEN].try_into().ok(),
            body: HEADER_LEN,
        }),
        // Without a digest only a single entry can be trusted: several parts could be spliced.
        VERSION_WITHOUT_DIGEST if count == 1 => Some(Header {
            count,
            total,
            digest: None,
            body: HEADER_V1_LEN,
        }),
        _ => None,
    }
}

fn digest(secret: &[u8]) -> [u8; DIGEST_LEN] {
    Sha256::digest(secret).into()
}

impl<S: SecretStore> SecretStore for ChunkedStore<S> {
    fn get(&self, service: &str, key: &str) -> Result<Option<SecretBytes>, CoreError> {
        let Some(head) = self.inner.get(service, key)? else {
            return Ok(None);
        };
        let Some(header) = parse_header(head.expose()) else {
            warn!(
                key,
                "keychain entry is not in PinDesk's format; ignoring it"
            );
            return Ok(None);
        };
        let Header {
            count,
            total,
            digest: expected,
            body,
        } = header;
        let mut secret = Vec::with_capacity(total);
        secret.extend_from_slice(&head.expose()[body..]);
        for index in 1..count {
            let Some(part) = self.inner.get(service, &chunk_key(key, index))? else {
                warn!(
                    key,
                    index, count, "keychain entry is missing a part; ignoring it"
                );
                return Ok(None);
            };
            secret.extend_from_slice(part.expose());
        }
        let secret = SecretBytes::new(secret);
        if secret.expose().len() != total || expected.is_some_and(|d| d != digest(secret.expose()))
        {
            warn!(key, "keychain entry parts do not add up; ignoring it");
            return Ok(None);
        }
        Ok(Some(secret))
    }

    fn set(&self, service: &str, key: &str, secret: &[u8]) -> Result<(), CoreError> {
        let first_len = secret.len().min(self.max_entry_bytes - HEADER_LEN);
        let (first, rest) = secret.split_at(first_len);
        let parts: Vec<&[u8]> = rest.chunks(self.max_entry_bytes).collect();
        let count = u16::try_from(parts.len() + 1)
            .map_err(|_| CoreError::KeychainUnavailable("secret too large to store".to_owned()))?;
        let total = u32::try_from(secret.len())
            .map_err(|_| CoreError::KeychainUnavailable("secret too large to store".to_owned()))?;
        let old_count = self.header_count(service, key)?.unwrap_or(1);

        for (offset, part) in parts.iter().enumerate() {
            self.inner.set(service, &chunk_key(key, offset + 1), part)?;
        }
        let mut head = Vec::with_capacity(HEADER_LEN + first.len());
        head.extend_from_slice(MAGIC);
        head.push(VERSION);
        head.extend_from_slice(&count.to_be_bytes());
        head.extend_from_slice(&total.to_be_bytes());
        head.extend_from_slice(&digest(secret));
        head.extend_from_slice(first);
        self.inner.set(service, key, &head)?;

        for index in usize::from(count)..old_count {
            self.inner.delete(service, &chunk_key(key, index))?;
        }
        Ok(())
    }

    fn delete(&self, service: &str, key: &str) -> Result<(), CoreError> {
        let count = self.header_count(service, key)?.unwrap_or(1);
        for index in 1..count {
            self.inner.delete(service, &chunk_key(key, index))?;
        }
        self.inner.delete(service, key)?;
        // Parts written before a crash that kept the header from being written have no header
        // pointing at them; look a little further so sign-out really leaves nothing behind.
        let mut index = count;
        while index < count + MAX_ORPHAN_PROBE
            && self.inner.get(service, &chunk_key(key, index))?.is_some()
        {
            self.inner.delete(service, &chunk_key(key, index))?;
            index += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keychain::{MemoryStore, WINDOWS_MAX_SECRET_BYTES};

    const SERVICE: &str = "PinDesk";

    fn secret(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i % 251) as u8).collect()
    }

    fn limited_store() -> ChunkedStore<MemoryStore> {
        ChunkedStore::new(MemoryStore::with_entry_limit(WINDOWS_MAX_SECRET_BYTES))
    }

    #[test]
    fn a_small_secret_takes_one_entry() {
        let store = limited_store();
        store.set(SERVICE, "acct", b"short").unwrap();
        assert_eq!(
            store.get(SERVICE, "acct").unwrap().unwrap().expose(),
            b"short"
        );
        assert_eq!(store.inner().keys(SERVICE), vec!["acct".to_owned()]);
    }

    #[test]
    fn a_secret_larger_than_the_windows_limit_round_trips_through_several_entries() {
        let store = limited_store();
        let big = secret(3 * WINDOWS_MAX_SECRET_BYTES + 17);
        store.set(SERVICE, "acct", &big).unwrap();
        assert_eq!(
            store.get(SERVICE, "acct").unwrap().unwrap().expose(),
            big.as_slice()
        );
        assert_eq!(store.inner().keys(SERVICE).len(), 4);
    }

    #[test]
    fn secrets_of_every_size_around_the_boundaries_round_trip() {
        let store = limited_store();
        let edge = WINDOWS_MAX_SECRET_BYTES - HEADER_LEN;
        for len in [
            0,
            1,
            edge - 1,
            edge,
            edge + 1,
            edge + WINDOWS_MAX_SECRET_BYTES,
            20_000,
        ] {
            store.set(SERVICE, "acct", &secret(len)).unwrap();
            let back = store.get(SERVICE, "acct").unwrap().unwrap();
            assert_eq!(back.expose(), secret(len).as_slice(), "length {len}");
        }
    }

    #[test]
    fn a_shorter_secret_replaces_a_longer_one_and_removes_its_extra_entries() {
        let store = limited_store();
        store.set(SERVICE, "acct", &secret(9000)).unwrap();
        store.set(SERVICE, "acct", b"rotated").unwrap();
        assert_eq!(
            store.get(SERVICE, "acct").unwrap().unwrap().expose(),
            b"rotated"
        );
        assert_eq!(store.inner().keys(SERVICE), vec!["acct".to_owned()]);
    }

    #[test]
    fn delete_removes_every_entry_of_the_secret_and_nothing_else() {
        let store = limited_store();
        store.set(SERVICE, "acct", &secret(9000)).unwrap();
        store.set(SERVICE, "other", &secret(9000)).unwrap();
        store.delete(SERVICE, "acct").unwrap();
        assert!(store.get(SERVICE, "acct").unwrap().is_none());
        assert!(
            store
                .inner()
                .keys(SERVICE)
                .iter()
                .all(|k| k.starts_with("other"))
        );
        store.delete(SERVICE, "acct").unwrap();
    }

    #[test]
    fn delete_also_removes_parts_left_without_a_header() {
        let store = limited_store();
        store
            .inner()
            .set(SERVICE, &chunk_key("acct", 1), b"orphan")
            .unwrap();
        store
            .inner()
            .set(SERVICE, &chunk_key("acct", 2), b"orphan")
            .unwrap();
        store.delete(SERVICE, "acct").unwrap();
        assert!(store.inner().keys(SERVICE).is_empty());
    }

    #[test]
    fn a_missing_part_or_foreign_entry_reads_as_no_secret() {
        let store = limited_store();
        store.set(SERVICE, "acct", &secret(6000)).unwrap();
        store
            .inner()
            .delete(SERVICE, &chunk_key("acct", 1))
            .unwrap();
        assert!(store.get(SERVICE, "acct").unwrap().is_none());
        store
            .inner()
            .set(SERVICE, "foreign", b"plain password")
            .unwrap();
        assert!(store.get(SERVICE, "foreign").unwrap().is_none());
    }

    /// A rewrite that stopped after some of the new parts: the old header now points at new
    /// parts mixed with old ones, with the same count and length. It must not read as a token.
    #[test]
    fn a_rewrite_cut_short_never_reads_as_a_spliced_token() {
        let store = limited_store();
        let old = secret(6000);
        let new: Vec<u8> = old.iter().map(|b| b.wrapping_add(1)).collect();
        store.set(SERVICE, "acct", &old).unwrap();
        let interrupted = ChunkedStore::with_entry_limit(
            FailAfter::new(store.inner(), 1),
            WINDOWS_MAX_SECRET_BYTES,
        );
        assert!(interrupted.set(SERVICE, "acct", &new).is_err());
        assert_eq!(store.get(SERVICE, "acct").unwrap(), None);
        // Written whole, the new token reads back.
        store.set(SERVICE, "acct", &new).unwrap();
        assert_eq!(
            store.get(SERVICE, "acct").unwrap().unwrap().expose(),
            new.as_slice()
        );
    }

    #[test]
    fn a_part_swapped_in_from_elsewhere_reads_as_no_secret() {
        let store = limited_store();
        store.set(SERVICE, "acct", &secret(6000)).unwrap();
        let forged = vec![7_u8; WINDOWS_MAX_SECRET_BYTES];
        store
            .inner()
            .set(SERVICE, &chunk_key("acct", 1), &forged)
            .unwrap();
        assert_eq!(store.get(SERVICE, "acct").unwrap(), None);
    }

    #[test]
    fn a_single_entry_of_the_first_format_is_still_read_but_not_several() {
        let store = limited_store();
        let mut head = b"PDC\x01\x00\x01\x00\x00\x00\x05".to_vec();
        head.extend_from_slice(b"short");
        store.inner().set(SERVICE, "one", &head).unwrap();
        assert_eq!(
            store.get(SERVICE, "one").unwrap().unwrap().expose(),
            b"short"
        );
        let mut head = b"PDC\x01\x00\x02\x00\x00\x00\x06".to_vec();
        head.extend_from_slice(b"sho");
        store.inner().set(SERVICE, "two", &head).unwrap();
        store
            .inner()
            .set(SERVICE, &chunk_key("two", 1), b"rt!")
            .unwrap();
        assert_eq!(store.get(SERVICE, "two").unwrap(), None);
    }

    /// A store that refuses every write after the first `writes`, as a keychain that goes away
    /// in the middle of a rewrite.
    struct FailAfter<'a> {
        inner: &'a MemoryStore,
        left: std::sync::atomic::AtomicUsize,
    }

    impl<'a> FailAfter<'a> {
        fn new(inner: &'a MemoryStore, writes: usize) -> Self {
            FailAfter {
                inner,
                left: writes.into(),
            }
        }
    }

    impl SecretStore for FailAfter<'_> {
        fn get(&self, service: &str, key: &str) -> Result<Option<SecretBytes>, CoreError> {
            self.inner.get(service, key)
        }

        fn set(&self, service: &str, key: &str, secret: &[u8]) -> Result<(), CoreError> {
            use std::sync::atomic::Ordering;
            let left = self.left.load(Ordering::SeqCst);
            if left == 0 {
                return Err(CoreError::KeychainUnavailable("gone".to_owned()));
            }
            self.left.store(left - 1, Ordering::SeqCst);
            self.inner.set(service, key, secret)
        }

        fn delete(&self, service: &str, key: &str) -> Result<(), CoreError> {
            self.inner.delete(service, key)
        }
    }

    #[test]
    fn the_unchunked_store_refuses_what_windows_would_refuse() {
        let raw = MemoryStore::with_entry_limit(WINDOWS_MAX_SECRET_BYTES);
        let error = raw
            .set(SERVICE, "acct", &secret(WINDOWS_MAX_SECRET_BYTES + 1))
            .unwrap_err();
        assert!(matches!(error, CoreError::KeychainUnavailable(_)));
    }
}
