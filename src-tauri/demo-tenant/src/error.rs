use std::path::PathBuf;

/// Everything that can stop the demo tenant from starting.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid option: {0}")]
    InvalidOption(String),
    #[error("could not listen on 127.0.0.1:{port}: {source}")]
    Bind {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    #[error("could not open the request log {}: {source}", path.display())]
    RequestLog {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not build a server URL: {0}")]
    Url(#[from] url::ParseError),
}
