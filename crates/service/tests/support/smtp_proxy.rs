//! A small TCP proxy on loopback between Confab and the test stack's SMTP server that cuts
//! connections at chosen moments of a send, as a dropped line or a dead router would: at the
//! `DATA` command, just before the message's final dot, or just after it (the server takes
//! the message; its verdict never reaches Confab). It listens on a port the system picks, so
//! a port taken by something else does not matter.

#![allow(clippy::unwrap_used, dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the proxy does to one message (one `DATA` of one connection).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// Passes everything.
    None,
    /// Closes the connection when the client sends `DATA`, before the server sees it:
    /// nothing was handed over.
    AtDataCommand,
    /// Passes the message's data but not its final dot, then closes: the server never takes
    /// the message, but Confab cannot know.
    BeforeDot,
    /// Passes the whole message and its final dot, then closes before the server's verdict
    /// reaches Confab: the server took the message, but Confab cannot know.
    AfterDot,
}

type Plan = Box<dyn FnMut() -> Cut + Send>;

pub struct SmtpProxy {
    pub port: u16,
    plan: Arc<Mutex<Plan>>,
    /// How many messages were cut in each way: [at DATA, before dot, after dot].
    cuts: Arc<[AtomicUsize; 3]>,
    /// Delay before the server's greeting is passed on, to hold a Sync in its send phase.
    greeting_delay: Arc<Mutex<Duration>>,
    stop: Arc<AtomicBool>,
}

impl SmtpProxy {
    /// A proxy to `upstream` (host, port) that asks `plan` what to do with each message.
    pub fn start(upstream: (String, u16), plan: impl FnMut() -> Cut + Send + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let plan: Arc<Mutex<Plan>> = Arc::new(Mutex::new(Box::new(plan)));
        let cuts: Arc<[AtomicUsize; 3]> = Arc::new(Default::default());
        let greeting_delay = Arc::new(Mutex::new(Duration::ZERO));
        let stop = Arc::new(AtomicBool::new(false));
        {
            let (plan, cuts, greeting_delay, stop) = (
                plan.clone(),
                cuts.clone(),
                greeting_delay.clone(),
                stop.clone(),
            );
            std::thread::spawn(move || {
                for client in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let Ok(client) = client else { continue };
                    let Ok(server) = TcpStream::connect((upstream.0.as_str(), upstream.1)) else {
                        let _ = client.shutdown(Shutdown::Both);
                        continue;
                    };
                    let delay = *greeting_delay.lock().unwrap();
                    let (plan, cuts) = (plan.clone(), cuts.clone());
                    std::thread::spawn(move || relay(client, server, plan, cuts, delay));
                }
            });
        }
        SmtpProxy {
            port,
            plan,
            cuts,
            greeting_delay,
            stop,
        }
    }

    /// Changes what the proxy does to the messages that follow.
    pub fn set_plan(&self, plan: impl FnMut() -> Cut + Send + 'static) {
        *self.plan.lock().unwrap() = Box::new(plan);
    }

    pub fn set_greeting_delay(&self, delay: Duration) {
        *self.greeting_delay.lock().unwrap() = delay;
    }

    /// Messages cut: (at DATA, before the dot, after the dot).
    pub fn cuts(&self) -> (usize, usize, usize) {
        (
            self.cuts[0].load(Ordering::SeqCst),
            self.cuts[1].load(Ordering::SeqCst),
            self.cuts[2].load(Ordering::SeqCst),
        )
    }
}

impl Drop for SmtpProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn relay(
    mut client: TcpStream,
    mut server: TcpStream,
    plan: Arc<Mutex<Plan>>,
    cuts: Arc<[AtomicUsize; 3]>,
    greeting_delay: Duration,
) {
    let mute = Arc::new(AtomicBool::new(false));
    // Server to client, unless muted.
    {
        let (mut from, mut to, mute) = (
            server.try_clone().unwrap(),
            client.try_clone().unwrap(),
            mute.clone(),
        );
        std::thread::spawn(move || {
            std::thread::sleep(greeting_delay);
            let mut buf = [0u8; 8192];
            loop {
                match from.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if mute.load(Ordering::SeqCst) || to.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                }
            }
            let _ = to.shutdown(Shutdown::Both);
        });
    }
    // Client to server, watching the SMTP conversation.
    let close = |client: &TcpStream, server: &TcpStream| {
        let _ = client.shutdown(Shutdown::Both);
        let _ = server.shutdown(Shutdown::Both);
    };
    let mut in_data = false;
    let mut cut = Cut::None;
    // The bytes seen so far of the current command line, or the last bytes of the data.
    let mut line: Vec<u8> = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = match client.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let mut start = 0;
        for i in 0..n {
            let byte = buf[i];
            line.push(byte);
            if !in_data {
                if byte == b'\n' {
                    let is_data = line.eq_ignore_ascii_case(b"DATA\r\n");
                    line.clear();
                    if is_data {
                        cut = (plan.lock().unwrap())();
                        if cut == Cut::AtDataCommand {
                            cuts[0].fetch_add(1, Ordering::SeqCst);
                            close(&client, &server);
                            return;
                        }
                        in_data = true;
                    }
                }
                continue;
            }
            if line.len() > 5 {
                line.remove(0);
            }
            if line.ends_with(b"\r\n.\r\n") {
                match cut {
                    Cut::BeforeDot => {
                        // Everything but ".\r\n".
                        let upto = i + 1 - 3;
                        if upto > start {
                            let _ = server.write_all(&buf[start..upto]);
                        }
                        cuts[1].fetch_add(1, Ordering::SeqCst);
                        close(&client, &server);
                        return;
                    }
                    Cut::AfterDot => {
                        cuts[2].fetch_add(1, Ordering::SeqCst);
                        mute.store(true, Ordering::SeqCst);
                        let _ = server.write_all(&buf[start..=i]);
                        // Give the server time to take the message before the line drops.
                        std::thread::sleep(Duration::from_millis(300));
                        close(&client, &server);
                        return;
                    }
                    _ => {
                        in_data = false;
                        line.clear();
                        let _ = server.write_all(&buf[start..=i]);
                        start = i + 1;
                    }
                }
            }
        }
        if start < n && server.write_all(&buf[start..n]).is_err() {
            break;
        }
    }
    close(&client, &server);
}
