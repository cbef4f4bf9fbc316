//! The loopback listener the browser is redirected to: bound on 127.0.0.1 and, on the same port,
//! `[::1]` (a browser may resolve `localhost` to either) for one sign-in only, it answers exactly
//! one callback that carries this sign-in's `state`, ignores everything else, holds only a few
//! connections open at once, and gives up after a timeout.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tracing::{debug, warn};

use super::provider_error::{ProviderError, Stage};
use crate::error::CoreError;
use crate::secret::SecretString;

/// A request line and headers larger than this are not a browser coming back from sign-in.
const MAX_REQUEST: usize = 16 * 1024;
/// A connection that sends nothing (browsers open spare ones) is closed after this long.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// At most this many connections are served at once; more wait in the system's queue, so a
/// flood of idle connections costs memory for these only.
pub(crate) const MAX_OPEN_CONNECTIONS: usize = 16;
/// How often to look for a port free on both addresses before settling for IPv4 alone.
const PORT_TRIES: usize = 8;

#[derive(Debug)]
pub struct LoopbackListener {
    listener: TcpListener,
    /// The same port on `[::1]`, where the machine has IPv6.
    listener_v6: Option<TcpListener>,
    port: u16,
}

/// What a connection reports when it carried this sign-in's answer.
enum Outcome {
    Code(SecretString),
    Error(ProviderError),
}

/// The pages the listener shows: the page tells the person what happened in a sentence, with no
/// links, scripts or echoed input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Done,
    Failed,
    NotThisSignIn,
    AlreadyFinished,
    NotFound,
}

impl LoopbackListener {
    /// Binds an ephemeral port on 127.0.0.1 and the same port on `[::1]`: the redirect names
    /// `localhost`, which a browser may resolve to either. Without IPv6 on the machine, IPv4
    /// alone serves.
    pub async fn bind() -> Result<LoopbackListener, CoreError> {
        let mut ipv6_missing = None;
        for _ in 0..PORT_TRIES {
            let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
                .await
                .map_err(|e| CoreError::Internal(format!("loopback listener: {e}")))?;
            let port = listener
                .local_addr()
                .map_err(|e| CoreError::Internal(format!("loopback listener: {e}")))?
                .port();
            match TcpListener::bind(SocketAddr::from((Ipv6Addr::LOCALHOST, port))).await {
                Ok(v6) => {
                    return Ok(LoopbackListener {
                        listener,
                        listener_v6: Some(v6),
                        port,
                    });
                }
                // Taken on IPv6 by someone else: try another port.
                Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {}
                Err(e) => {
                    ipv6_missing = Some(e);
                    break;
                }
            }
        }
        if let Some(error) = &ipv6_missing {
            debug!(%error, "no IPv6 loopback here; listening on 127.0.0.1 only");
        }
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .map_err(|e| CoreError::Internal(format!("loopback listener: {e}")))?;
        let port = listener
            .local_addr()
            .map_err(|e| CoreError::Internal(format!("loopback listener: {e}")))?
            .port();
        Ok(LoopbackListener {
            listener,
            listener_v6: None,
            port,
        })
    }

    /// Whether `[::1]` answers too.
    pub fn serves_ipv6(&self) -> bool {
        self.listener_v6.is_some()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://localhost:<port>`: Entra matches `http://localhost` registrations on any port.
    pub fn redirect_uri(&self) -> String {
        format!("http://localhost:{}", self.port)
    }

    /// Waits for the callback carrying `state` and returns its code. The listener closes when
    /// this returns (or is dropped, which is how a cancelled sign-in stops it).
    pub async fn wait_for_code(
        self,
        state: &SecretString,
        timeout: Duration,
    ) -> Result<SecretString, CoreError> {
        let expected: Arc<str> = Arc::from(state.expose());
        let answered = Arc::new(AtomicBool::new(false));
        let (tx, mut rx) = mpsc::channel::<Outcome>(1);
        let mut connections = JoinSet::new();
        let deadline = tokio::time::sleep(timeout);
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                () = &mut deadline => return Err(CoreError::SignInTimedOut(timeout.as_secs())),
                Some(outcome) = rx.recv() => {
                    return match outcome {
                        Outcome::Code(code) => Ok(code),
                        Outcome::Error(error) => Err(error.into_core_error(Stage::Authorize)),
                    };
                }
                accepted = accept(&self.listener, self.listener_v6.as_ref()),
                    if connections.len() < MAX_OPEN_CONNECTIONS => match accepted {
                    Ok(stream) => {
                        let (expected, answered, tx) = (expected.clone(), answered.clone(), tx.clone());
                        connections.spawn(serve(stream, expected, answered, tx));
                    }
                    Err(e) => {
                        warn!(error = %e, "loopback listener could not accept a connection");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                },
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
            }
        }
    }
}

/// The next connection on either address.
async fn accept(v4: &TcpListener, v6: Option<&TcpListener>) -> std::io::Result<TcpStream> {
    match v6 {
        Some(v6) => tokio::select! {
            accepted = v4.accept() => accepted.map(|(stream, _)| stream),
            accepted = v6.accept() => accepted.map(|(stream, _)| stream),
        },
        None => v4.accept().await.map(|(stream, _)| stream),
    }
}

/// Handles one connection: reads one request, answers it, and reports the outcome when it is
/// the first one carrying the expected `state` together with a code or an error.
async fn serve(
    mut stream: TcpStream,
    expected: Arc<str>,
    answered: Arc<AtomicBool>,
    tx: mpsc::Sender<Outcome>,
) {
    let Ok(Some(target)) = tokio::time::timeout(READ_TIMEOUT, read_target(&mut stream)).await
    else {
        return;
    };
    let (page, outcome) = judge(&target, &expected, &answered);
    debug!(?page, "loopback listener answered a request");
    let _ = respond(&mut stream, page).await;
    if let Some(outcome) = outcome {
        let _ = tx.send(outcome).await;
    }
}

/// Decides what a request target means for this sign-in.
fn judge(target: &str, expected: &str, answered: &AtomicBool) -> (Page, Option<Outcome>) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path != "/" {
        return (Page::NotFound, None);
    }
    let param = |name: &str| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let state_matches =
        param("state").is_some_and(|s| constant_time_eq(s.as_bytes(), expected.as_bytes()));
    let code = param("code").filter(|c| !c.is_empty());
    let error = param("error").filter(|e| !e.is_empty());
    if !state_matches || (code.is_none() && error.is_none()) {
        return (Page::NotThisSignIn, None);
    }
    if answered.swap(true, Ordering::SeqCst) {
        return (Page::AlreadyFinished, None);
    }
    match (code, error) {
        (_, Some(error)) => {
            let description = param("error_description");
            (
                Page::Failed,
                Some(Outcome::Error(ProviderError::new(
                    &error,
                    description.as_deref(),
                ))),
            )
        }
        (Some(code), None) => (Page::Done, Some(Outcome::Code(SecretString::new(code)))),
        (None, None) => (Page::NotThisSignIn, None),
    }
}

/// Reads the request head and returns the target of a `GET`, or `None` for anything else.
async fn read_target(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.ok()?;
        if n == 0 || head.len() + n > MAX_REQUEST {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line_end = head.iter().position(|b| *b == b'\r')?;
    let line = std::str::from_utf8(&head[..line_end]).ok()?;
    let mut words = line.split(' ');
    match (words.next(), words.next(), words.next()) {
        (Some("GET"), Some(target), Some(version)) if version.starts_with("HTTP/1.") => {
            Some(target.to_owned())
        }
        _ => None,
    }
}

async fn respond(stream: &mut TcpStream, page: Page) -> std::io::Result<()> {
    let (status, body) = callback_page_parts(page);
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\n\
         Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await?;
    stream.shutdown().await
}

fn callback_page_parts(page: Page) -> (&'static str, String) {
    let (status, title, text) = match page {
        Page::Done => (
            "200 OK",
            "You are signed in",
            "PinDesk has your sign-in. You can close this tab and go back to PinDesk.",
        ),
        Page::Failed => (
            "200 OK",
            "Sign-in did not finish",
            "Go back to PinDesk to see what happened. You can close this tab.",
        ),
        Page::NotThisSignIn => (
            "400 Bad Request",
            "Not the sign-in PinDesk is waiting for",
            "This page does not belong to the sign-in PinDesk started. Go back to PinDesk.",
        ),
        Page::AlreadyFinished => (
            "409 Conflict",
            "This sign-in has already finished",
            "PinDesk already has this answer. You can close this tab.",
        ),
        Page::NotFound => ("404 Not Found", "Not found", "There is nothing here."),
    };
    (status, callback_page(title, text))
}

/// The branded page shown in the browser tab.
pub fn callback_page(title: &str, text: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PinDesk – {title}</title>\
         <style>body{{font-family:system-ui,sans-serif;background:#f4f6fa;color:#1b2330;display:flex;\
         min-height:100vh;margin:0;align-items:center;justify-content:center}}main{{background:#fff;\
         padding:2rem 2.5rem;border-radius:12px;box-shadow:0 2px 12px #0002;max-width:28rem}}\
         .brand{{font-weight:700;color:#2456c9;letter-spacing:.02em}}h1{{font-size:1.25rem}}</style>\
         </head><body><main><div class=\"brand\">PinDesk</div><h1>{title}</h1><p>{text}</p></main>\
         </body></html>"
    )
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests;
