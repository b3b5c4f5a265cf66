//! Why a team database cannot be reached, in words a researcher can act on. The driver's own
//! text ("error communicating with database: Connection refused (os error 111)") is kept
//! beside it for whoever runs the server.

use std::io::ErrorKind;

use sea_orm::{ConnAcquireErr, DbErr, RuntimeErr};
use sqlx::Error as E;

/// Why a connection failed or went, as a clause that follows "Confab cannot reach the team
/// database: ".
pub fn why_unreachable(error: &E) -> &'static str {
    match error {
        E::Io(io) => why_io(io),
        E::Tls(_) => {
            "a secure connection could not be made (the server's certificate was not accepted, or the server does not offer TLS)"
        }
        E::PoolTimedOut => NO_ANSWER,
        E::Protocol(_) | E::PoolClosed | E::WorkerCrashed => CUT,
        _ => OTHER,
    }
}

/// Why the server at `url` cannot be reached, asked of the network itself when the driver
/// only knows that no connection came in time (its pool tries again until then, so a stopped
/// server, one that does not answer and a name that does not resolve all end the same way).
pub async fn why_unreachable_at(url: &str, error: &E, within: std::time::Duration) -> &'static str {
    if !matches!(error, E::PoolTimedOut) {
        return why_unreachable(error);
    }
    let Ok(options) = url.parse::<sqlx::postgres::PgConnectOptions>() else {
        return why_unreachable(error);
    };
    let host = options.get_host().to_owned();
    if host.starts_with('/') {
        // A Unix socket: nothing more to ask of the network.
        return why_unreachable(error);
    }
    let connect = tokio::net::TcpStream::connect((host, options.get_port()));
    match tokio::time::timeout(within, connect).await {
        Err(_) => NO_ANSWER,
        Ok(Err(io)) => why_io(&io),
        Ok(Ok(_)) => {
            "the server takes connections but does not answer Confab in time; it may be starting, or too busy"
        }
    }
}

/// The same for an error as SeaORM passes it on.
pub fn why_unreachable_db(error: &DbErr) -> &'static str {
    match error {
        DbErr::ConnectionAcquire(ConnAcquireErr::Timeout) => NO_ANSWER,
        DbErr::ConnectionAcquire(_) => CUT,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => why_unreachable(e),
        _ => OTHER,
    }
}

const NO_ANSWER: &str =
    "the server does not answer; check your network or VPN, and that the server is running";
const CUT: &str =
    "the connection was cut; the server may have restarted, or the network dropped for a moment";
const OTHER: &str =
    "the server cannot be reached; check your network or VPN, and that the server is running";

fn why_io(io: &std::io::Error) -> &'static str {
    match io.kind() {
        ErrorKind::ConnectionRefused => {
            "the server refuses connections; it may be stopped or restarting, or the port may be wrong"
        }
        ErrorKind::TimedOut => NO_ANSWER,
        ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::BrokenPipe
        | ErrorKind::UnexpectedEof
        | ErrorKind::NotConnected => CUT,
        ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable | ErrorKind::NetworkDown => {
            "this computer has no way to the server; check your network or VPN"
        }
        // A name that does not resolve comes back as an uncategorised error with the
        // resolver's words.
        _ if io.to_string().contains("lookup") || io.to_string().contains("not known") => {
            "the server's name cannot be found; check the host, your network or VPN"
        }
        _ => OTHER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_way_of_failing_has_its_own_words() {
        let io = |kind| E::Io(std::io::Error::from(kind));
        assert!(why_unreachable(&io(ErrorKind::ConnectionRefused)).contains("refuses"));
        assert!(why_unreachable(&io(ErrorKind::ConnectionReset)).contains("cut"));
        assert!(why_unreachable(&io(ErrorKind::TimedOut)).contains("does not answer"));
        assert!(why_unreachable(&E::PoolTimedOut).contains("does not answer"));
        let unresolved = E::Io(std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        ));
        assert!(why_unreachable(&unresolved).contains("name cannot be found"));
        assert!(
            why_unreachable_db(&DbErr::ConnectionAcquire(ConnAcquireErr::Timeout))
                .contains("does not answer")
        );
    }
}
