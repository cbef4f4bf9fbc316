//! A search's requests go out together: the person waits one round trip for each step of a
//! search, however many people it follows. Against a scripted server that answers a group of
//! requests only once all of them have arrived.

mod graph_support;

use std::sync::Arc;
use std::time::Duration;

use graph_support::*;
use pindesk_core::graph::CancellationToken;
use pindesk_core::reset::search_devices;
use serde_json::json;
use tokio::sync::Barrier;

/// Three people called Robin, each with one phone.
const PEOPLE: [(&str, &str); 3] = [
    ("u-1", "robin.ade@contoso.example"),
    ("u-2", "robin.berg@contoso.example"),
    ("u-3", "robin.chu@contoso.example"),
];

fn phone_of(id: &str, sign_in: &str) -> serde_json::Value {
    json!({"id": format!("d-{id}"), "deviceName": format!("Phone {id}"),
        "userPrincipalName": sign_in, "userDisplayName": "Robin",
        "operatingSystem": "iOS", "osVersion": "17.4"})
}

#[tokio::test]
async fn the_devices_of_every_person_found_are_asked_for_at_once() {
    let each_person = Arc::new(Barrier::new(PEOPLE.len()));
    let server = ScriptServer::start(move |seen, _| {
        let target = seen.target.as_str();
        if target.contains("/users?") {
            let people: Vec<_> = PEOPLE
                .iter()
                .map(
                    |(id, upn)| json!({"id": id, "displayName": "Robin", "userPrincipalName": upn}),
                )
                .collect();
            return Script::json(200, json!({ "value": people }));
        }
        match PEOPLE
            .iter()
            .find(|(id, _)| target.contains(&format!("/users/{id}/")))
        {
            Some((id, upn)) => Script::Together(
                each_person.clone(),
                Box::new(Script::json(200, json!({ "value": [phone_of(id, upn)] }))),
            ),
            None => Script::json(200, json!({ "value": [] })),
        }
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let cancel = CancellationToken::new();
    let search = search_devices(&graph, "Robin", &cancel);
    let found = tokio::time::timeout(Duration::from_secs(5), search)
        .await
        .expect("one person's devices were asked for only after another's came back")
        .unwrap();
    let mut names: Vec<_> = found.devices.iter().map(|d| d.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Phone u-1", "Phone u-2", "Phone u-3"]);
}

#[tokio::test]
async fn the_facts_of_more_than_twenty_android_phones_are_asked_for_in_batches_sent_at_once() {
    let both_batches = Arc::new(Barrier::new(2));
    let server = ScriptServer::start(move |seen, _| {
        if seen.target.contains("$batch") {
            let asked = seen.json()["requests"].as_array().cloned().unwrap_or_default();
            let answers: Vec<_> = asked
                .iter()
                .map(|r| json!({"id": r["id"], "status": 200,
                    "body": {"deviceType": "androidForWork", "deviceEnrollmentType": "androidEnterpriseCorporateWorkProfile"}}))
                .collect();
            return Script::Together(
                both_batches.clone(),
                Box::new(Script::json(200, json!({ "responses": answers }))),
            );
        }
        if seen.target.contains("managedDevices?") {
            let phones: Vec<_> = (0..25)
                .map(|i| json!({"id": format!("a-{i}"), "deviceName": format!("Pixel {i}"),
                    "operatingSystem": "Android", "osVersion": "14"}))
                .collect();
            return Script::json(200, json!({ "value": phones }));
        }
        Script::json(200, json!({ "value": [] }))
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let cancel = CancellationToken::new();
    let search = search_devices(&graph, "Pixel", &cancel);
    let found = tokio::time::timeout(Duration::from_secs(5), search)
        .await
        .expect("the second batch went out only after the first came back")
        .unwrap();
    assert_eq!(found.devices.len(), 25);
    let batches = server
        .seen()
        .iter()
        .filter(|s| s.target.contains("$batch"))
        .count();
    assert_eq!(batches, 2);
}
