//! Sign-in: OpenID discovery, the authorization code flow with PKCE through the system browser
//! and a loopback redirect, ID token checks, silent refresh, and the session manager that keeps
//! access tokens in memory and the refresh token in the keychain.

mod browser;
mod claims;
mod discovery;
mod graph_tokens;
mod http;
mod id_token;
mod loopback;
mod pkce_flow;
mod provider_error;
mod refresh;
mod scopes;
mod session;
mod tokens;

pub use browser::{BrowserOpener, CommandBrowser, SystemBrowser, browser_for};
pub use discovery::{Discovery, discover};
pub use graph_tokens::GraphTokens;
pub use id_token::{ExpectedIdToken, IdClaims, validate_id_token};
pub use loopback::{LoopbackListener, callback_page};
pub use provider_error::{ProviderError, Stage, TokenErrorBody};
pub use refresh::refresh_token_key;
pub use scopes::{Task, every_graph_scope, graph_scope_prefix, graph_scopes, scopes_for};
pub use session::{Auth, AuthOptions, DEFAULT_SIGN_IN_TIMEOUT, Session};
pub use tokens::AccessToken;
