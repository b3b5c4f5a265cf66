//! The domain's DNS: SRV records for IMAP and submission (RFC 6186, with the implicit-TLS
//! services of RFC 8314), and the MX record, which tells whether Google or Microsoft handles
//! the domain's mail.

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;

use super::{AutoconfigOptions, FoundSettings, SignInKind, Source, known};
use crate::account::{Security, ServerSettings};

pub(super) struct Resolver {
    resolver: TokioResolver,
}

impl Resolver {
    /// The system's resolver, or the server the options name.
    pub fn new(options: &AutoconfigOptions) -> Result<Resolver, String> {
        let mut builder = match options.dns_server {
            Some(server) => {
                let mut udp = ConnectionConfig::udp();
                udp.port = server.port();
                let mut tcp = ConnectionConfig::tcp();
                tcp.port = server.port();
                let config = ResolverConfig::from_name_servers(vec![NameServerConfig::new(
                    server.ip(),
                    true,
                    vec![udp, tcp],
                )]);
                TokioResolver::builder_with_config(config, TokioRuntimeProvider::default())
            }
            None => TokioResolver::builder_tokio()
                .map_err(|err| format!("no DNS resolver on this computer ({err})"))?,
        };
        let opts = builder.options_mut();
        opts.timeout = options.timeout;
        opts.attempts = 1;
        let resolver = builder
            .build()
            .map_err(|err| format!("no DNS resolver ({err})"))?;
        Ok(Resolver { resolver })
    }

    /// IMAP and SMTP from SRV records, implicit TLS preferred.
    pub async fn srv(&self, address: &str, domain: &str) -> Result<FoundSettings, String> {
        let imap = self
            .first_service(
                domain,
                &[("_imaps", Security::Tls), ("_imap", Security::StartTls)],
            )
            .await;
        let smtp = self
            .first_service(
                domain,
                &[
                    ("_submissions", Security::Tls),
                    ("_submission", Security::StartTls),
                ],
            )
            .await;
        match (imap, smtp) {
            (Some(imap), Some(smtp)) => Ok(FoundSettings {
                imap,
                smtp,
                username: address.to_owned(),
                sign_in: SignInKind::Password,
                source: Source::Srv {
                    domain: domain.to_owned(),
                },
            }),
            _ => Err(format!(
                "no SRV records for IMAP and submission at {domain}"
            )),
        }
    }

    /// Google's or Microsoft's settings when the domain's mail goes to them.
    pub async fn mx(&self, address: &str, domain: &str) -> Result<FoundSettings, String> {
        let lookup = self
            .resolver
            .mx_lookup(format!("{domain}."))
            .await
            .map_err(|err| format!("no MX record for {domain} ({err})"))?;
        let mut exchanges: Vec<(u16, String)> = lookup
            .answers()
            .iter()
            .filter_map(|record| match &record.data {
                RData::MX(mx) => Some((mx.preference, mx.exchange.to_ascii())),
                _ => None,
            })
            .collect();
        exchanges.sort();
        let (_, exchange) = exchanges
            .first()
            .ok_or_else(|| format!("no MX record for {domain}"))?;
        known::by_mail_exchanger(address, exchange).ok_or_else(|| {
            format!(
                "the mail of {domain} goes to {}, a server Confab has no settings for",
                exchange.trim_end_matches('.')
            )
        })
    }

    /// The server of the first of `services` the domain offers (lowest priority first). A
    /// target of "." says the service is not offered.
    async fn first_service(
        &self,
        domain: &str,
        services: &[(&str, Security)],
    ) -> Option<ServerSettings> {
        for (service, security) in services {
            let Ok(lookup) = self
                .resolver
                .srv_lookup(format!("{service}._tcp.{domain}."))
                .await
            else {
                continue;
            };
            let mut records: Vec<(u16, u16, String)> = lookup
                .answers()
                .iter()
                .filter_map(|record| match &record.data {
                    RData::SRV(srv) => Some((srv.priority, srv.port, srv.target.to_ascii())),
                    _ => None,
                })
                .collect();
            records.sort();
            if let Some((_, port, target)) = records.into_iter().next() {
                let host = target.trim_end_matches('.');
                if host.is_empty() {
                    continue;
                }
                return Some(ServerSettings::new(host, port, *security));
            }
        }
        None
    }
}
