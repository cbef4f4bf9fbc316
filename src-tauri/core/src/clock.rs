//! The core's sense of elapsed time. Production reads the monotonic clock; a test moves its own
//! copy forward (`advance`) to reach a token's refresh point without waiting for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default)]
pub struct Clock {
    ahead_ms: Arc<AtomicU64>,
}

impl Clock {
    pub fn now(&self) -> Instant {
        let ahead = Duration::from_millis(self.ahead_ms.load(Ordering::SeqCst));
        let now = Instant::now();
        now.checked_add(ahead).unwrap_or(now)
    }

    /// Moves this clock (and every copy of it) forward by `by`.
    pub fn advance(&self, by: Duration) {
        let ms = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.ahead_ms.fetch_add(ms, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_advanced_clock_is_ahead_in_every_copy() {
        let clock = Clock::default();
        let copy = clock.clone();
        let before = Instant::now();
        clock.advance(Duration::from_secs(3600));
        assert!(copy.now() >= before + Duration::from_secs(3600));
    }
}
