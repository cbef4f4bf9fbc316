//! Wrappers for values that must never reach a log, an error or the window: their `Debug` prints
//! `***` so a stray `{:?}` cannot leak them, and their memory is overwritten when they are
//! dropped, so a freed token does not linger in the process for a crash dump to find.

use std::fmt;

use zeroize::{Zeroize as _, ZeroizeOnDrop};

/// A secret text such as a refresh token.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(value: impl Into<String>) -> SecretString {
        SecretString(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Secret bytes as they go in and out of the keychain.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretBytes(Vec<u8>);

impl SecretBytes {
    pub fn new(value: impl Into<Vec<u8>>) -> SecretBytes {
        SecretBytes(value.into())
    }

    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, leaving an empty value behind; the caller now owns clearing them.
    pub fn into_inner(mut self) -> Vec<u8> {
        std::mem::take(&mut self.0)
    }
}

impl Drop for SecretString {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl ZeroizeOnDrop for SecretString {}

impl Drop for SecretBytes {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl ZeroizeOnDrop for SecretBytes {}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_print_stars_in_debug_output() {
        let text = SecretString::new("rt-value");
        let bytes = SecretBytes::new(b"rt-value".to_vec());
        assert_eq!(format!("{text:?} {bytes:?}"), "*** ***");
        assert_eq!(text.expose(), "rt-value");
        assert_eq!(bytes.expose(), b"rt-value");
    }

    #[test]
    fn secrets_are_cleared_from_memory_when_dropped() {
        fn clears_on_drop<T: ZeroizeOnDrop>() {}
        clears_on_drop::<SecretString>();
        clears_on_drop::<SecretBytes>();
        clears_on_drop::<crate::graph::models::Passcode>();
        clears_on_drop::<crate::reset::ResetStatusForWindow>();
    }
}
