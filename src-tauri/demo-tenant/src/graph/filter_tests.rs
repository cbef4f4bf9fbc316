//! The demo tenant's `$filter`: parsing as OData writes it, and matching as Graph does.

use super::*;

const SUPPORT: &Support = &[
    ("deviceName", &[Op::Eq, Op::Contains]),
    ("userPrincipalName", &[Op::Eq, Op::Ne]),
    ("lastSyncDateTime", &[Op::Lt, Op::Gt]),
];

fn entity() -> Map<String, Value> {
    let value = serde_json::json!({
        "deviceName": "O'Brien's phone",
        "userPrincipalName": "liam@x",
        "lastSyncDateTime": "2026-11-25T09:00:00Z",
    });
    value.as_object().cloned().unwrap_or_default()
}

#[test]
fn doubled_quotes_and_nesting_are_read_as_odata_writes_them() {
    let filter = parse(
        "(deviceName eq 'o''brien''s PHONE') and (lastSyncDateTime gt 2026-11-01T00:00:00Z)",
        "managedDevice",
        SUPPORT,
    );
    assert_eq!(filter.ok().map(|f| f.matches(&entity())), Some(true));
    let other = parse("contains(deviceName,'iphone')", "managedDevice", SUPPORT);
    assert_eq!(other.ok().map(|f| f.matches(&entity())), Some(false));
}

#[test]
fn undocumented_operators_and_properties_are_refused() {
    for raw in [
        "startswith(deviceName,'O')",
        "userPrincipalName lt 'a'",
        "model eq 'x'",
        "deviceName eq 'unterminated",
        "deviceName eq 'a' extra",
    ] {
        assert!(parse(raw, "managedDevice", SUPPORT).is_err(), "{raw}");
    }
}

#[test]
fn text_matches_whatever_its_case_in_ascii_and_beyond() {
    let device = |name: &str| {
        let value = serde_json::json!({ "deviceName": name });
        value.as_object().cloned().unwrap_or_default()
    };
    let matches = |raw: &str, name: &str| {
        parse(raw, "managedDevice", SUPPORT)
            .ok()
            .map(|f| f.matches(&device(name)))
    };
    assert_eq!(
        matches("contains(deviceName,'lt-12')", "NW-LT-1207"),
        Some(true)
    );
    assert_eq!(
        matches("contains(deviceName,'LT-13')", "NW-LT-1207"),
        Some(false)
    );
    assert_eq!(matches("contains(deviceName,'')", "NW-LT-1207"), Some(true));
    assert_eq!(
        matches("deviceName eq 'nw-lt-1207'", "NW-LT-1207"),
        Some(true)
    );
    assert_eq!(
        matches("deviceName eq 'NW-LT-120'", "NW-LT-1207"),
        Some(false)
    );
    assert_eq!(
        matches("contains(deviceName,'ZOË')", "Zoë’s Lumia"),
        Some(true)
    );
    assert_eq!(
        matches("deviceName eq 'ÉMILE''S PC'", "Émile's PC"),
        Some(true)
    );
}
