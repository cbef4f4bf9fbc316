//! What goes on the wire and how answers are read: escaping, paths, request ids, Intune's
//! errors, HTTPS. Against a scripted server that shows every request as sent.

mod graph_support;

use graph_support::*;
use pindesk_core::Failure;
use pindesk_core::graph::{ErrorKind, Filter, GraphClient, GraphError, GraphRequest, ResourcePath};
use serde_json::{Value, json};
use url::Url;

#[tokio::test]
async fn odata_string_values_survive_the_wire_unchanged() {
    let names = [
        "O'Brien's phone",
        "50% off",
        "Tom & Jerry",
        "Desk #7",
        "a/b\\c",
        "plus+sign = yes; ok?",
        "Zoë’s 📱 phone",
        "هاتف أحمد",
        "טלפון של דנה",
        "''",
    ];
    let server = ScriptServer::start(|_, _| Script::json(200, json!({"value": []}))).await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    for name in names {
        let request = GraphRequest::get(ResourcePath::new("deviceManagement/managedDevices"))
            .filter(Filter::eq("deviceName", name));
        let _: Value = graph.get(&request).await.unwrap();
    }
    let seen = server.seen();
    for (name, request) in names.iter().zip(&seen) {
        let url = Url::parse(&format!("http://x{}", request.target)).unwrap();
        // Read the query the way the service does: decoded pairs, then the OData literal.
        let filter = url
            .query_pairs()
            .find(|(k, _)| k == "$filter")
            .unwrap()
            .1
            .into_owned();
        let literal = filter
            .strip_prefix("deviceName eq '")
            .unwrap()
            .strip_suffix('\'')
            .unwrap();
        assert!(
            !literal.replace("''", "").contains('\''),
            "an undoubled quote in {filter}"
        );
        assert_eq!(literal.replace("''", "'"), *name);
        assert_eq!(url.query_pairs().count(), 1, "{}", request.target);
        assert!(!request.target.contains('#') && !request.target.contains(' '));
    }
}

#[tokio::test]
async fn ids_in_paths_cannot_escape_their_segment() {
    let server = ScriptServer::start(|_, _| Script::json(200, json!({}))).await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let path = ResourcePath::new("deviceManagement/managedDevices").id("../../me?x=1#y");
    let _: Value = graph.get(&GraphRequest::get(path)).await.unwrap();
    assert_eq!(
        server.seen()[0].target,
        "/v1.0/deviceManagement/managedDevices/..%2F..%2Fme%3Fx%3D1%23y"
    );
    for bad in ["", ".."] {
        let reset = ResourcePath::new("deviceManagement/managedDevices")
            .id(bad)
            .then("resetPasscode");
        let refused = graph.post_once::<Value, ()>(&reset, None).await;
        assert!(
            matches!(refused, Err(GraphError::Refused(_))),
            "{bad:?}: {refused:?}"
        );
        let read = graph.get::<Value>(&GraphRequest::get(reset)).await;
        assert!(
            matches!(read, Err(GraphError::Refused(_))),
            "{bad:?}: {read:?}"
        );
    }
    assert_eq!(server.seen().len(), 1, "nothing sent for an unusable ID");
}

#[tokio::test]
async fn every_call_sends_its_own_uuid_client_request_id_and_the_bearer_token() {
    let server = ScriptServer::start(|_, _| Script::json(200, json!({"value": []}))).await;
    let graph = client(
        server.base.clone(),
        FixedToken::new("secret-token"),
        fast_options(),
    );
    for _ in 0..3 {
        let _: Value = graph
            .get(&GraphRequest::get(ResourcePath::new("organization")))
            .await
            .unwrap();
    }
    let ids: Vec<String> = server
        .seen()
        .iter()
        .map(|r| {
            assert_eq!(r.header("authorization"), Some("Bearer secret-token"));
            r.header("client-request-id").unwrap().to_owned()
        })
        .collect();
    for id in &ids {
        let parsed = uuid::Uuid::parse_str(id).unwrap();
        assert_eq!(parsed.get_version_num(), 4, "{id}");
    }
    assert!(ids[0] != ids[1] && ids[1] != ids[2]);
}

#[tokio::test]
async fn intunes_nested_error_is_unwrapped_and_support_details_carry_no_token() {
    let inner = json!({"_version": 3, "Message": "An error has occurred - Operation ID (for \
        customer support): 0000 - Activity ID: act-7 - Url: https://fef.example/x",
        "CustomApiErrorPhrase": "", "RetryAfter": null})
    .to_string();
    let wrapped = json!({"ErrorCode": "Forbidden", "Message": inner}).to_string();
    let server = ScriptServer::start(move |seen, _| {
        let echoed = seen
            .header("client-request-id")
            .unwrap_or_default()
            .to_owned();
        Script::json(
            401,
            json!({"error": {"code": "UnknownError", "message": wrapped,
            "innerError": {"date": "2026-11-25T09:14:03", "request-id": "req-42",
                           "client-request-id": echoed}}}),
        )
        .with_header("request-id", "req-42")
    })
    .await;
    let graph = client(
        server.base.clone(),
        FixedToken::new("secret-token"),
        fast_options(),
    );
    let request = GraphRequest::get(ResourcePath::new("deviceManagement/managedDevices"));
    let error = graph.get::<Value>(&request).await.unwrap_err();
    let service = error.service().unwrap();
    assert_eq!(service.code.as_deref(), Some("UnknownError"));
    assert_eq!(service.inner_code.as_deref(), Some("Forbidden"));
    assert!(
        service.message.starts_with("An error has occurred"),
        "{}",
        service.message
    );
    assert_eq!(error.kind(), ErrorKind::RoleMissing);
    assert_eq!(error.failure_kind(), "roleMissing");
    let detail = error.support_detail().unwrap();
    let sent_id = server.seen()[0]
        .header("client-request-id")
        .unwrap()
        .to_owned();
    for part in [
        "HTTP 401",
        "UnknownError",
        "Forbidden",
        "req-42",
        sent_id.as_str(),
        "2026-11-25",
    ] {
        assert!(detail.contains(part), "{part} missing from {detail}");
    }
    let everything = format!("{error} {error:?} {detail}");
    assert!(!everything.contains("secret-token"), "{everything}");
}

#[tokio::test]
async fn plain_http_is_refused_outside_loopback() {
    let tokens = FixedToken::new("t");
    for refused in [
        "http://graph.microsoft.com",
        "http://10.1.2.3:8080/",
        "ftp://graph.example/",
    ] {
        let result = GraphClient::new(Url::parse(refused).unwrap(), tokens.clone(), fast_options());
        assert!(matches!(result, Err(GraphError::Refused(_))), "{refused}");
    }
    for allowed in [
        "https://graph.microsoft.com",
        "https://graph.microsoft.us/",
        "http://127.0.0.1:1/",
        "http://localhost:1",
    ] {
        let graph = GraphClient::new(Url::parse(allowed).unwrap(), tokens.clone(), fast_options());
        assert!(graph.is_ok(), "{allowed}");
    }
}
