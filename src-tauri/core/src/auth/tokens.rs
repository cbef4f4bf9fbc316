//! Tokens held in memory: access tokens per task, refreshed ahead of expiry, and each account's
//! current refresh token (also in the keychain when it can be).

use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, Instant, SystemTime};

use super::scopes::Task;
use crate::accounts::Account;
use crate::clock::Clock;
use crate::error::CoreError;
use crate::secret::SecretString;

/// Refresh this long before expiry at most (half the lifetime for short-lived tokens).
const REFRESH_MARGIN: Duration = Duration::from_secs(300);

/// A bearer token for Graph. `Debug` prints `***`.
#[derive(Clone)]
pub struct AccessToken {
    secret: SecretString,
    expires_at: SystemTime,
    task: Task,
}

impl AccessToken {
    /// The value for `Authorization: Bearer …`. Never log it.
    pub fn secret(&self) -> &str {
        self.secret.expose()
    }

    pub fn expires_at(&self) -> SystemTime {
        self.expires_at
    }

    /// The task whose scopes this token carries.
    pub fn task(&self) -> Task {
        self.task
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[derive(Clone)]
pub(crate) struct CachedToken {
    token: AccessToken,
    refresh_at: Instant,
}

impl CachedToken {
    /// `lifetime` comes from the sign-in service: one the clocks cannot add is an error, never
    /// an overflow (the release build aborts on a panic).
    pub(crate) fn new(
        secret: SecretString,
        lifetime: Duration,
        task: Task,
        clock: &Clock,
    ) -> Result<CachedToken, CoreError> {
        let margin = REFRESH_MARGIN.min(lifetime / 2);
        let expires_at = SystemTime::now().checked_add(lifetime);
        let refresh_at = clock.now().checked_add(lifetime.saturating_sub(margin));
        let (Some(expires_at), Some(refresh_at)) = (expires_at, refresh_at) else {
            return Err(CoreError::IdentityProvider(format!(
                "the access token's lifetime of {} seconds is not usable",
                lifetime.as_secs()
            )));
        };
        Ok(CachedToken {
            token: AccessToken {
                secret,
                expires_at,
                task,
            },
            refresh_at,
        })
    }

    /// The token while it is comfortably valid; `None` once it is time to refresh.
    pub(crate) fn fresh(&self, clock: &Clock) -> Option<AccessToken> {
        (clock.now() < self.refresh_at).then(|| self.token.clone())
    }

    pub(crate) fn token(&self) -> AccessToken {
        self.token.clone()
    }
}

/// Everything in memory for one account.
pub(crate) struct AccountTokens {
    pub account: Account,
    pub task: Task,
    pub refresh_token: Option<SecretString>,
    pub access: HashMap<Task, CachedToken>,
}

/// The accounts signed in during this run, and which one is in use.
#[derive(Default)]
pub(crate) struct TokenCache {
    pub current: Option<String>,
    pub accounts: HashMap<String, AccountTokens>,
}

impl TokenCache {
    pub(crate) fn current_mut(&mut self) -> Option<&mut AccountTokens> {
        let id = self.current.clone()?;
        self.accounts.get_mut(&id)
    }

    pub(crate) fn current(&self) -> Option<&AccountTokens> {
        self.accounts.get(self.current.as_ref()?)
    }
}

impl fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenCache")
            .field("current", &self.current)
            .field("accounts", &self.accounts.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_access_token_prints_stars_in_debug_output() {
        let cached = CachedToken::new(
            SecretString::new("at"),
            Duration::from_secs(60),
            Task::Setup,
            &Clock::default(),
        )
        .unwrap();
        assert_eq!(format!("{:?}", cached.token()), "***");
        assert_eq!(cached.token().secret(), "at");
    }

    #[test]
    fn a_token_is_refreshed_ahead_of_expiry() {
        let clock = Clock::default();
        let long = CachedToken::new(
            SecretString::new("a"),
            Duration::from_secs(3600),
            Task::Helpdesk,
            &clock,
        )
        .unwrap();
        assert!(long.fresh(&clock).is_some());
        assert!(long.refresh_at <= Instant::now() + Duration::from_secs(3300));
        clock.advance(Duration::from_secs(3299));
        assert!(
            long.fresh(&clock).is_some(),
            "still five minutes and more to go"
        );
        clock.advance(Duration::from_secs(2));
        assert!(
            long.fresh(&clock).is_none(),
            "five minutes before expiry it is renewed"
        );
        let short = CachedToken::new(
            SecretString::new("a"),
            Duration::from_secs(0),
            Task::Helpdesk,
            &clock,
        )
        .unwrap();
        assert!(short.fresh(&clock).is_none());
    }

    #[test]
    fn a_lifetime_too_large_for_the_clock_is_an_error_not_a_panic() {
        let huge = CachedToken::new(
            SecretString::new("a"),
            Duration::from_secs(u64::MAX),
            Task::Helpdesk,
            &Clock::default(),
        );
        assert!(matches!(huge, Err(CoreError::IdentityProvider(_))));
    }
}
