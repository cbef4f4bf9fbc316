//! The real keychain on Linux: the Secret Service on the session bus (gnome-keyring in CI).
#![cfg(target_os = "linux")]

mod common;

use std::sync::Arc;

use common::{FakeBrowser, Play};
use demo_tenant::{HELPDESK, Options};
use pindesk_core::keychain::{
    ChunkedStore, KeyringStore, SERVICE, SecretStore, WINDOWS_MAX_SECRET_BYTES, chunk_key,
};
use pindesk_core::{Auth, Task};

/// `None` (with a note) when there is no session bus to reach a Secret Service on.
fn secret_service() -> Option<Arc<KeyringStore>> {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        eprintln!("skipped: DBUS_SESSION_BUS_ADDRESS is not set, so there is no Secret Service");
        return None;
    }
    Some(Arc::new(KeyringStore::native()))
}

#[test]
fn the_secret_service_round_trips_a_large_refresh_token_in_chunks_and_delete_removes_them_all() {
    let Some(store) = secret_service() else {
        return;
    };
    let service = "PinDesk-test";
    let key = format!("chunked-{}", std::process::id());
    let secret: Vec<u8> = (0..7000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let chunked = ChunkedStore::new(store.clone());

    chunked.set(service, &key, &secret).unwrap();
    assert_eq!(
        chunked.get(service, &key).unwrap().unwrap().expose(),
        secret.as_slice()
    );
    let head = store.get(service, &key).unwrap().unwrap();
    assert!(head.expose().len() <= WINDOWS_MAX_SECRET_BYTES);
    for index in 1..=2 {
        let part = store
            .get(service, &chunk_key(&key, index))
            .unwrap()
            .expect("a chunk");
        assert!(part.expose().len() <= WINDOWS_MAX_SECRET_BYTES);
    }

    chunked.set(service, &key, b"short after rotation").unwrap();
    assert_eq!(
        chunked.get(service, &key).unwrap().unwrap().expose(),
        b"short after rotation"
    );
    assert!(
        store.get(service, &chunk_key(&key, 1)).unwrap().is_none(),
        "stale chunks go"
    );

    chunked.set(service, &key, &secret).unwrap();
    chunked.delete(service, &key).unwrap();
    assert!(store.get(service, &key).unwrap().is_none());
    for index in 1..=3 {
        assert!(
            store
                .get(service, &chunk_key(&key, index))
                .unwrap()
                .is_none()
        );
    }
}

#[tokio::test]
async fn a_sign_in_keeps_its_large_refresh_token_in_the_secret_service_across_a_restart() {
    let Some(keyring) = secret_service() else {
        return;
    };
    let store: Arc<dyn SecretStore> = keyring.clone();
    let tenant = common::tenant(Options {
        refresh_token_len: 6000,
        ..Options::default()
    })
    .await;
    let dir = common::data_dir("secret-service");
    let browser = FakeBrowser::new(Some(HELPDESK), Play::Complete);
    let auth = common::auth(common::config_for(&tenant, &dir), store.clone(), browser);
    let session = auth.sign_in(Task::Helpdesk, None).await.unwrap();
    assert!(
        auth.storage_warning().is_none(),
        "{:?}",
        auth.storage_warning()
    );
    assert_eq!(
        common::stored_refresh_token(&store, &session.account.id)
            .unwrap()
            .len(),
        6000
    );

    let browser = FakeBrowser::new(None, Play::Ignore);
    let restarted: Auth = common::auth(common::config_for(&tenant, &dir), store.clone(), browser);
    assert_eq!(
        restarted.restore_session().await.unwrap(),
        Some(session.clone())
    );

    restarted.sign_out(&session.account.id).await.unwrap();
    let key = pindesk_core::auth::refresh_token_key(&session.account.id);
    let raw = keyring.clone();
    let leftovers = tokio::task::spawn_blocking(move || {
        (0..4)
            .map(|i| {
                if i == 0 {
                    key.clone()
                } else {
                    chunk_key(&key, i)
                }
            })
            .filter(|k| raw.get(SERVICE, k).unwrap().is_some())
            .count()
    })
    .await
    .unwrap();
    assert_eq!(leftovers, 0, "sign-out leaves no keychain entry behind");
}
