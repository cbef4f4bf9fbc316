//! A tiny HTTP/1.1 server on loopback whose answers a test scripts, for what the demo tenant does
//! not produce on demand.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use url::Url;

use super::TestResult;

/// What the scripted server answers to one request.
#[derive(Debug, Clone)]
pub enum Script {
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// Reads the request and closes the connection without a word.
    Drop,
    /// Reads the request and answers nothing until the client gives up and hangs up.
    Hang,
    /// Waits until the barrier's other requests have arrived too, then answers as scripted: a
    /// client that sends them one after another never gets its first answer.
    Together(Arc<tokio::sync::Barrier>, Box<Script>),
}

impl Script {
    pub fn json(status: u16, body: serde_json::Value) -> Script {
        Script::Respond {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Script {
        if let Script::Respond { headers, .. } = &mut self {
            headers.push((name.to_owned(), value.to_owned()));
        }
        self
    }
}

/// A request as the scripted server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

type Handler = dyn Fn(&Seen, usize) -> Script + Send + Sync;

/// How many answers have reached the client so far.
type Answered = watch::Sender<usize>;

/// An HTTP/1.1 server on loopback that answers each request with what `handler` scripts for it
/// (given the request and its number from 0) and closes the connection.
pub struct ScriptServer {
    pub base: Url,
    seen: Arc<Mutex<Vec<Seen>>>,
    answered: Arc<Answered>,
    task: tokio::task::JoinHandle<()>,
}

impl ScriptServer {
    pub async fn start(
        handler: impl Fn(&Seen, usize) -> Script + Send + Sync + 'static,
    ) -> ScriptServer {
        ScriptServer::start_with_base(move |_| handler).await
    }

    /// Like [`ScriptServer::start`], for handlers that need the server's own address.
    pub async fn start_with_base<H>(make: impl FnOnce(Url) -> H) -> ScriptServer
    where
        H: Fn(&Seen, usize) -> Script + Send + Sync + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = Url::parse(&format!("http://{}/", listener.local_addr().unwrap())).unwrap();
        let handler = make(base.clone());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let answered = Arc::new(watch::channel(0).0);
        let (log, count) = (seen.clone(), answered.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (handler, log, count) = (handler.clone(), log.clone(), count.clone());
                tokio::spawn(async move {
                    let _ = serve(stream, &*handler, &log, &count).await;
                });
            }
        });
        ScriptServer {
            base,
            seen,
            answered,
            task,
        }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// Waits until `n` answers have reached the client: it read each one and hung up.
    pub async fn until_answered(&self, n: usize) {
        let mut answered = self.answered.subscribe();
        answered.wait_for(|count| *count >= n).await.unwrap();
    }
}

impl Drop for ScriptServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    mut stream: TcpStream,
    handler: &Handler,
    log: &Mutex<Vec<Seen>>,
    answered: &Answered,
) -> TestResult {
    let mut buffer = Vec::new();
    let head_end = loop {
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (method, target) = (
        first.next().unwrap_or_default(),
        first.next().unwrap_or_default(),
    );
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buffer[head_end + 4..].to_vec();
    while body.len() < length {
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let seen = Seen {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body,
    };
    let index = {
        let mut log = log.lock().unwrap();
        log.push(seen.clone());
        log.len() - 1
    };
    let mut script = handler(&seen, index);
    if let Script::Together(barrier, then) = script {
        barrier.wait().await;
        script = *then;
    }
    match script {
        Script::Drop | Script::Together(..) => Ok(()),
        Script::Hang => {
            until_hung_up(&mut stream).await;
            Ok(())
        }
        Script::Respond {
            status,
            headers,
            body,
        } => {
            let mut response = format!(
                "HTTP/1.1 {status} Scripted\r\ncontent-length: {}\r\nconnection: close\r\n",
                body.len()
            );
            if !body.is_empty() {
                response.push_str("content-type: application/json\r\n");
            }
            for (name, value) in headers {
                response.push_str(&format!("{name}: {value}\r\n"));
            }
            response.push_str("\r\n");
            response.push_str(&body);
            stream.write_all(response.as_bytes()).await?;
            stream.shutdown().await?;
            until_hung_up(&mut stream).await;
            answered.send_modify(|count| *count += 1);
            Ok(())
        }
    }
}

/// Returns once the client has closed its end (or broken the connection).
async fn until_hung_up(stream: &mut TcpStream) {
    let mut rest = [0u8; 1024];
    while matches!(stream.read(&mut rest).await, Ok(n) if n > 0) {}
}
