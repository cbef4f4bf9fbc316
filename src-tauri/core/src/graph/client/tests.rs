use super::*;

#[test]
fn the_root_gets_the_version_and_a_trailing_slash() {
    let root =
        |base: &str| version_root(&Url::parse(base).unwrap_or_else(|e| panic!("{e}")), "v1.0");
    assert_eq!(
        root("https://graph.microsoft.com").unwrap().as_str(),
        "https://graph.microsoft.com/v1.0/"
    );
    assert_eq!(
        root("http://127.0.0.1:9/").unwrap().as_str(),
        "http://127.0.0.1:9/v1.0/"
    );
    assert_eq!(
        root("https://proxy.example/graph/").unwrap().as_str(),
        "https://proxy.example/graph/v1.0/"
    );
    assert!(root("https://graph.microsoft.com/?x=1").is_err());
}

#[test]
fn loopback_is_recognised_and_nothing_else() {
    for (url, expected) in [
        ("http://127.0.0.1:1/", true),
        ("http://[::1]:1/", true),
        ("http://localhost:1/", true),
        ("http://127.0.0.1.evil.example/", false),
        ("http://10.0.0.1/", false),
        ("https://graph.microsoft.com/", false),
    ] {
        assert_eq!(is_loopback(&Url::parse(url).unwrap()), expected, "{url}");
    }
}
