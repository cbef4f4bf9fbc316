//! The tenant's clock, which a test can move forward, and time stamps in the exact formats Entra
//! ID and Graph put on the wire.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use time::macros::format_description;
use time::{Duration, OffsetDateTime};

/// Graph's `Edm.DateTimeOffset`, whole seconds, UTC: `2026-11-25T09:14:03Z`.
pub fn graph_date_time(t: OffsetDateTime) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    // Formatting only fails for years outside 0..=9999, which the seed never produces.
    t.to_offset(time::UtcOffset::UTC)
        .format(format)
        .unwrap_or_default()
}

/// Graph's `innerError.date`: no zone suffix.
pub fn graph_error_date(t: OffsetDateTime) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    t.to_offset(time::UtcOffset::UTC)
        .format(format)
        .unwrap_or_default()
}

/// Entra's error `timestamp`: `2026-11-25 09:14:03Z`.
pub fn entra_timestamp(t: OffsetDateTime) -> String {
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]Z");
    t.to_offset(time::UtcOffset::UTC)
        .format(format)
        .unwrap_or_default()
}

/// The Intune admin center's short local form, used inside `managedDeviceName`.
pub fn intune_short_date(t: OffsetDateTime) -> String {
    let format = format_description!(
        "[month padding:none]/[day padding:none]/[year]_[hour repr:12 padding:none]:[minute] \
         [period]"
    );
    t.format(format).unwrap_or_default()
}

pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// The time as the tenant's devices and deployments see it: the wall clock plus however far a
/// test moved it, so a test of something Intune does over seconds need not wait for it.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    ahead_ms: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> OffsetDateTime {
        now() + Duration::milliseconds(self.ahead_ms.load(Ordering::SeqCst))
    }

    /// The same clock as an `Instant`, for what lasts a while: codes and tokens.
    pub fn instant(&self) -> std::time::Instant {
        let ahead = u64::try_from(self.ahead_ms.load(Ordering::SeqCst)).unwrap_or(0);
        let now = std::time::Instant::now();
        now.checked_add(std::time::Duration::from_millis(ahead))
            .unwrap_or(now)
    }

    pub fn advance(&self, by: std::time::Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.ahead_ms.fetch_add(ms, Ordering::SeqCst);
    }
}

pub fn unix_seconds(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}
