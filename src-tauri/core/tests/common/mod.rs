//! Shared by the integration tests: a demo tenant, a configuration pointing at it, and a fake
//! browser that completes the sign-in the way a person's browser would.
#![allow(dead_code)]
// Test support: a failed setup step should stop the test on the spot, as in the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub mod desk;

use demo_tenant::{DemoTenant, Options};
use pindesk_core::auth::{AuthOptions, BrowserOpener};
use pindesk_core::clock::Clock;
use pindesk_core::config::{self, Config};
use pindesk_core::keychain::{ChunkedStore, SERVICE, SecretStore};
use pindesk_core::{Auth, CoreError};
use url::Url;

/// A fresh, empty data folder per call.
pub fn data_dir(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("pindesk-core-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub async fn tenant(options: Options) -> DemoTenant {
    DemoTenant::start(options).await.unwrap()
}

/// The configuration the app would load, pointed at `tenant`.
pub fn config_for(tenant: &DemoTenant, data_dir: &Path) -> Config {
    config_with_authority(tenant, data_dir, tenant.issuer())
}

pub fn config_with_authority(tenant: &DemoTenant, data_dir: &Path, authority: Url) -> Config {
    let env: HashMap<&str, String> = HashMap::from([
        (config::ENV_DATA_DIR, data_dir.display().to_string()),
        (
            config::ENV_ADMIN_CONFIG,
            data_dir.join("no-admin-config.json").display().to_string(),
        ),
    ]);
    Config::load(|name| env.get(name).cloned())
        .unwrap()
        .with_local_tenant(authority, tenant.graph_base())
}

/// How the fake browser behaves once the app opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Play {
    /// Signs in silently as the hinted person and follows the redirect to the app.
    Complete,
    /// First delivers the callback with a forged `state`, then the real one.
    ForgeStateFirst,
    /// First delivers the callback on another path, then the real one.
    WrongPathFirst,
    /// Opens nothing: the person walked away.
    Ignore,
}

/// Plays the person's browser: requests the authorize URL with `prompt=none&login_hint=…`
/// without following redirects, then requests the `Location` on the app's loopback listener.
pub struct FakeBrowser {
    hint: Option<String>,
    play: Play,
    pub opened: Mutex<Vec<Url>>,
    /// How many times the app opened this browser, for tests that wait for it.
    opens: tokio::sync::watch::Sender<usize>,
    pub events: Arc<Mutex<Vec<String>>>,
    pub callbacks: Arc<Mutex<Vec<Url>>>,
}

impl FakeBrowser {
    pub fn new(hint: Option<&str>, play: Play) -> Arc<FakeBrowser> {
        Arc::new(FakeBrowser {
            hint: hint.map(str::to_owned),
            play,
            opened: Mutex::new(Vec::new()),
            opens: tokio::sync::watch::channel(0).0,
            events: Arc::new(Mutex::new(Vec::new())),
            callbacks: Arc::new(Mutex::new(Vec::new())),
        })
    }

    pub fn opened(&self) -> Vec<Url> {
        self.opened.lock().unwrap().clone()
    }

    pub fn events(&self) -> Vec<String> {
        self.events.lock().unwrap().clone()
    }

    /// The loopback port of the last sign-in this browser was opened for.
    pub fn loopback_port(&self) -> u16 {
        let url = self
            .opened()
            .last()
            .cloned()
            .expect("the browser was opened");
        let redirect = url
            .query_pairs()
            .find(|(k, _)| k == "redirect_uri")
            .unwrap()
            .1
            .into_owned();
        Url::parse(&redirect).unwrap().port().unwrap()
    }
}

impl BrowserOpener for FakeBrowser {
    fn open(&self, url: &Url) -> Result<(), CoreError> {
        self.opened.lock().unwrap().push(url.clone());
        self.opens.send_modify(|count| *count += 1);
        if self.play == Play::Ignore {
            return Ok(());
        }
        // The person already has a browser session: the app's own prompt (the account picker) is
        // replaced by `prompt=none`, as a browser that answers at once would see it.
        let mut authorize = url.clone();
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| k != "prompt")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        authorize
            .query_pairs_mut()
            .clear()
            .extend_pairs(kept)
            .append_pair("prompt", "none");
        let hinted = url.query_pairs().any(|(k, _)| k == "login_hint");
        if let (false, Some(hint)) = (hinted, &self.hint) {
            authorize.query_pairs_mut().append_pair("login_hint", hint);
        }
        let (play, events, callbacks) = (self.play, self.events.clone(), self.callbacks.clone());
        tokio::runtime::Handle::current().spawn(async move {
            if let Err(e) = browse(authorize, play, &events, &callbacks).await {
                events.lock().unwrap().push(format!("failed: {e}"));
            }
        });
        Ok(())
    }
}

async fn browse(
    authorize: Url,
    play: Play,
    events: &Mutex<Vec<String>>,
    callbacks: &Mutex<Vec<Url>>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let client = browser_client();
    let response = client.get(authorize).send().await?;
    events
        .lock()
        .unwrap()
        .push(format!("authorize {}", response.status().as_u16()));
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .ok_or("no redirect from authorize")?
        .to_str()?
        .to_owned();
    let callback = Url::parse(&location)?;
    match play {
        Play::ForgeStateFirst => {
            let mut forged = callback.clone();
            let pairs: Vec<(String, String)> = callback
                .query_pairs()
                .map(|(k, v)| {
                    let value = if k == "state" {
                        "forged".to_owned()
                    } else {
                        v.into_owned()
                    };
                    (k.into_owned(), value)
                })
                .collect();
            forged.query_pairs_mut().clear().extend_pairs(pairs);
            let status = client.get(forged).send().await?.status().as_u16();
            events
                .lock()
                .unwrap()
                .push(format!("forged state {status}"));
        }
        Play::WrongPathFirst => {
            let mut elsewhere = callback.clone();
            elsewhere.set_path("/elsewhere");
            let status = client.get(elsewhere).send().await?.status().as_u16();
            events.lock().unwrap().push(format!("other path {status}"));
        }
        Play::Complete | Play::Ignore => {}
    }
    callbacks.lock().unwrap().push(callback.clone());
    let response = client.get(callback).send().await?;
    let status = response.status().as_u16();
    let page = response.text().await?;
    events.lock().unwrap().push(format!("callback {status}"));
    if !page.contains("close this tab") {
        events
            .lock()
            .unwrap()
            .push("callback page without the close-this-tab text".to_owned());
    }
    Ok(())
}

pub fn browser_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

pub fn auth_with(
    config: Config,
    store: Arc<dyn SecretStore>,
    browser: Arc<FakeBrowser>,
    sign_in_timeout: Duration,
) -> Auth {
    let options = AuthOptions {
        browser: Some(browser),
        sign_in_timeout,
        clock: Clock::default(),
    };
    Auth::with_options(config, store, options).unwrap()
}

pub fn auth(config: Config, store: Arc<dyn SecretStore>, browser: Arc<FakeBrowser>) -> Auth {
    auth_with(config, store, browser, Duration::from_secs(20))
}

/// An `Auth` whose token renewals follow `clock`, so a test moves time instead of waiting.
pub fn auth_on(
    config: Config,
    store: Arc<dyn SecretStore>,
    browser: Arc<FakeBrowser>,
    clock: Clock,
) -> Auth {
    let browser: Arc<dyn BrowserOpener> = browser;
    let options = AuthOptions {
        clock,
        browser: Some(browser),
        ..AuthOptions::default()
    };
    Auth::with_options(config, store, options).unwrap()
}

/// The refresh token stored for `account_id`, read the way the app reads it.
pub fn stored_refresh_token(store: &Arc<dyn SecretStore>, account_id: &str) -> Option<String> {
    let key = pindesk_core::auth::refresh_token_key(account_id);
    ChunkedStore::new(store.clone())
        .get(SERVICE, &key)
        .unwrap()
        .map(|bytes| String::from_utf8(bytes.into_inner()).unwrap())
}

/// Fails when any issued secret appears in any file under `dir`.
pub fn assert_no_secret_in_files(dir: &Path, secrets: &[String]) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            assert_no_secret_in_files(&path, secrets);
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        for secret in secrets {
            assert!(
                !text.contains(secret.as_str()),
                "a secret was written to {}",
                path.display()
            );
        }
    }
}

/// Waits until the app's sign-in is waiting for the browser: the app opens the browser only once
/// its sign-in runs and its loopback listener is bound.
pub async fn until_running(auth: &Auth, browser: &FakeBrowser) {
    let mut opens = browser.opens.subscribe();
    let opened = tokio::time::timeout(Duration::from_secs(20), opens.wait_for(|n| *n > 0))
        .await
        .is_ok_and(|seen| seen.is_ok());
    assert!(opened, "the sign-in never opened the browser");
    assert!(auth.sign_in_running());
}

/// Whether anything still listens on the loopback port.
pub async fn listening(port: u16) -> bool {
    tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_ok()
}
