//! HTTP for the OAuth exchanges, through ureq (blocking, so each exchange runs on Tokio's
//! blocking threads). Redirects are not followed: a token endpoint that redirects is
//! misconfigured, and following it could hand a code to another host.

use std::io::Read;
use std::time::Duration;

use oauth2::url::Url;
use oauth2::{HttpRequest, HttpResponse};

use super::error::{OAuthError, OAuthErrorKind};

/// Why an HTTP exchange failed before any answer came back.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct HttpError(String);

pub(crate) fn agent(timeout: Duration) -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(timeout)
        .redirects(0)
        .build()
}

/// One exchange for the `oauth2` crate. An error status is an answer too (the provider's
/// `invalid_grant` comes with 400), so it is handed back as a response, not as an error.
pub(crate) fn call(agent: &ureq::Agent, request: HttpRequest) -> Result<HttpResponse, HttpError> {
    let mut call = agent.request(request.method().as_str(), &request.uri().to_string());
    for (name, value) in request.headers() {
        let value = value
            .to_str()
            .map_err(|_| HttpError(format!("the {name} header is not text")))?;
        call = call.set(name.as_str(), value);
    }
    let response = match call.send_bytes(request.body()) {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(ureq::Error::Transport(err)) => return Err(HttpError(err.to_string())),
    };
    let mut builder = oauth2::http::Response::builder().status(response.status());
    if let Some(content_type) = response.header("content-type") {
        builder = builder.header("content-type", content_type);
    }
    let mut body = Vec::new();
    response
        .into_reader()
        .take(1 << 20)
        .read_to_end(&mut body)
        .map_err(|err| HttpError(err.to_string()))?;
    builder.body(body).map_err(|err| HttpError(err.to_string()))
}

/// A JSON document from `url`, or why not, in words.
pub(crate) fn get_json(agent: &ureq::Agent, url: &Url) -> Result<serde_json::Value, String> {
    let response = agent.get(url.as_str()).call().map_err(|err| match err {
        ureq::Error::Status(status, _) => format!("it answered HTTP {status}"),
        ureq::Error::Transport(err) => err.to_string(),
    })?;
    let mut body = String::new();
    response
        .into_reader()
        .take(1 << 20)
        .read_to_string(&mut body)
        .map_err(|err| err.to_string())?;
    serde_json::from_str(&body).map_err(|_| "its answer is not JSON".to_owned())
}

/// Runs blocking HTTP work off the async worker threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, OAuthError> + Send + 'static,
) -> Result<T, OAuthError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|err| {
            Err(OAuthError::new(
                OAuthErrorKind::Provider,
                format!("The sign-in stopped unexpectedly ({err}); try again."),
            ))
        })
}

/// Whether an endpoint may be used: HTTPS, or plain HTTP to this computer only (a test
/// server, or a provider's bridge), where nothing crosses a network.
pub(crate) fn check_secure(url: &Url) -> Result<(), String> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if url.host_str().is_some_and(crate::account::is_loopback_host) => Ok(()),
        _ => Err(format!(
            "{url} is not an https:// address (plain http is only allowed to this computer)"
        )),
    }
}
