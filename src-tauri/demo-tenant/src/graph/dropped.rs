//! `drop_rate`: a request whose connection is cut without an answer. The response body fails
//! before its first byte, so the server aborts the connection instead of answering.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::response::Response;
use http_body::Frame;
use rand::Rng;

use crate::state::{Shared, lock};

/// Rolls the seeded dice for a dropped connection; only rolls when a drop rate is set, so the
/// fault sequence of a seed stays the same without one.
pub(super) fn roll(state: &Shared) -> bool {
    let rate = state.options.drop_rate;
    rate > 0.0 && lock(&state.faults).r#gen::<f64>() < rate
}

/// Marks a response whose connection was dropped, for the request log.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dropped;

struct Broken;

impl http_body::Body for Broken {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "connection dropped on purpose",
        ))))
    }
}

pub(super) fn response() -> Response {
    let mut response = Response::new(Body::new(Broken));
    response.extensions_mut().insert(Dropped);
    response
}
