//! Feeds the signed-in person's access tokens to the Graph client, for one task's scopes.

use crate::IpcError;
use crate::graph::{BearerToken, GraphError, TokenFuture, TokenSource};

use super::{Auth, Task};

/// The Graph client's token source over [`Auth`]: cached tokens while valid, a renewed one when
/// Graph has refused the cached token.
#[derive(Debug, Clone)]
pub struct GraphTokens {
    auth: Auth,
    task: Task,
}

impl GraphTokens {
    pub fn new(auth: Auth, task: Task) -> GraphTokens {
        GraphTokens { auth, task }
    }
}

impl TokenSource for GraphTokens {
    fn access_token(&self, force_refresh: bool) -> TokenFuture<'_> {
        Box::pin(async move {
            let token = if force_refresh {
                self.auth.renewed_access_token(self.task).await
            } else {
                self.auth.access_token(self.task).await
            };
            token
                .map(|token| BearerToken::new(token.secret()))
                .map_err(|error| GraphError::Token(IpcError::from(&error)))
        })
    }
}
