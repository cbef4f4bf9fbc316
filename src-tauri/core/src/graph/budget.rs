//! How long a person at the window waits for Graph. A search, a status read or a setup read gives
//! up after [`INTERACTIVE_BUDGET`] in total, retries and `Retry-After` included, and a search
//! that a newer one replaced is cancelled instead of retrying on for nobody.

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::error::GraphError;

/// The longest an interactive read may take, every retry and wait included.
pub const INTERACTIVE_BUDGET: Duration = Duration::from_secs(60);

/// Runs `work` for at most `budget`. When the budget runs out, `cancel` is fired (so whatever
/// `work` started stops sending) and the answer is [`GraphError::TookTooLong`].
pub async fn within_budget<T, E>(
    budget: Duration,
    cancel: &CancellationToken,
    work: impl Future<Output = Result<T, E>>,
) -> Result<T, E>
where
    E: From<GraphError>,
{
    match tokio::time::timeout(budget, work).await {
        Ok(result) => result,
        Err(_) => {
            cancel.cancel();
            tracing::warn!(
                budget_s = budget.as_secs(),
                "Graph did not answer in time; gave up"
            );
            Err(GraphError::TookTooLong(budget).into())
        }
    }
}

/// One kind of interactive request (the device search, the group search) where only the newest
/// matters: starting one cancels the one before.
#[derive(Debug, Default)]
pub struct Superseding {
    current: Mutex<Option<CancellationToken>>,
}

impl Superseding {
    /// A token for a new request; the previous request's token is cancelled.
    pub fn start(&self) -> CancellationToken {
        let token = CancellationToken::new();
        let previous = self
            .current
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .replace(token.clone());
        if let Some(previous) = previous {
            previous.cancel();
        }
        token
    }

    /// A token for a follow-up of the current request (its next page): cancelled with it.
    pub fn follow_up(&self) -> CancellationToken {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        current
            .get_or_insert_with(CancellationToken::new)
            .child_token()
    }
}
