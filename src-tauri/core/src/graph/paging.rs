//! Collections page by page through `@odata.nextLink`, with a cap and cancellation. The link is
//! followed as given (it carries the service's own skip token), but only on this client's host,
//! and with `ConsistencyLevel: eventual` again when the first request had it: Graph needs it on
//! every page of an advanced query.

use reqwest::Method;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use tokio_util::sync::CancellationToken;
use url::Url;

use super::client::{Call, GraphClient, decode};
use super::error::GraphError;
use super::odata::GraphRequest;

/// One page of a collection.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Where the next page is; `None` on the last one.
    pub next: Option<NextLink>,
    /// `@odata.count`, when `$count=true` asked for it.
    pub count: Option<u64>,
}

/// The next page's address, tied to the headers the first request needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextLink {
    url: Url,
    eventual: bool,
}

impl NextLink {
    pub fn url(&self) -> &Url {
        &self.url
    }

    pub fn is_eventual(&self) -> bool {
        self.eventual
    }
}

/// Every page up to the cap.
#[derive(Debug, Clone)]
pub struct Collected<T> {
    pub items: Vec<T>,
    pub pages: usize,
    /// False when the cap stopped the walk with pages left: say so rather than pretend the list
    /// is whole.
    pub complete: bool,
    pub count: Option<u64>,
}

#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct RawPage<T> {
    #[serde(default = "Vec::new")]
    value: Vec<T>,
    #[serde(rename = "@odata.nextLink", default)]
    next_link: Option<String>,
    #[serde(rename = "@odata.count", default)]
    count: Option<u64>,
}

impl GraphClient {
    /// The first page of `request`.
    pub async fn get_page<T: DeserializeOwned>(
        &self,
        request: &GraphRequest,
        cancel: &CancellationToken,
    ) -> Result<Page<T>, GraphError> {
        let raw: RawPage<T> = self.get_cancellable(request, Some(cancel)).await?;
        self.page(raw, request.is_eventual())
    }

    /// The page `link` points at.
    pub async fn next_page<T: DeserializeOwned>(
        &self,
        link: &NextLink,
        cancel: &CancellationToken,
    ) -> Result<Page<T>, GraphError> {
        let call = Call {
            method: Method::GET,
            url: link.url.clone(),
            eventual: link.eventual,
            body: None,
        };
        let reply = self.send_repeatable(&call, Some(cancel)).await?;
        let raw: RawPage<T> = decode(&reply)?;
        self.page(raw, link.eventual)
    }

    /// Follows `nextLink` until the last page or `options.max_pages`.
    pub async fn get_all<T: DeserializeOwned>(
        &self,
        request: &GraphRequest,
        cancel: &CancellationToken,
    ) -> Result<Collected<T>, GraphError> {
        self.get_all_capped(request, self.inner.options.max_pages, cancel)
            .await
    }

    pub async fn get_all_capped<T: DeserializeOwned>(
        &self,
        request: &GraphRequest,
        max_pages: usize,
        cancel: &CancellationToken,
    ) -> Result<Collected<T>, GraphError> {
        let first = self.get_page::<T>(request, cancel).await?;
        let (mut items, mut next, count) = (first.items, first.next, first.count);
        let mut pages = 1;
        while let Some(link) = next.take() {
            if pages >= max_pages.max(1) {
                next = Some(link);
                break;
            }
            if cancel.is_cancelled() {
                return Err(GraphError::Cancelled);
            }
            let page = self.next_page::<T>(&link, cancel).await?;
            items.extend(page.items);
            next = page.next;
            pages += 1;
        }
        Ok(Collected {
            items,
            pages,
            complete: next.is_none(),
            count,
        })
    }

    /// A next-page link handed back later (by the window, for "show more"): followed only on
    /// this client's Graph host, like any other.
    pub fn next_link(&self, link: &str, eventual: bool) -> Result<NextLink, GraphError> {
        let url =
            self.inner.root.join(link).map_err(|e| {
                GraphError::Refused(format!("the next page link is not a URL: {e}"))
            })?;
        if !self.owns(&url) {
            return Err(GraphError::Refused(format!(
                "the next page link points outside Graph ({})",
                url.origin().ascii_serialization()
            )));
        }
        Ok(NextLink { url, eventual })
    }

    fn page<T>(&self, raw: RawPage<T>, eventual: bool) -> Result<Page<T>, GraphError> {
        let next = match raw.next_link {
            Some(link) => Some(self.next_link(&link, eventual)?),
            None => None,
        };
        Ok(Page {
            items: raw.value,
            next,
            count: raw.count,
        })
    }
}
