//! The end of the browser step: a listener on 127.0.0.1 on a port the system picks (RFC 8252
//! §7.3), which takes the provider's redirect, answers the browser with a short page, and
//! hands the redirect's query parameters back.

use std::collections::HashMap;
use std::io;
use std::time::Duration;

use oauth2::url::Url;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The longest a browser may take to send one request once connected.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_REQUEST: usize = 16 * 1024;

pub(crate) struct Listener {
    listener: TcpListener,
}

/// The redirect's query parameters, and the browser's connection to answer on.
pub(crate) struct Redirect {
    pub params: HashMap<String, String>,
    stream: TcpStream,
}

impl Listener {
    pub async fn bind() -> io::Result<Listener> {
        Ok(Listener {
            listener: TcpListener::bind(("127.0.0.1", 0)).await?,
        })
    }

    pub fn port(&self) -> io::Result<u16> {
        Ok(self.listener.local_addr()?.port())
    }

    /// The first request that carries an answer (`code` or `error`). Anything else the
    /// browser asks for meanwhile (an icon) gets 404.
    pub async fn next_redirect(&self) -> io::Result<Redirect> {
        loop {
            let (mut stream, _) = self.listener.accept().await?;
            let Ok(Ok(Some(target))) =
                tokio::time::timeout(REQUEST_TIMEOUT, request_target(&mut stream)).await
            else {
                continue;
            };
            let params: HashMap<String, String> = Url::parse(&format!("http://127.0.0.1{target}"))
                .map(|url| url.query_pairs().into_owned().collect())
                .unwrap_or_default();
            if params.contains_key("code") || params.contains_key("error") {
                return Ok(Redirect { params, stream });
            }
            let _ = respond(&mut stream, "404 Not Found", "Not found.").await;
        }
    }
}

impl Redirect {
    /// Tells the researcher in the browser how it went; `text` is plain text.
    pub async fn answer(mut self, signed_in: bool, text: &str) {
        let status = if signed_in {
            "200 OK"
        } else {
            "400 Bad Request"
        };
        let _ = respond(&mut self.stream, status, text).await;
    }
}

/// The path and query of an HTTP GET request (`/?code=…&state=…`).
async fn request_target(stream: &mut TcpStream) -> io::Result<Option<String>> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = stream.read(&mut buffer).await?;
        if read == 0 || head.len() + read > MAX_REQUEST {
            return Ok(None);
        }
        head.extend_from_slice(&buffer[..read]);
    }
    let text = String::from_utf8_lossy(&head);
    let mut words = text.lines().next().unwrap_or_default().split(' ');
    match (words.next(), words.next()) {
        (Some("GET"), Some(target)) if target.starts_with('/') => Ok(Some(target.to_owned())),
        _ => Ok(None),
    }
}

async fn respond(stream: &mut TcpStream, status: &str, text: &str) -> io::Result<()> {
    let body = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Confab</title></head>\
         <body style=\"font-family: sans-serif; margin: 3em\"><p>{}</p></body></html>",
        html_escape::encode_text(text)
    );
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n\
         Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await?;
    stream.shutdown().await
}
