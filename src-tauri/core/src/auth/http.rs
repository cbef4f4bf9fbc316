//! The one HTTP client of the sign-in, and how its failures read.

use std::error::Error as _;
use std::time::Duration;

use url::Url;

use crate::error::CoreError;

/// The token endpoint must not be followed through redirects (RFC 6749 leaves that to the
/// client, and a redirect could carry the code elsewhere), so redirects are off. A tenant on this
/// machine is reached directly: a corporate proxy cannot reach the person's loopback.
pub(crate) fn http_client(authority: &Url) -> Result<reqwest::Client, CoreError> {
    let local = matches!(
        authority.host_str(),
        Some("127.0.0.1" | "localhost" | "[::1]")
    );
    let builder = reqwest::Client::builder();
    let builder = if local { builder.no_proxy() } else { builder };
    builder
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30))
        .user_agent(concat!("PinDesk/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| CoreError::Internal(format!("HTTP client: {e}")))
}

/// A transport failure as support reads it: what failed and why, never a body.
pub(crate) fn network_error(error: &reqwest::Error) -> CoreError {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    if error.is_connect() || error.is_timeout() || error.is_request() {
        CoreError::Network(text)
    } else {
        CoreError::IdentityProvider(text)
    }
}
