//! How patient the Graph client is: time-outs, retries, paging limits.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct GraphOptions {
    /// `v1.0`; `beta` only where a fact exists nowhere else.
    pub api_version: String,
    pub connect_timeout: Duration,
    /// For one attempt, from sending to the last byte of the answer.
    pub request_timeout: Duration,
    /// Attempts per call for requests safe to repeat, the first included.
    pub max_attempts: u32,
    /// A `Retry-After` longer than this is not waited out: the call fails as throttled.
    pub max_retry_after: Duration,
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// Pages `get_all` follows before it stops and says the result is incomplete.
    pub max_pages: usize,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            api_version: "v1.0".to_owned(),
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_attempts: 6,
            max_retry_after: Duration::from_secs(120),
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(16),
            max_pages: 50,
        }
    }
}
