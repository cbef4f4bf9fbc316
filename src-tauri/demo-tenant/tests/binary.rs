//! The `demo-tenant` binary and the request log.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use common::*;
use demo_tenant::{ADMIN, DemoTenant, Options, TENANT_ID};
use reqwest::StatusCode;

const BINARY: &str = env!("CARGO_BIN_EXE_demo-tenant");

/// A scratch file path unique to this test process and name.
fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("demo-tenant-{}-{name}", std::process::id()))
}

/// Kills the child even when an assertion fails halfway.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(args: &[&str]) -> TestResult<(Running, String)> {
    let mut child = Command::new(BINARY)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let running = Running(child);
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first)?;
    Ok((running, first.trim_end().to_owned()))
}

/// Signs in through the running binary and calls Graph; returns every secret it handed out.
async fn exercise(issuer: &str) -> TestResult<Vec<String>> {
    let origin = issuer.trim_end_matches(&format!("/{TENANT_ID}/v2.0"));
    let client = client()?;
    let discovery: serde_json::Value = client
        .get(format!("{issuer}/.well-known/openid-configuration"))
        .send()
        .await?
        .json()
        .await?;
    let mut authorize = url::Url::parse(text(&discovery, "/authorization_endpoint"))?;
    authorize
        .query_pairs_mut()
        .extend_pairs(authorize_params(Some(ADMIN)));
    let redirect = redirect_params(&client.get(authorize).send().await?)?;
    let code = param(&redirect, "code").ok_or("no code")?.to_owned();
    let form = [
        ("grant_type", "authorization_code"),
        ("client_id", demo_tenant::DEFAULT_CLIENT_ID),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", VERIFIER),
    ];
    let token_url = text(&discovery, "/token_endpoint").to_owned();
    let tokens: serde_json::Value = client
        .post(token_url)
        .form(&form)
        .send()
        .await?
        .json()
        .await?;
    let access = text(&tokens, "/access_token").to_owned();
    let me = client
        .get(format!("{origin}/v1.0/me?$select=id"))
        .bearer_auth(&access)
        .send()
        .await?;
    assert_eq!(me.status(), StatusCode::OK);
    let mut secrets = vec![code, access];
    for field in ["/refresh_token", "/id_token"] {
        secrets.push(text(&tokens, field).to_owned());
    }
    assert!(secrets.iter().all(|s| !s.is_empty()));
    Ok(secrets)
}

fn assert_no_secret(log: &str, secrets: &[String]) {
    for secret in secrets {
        assert!(
            !log.contains(secret.as_str()),
            "a secret leaked into the log"
        );
        assert!(
            !log.contains(&secret[..24]),
            "part of a secret leaked into the log"
        );
    }
}

#[tokio::test]
async fn binary_prints_issuer_first_and_logs_requests_without_tokens() -> TestResult {
    let log_path = scratch("binary.log");
    let _ = std::fs::remove_file(&log_path);
    let log_arg = log_path.to_string_lossy().into_owned();
    let (mut running, issuer) = spawn(&["--port", "0", "--devices", "12", "--log", &log_arg])?;
    assert!(issuer.starts_with("http://127.0.0.1:"), "{issuer}");
    assert!(issuer.ends_with(&format!("/{TENANT_ID}/v2.0")), "{issuer}");
    let secrets = exercise(&issuer).await?;
    running.0.kill()?;
    running.0.wait()?;
    let log = std::fs::read_to_string(&log_path)?;
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 4, "{log}");
    assert_eq!(
        lines[0],
        format!("GET /{TENANT_ID}/v2.0/.well-known/openid-configuration 200")
    );
    assert!(lines[1].starts_with(&format!("GET /{TENANT_ID}/oauth2/v2.0/authorize?")));
    assert!(lines[1].ends_with(" 302"));
    assert_eq!(lines[2], format!("POST /{TENANT_ID}/oauth2/v2.0/token 200"));
    assert_eq!(lines[3], "GET /v1.0/me?$select=id 200");
    assert_no_secret(&log, &secrets);
    let mut rest = String::new();
    if let Some(mut stderr) = running.0.stderr.take() {
        stderr.read_to_string(&mut rest)?;
    }
    assert!(
        rest.is_empty(),
        "nothing on stderr when --log is given: {rest}"
    );
    let _ = std::fs::remove_file(&log_path);
    Ok(())
}

#[tokio::test]
async fn binary_logs_to_stderr_without_log_flag() -> TestResult {
    let (mut running, issuer) = spawn(&[])?;
    let secrets = exercise(&issuer).await?;
    running.0.kill()?;
    running.0.wait()?;
    let mut log = String::new();
    running
        .0
        .stderr
        .take()
        .ok_or("no stderr")?
        .read_to_string(&mut log)?;
    assert_eq!(log.lines().count(), 4, "{log}");
    assert!(
        log.lines()
            .all(|l| l.starts_with("GET ") || l.starts_with("POST ")),
        "{log}"
    );
    assert_no_secret(&log, &secrets);
    Ok(())
}

#[test]
fn binary_rejects_bad_arguments_with_usage_and_exit_code_2() -> TestResult {
    for args in [
        &["--port", "x"][..],
        &["--fault-rate", "2"],
        &["--bogus"],
        &["--log"],
    ] {
        let output = Command::new(BINARY)
            .args(args)
            .stdin(Stdio::null())
            .output()?;
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("usage: demo-tenant"), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    let help = Command::new(BINARY).arg("--help").output()?;
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--fault-rate"));
    Ok(())
}

#[tokio::test]
async fn request_log_option_writes_one_line_per_request_and_requests_lists_them() -> TestResult {
    let log_path = scratch("library.log");
    let _ = std::fs::remove_file(&log_path);
    let options = Options {
        request_log: Some(log_path.clone()),
        ..Options::default()
    };
    let tenant = DemoTenant::start(options).await?;
    let tokens = tokens_for(&tenant, ADMIN).await?;
    let requests = tenant.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].method, "GET");
    assert!(
        requests[0]
            .path_and_query
            .contains("/oauth2/v2.0/authorize?")
    );
    assert_eq!(requests[0].status, 302);
    assert_eq!(
        (requests[1].method.as_str(), requests[1].status),
        ("POST", 200)
    );
    assert_eq!(
        requests[1].path_and_query,
        format!("/{TENANT_ID}/oauth2/v2.0/token")
    );
    tenant.shutdown().await;
    let log = std::fs::read_to_string(&log_path)?;
    let expected: Vec<String> = requests.iter().map(ToString::to_string).collect();
    assert_eq!(log.lines().collect::<Vec<_>>(), expected);
    assert!(!log.contains(text(&tokens, "/refresh_token")));
    let _ = std::fs::remove_file(&log_path);
    Ok(())
}

#[tokio::test]
async fn start_reports_a_port_in_use_and_bad_options() -> TestResult {
    let first = DemoTenant::start(Options::default()).await?;
    let taken = first.graph_base().port().ok_or("no port")?;
    let second = DemoTenant::start(Options {
        port: taken,
        ..Options::default()
    })
    .await;
    assert!(matches!(second, Err(demo_tenant::Error::Bind { .. })));
    let bad = DemoTenant::start(Options {
        fault_rate: 1.5,
        ..Options::default()
    })
    .await;
    assert!(matches!(bad, Err(demo_tenant::Error::InvalidOption(_))));
    first.shutdown().await;
    Ok(())
}
