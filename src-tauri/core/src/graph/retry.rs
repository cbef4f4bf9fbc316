//! When to try again and how long to wait. Only requests that are safe to repeat come here:
//! GETs and batches of GETs. A non-idempotent POST goes through `post_once` instead.

use std::future::Future;
use std::time::Duration;

use rand::Rng;
use tokio_util::sync::CancellationToken;

use super::error::{GraphError, ServiceError};

/// Statuses that say "not now" rather than "no": throttling and a busy or unreachable backend.
pub(crate) fn is_transient(status: u16) -> bool {
    matches!(status, 429 | 502 | 503 | 504)
}

/// Exponential backoff with equal jitter: half the step is fixed, half random, so many clients
/// that failed together do not all come back together. `attempt` counts from 1.
pub(crate) fn backoff(attempt: u32, base: Duration, max: Duration) -> Duration {
    let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(16));
    let step = base.saturating_mul(factor).min(max);
    let half = step / 2;
    let jitter_ms = u64::try_from(half.as_millis()).unwrap_or(u64::MAX);
    half + Duration::from_millis(rand::thread_rng().gen_range(0..=jitter_ms))
}

/// How long to wait before repeating after `error`, or `None` when the service asked for longer
/// than `max_retry_after` (the caller then reports the throttling instead of hanging).
/// A `Retry-After` is always waited out in full.
pub(crate) fn wait_before_retry(
    error: &ServiceError,
    attempt: u32,
    base: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
) -> Option<Duration> {
    match error.retry_after.filter(|d| !d.is_zero()) {
        Some(asked) if asked > max_retry_after => None,
        Some(asked) => Some(asked),
        None => Some(backoff(attempt, base, max_backoff)),
    }
}

/// Runs `future` unless `cancel` fires first.
pub(crate) async fn cancellable<F: Future>(
    future: F,
    cancel: Option<&CancellationToken>,
) -> Result<F::Output, GraphError> {
    match cancel {
        Some(cancel) => tokio::select! {
            biased;
            () = cancel.cancelled() => Err(GraphError::Cancelled),
            output = future => Ok(output),
        },
        None => Ok(future.await),
    }
}

pub(crate) async fn sleep(
    duration: Duration,
    cancel: Option<&CancellationToken>,
) -> Result<(), GraphError> {
    cancellable(tokio::time::sleep(duration), cancel).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_stays_under_the_cap_and_is_jittered() {
        let base = Duration::from_millis(100);
        let max = Duration::from_secs(2);
        for attempt in 1..=20 {
            let step = base.saturating_mul(2u32.pow(attempt.min(16) - 1)).min(max);
            let wait = backoff(attempt, base, max);
            assert!(
                wait >= step / 2 && wait <= step,
                "attempt {attempt}: {wait:?}"
            );
        }
        let waits: Vec<Duration> = (0..20).map(|_| backoff(5, base, max)).collect();
        assert!(waits.iter().any(|w| *w != waits[0]), "no jitter: {waits:?}");
    }

    #[test]
    fn retry_after_is_waited_in_full_unless_it_exceeds_the_cap() {
        let (base, max) = (Duration::from_millis(10), Duration::from_millis(20));
        let cap = Duration::from_secs(30);
        let mut e = ServiceError {
            status: 429,
            ..ServiceError::default()
        };
        e.retry_after = Some(Duration::from_secs(7));
        assert_eq!(
            wait_before_retry(&e, 1, base, max, cap),
            Some(Duration::from_secs(7))
        );
        e.retry_after = Some(Duration::from_secs(31));
        assert_eq!(wait_before_retry(&e, 1, base, max, cap), None);
        e.retry_after = None;
        assert!(wait_before_retry(&e, 1, base, max, cap).is_some_and(|d| d <= max));
    }
}
