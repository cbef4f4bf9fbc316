//! One Microsoft Graph client for the whole app: typed models, one error type with the request
//! ids support needs, retries only where repeating is safe, paging, batching and safe URLs.
//!
//! ```text
//! GraphClient::new(config.graph_url, token_source, GraphOptions::default())
//!   .get::<T>(&GraphRequest::get(ResourcePath::new("organization")).select(&["id"]))
//!   .get_all::<T>(&request, &cancel)        // follows @odata.nextLink, capped
//!   .batch(&[request, ...])                 // up to 20 GETs in one round trip
//!   .post_once::<B, T>(&path, Some(&body))  // Completed(T) or Ambiguous: check, never resend
//! ```

mod batch;
mod budget;
mod client;
mod error;
mod failure;
pub mod models;
pub mod odata;
mod options;
mod paging;
mod parse;
mod post;
mod retry;
mod token;

pub use batch::{BatchItem, MAX_BATCH};
pub use budget::{INTERACTIVE_BUDGET, Superseding, within_budget};
pub use client::GraphClient;
pub use error::{ErrorKind, GraphError, ServiceError, TokenFailure};
pub use odata::{Filter, GraphRequest, Literal, ResourcePath, search_term, string_literal};
pub use options::GraphOptions;
pub use paging::{Collected, NextLink, Page};
pub use parse::unwrap_intune;
pub use post::{Ambiguity, AmbiguityReason, Sent};
pub use token::{BearerToken, TokenFuture, TokenSource};
pub use tokio_util::sync::CancellationToken;
