//! A TCP proxy on loopback between Confab and a test PostgreSQL that cuts a connection at a
//! transaction's COMMIT, as a dropped line would: before the server sees the COMMIT (nothing
//! is saved), or after it (the server commits, but its answer never reaches Confab). It can
//! also refuse new connections for a while, as a server that went down, or close its port
//! altogether, as a stopped server does (the system then refuses every connection). It listens
//! on a port the system picks, so a port taken by something else does not matter.

#![allow(clippy::unwrap_used, dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long a COMMIT whose answer is cut takes to reach the server: longer than Confab's first
/// pause before it asks again, so that the asking must wait for the server to finish.
const COMMIT_LATE: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitCut {
    /// Closes the connection when the client sends COMMIT, before the server sees it.
    Before,
    /// Closes the connection to the client, then passes the COMMIT (late) and lets the
    /// server commit: its answer never reaches the client.
    After,
    /// As `After`, and then the server goes out of reach: every connection is cut and new
    /// ones are refused until `refuse_connections(false)`.
    AfterThenDown,
}

pub struct PgProxy {
    pub port: u16,
    next_cut: Arc<Mutex<Option<CommitCut>>>,
    refusing: Arc<AtomicBool>,
    cuts: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    closed: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

/// What every relay shares: the next cut, whether new connections are refused, how many were
/// cut, and the client side of every connection, to cut them all when the server goes down.
#[derive(Clone)]
struct Shared {
    next_cut: Arc<Mutex<Option<CommitCut>>>,
    refusing: Arc<AtomicBool>,
    cuts: Arc<AtomicUsize>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl PgProxy {
    pub fn start(upstream: (String, u16)) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let proxy = Self {
            port,
            next_cut: Arc::default(),
            refusing: Arc::default(),
            cuts: Arc::default(),
            stop: Arc::default(),
            closed: Arc::default(),
            open: Arc::default(),
        };
        let shared = Shared {
            next_cut: proxy.next_cut.clone(),
            refusing: proxy.refusing.clone(),
            cuts: proxy.cuts.clone(),
            open: proxy.open.clone(),
        };
        let (stop, closed) = (proxy.stop.clone(), proxy.closed.clone());
        listener.set_nonblocking(true).unwrap();
        std::thread::spawn(move || {
            let mut listening = Some(listener);
            while !stop.load(Ordering::SeqCst) {
                if closed.load(Ordering::SeqCst) {
                    // The port is closed: the system refuses whoever connects.
                    listening = None;
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                let Some(listener) = listening.as_ref() else {
                    // Open again on the same port; the system lets a port just closed be
                    // bound again.
                    listening = TcpListener::bind(("127.0.0.1", port)).ok();
                    if let Some(listener) = &listening {
                        listener.set_nonblocking(true).unwrap();
                    } else {
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    continue;
                };
                let client = match listener.accept() {
                    Ok((client, _)) => client,
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(2));
                        continue;
                    }
                    Err(_) => continue,
                };
                client.set_nonblocking(false).unwrap();
                if shared.refusing.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect((upstream.0.as_str(), upstream.1)) else {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                };
                if let Ok(copy) = client.try_clone() {
                    shared.open.lock().unwrap().push(copy);
                }
                let shared = shared.clone();
                std::thread::spawn(move || relay(client, server, shared));
            }
        });
        proxy
    }

    /// The next COMMIT on any connection is cut this way; later ones pass.
    pub fn cut_next_commit(&self, how: CommitCut) {
        *self.next_cut.lock().unwrap() = Some(how);
    }

    /// While on, new connections are closed at once, as by a server that is down.
    pub fn refuse_connections(&self, on: bool) {
        self.refusing.store(on, Ordering::SeqCst);
    }

    /// The server stops: every open connection is cut and the port closes, so that new
    /// connections are refused by the system itself, until `start_again`.
    pub fn stop_server(&self) {
        self.closed.store(true, Ordering::SeqCst);
        for open in self.open.lock().unwrap().drain(..) {
            let _ = open.shutdown(Shutdown::Both);
        }
    }

    /// The stopped server starts again on the same port.
    pub fn start_again(&self) {
        self.closed.store(false, Ordering::SeqCst);
    }

    pub fn cuts(&self) -> usize {
        self.cuts.load(Ordering::SeqCst)
    }
}

impl Drop for PgProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn relay(mut client: TcpStream, mut server: TcpStream, shared: Shared) {
    let Shared {
        next_cut,
        refusing,
        cuts,
        open,
    } = shared;
    // The server's answers go back as they come, until the connection is cut.
    let (mut from_server, mut to_client) =
        (server.try_clone().unwrap(), client.try_clone().unwrap());
    std::thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        while let Ok(n) = from_server.read(&mut buf) {
            if n == 0 || to_client.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = to_client.shutdown(Shutdown::Both);
    });
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match client.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let chunk = &buf[..n];
        let cut = if chunk.windows(6).any(|w| w == b"COMMIT") {
            next_cut.lock().unwrap().take()
        } else {
            None
        };
        match cut {
            None => {
                if server.write_all(chunk).is_err() {
                    break;
                }
            }
            Some(CommitCut::Before) => {
                cuts.fetch_add(1, Ordering::SeqCst);
                break;
            }
            Some(how @ (CommitCut::After | CommitCut::AfterThenDown)) => {
                cuts.fetch_add(1, Ordering::SeqCst);
                if how == CommitCut::AfterThenDown {
                    // The server goes out of reach for every connection at once.
                    refusing.store(true, Ordering::SeqCst);
                    for other in open.lock().unwrap().drain(..) {
                        let _ = other.shutdown(Shutdown::Both);
                    }
                }
                // The client hears nothing more; the server gets the COMMIT late, as over a
                // slow line, after Confab has noticed the cut and begun to ask again, and
                // then time to do it.
                let _ = client.shutdown(Shutdown::Both);
                std::thread::sleep(COMMIT_LATE);
                let _ = server.write_all(chunk);
                std::thread::sleep(Duration::from_millis(300));
                break;
            }
        }
    }
    let _ = client.shutdown(Shutdown::Both);
    let _ = server.shutdown(Shutdown::Both);
}
