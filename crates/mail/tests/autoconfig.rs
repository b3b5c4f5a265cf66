//! Finding settings from an address against real servers on loopback: Python's HTTP server
//! serving an autoconfig file, and dnsmasq answering SRV and MX queries.
#![cfg(target_os = "linux")]

mod support;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use confab_mail::account::{Security, ServerSettings};
use confab_mail::autoconfig::{AutoconfigOptions, SignInKind, Source, find_settings};

/// A child process that is ended when the test ends.
struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Python's HTTP server on a port the kernel picks, serving `dir`.
fn http_server(dir: &Path) -> (Daemon, String) {
    let mut child = Command::new("python3")
        .args([
            "-u",
            "-m",
            "http.server",
            "0",
            "--bind",
            "127.0.0.1",
            "--directory",
        ])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
    let port = line
        .split_whitespace()
        .skip_while(|word| *word != "port")
        .nth(1)
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    (Daemon(child), format!("http://127.0.0.1:{port}"))
}

/// dnsmasq answering only from `records` (its own options), on a free port; another free
/// port is tried if one is taken meanwhile.
fn dns_server(records: &[&str]) -> (Daemon, SocketAddr) {
    for _ in 0..3 {
        let port = support::free_port();
        let mut child = Command::new("dnsmasq")
            .args([
                "--keep-in-foreground",
                "--conf-file=/dev/null",
                "--no-resolv",
                "--no-hosts",
                "--bind-interfaces",
                "--listen-address=127.0.0.1",
                "--pid-file=",
                "--user=root",
            ])
            .arg(format!("--port={port}"))
            .args(records)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dnsmasq runs (apt-get install dnsmasq-base)");
        std::thread::sleep(Duration::from_millis(300));
        if child.try_wait().unwrap().is_none() {
            return (Daemon(child), SocketAddr::from(([127, 0, 0, 1], port)));
        }
    }
    panic!("dnsmasq did not start");
}

const AUTOCONFIG: &str = r#"<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="files.test">
    <domain>files.test</domain>
    <incomingServer type="imap">
      <hostname>imap.files.test</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.files.test</hostname><port>465</port><socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
    </outgoingServer>
  </emailProvider>
</clientConfig>"#;

fn options(base: &str, dns: SocketAddr) -> AutoconfigOptions {
    AutoconfigOptions {
        timeout: Duration::from_secs(2),
        autoconfig_base: Some(base.to_owned()),
        dns_server: Some(dns),
    }
}

#[tokio::test]
async fn each_source_is_tried_in_turn_and_named() {
    let files = tempfile::tempdir().unwrap();
    let (_dns, dns) = dns_server(&[
        "--srv-host=_imaps._tcp.srv.test,imap.srv.test,993,0,0",
        "--srv-host=_imap._tcp.srv.test,mail.srv.test,143,10,0",
        "--srv-host=_submission._tcp.srv.test,smtp.srv.test,587,0,0",
        "--mx-host=google-hosted.test,aspmx.l.google.com,10",
        "--mx-host=google-hosted.test,alt1.aspmx.l.google.com,20",
        "--mx-host=ms-hosted.test,ms-hosted-test.mail.protection.outlook.com,0",
        "--mx-host=self-hosted.test,mx.self-hosted.test,10",
    ]);

    // Nothing served yet: the domains' DNS answers.
    let (web, base) = http_server(files.path());
    let srv = find_settings("ada@srv.test", &options(&base, dns))
        .await
        .unwrap();
    assert_eq!(
        srv.source,
        Source::Srv {
            domain: "srv.test".into()
        }
    );
    assert_eq!(
        srv.imap,
        ServerSettings::new("imap.srv.test", 993, Security::Tls)
    );
    assert_eq!(
        srv.smtp,
        ServerSettings::new("smtp.srv.test", 587, Security::StartTls)
    );
    assert_eq!(srv.username, "ada@srv.test");

    let google = find_settings("ada@google-hosted.test", &options(&base, dns))
        .await
        .unwrap();
    assert_eq!(google.sign_in, SignInKind::Google);
    assert_eq!(google.imap.host, "imap.gmail.com");
    assert!(
        matches!(&google.source, Source::Mx { exchange, .. } if exchange == "aspmx.l.google.com"),
        "{:?}",
        google.source
    );
    let microsoft = find_settings("ada@ms-hosted.test", &options(&base, dns))
        .await
        .unwrap();
    assert_eq!(microsoft.sign_in, SignInKind::Microsoft);
    assert_eq!(microsoft.smtp.host, "smtp.office365.com");

    let err = find_settings("ada@self-hosted.test", &options(&base, dns))
        .await
        .unwrap_err();
    for said in [
        "no autoconfig file",
        "HTTP 404",
        "no SRV records",
        "mx.self-hosted.test",
    ] {
        assert!(err.message.contains(said), "{said}: {err}");
    }

    // An autoconfig file comes before DNS, at the second address when the first has none.
    let well_known = files.path().join(".well-known/autoconfig/mail");
    std::fs::create_dir_all(&well_known).unwrap();
    std::fs::write(well_known.join("config-v1.1.xml"), AUTOCONFIG).unwrap();
    let file = find_settings("ada@srv.test", &options(&base, dns))
        .await
        .unwrap();
    assert_eq!(
        file.source,
        Source::Autoconfig {
            url: format!("{base}/.well-known/autoconfig/mail/config-v1.1.xml")
        }
    );
    assert_eq!(
        file.imap,
        ServerSettings::new("imap.files.test", 993, Security::Tls)
    );
    assert_eq!(file.username, "ada");
    drop(web);

    // The shipped table needs no look-up at all.
    let gmail = find_settings("ada@gmail.com", &options(&base, dns))
        .await
        .unwrap();
    assert!(matches!(gmail.source, Source::Shipped { .. }));
}

#[tokio::test]
async fn silent_servers_are_given_up_on_quickly() {
    // Nothing answers on either port: each look-up ends at its time limit.
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let dns = silent.local_addr().unwrap();
    let base = format!("http://127.0.0.1:{}", support::free_port());
    let options = AutoconfigOptions {
        timeout: Duration::from_secs(1),
        autoconfig_base: Some(base),
        dns_server: Some(dns),
    };
    let started = Instant::now();
    let err = find_settings("ada@nowhere.test", &options)
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    assert!(
        err.message
            .starts_with("No settings were found for nowhere.test"),
        "{err}"
    );
    let bad = find_settings("not-an-address", &options).await.unwrap_err();
    assert!(bad.message.contains("is not an email address"), "{bad}");
}
