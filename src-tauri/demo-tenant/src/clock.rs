//! Time stamps in the exact formats Entra ID and Graph put on the wire.

use time::OffsetDateTime;
use time::macros::format_description;

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

pub fn unix_seconds(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}
