//! Signing in to a mail provider with OAuth 2 (Google, Microsoft 365, or any provider found
//! by discovery): the authorization code flow with PKCE in the system browser, the redirect
//! caught on a loopback port (RFC 8252), and the tokens kept in the OS keyring and renewed
//! before they expire.
//!
//! The protocol itself is the `oauth2` crate's; this module chooses the endpoints, carries
//! the browser's redirect back, and keeps the tokens.

pub mod access;
pub mod connect;
mod error;
pub mod grant;
mod http;
mod loopback;
pub mod provider;
pub mod sign_in;

pub use error::{OAuthError, OAuthErrorKind};
pub use grant::Grant;
pub use provider::{OAuthClient, Provider};
pub use sign_in::SignIn;
