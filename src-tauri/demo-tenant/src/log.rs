//! One line per request served: `METHOD path?query STATUS`. Bodies and headers are never logged,
//! and query values that could carry a secret are masked, so the log is safe to keep.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::Error;
use crate::state::{TenantState, lock};

/// A request the tenant served, as tests see it (status 0: the connection was dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    pub method: String,
    pub path_and_query: String,
    pub status: u16,
}

impl std::fmt::Display for LoggedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.method, self.path_and_query, self.status)
    }
}

/// Query parameters whose values are secrets in some OAuth flow, even if this server never
/// expects them in a query string: a confused client must not get them logged.
const SECRET_PARAMETERS: [&str; 11] = [
    "code",
    "code_verifier",
    "refresh_token",
    "access_token",
    "id_token",
    "token",
    "client_secret",
    "client_assertion",
    "assertion",
    "password",
    "passcode",
];

#[derive(Debug)]
pub(crate) struct RequestLog {
    entries: Mutex<Vec<LoggedRequest>>,
    file: Option<Mutex<File>>,
    stderr: bool,
}

impl RequestLog {
    pub fn open(path: Option<&Path>, stderr: bool) -> Result<RequestLog, Error> {
        let file = match path {
            Some(path) => Some(Mutex::new(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .map_err(|source| Error::RequestLog {
                        path: path.to_path_buf(),
                        source,
                    })?,
            )),
            None => None,
        };
        Ok(RequestLog {
            entries: Mutex::new(Vec::new()),
            file,
            stderr,
        })
    }

    pub fn entries(&self) -> Vec<LoggedRequest> {
        lock(&self.entries).clone()
    }

    fn record(&self, entry: LoggedRequest) {
        let line = format!("{entry}\n");
        // A full disk must not take the demo down; the in-memory log still has the entry.
        if let Some(file) = &self.file {
            let _ = lock(file).write_all(line.as_bytes());
        }
        if self.stderr {
            let _ = std::io::stderr().lock().write_all(line.as_bytes());
        }
        lock(&self.entries).push(entry);
    }
}

pub(crate) async fn middleware(
    State(state): State<TenantState>,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method().to_string();
    let path_and_query = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_owned(), |pq| redact(pq.as_str()));
    let response = next.run(request).await;
    // A dropped connection never answered: logged with status 0.
    let dropped = response
        .extensions()
        .get::<crate::graph::Dropped>()
        .is_some();
    let status = if dropped {
        0
    } else {
        response.status().as_u16()
    };
    state.log.record(LoggedRequest {
        method,
        path_and_query,
        status,
    });
    response
}

/// Masks the value of every secret-bearing query parameter, leaving the rest byte for byte.
pub(crate) fn redact(path_and_query: &str) -> String {
    let Some((path, query)) = path_and_query.split_once('?') else {
        return path_and_query.to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| {
            let raw_name = pair.split('=').next().unwrap_or_default();
            let name: String = url::form_urlencoded::parse(raw_name.as_bytes())
                .map(|(k, _)| k.into_owned())
                .next()
                .unwrap_or_default();
            if SECRET_PARAMETERS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&name))
            {
                format!("{raw_name}=REDACTED")
            } else {
                pair.to_owned()
            }
        })
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redact_masks_secret_query_values_and_keeps_the_rest() {
        assert_eq!(
            redact("/cb?code=abc&state=x%20y&Refresh_Token=zzz"),
            "/cb?code=REDACTED&state=x%20y&Refresh_Token=REDACTED"
        );
        assert_eq!(redact("/v1.0/me?$select=id"), "/v1.0/me?$select=id");
        assert_eq!(redact("/v1.0/me"), "/v1.0/me");
        assert_eq!(redact("/x?c%6Fde=secret"), "/x?c%6Fde=REDACTED");
    }
}
