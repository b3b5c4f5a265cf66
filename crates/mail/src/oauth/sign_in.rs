//! Signing in: the authorization code flow with PKCE (RFC 7636) and `state`, the browser
//! sent to the provider and its redirect caught on a loopback port (RFC 8252).
//!
//! [`SignIn::start`] prepares the authorization URL for the browser; [`SignIn::finish`]
//! waits for the redirect (up to a time limit), checks it, and trades the code for tokens.

use std::time::Duration;

use oauth2::url::Url;
use oauth2::{
    AuthUrl, AuthorizationCode, CsrfToken, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenUrl,
};

use super::access::{self, Exchange};
use super::error::{OAuthError, OAuthErrorKind};
use super::grant::Grant;
use super::http;
use super::loopback::Listener;
use super::provider::{Endpoints, OAuthClient};

/// How long the browser step may take before the sign-in gives up.
pub const TIME_LIMIT: Duration = Duration::from_secs(5 * 60);

pub struct SignIn {
    client: OAuthClient,
    endpoints: Endpoints,
    listener: Listener,
    redirect_uri: RedirectUrl,
    authorization_url: Url,
    state: CsrfToken,
    verifier: PkceCodeVerifier,
    /// For the token exchange, which has its own short limit.
    timeout: Duration,
}

impl SignIn {
    /// Looks up the provider's endpoints, opens the loopback listener and builds the
    /// authorization URL. `login_hint` (the researcher's address) saves them choosing the
    /// account at the provider. `timeout` bounds each exchange with the provider.
    pub async fn start(
        client: OAuthClient,
        login_hint: Option<&str>,
        timeout: Duration,
    ) -> Result<SignIn, OAuthError> {
        if client.client_id.trim().is_empty() {
            return Err(OAuthError::new(
                OAuthErrorKind::InvalidClient,
                format!(
                    "This copy of Confab has no client ID for {}: enter your institution's client \
                     ID in Settings → Mail (or give --client-id).",
                    client.provider
                ),
            ));
        }
        let endpoints = client.provider.endpoints(timeout).await?;
        let listener = Listener::bind().await.map_err(|err| {
            OAuthError::new(
                OAuthErrorKind::Settings,
                format!(
                    "Confab could not listen on this computer for the sign-in ({err}); try again."
                ),
            )
        })?;
        let port = listener.port().map_err(|err| {
            OAuthError::new(
                OAuthErrorKind::Settings,
                format!("No local port for the sign-in: {err}."),
            )
        })?;
        let redirect_uri = RedirectUrl::new(format!(
            "http://{}:{port}/",
            client.provider.redirect_host()
        ))
        .expect("a valid loopback URL");
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let basic = access::client(&client)
            .set_auth_uri(AuthUrl::from_url(endpoints.authorization.clone()))
            .set_redirect_uri(redirect_uri.clone());
        let mut request = basic
            .authorize_url(CsrfToken::new_random)
            .add_scopes(client.provider.scopes().into_iter().map(Scope::new))
            .set_pkce_challenge(challenge);
        if let Some(hint) = login_hint.filter(|hint| !hint.is_empty()) {
            request = request.add_extra_param("login_hint", hint.to_owned());
        }
        let (authorization_url, state) = request.url();
        Ok(SignIn {
            client,
            endpoints,
            listener,
            redirect_uri,
            authorization_url,
            state,
            verifier,
            timeout,
        })
    }

    /// Where to send the browser.
    pub fn authorization_url(&self) -> &str {
        self.authorization_url.as_str()
    }

    /// Waits for the browser to come back (at most `time_limit`), checks `state`, and
    /// trades the code for tokens. The caller saves the grant.
    pub async fn finish(self, time_limit: Duration) -> Result<Grant, OAuthError> {
        let provider = self.client.provider.display_name();
        let redirect = tokio::time::timeout(time_limit, self.listener.next_redirect())
            .await
            .map_err(|_| {
                OAuthError::new(
                    OAuthErrorKind::TimedOut,
                    format!(
                        "The sign-in with {provider} was not finished within {}; start it again \
                         and finish it in the browser.",
                        in_words(time_limit)
                    ),
                )
            })?
            .map_err(|err| {
                OAuthError::new(
                    OAuthErrorKind::Settings,
                    format!("The sign-in's local listener failed ({err}); try again."),
                )
            })?;
        let params = &redirect.params;
        if params.get("state").map(String::as_str) != Some(self.state.secret().as_str()) {
            let err = OAuthError::new(
                OAuthErrorKind::StateMismatch,
                "The browser came back with an answer to another sign-in request, so it was \
                 ignored; start the sign-in again from Confab.",
            );
            redirect.answer(false, &err.message).await;
            return Err(err);
        }
        if let Some(error) = params.get("error") {
            let err = redirect_error(error, params.get("error_description"), &self.client);
            redirect.answer(false, &err.message).await;
            return Err(err);
        }
        let code = params.get("code").cloned().unwrap_or_default();
        let client = self.client.clone();
        let token_url = self.endpoints.token.clone();
        let redirect_uri = self.redirect_uri.clone();
        let verifier = self.verifier;
        let timeout = self.timeout;
        let exchanged = http::blocking(move || {
            let basic = access::client(&client)
                .set_token_uri(TokenUrl::from_url(token_url.clone()))
                .set_redirect_uri(redirect_uri);
            let agent = http::agent(timeout);
            let response = basic
                .exchange_code(AuthorizationCode::new(code))
                .set_pkce_verifier(verifier)
                .request(&|request| http::call(&agent, request))
                .map_err(|err| access::token_error(err, &client, Exchange::Code))?;
            Ok(access::grant_from(
                client.clone(),
                token_url.to_string(),
                client.provider.scopes(),
                &response,
                None,
            ))
        })
        .await;
        match &exchanged {
            Ok(_) => redirect
                .answer(
                    true,
                    &format!(
                        "Confab is signed in to your {provider} account. You can close this tab."
                    ),
                )
                .await,
            Err(err) => redirect.answer(false, &err.message).await,
        }
        exchanged
    }
}

impl std::fmt::Debug for SignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignIn")
            .field("client", &self.client)
            .field("redirect_uri", &self.redirect_uri.as_str())
            .finish_non_exhaustive()
    }
}

/// "5 minutes", "1 second".
fn in_words(time: Duration) -> String {
    let seconds = time.as_secs();
    let (count, unit) = if seconds >= 60 && seconds.is_multiple_of(60) {
        (seconds / 60, "minute")
    } else {
        (seconds, "second")
    };
    format!("{count} {unit}{}", if count == 1 { "" } else { "s" })
}

fn redirect_error(error: &str, description: Option<&String>, client: &OAuthClient) -> OAuthError {
    let provider = client.provider.display_name();
    let said = description.map_or(String::new(), |d| format!(" ({d})"));
    match error {
        "access_denied" => OAuthError::new(
            OAuthErrorKind::Denied,
            format!(
                "Access was not granted at {provider}{said}; sign in again and allow Confab to \
                 read and send your mail."
            ),
        ),
        "unauthorized_client" | "invalid_client" => OAuthError::new(
            OAuthErrorKind::InvalidClient,
            format!(
                "{provider} does not accept the client ID {}{said}: check the client ID in \
                 Settings → Mail.",
                client.client_id
            ),
        ),
        other => OAuthError::new(
            OAuthErrorKind::Provider,
            format!("{provider} refused the sign-in: {other}{said}. Try again."),
        ),
    }
}
