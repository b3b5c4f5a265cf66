//! An access token for each connection: the saved one while it lasts, a renewed one shortly
//! before it expires or after a server refused it. A refresh token that the provider no
//! longer accepts becomes one error that asks the researcher to sign in again.

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use oauth2::basic::{BasicClient, BasicErrorResponseType, BasicTokenResponse};
use oauth2::{
    AuthType, ClientId, ClientSecret, RefreshToken, RequestTokenError, TokenResponse, TokenUrl,
};

use super::error::{OAuthError, OAuthErrorKind};
use super::grant::{self, Grant, SavedToken};
use super::http::{self, HttpError};
use super::provider::OAuthClient;
use crate::account::AccountSettings;
use crate::credentials::Secret;

/// An access token for `account`, renewed first if it expires within a minute.
pub async fn access_token(
    account: &AccountSettings,
    timeout: Duration,
) -> Result<Secret, OAuthError> {
    match grant::load(account).await? {
        SavedToken::Pasted(token) => Ok(token),
        SavedToken::Grant(saved) if !saved.needs_renewal(Utc::now()) => Ok(saved.access_token),
        SavedToken::Grant(saved) => {
            Ok(renew_and_save(account, *saved, timeout).await?.access_token)
        }
    }
}

/// A new access token for `account`, after a server refused the saved one.
pub async fn renewed_access_token(
    account: &AccountSettings,
    timeout: Duration,
) -> Result<Secret, OAuthError> {
    match grant::load(account).await? {
        SavedToken::Pasted(_) => Err(OAuthError::new(
            OAuthErrorKind::SignInAgain,
            format!(
                "The access token saved for {} was refused and cannot be renewed: sign in under \
                 Settings → Mail (or with `confab mail sign-in`).",
                account.username
            ),
        )),
        SavedToken::Grant(saved) => {
            Ok(renew_and_save(account, *saved, timeout).await?.access_token)
        }
    }
}

async fn renew_and_save(
    account: &AccountSettings,
    saved: Grant,
    timeout: Duration,
) -> Result<Grant, OAuthError> {
    let renewed = renew(saved, timeout).await?;
    grant::save(account, &renewed).await?;
    Ok(renewed)
}

/// Trades the refresh token for a new access token.
pub async fn renew(saved: Grant, timeout: Duration) -> Result<Grant, OAuthError> {
    let provider = saved.client.provider.display_name();
    let Some(refresh_token) = saved.refresh_token.clone() else {
        return Err(sign_in_again(&provider));
    };
    http::blocking(move || {
        let token_url = TokenUrl::new(saved.token_url.clone()).map_err(|err| {
            OAuthError::new(
                OAuthErrorKind::SignInAgain,
                format!("The saved sign-in is damaged ({err}); sign in to your {provider} account again."),
            )
        })?;
        let client = client(&saved.client).set_token_uri(token_url);
        let agent = http::agent(timeout);
        let response = client
            .exchange_refresh_token(&RefreshToken::new(refresh_token.expose().to_owned()))
            .request(&|request| http::call(&agent, request))
            .map_err(|err| token_error(err, &saved.client, Exchange::Refresh))?;
        Ok(grant_from(
            saved.client.clone(),
            saved.token_url.clone(),
            saved.scopes.clone(),
            &response,
            Some(refresh_token),
        ))
    })
    .await
}

/// The `oauth2` client for `client`, sending the client ID in the request body as public
/// clients (an app on the researcher's computer) do.
pub(crate) fn client(client: &OAuthClient) -> BasicClient {
    let mut basic = BasicClient::new(ClientId::new(client.client_id.clone()))
        .set_auth_type(AuthType::RequestBody);
    if let Some(secret) = &client.client_secret {
        basic = basic.set_client_secret(ClientSecret::new(secret.clone()));
    }
    basic
}

/// A grant from a token response. A provider that sends no new refresh token on renewal
/// (Google) keeps the one it gave at sign-in.
pub(crate) fn grant_from(
    client: OAuthClient,
    token_url: String,
    scopes: Vec<String>,
    response: &BasicTokenResponse,
    previous_refresh_token: Option<Secret>,
) -> Grant {
    Grant {
        client,
        token_url,
        scopes,
        access_token: Secret::new(response.access_token().secret().clone()),
        refresh_token: response
            .refresh_token()
            .map(|token| Secret::new(token.secret().clone()))
            .or(previous_refresh_token),
        expires_at: response
            .expires_in()
            .and_then(|lifetime| TimeDelta::from_std(lifetime).ok())
            .map(|lifetime| Utc::now() + lifetime),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exchange {
    Code,
    Refresh,
}

fn sign_in_again(provider: &str) -> OAuthError {
    OAuthError::new(
        OAuthErrorKind::SignInAgain,
        format!(
            "Sign in to your {provider} account again: it no longer accepts Confab's saved \
             sign-in (it was revoked or has expired). Use Settings → Mail or `confab mail \
             sign-in`; nothing is sent until then."
        ),
    )
}

pub(crate) fn token_error(
    err: RequestTokenError<HttpError, oauth2::basic::BasicErrorResponse>,
    client: &OAuthClient,
    exchange: Exchange,
) -> OAuthError {
    let provider = client.provider.display_name();
    match err {
        RequestTokenError::ServerResponse(response) => {
            let said = response
                .error_description()
                .cloned()
                .unwrap_or_else(|| response.error().to_string());
            match response.error() {
                BasicErrorResponseType::InvalidGrant if exchange == Exchange::Refresh => {
                    sign_in_again(&provider)
                }
                BasicErrorResponseType::InvalidClient
                | BasicErrorResponseType::UnauthorizedClient => OAuthError::new(
                    OAuthErrorKind::InvalidClient,
                    format!(
                        "{provider} does not accept the client ID {}: check the client ID in \
                         Settings → Mail (it said: {said}).",
                        client.client_id
                    ),
                ),
                _ => OAuthError::new(
                    OAuthErrorKind::Provider,
                    format!("{provider} refused the sign-in ({said}); try signing in again."),
                ),
            }
        }
        RequestTokenError::Request(err) => OAuthError::new(
            OAuthErrorKind::Provider,
            format!(
                "{provider}'s sign-in service could not be reached ({err}); check that this \
                 computer is online and try again."
            ),
        ),
        RequestTokenError::Parse(_, _) | RequestTokenError::Other(_) => OAuthError::new(
            OAuthErrorKind::Provider,
            format!(
                "{provider}'s sign-in service answered something Confab cannot read; try again \
                 later."
            ),
        ),
    }
}
