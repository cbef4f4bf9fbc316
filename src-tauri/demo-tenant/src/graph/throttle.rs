//! Per-tenant throttling at Intune's documented limits, counted over a sliding 20 second
//! window: device configurations allow 200 writes and 2000 requests in all, managed devices 400
//! writes and 4000 requests. Past a limit the request gets a 429 with `Retry-After`.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};

use super::GraphError;

const WINDOW: Duration = Duration::from_secs(20);

/// One limit: how many requests fit in the window, and when those still counted were made.
#[derive(Debug)]
struct Bucket {
    limit: usize,
    seen: VecDeque<Instant>,
}

impl Bucket {
    fn new(limit: usize) -> Bucket {
        Bucket {
            limit,
            seen: VecDeque::new(),
        }
    }

    /// Seconds until a slot frees, or `None` when the request fits.
    fn full(&mut self, at: Instant) -> Option<u64> {
        while self
            .seen
            .front()
            .is_some_and(|t| at.duration_since(*t) >= WINDOW)
        {
            self.seen.pop_front();
        }
        if self.seen.len() < self.limit {
            return None;
        }
        let oldest = self.seen.front().copied().unwrap_or(at);
        let wait = WINDOW.saturating_sub(at.duration_since(oldest));
        Some(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
    }
}

/// The buckets of one Intune area: every request, and writes.
#[derive(Debug)]
struct Area {
    prefix: &'static str,
    any: Bucket,
    writes: Bucket,
}

#[derive(Debug)]
pub(crate) struct Throttle {
    areas: [Area; 2],
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            areas: [
                Area {
                    prefix: "/deviceManagement/deviceConfigurations",
                    any: Bucket::new(2000),
                    writes: Bucket::new(200),
                },
                Area {
                    prefix: "/deviceManagement/managedDevices",
                    any: Bucket::new(4000),
                    writes: Bucket::new(400),
                },
            ],
        }
    }
}

impl Throttle {
    /// Counts a request to `path` (with its version segment) and refuses it when its area is
    /// over a limit. Refused requests are not counted.
    pub fn admit(&mut self, method: &Method, path: &str, at: Instant) -> Result<(), GraphError> {
        let path = path
            .strip_prefix("/v1.0")
            .or_else(|| path.strip_prefix("/beta"))
            .unwrap_or(path);
        let Some(area) = self.areas.iter_mut().find(|a| path.starts_with(a.prefix)) else {
            return Ok(());
        };
        let write = method != Method::GET && method != Method::HEAD;
        let wait = area
            .any
            .full(at)
            .or_else(|| if write { area.writes.full(at) } else { None });
        if let Some(secs) = wait {
            let mut error = GraphError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "TooManyRequests",
                "Too many requests for this tenant. Please retry after the time given in the \
                 Retry-After header.",
            );
            error.retry_after_secs = Some(secs.max(1));
            return Err(error);
        }
        area.any.seen.push_back(at);
        if write {
            area.writes.seen.push_back(at);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_201st_configuration_write_in_20_seconds_is_throttled() {
        let mut throttle = Throttle::default();
        let start = Instant::now();
        let path = "/v1.0/deviceManagement/deviceConfigurations";
        for _ in 0..200 {
            assert!(throttle.admit(&Method::POST, path, start).is_ok());
        }
        let refused = throttle.admit(&Method::POST, path, start);
        assert!(refused.is_err_and(|e| e.retry_after_secs == Some(20)));
        assert!(throttle.admit(&Method::GET, path, start).is_ok());
        let later = start + WINDOW;
        assert!(throttle.admit(&Method::POST, path, later).is_ok());
        assert!(throttle.admit(&Method::GET, "/v1.0/me", start).is_ok());
    }
}
