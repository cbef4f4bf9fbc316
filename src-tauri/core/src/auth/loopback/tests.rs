use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinHandle;

use super::*;

const STATE: &str = "state-123";

/// Sends one raw request and returns the status code and body.
async fn request(port: u16, method: &str, target: &str) -> std::io::Result<(u16, String)> {
    request_to("127.0.0.1", port, method, target).await
}

async fn request_to(
    host: &str,
    port: u16,
    method: &str,
    target: &str,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect((host, port)).await?;
    let head = format!("{method} {target} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n");
    stream.write_all(head.as_bytes()).await?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await?;
    let status = response
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    Ok((status, body))
}

async fn get(port: u16, target: &str) -> (u16, String) {
    request(port, "GET", target).await.unwrap()
}

async fn start(timeout: Duration) -> (u16, JoinHandle<Result<SecretString, CoreError>>) {
    let listener = LoopbackListener::bind().await.unwrap();
    let port = listener.port();
    let state = SecretString::new(STATE);
    let task = tokio::spawn(async move { listener.wait_for_code(&state, timeout).await });
    (port, task)
}

#[tokio::test]
async fn the_redirect_uri_is_localhost_with_the_bound_port_and_no_trailing_slash() {
    let listener = LoopbackListener::bind().await.unwrap();
    assert_eq!(
        listener.redirect_uri(),
        format!("http://localhost:{}", listener.port())
    );
}

#[tokio::test]
async fn a_valid_callback_returns_the_code_and_shows_the_close_this_tab_page() {
    let (port, task) = start(Duration::from_secs(10)).await;
    let (status, body) = get(port, &format!("/?code=the-code&state={STATE}")).await;
    assert_eq!(status, 200);
    assert!(
        body.contains("PinDesk") && body.contains("close this tab"),
        "{body}"
    );
    assert_eq!(task.await.unwrap().unwrap().expose(), "the-code");
}

#[tokio::test]
async fn a_state_mismatch_is_ignored_and_the_real_callback_still_completes() {
    let (port, task) = start(Duration::from_secs(10)).await;
    let (status, body) = get(port, "/?code=forged&state=other").await;
    assert_eq!(status, 400);
    assert!(!body.contains("forged"));
    assert_eq!(get(port, "/?code=forged").await.0, 400);
    assert!(!task.is_finished());
    get(port, &format!("/?code=real&state={STATE}")).await;
    assert_eq!(task.await.unwrap().unwrap().expose(), "real");
}

#[tokio::test]
async fn a_callback_on_another_path_is_ignored() {
    let (port, task) = start(Duration::from_secs(10)).await;
    assert_eq!(
        get(port, &format!("/callback?code=c&state={STATE}"))
            .await
            .0,
        404
    );
    assert_eq!(get(port, "/favicon.ico").await.0, 404);
    assert_eq!(
        get(port, &format!("//evil.example/?code=c&state={STATE}"))
            .await
            .0,
        404
    );
    assert!(!task.is_finished());
    get(port, &format!("/?code=right&state={STATE}")).await;
    assert_eq!(task.await.unwrap().unwrap().expose(), "right");
}

#[tokio::test]
async fn stray_requests_and_other_methods_are_ignored() {
    let (port, task) = start(Duration::from_secs(10)).await;
    assert_eq!(get(port, "/").await.0, 400);
    assert_eq!(get(port, &format!("/?state={STATE}")).await.0, 400);
    let post = request(port, "POST", &format!("/?code=c&state={STATE}"))
        .await
        .unwrap();
    assert_eq!(post.0, 0, "a POST gets no answer");
    let mut garbage = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    garbage
        .write_all(b"\x16\x03\x01 not http\r\n\r\n")
        .await
        .unwrap();
    drop(garbage);
    get(port, &format!("/?code=ok&state={STATE}")).await;
    assert_eq!(task.await.unwrap().unwrap().expose(), "ok");
}

#[tokio::test]
async fn a_replayed_callback_finds_the_listener_closed() {
    let (port, task) = start(Duration::from_secs(10)).await;
    let target = format!("/?code=once&state={STATE}");
    get(port, &target).await;
    task.await.unwrap().unwrap();
    assert!(
        request(port, "GET", &target).await.is_err(),
        "the port must be closed"
    );
}

#[test]
fn a_second_callback_with_the_right_state_is_answered_as_already_finished() {
    let answered = AtomicBool::new(false);
    let target = format!("/?code=c&state={STATE}");
    let (page, outcome) = judge(&target, STATE, &answered);
    assert_eq!(page, Page::Done);
    assert!(outcome.is_some());
    let (page, outcome) = judge(&target, STATE, &answered);
    assert_eq!(page, Page::AlreadyFinished);
    assert!(outcome.is_none());
}

#[tokio::test]
async fn an_error_callback_ends_the_sign_in_with_the_providers_reason() {
    let (port, task) = start(Duration::from_secs(10)).await;
    let (status, body) = get(
        port,
        &format!("/?error=access_denied&error_description=AADSTS65004%3A+declined&state={STATE}"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        body.contains("did not finish") && !body.contains("AADSTS"),
        "{body}"
    );
    // Declined consent means the organisation has not approved the app, never "you cancelled".
    assert!(matches!(
        task.await.unwrap(),
        Err(CoreError::OrgNotApproved(_))
    ));

    let (port, task) = start(Duration::from_secs(10)).await;
    get(
        port,
        &format!("/?error=invalid_client&error_description=AADSTS700016%3A+x&state={STATE}"),
    )
    .await;
    assert!(matches!(
        task.await.unwrap(),
        Err(CoreError::ClientUnknown(_))
    ));
}

#[tokio::test]
async fn an_error_callback_with_a_wrong_state_is_ignored() {
    let (port, task) = start(Duration::from_secs(10)).await;
    assert_eq!(get(port, "/?error=access_denied&state=other").await.0, 400);
    get(port, &format!("/?code=fine&state={STATE}")).await;
    assert_eq!(task.await.unwrap().unwrap().expose(), "fine");
}

#[tokio::test]
async fn the_listener_gives_up_after_the_timeout_and_closes() {
    let (port, task) = start(Duration::from_millis(200)).await;
    assert!(matches!(
        task.await.unwrap(),
        Err(CoreError::SignInTimedOut(_))
    ));
    assert!(request(port, "GET", "/").await.is_err());
}

#[tokio::test]
async fn an_idle_connection_does_not_hold_up_the_callback() {
    let (port, task) = start(Duration::from_secs(10)).await;
    let _idle = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    get(port, &format!("/?code=quick&state={STATE}")).await;
    let code = tokio::time::timeout(Duration::from_secs(2), task)
        .await
        .unwrap();
    assert_eq!(code.unwrap().unwrap().expose(), "quick");
}

#[tokio::test]
async fn dropping_the_wait_closes_the_listener() {
    let (port, task) = start(Duration::from_secs(10)).await;
    task.abort();
    let _ = task.await;
    assert!(request(port, "GET", "/").await.is_err());
}

/// Whether this machine has an IPv6 loopback at all (some containers have none).
fn ipv6_here() -> bool {
    std::net::TcpListener::bind("[::1]:0").is_ok()
}

#[tokio::test]
async fn a_browser_that_resolves_localhost_to_ipv6_reaches_the_listener() {
    if !ipv6_here() {
        eprintln!("skipped: this machine has no IPv6 loopback");
        return;
    }
    let (port, task) = start(Duration::from_secs(10)).await;
    let (status, _) = request_to("::1", port, "GET", &format!("/?code=v6-code&state={STATE}"))
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert_eq!(task.await.unwrap().unwrap().expose(), "v6-code");
}

#[tokio::test]
async fn open_connections_are_bounded_and_the_callback_waits_its_turn() {
    let (port, task) = start(Duration::from_secs(20)).await;
    let mut idle = Vec::new();
    for _ in 0..MAX_OPEN_CONNECTIONS {
        idle.push(TcpStream::connect(("127.0.0.1", port)).await.unwrap());
    }
    // The system hands connections over in the order they came, so the idle ones take every slot
    // before the callback's turn.
    let mut callback =
        tokio::spawn(async move { get(port, &format!("/?code=the-code&state={STATE}")).await });
    // While the bound holds nothing happens at all, so only a window can show it: an answer
    // within it means a connection beyond the bound was served.
    let early = tokio::time::timeout(Duration::from_millis(400), &mut callback).await;
    assert!(early.is_err(), "a connection beyond the bound was served");
    // The idle ones go away: the slots free up and the waiting callback is served.
    drop(idle);
    assert_eq!(callback.await.unwrap().0, 200);
    assert_eq!(task.await.unwrap().unwrap().expose(), "the-code");
}
