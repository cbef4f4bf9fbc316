use time::macros::datetime;

use super::*;

/// Reads a literal back the way an OData parser does: strip the outer quotes, undouble.
fn parse_literal(literal: &str) -> Option<String> {
    let inner = literal.strip_prefix('\'')?.strip_suffix('\'')?;
    let mut out = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            // A lone quote would end the literal early: that is an injection.
            if chars.next() != Some('\'') {
                return None;
            }
        }
        out.push(c);
    }
    Some(out)
}

const TRICKY: [&str; 12] = [
    "O'Brien's phone",
    "'",
    "''",
    "' or deviceName ne '",
    "50% off",
    "Tom & Jerry",
    "Desk #7",
    "a/b",
    "Zoë’s 📱",
    "هاتف أحمد",
    "טלפון של דנה",
    "",
];

#[test]
fn the_odata_escaper_round_trips_quotes_percent_ampersand_hash_slash_emoji_and_rtl() {
    for name in TRICKY {
        let literal = string_literal(name);
        assert_eq!(parse_literal(&literal).as_deref(), Some(name), "{literal}");
        let encoded = encode_query_value(&literal);
        for forbidden in ['%', '&', '#', '/', '+', ' ', '=', ';', '?'] {
            let stray = encoded.match_indices(forbidden).any(|(i, _)| {
                forbidden != '%' || !encoded[i + 1..].starts_with(|c: char| c.is_ascii_hexdigit())
            });
            assert!(!stray, "{forbidden:?} left raw in {encoded}");
        }
        assert!(encoded.is_ascii(), "{encoded}");
        let decoded = percent_encoding::percent_decode_str(&encoded)
            .decode_utf8()
            .unwrap();
        assert_eq!(decoded, literal);
    }
}

#[test]
fn an_injected_quote_stays_inside_the_literal() {
    let filter = Filter::eq("deviceName", "x' or deviceName ne 'y");
    assert_eq!(filter.as_str(), "deviceName eq 'x'' or deviceName ne ''y'");
}

#[test]
fn filters_combine_with_parentheses_and_typed_literals() {
    let filter = Filter::eq("operatingSystem", "Windows")
        .and(Filter::contains("deviceName", "O'Brien"))
        .or(Filter::lt(
            "lastSyncDateTime",
            datetime!(2026-01-02 03:04:05 UTC),
        ))
        .and(Filter::eq("azureADRegistered", true).or(Filter::gt("version", 3)));
    assert_eq!(
        filter.as_str(),
        "(((operatingSystem eq 'Windows') and (contains(deviceName,'O''Brien'))) or \
         (lastSyncDateTime lt 2026-01-02T03:04:05Z)) and ((azureADRegistered eq true) or \
         (version gt 3))"
    );
    assert_eq!(
        Filter::starts_with("displayName", "Help").as_str(),
        "startswith(displayName,'Help')"
    );
}

#[test]
fn search_terms_quote_and_escape() {
    assert_eq!(
        search_term("displayName", "Help desk"),
        "\"displayName:Help desk\""
    );
    assert_eq!(
        search_term("displayName", r#"a"b\c"#),
        r#""displayName:a\"b\\c""#
    );
}

#[test]
fn requests_render_their_path_and_percent_encoded_options_in_order() {
    let request = GraphRequest::get(ResourcePath::new("/deviceManagement/managedDevices/"))
        .filter(Filter::eq("deviceName", "Tom & Jerry #1"))
        .select(&["id", "deviceName"])
        .top(25);
    assert_eq!(
        request.relative_url(),
        "deviceManagement/managedDevices?$filter=deviceName%20eq%20'Tom%20%26%20Jerry%20%231'\
         &$select=id,deviceName&$top=25"
    );
    assert!(!request.is_eventual());
    let again = request.top(5);
    assert!(again.relative_url().ends_with("$top=5") && !again.relative_url().contains("25"));
    let counted = GraphRequest::get(ResourcePath::new("groups")).count();
    assert!(counted.is_eventual());
    assert_eq!(counted.relative_url(), "groups?$count=true");
}

#[test]
fn paths_encode_ids_and_alternate_keys() {
    let path = ResourcePath::new("deviceConfigurations")
        .id("a/b c")
        .then("assign");
    assert_eq!(path.as_str(), "deviceConfigurations/a%2Fb%20c/assign");
    let sp =
        ResourcePath::new("servicePrincipals").key("appId", "b8456c59-1230-44c7-a4a2-99b085333e84");
    assert_eq!(
        sp.as_str(),
        "servicePrincipals(appId='b8456c59-1230-44c7-a4a2-99b085333e84')"
    );
    let odd = ResourcePath::new("servicePrincipals").key("appId", "x'/)?");
    assert_eq!(odd.as_str(), "servicePrincipals(appId='x''%2F%29%3F')");
}

#[test]
fn ids_that_url_parsing_would_drop_or_resolve_mark_the_path_unsendable() {
    for bad in ["", " ", ".", ".."] {
        let path = ResourcePath::new("deviceManagement/managedDevices")
            .id(bad)
            .then("resetPasscode");
        assert!(path.problem().is_some(), "{bad:?}");
    }
    let fine = ResourcePath::new("deviceManagement/managedDevices")
        .id("...")
        .id("a.b");
    assert_eq!(fine.problem(), None);
}
