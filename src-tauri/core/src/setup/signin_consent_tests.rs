use serde_json::json;

use super::*;
use crate::graph::ServiceError;

const CLIENT: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

fn ok(value: serde_json::Value) -> BatchItem {
    BatchItem::answered(Ok(value))
}

fn refused(status: u16, code: &str) -> BatchItem {
    BatchItem::answered(Err(GraphError::from(ServiceError {
        status,
        code: Some(code.into()),
        ..ServiceError::default()
    })))
}

fn graph_sp() -> BatchItem {
    ok(json!({ "id": "graph-sp", "appId": GRAPH_APP_ID }))
}

fn client_sp() -> BatchItem {
    ok(
        json!({ "id": "client-sp", "appId": CLIENT, "displayName": "Microsoft Graph Command Line Tools" }),
    )
}

fn grants(list: serde_json::Value) -> BatchItem {
    ok(json!({ "value": list }))
}

#[test]
fn a_grant_for_everyone_covering_every_task_is_done() {
    let scope = every_graph_scope().join(" ");
    let answer = judge(
        CLIENT,
        graph_sp(),
        client_sp(),
        grants(
            json!([{ "clientId": "client-sp", "consentType": "AllPrincipals",
                        "resourceId": "graph-sp", "scope": scope }]),
        ),
    );
    assert_eq!(answer.state, ItemState::Done);
    assert!(answer.missing.is_empty());
    assert_eq!(
        answer.client_name.as_deref(),
        Some("Microsoft Graph Command Line Tools")
    );
}

#[test]
fn missing_permissions_are_listed_and_a_person_s_own_consent_does_not_count() {
    let answer = judge(
        CLIENT,
        graph_sp(),
        client_sp(),
        grants(json!([
            { "clientId": "client-sp", "consentType": "AllPrincipals", "resourceId": "graph-sp",
              "scope": "User.Read DeviceManagementManagedDevices.Read.All" },
            { "clientId": "client-sp", "consentType": "Principal", "principalId": "someone",
              "resourceId": "graph-sp",
              "scope": "DeviceManagementManagedDevices.PrivilegedOperations.All" },
            { "clientId": "client-sp", "consentType": "AllPrincipals", "resourceId": "other-api",
              "scope": "GroupMember.Read.All" },
        ])),
    );
    assert_eq!(answer.state, ItemState::NotDone);
    assert!(
        answer
            .missing
            .contains(&"DeviceManagementManagedDevices.PrivilegedOperations.All".to_owned())
    );
    assert!(answer.missing.contains(&"GroupMember.Read.All".to_owned()));
    assert!(!answer.missing.contains(&"User.Read".to_owned()));
    assert_eq!(answer.sentence.key, "signInConsentMissing");
    assert_eq!(
        answer.sentence.params["count"],
        answer.missing.len().to_string()
    );
}

#[test]
fn a_client_the_organisation_never_used_misses_everything() {
    let answer = judge(
        CLIENT,
        graph_sp(),
        refused(404, "Request_ResourceNotFound"),
        grants(json!([])),
    );
    assert_eq!(answer.state, ItemState::NotDone);
    assert_eq!(answer.missing.len(), every_graph_scope().len());
}

#[test]
fn a_person_who_may_not_read_grants_cannot_see_and_is_not_told_anything_is_missing() {
    let answer = judge(
        CLIENT,
        graph_sp(),
        client_sp(),
        refused(403, "Authorization_RequestDenied"),
    );
    assert_eq!(answer.state, ItemState::CannotSee);
    assert!(answer.missing.is_empty());
}

#[test]
fn the_admin_consent_url_names_the_tenant_client_and_every_permission() {
    let authority = Url::parse("https://login.microsoftonline.us/organizations/v2.0").unwrap();
    let graph = Url::parse("https://graph.microsoft.us").unwrap();
    let url = admin_consent_url(&authority, "tid-1", CLIENT, &graph).unwrap();
    assert_eq!(url.path(), "/tid-1/v2.0/adminconsent");
    assert_eq!(url.host_str(), Some("login.microsoftonline.us"));
    let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(query["client_id"], CLIENT);
    assert_eq!(query["redirect_uri"], "http://localhost");
    assert!(
        query["scope"]
            .split(' ')
            .all(|s| s.starts_with("https://graph.microsoft.us/"))
    );
    assert_eq!(query["scope"].split(' ').count(), every_graph_scope().len());
}
