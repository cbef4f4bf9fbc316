//! Wrappers for values that must never reach a log, an error or the window: their `Debug` prints
//! `***` so a stray `{:?}` cannot leak them.

use std::fmt;

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

    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

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
}
