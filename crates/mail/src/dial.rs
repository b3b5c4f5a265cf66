//! Reaching a server: the DNS lookup, then the TCP connection, each failing with its own
//! error, so that the researcher learns which of the two went wrong.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use tokio::net::TcpStream;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DialError {
    /// The name did not resolve.
    Dns { host: String, detail: String },
    /// Every address of the name failed; the last failure is kept.
    Connect {
        address: SocketAddr,
        failure: ConnectFailure,
        detail: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConnectFailure {
    /// Nothing listens on that port: usually a wrong port number.
    Refused,
    /// No answer at all: a firewall, or a wrong server name that resolves somewhere else.
    TimedOut,
    /// No route to the server: this computer is offline, or the network blocks it.
    Unreachable,
    Other,
}

impl DialError {
    /// One sentence for the researcher, naming the server.
    pub(crate) fn explain(&self, protocol: &str) -> String {
        match self {
            DialError::Dns { host, detail } => format!(
                "The {protocol} server name {host} was not found ({detail}). Check the spelling \
                 of the server name, and that this computer is online."
            ),
            DialError::Connect {
                address,
                failure,
                detail,
            } => match failure {
                ConnectFailure::Refused => format!(
                    "The {protocol} server {address} refused the connection: nothing answers on \
                     that port. Check the port number."
                ),
                ConnectFailure::TimedOut => format!(
                    "The {protocol} server {address} did not answer ({detail}). Check the server \
                     name and port; a firewall may be blocking the port."
                ),
                ConnectFailure::Unreachable => format!(
                    "The {protocol} server {address} cannot be reached ({detail}). Check that \
                     this computer is online."
                ),
                ConnectFailure::Other => {
                    format!("Could not connect to the {protocol} server {address}: {detail}.")
                }
            },
        }
    }
}

/// Resolves `host` and connects to the first of its addresses that answers.
pub(crate) async fn dial(host: &str, port: u16, timeout: Duration) -> Result<TcpStream, DialError> {
    let addresses = resolve(host, port, timeout).await?;
    let mut last = None;
    for address in addresses {
        match tokio::time::timeout(timeout, TcpStream::connect(address)).await {
            Ok(Ok(stream)) => {
                // Commands are small and wait for their answer; batching them only adds delay.
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Ok(Err(err)) => last = Some(connect_error(address, &err)),
            Err(_) => {
                last = Some(DialError::Connect {
                    address,
                    failure: ConnectFailure::TimedOut,
                    detail: format!("no answer within {} s", timeout.as_secs()),
                })
            }
        }
    }
    Err(last.unwrap_or_else(|| DialError::Dns {
        host: host.to_owned(),
        detail: "the name has no address".into(),
    }))
}

async fn resolve(host: &str, port: u16, timeout: Duration) -> Result<Vec<SocketAddr>, DialError> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let dns_error = |detail: String| DialError::Dns {
        host: host.to_owned(),
        detail,
    };
    match tokio::time::timeout(timeout, tokio::net::lookup_host((host, port))).await {
        Ok(Ok(addresses)) => {
            let addresses: Vec<_> = addresses.collect();
            if addresses.is_empty() {
                Err(dns_error("the name has no address".into()))
            } else {
                Ok(addresses)
            }
        }
        Ok(Err(err)) => Err(dns_error(err.to_string())),
        Err(_) => Err(dns_error(format!(
            "no answer from the name server within {} s",
            timeout.as_secs()
        ))),
    }
}

fn connect_error(address: SocketAddr, err: &io::Error) -> DialError {
    use io::ErrorKind as K;
    let failure = match err.kind() {
        K::ConnectionRefused => ConnectFailure::Refused,
        K::TimedOut => ConnectFailure::TimedOut,
        K::HostUnreachable | K::NetworkUnreachable | K::NetworkDown | K::AddrNotAvailable => {
            ConnectFailure::Unreachable
        }
        _ => ConnectFailure::Other,
    };
    DialError::Connect {
        address,
        failure,
        detail: err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_closed_port_is_refused() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let err = dial("127.0.0.1", port, Duration::from_secs(5))
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                DialError::Connect {
                    failure: ConnectFailure::Refused,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.explain("IMAP").contains("Check the port number"));
    }

    #[tokio::test]
    async fn an_unknown_name_fails_at_dns() {
        let err = dial("no-such-host.invalid", 993, Duration::from_secs(5))
            .await
            .unwrap_err();
        assert!(matches!(err, DialError::Dns { .. }), "{err:?}");
    }

    #[tokio::test]
    async fn an_open_port_connects() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        assert!(
            dial("127.0.0.1", port, Duration::from_secs(5))
                .await
                .is_ok()
        );
    }
}
