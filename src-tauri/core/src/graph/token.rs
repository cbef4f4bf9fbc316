//! Where the client gets its bearer tokens. The sign-in side implements [`TokenSource`]; the
//! client only asks, and asks for a fresh one once when Graph says the current one is no good.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use super::error::GraphError;
use crate::secret::SecretString;

/// An access token for Graph. `Debug` prints `***`.
#[derive(Clone)]
pub struct BearerToken(SecretString);

impl BearerToken {
    pub fn new(value: impl Into<String>) -> BearerToken {
        BearerToken(SecretString::new(value))
    }

    /// The value for `Authorization: Bearer …`. Never log it.
    pub fn secret(&self) -> &str {
        self.0.expose()
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

pub type TokenFuture<'a> =
    Pin<Box<dyn Future<Output = Result<BearerToken, GraphError>> + Send + 'a>>;

/// Gives access tokens for Graph. With `force_refresh` the source must not hand back a cached
/// token: Graph has just refused it.
pub trait TokenSource: Send + Sync {
    fn access_token(&self, force_refresh: bool) -> TokenFuture<'_>;

    /// Graph refused the token with a Conditional Access claims challenge: the source keeps it
    /// for its next interactive sign-in.
    fn claims_challenged(&self, _challenge: &str) {}
}
