//! Feeds the signed-in person's access tokens to the Graph client, for one task's scopes.

use crate::graph::{BearerToken, GraphError, TokenFailure, TokenFuture, TokenSource};

use super::{Auth, Task};

/// The Graph client's token source over [`Auth`]: cached tokens while valid, a renewed one when
/// Graph has refused the cached token.
#[derive(Debug, Clone)]
pub struct GraphTokens {
    auth: Auth,
    task: Task,
    /// Set when the tokens must be one account's, even if another is switched to meanwhile.
    account_id: Option<String>,
}

impl GraphTokens {
    /// The tokens of whichever account is in use at each request.
    pub fn new(auth: Auth, task: Task) -> GraphTokens {
        GraphTokens {
            auth,
            task,
            account_id: None,
        }
    }

    /// The tokens of `account_id` only: a switch to another account meanwhile does not change
    /// whose token is sent.
    pub fn of_account(auth: Auth, task: Task, account_id: &str) -> GraphTokens {
        GraphTokens {
            auth,
            task,
            account_id: Some(account_id.to_owned()),
        }
    }
}

impl TokenSource for GraphTokens {
    fn access_token(&self, force_refresh: bool) -> TokenFuture<'_> {
        Box::pin(async move {
            let token = if let Some(id) = &self.account_id {
                self.auth
                    .access_token_of(id, self.task, force_refresh)
                    .await
            } else if force_refresh {
                self.auth.renewed_access_token(self.task).await
            } else {
                self.auth.access_token(self.task).await
            };
            token
                .map(|token| BearerToken::new(token.secret()))
                .map_err(|error| {
                    GraphError::Token(TokenFailure {
                        kind: crate::Failure::failure_kind(&error),
                        detail: error.to_string(),
                    })
                })
        })
    }

    fn claims_challenged(&self, challenge: &str) {
        self.auth.note_claims_challenge(challenge);
    }
}
