//! The domain's own autoconfig file, in the format Thunderbird reads (config-v1.1.xml):
//! first at `autoconfig.DOMAIN`, then under the domain's `.well-known` folder.

use std::io::Read;

use super::{AutoconfigOptions, FoundSettings, SignInKind, Source};
use crate::account::{Security, ServerSettings, is_loopback_host};

/// Tries each autoconfig address in turn; the first readable file wins.
pub(super) async fn look_up(
    address: &str,
    domain: &str,
    options: &AutoconfigOptions,
) -> Result<FoundSettings, String> {
    let urls = candidates(address, domain, options.autoconfig_base.as_deref());
    let timeout = options.timeout;
    let address = address.to_owned();
    tokio::task::spawn_blocking(move || {
        let agent = ureq::AgentBuilder::new()
            .timeout(timeout)
            .redirects(0)
            .build();
        let mut problems = Vec::new();
        for url in urls {
            match fetch(&agent, &url).and_then(|xml| parse(&xml, &address)) {
                Ok((imap, smtp, username, sign_in)) => {
                    return Ok(FoundSettings {
                        imap,
                        smtp,
                        username,
                        sign_in,
                        source: Source::Autoconfig {
                            url: without_query(&url),
                        },
                    });
                }
                Err(problem) => problems.push(format!("{}: {problem}", without_query(&url))),
            }
        }
        Err(format!("no autoconfig file ({})", problems.join("; ")))
    })
    .await
    .unwrap_or_else(|err| Err(format!("the autoconfig look-up stopped: {err}")))
}

fn candidates(address: &str, domain: &str, base: Option<&str>) -> Vec<String> {
    let query = format!("?emailaddress={}", percent_encode(address));
    match base {
        Some(base) => {
            let base = base.trim_end_matches('/');
            vec![
                format!("{base}/mail/config-v1.1.xml{query}"),
                format!("{base}/.well-known/autoconfig/mail/config-v1.1.xml"),
            ]
        }
        None => vec![
            format!("https://autoconfig.{domain}/mail/config-v1.1.xml{query}"),
            format!("https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml"),
        ],
    }
}

fn without_query(url: &str) -> String {
    url.split('?').next().unwrap_or(url).to_owned()
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn fetch(agent: &ureq::Agent, url: &str) -> Result<String, String> {
    let plain_remote = url.starts_with("http://")
        && !url
            .trim_start_matches("http://")
            .split(['/', ':'])
            .next()
            .is_some_and(is_loopback_host);
    if plain_remote {
        return Err("plain http is only allowed to this computer".into());
    }
    let response = agent.get(url).call().map_err(|err| match err {
        ureq::Error::Status(status, _) => format!("HTTP {status}"),
        ureq::Error::Transport(err) => err.to_string(),
    })?;
    let mut text = String::new();
    response
        .into_reader()
        .take(256 * 1024)
        .read_to_string(&mut text)
        .map_err(|err| err.to_string())?;
    Ok(text)
}

type Parsed = (ServerSettings, ServerSettings, String, SignInKind);

/// The IMAP and SMTP servers of an autoconfig file, preferring TLS, then STARTTLS.
fn parse(xml: &str, address: &str) -> Result<Parsed, String> {
    let document = roxmltree::Document::parse(xml).map_err(|err| format!("not XML ({err})"))?;
    let provider = document
        .descendants()
        .find(|n| n.has_tag_name("emailProvider"))
        .ok_or("no emailProvider in it")?;
    let servers = |tag: &str, kind: &str| -> Vec<Server> {
        let mut found: Vec<Server> = provider
            .children()
            .filter(|n| n.has_tag_name(tag) && n.attribute("type") == Some(kind))
            .filter_map(|n| Server::read(n, address))
            .collect();
        found.sort_by_key(|s| match s.settings.security {
            Security::Tls => 0,
            Security::StartTls => 1,
            Security::Plain => 2,
        });
        found
    };
    let imap = servers("incomingServer", "imap")
        .into_iter()
        .next()
        .ok_or("no usable IMAP server in it")?;
    let smtp = servers("outgoingServer", "smtp")
        .into_iter()
        .next()
        .ok_or("no usable SMTP server in it")?;
    let sign_in = if imap.oauth {
        sign_in_for(&imap.settings.host)
    } else {
        SignInKind::Password
    };
    Ok((imap.settings, smtp.settings, imap.username, sign_in))
}

struct Server {
    settings: ServerSettings,
    username: String,
    oauth: bool,
}

impl Server {
    fn read(node: roxmltree::Node<'_, '_>, address: &str) -> Option<Server> {
        let text = |tag: &str| {
            node.children()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .map(str::trim)
        };
        let host = text("hostname")?;
        let port = text("port")?.parse().ok()?;
        let security = match text("socketType")? {
            "SSL" => Security::Tls,
            "STARTTLS" => Security::StartTls,
            "plain" if is_loopback_host(host) => Security::Plain,
            _ => return None,
        };
        let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
        let username = text("username")
            .unwrap_or("%EMAILADDRESS%")
            .replace("%EMAILADDRESS%", address)
            .replace("%EMAILLOCALPART%", local)
            .replace("%EMAILDOMAIN%", domain);
        let oauth = node
            .children()
            .filter(|n| n.has_tag_name("authentication"))
            .any(|n| n.text().is_some_and(|t| t.trim() == "OAuth2"));
        Some(Server {
            settings: ServerSettings::new(host, port, security),
            username,
            oauth,
        })
    }
}

/// The sign-in for a server the file says takes OAuth: Google's and Microsoft's are known;
/// for another one the file does not say where to sign in, so a password it is.
fn sign_in_for(host: &str) -> SignInKind {
    let host = host.to_ascii_lowercase();
    if host.ends_with("gmail.com") || host.ends_with("googlemail.com") {
        SignInKind::Google
    } else if host.ends_with("office365.com") || host.ends_with("outlook.com") {
        SignInKind::Microsoft
    } else {
        SignInKind::Password
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="uni.example">
    <domain>uni.example</domain>
    <incomingServer type="pop3">
      <hostname>pop.uni.example</hostname><port>995</port><socketType>SSL</socketType>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>mail.uni.example</hostname><port>143</port><socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%</username>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.uni.example</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.uni.example</hostname><port>25</port><socketType>plain</socketType>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.uni.example</hostname><port>587</port><socketType>STARTTLS</socketType>
    </outgoingServer>
  </emailProvider>
</clientConfig>"#;

    #[test]
    fn the_most_secure_imap_and_smtp_servers_are_taken() {
        let (imap, smtp, username, sign_in) = parse(FILE, "ada@uni.example").unwrap();
        assert_eq!(
            imap,
            ServerSettings::new("imap.uni.example", 993, Security::Tls)
        );
        assert_eq!(
            smtp,
            ServerSettings::new("smtp.uni.example", 587, Security::StartTls)
        );
        assert_eq!(username, "ada");
        assert_eq!(sign_in, SignInKind::Password);
    }

    #[test]
    fn broken_files_say_what_is_missing() {
        assert!(
            parse("<html>", "a@b.example")
                .unwrap_err()
                .contains("not XML")
        );
        let no_smtp = FILE.replace("outgoingServer", "other");
        assert!(parse(&no_smtp, "a@b.example").unwrap_err().contains("SMTP"));
    }

    #[test]
    fn the_address_goes_into_the_query_encoded() {
        let urls = candidates("ada+x@uni.example", "uni.example", None);
        assert_eq!(
            urls[0],
            "https://autoconfig.uni.example/mail/config-v1.1.xml?emailaddress=ada%2Bx%40uni.example"
        );
        assert_eq!(
            urls[1],
            "https://uni.example/.well-known/autoconfig/mail/config-v1.1.xml"
        );
    }
}
