//! The big providers' settings, shipped with Confab: no look-up needed for their addresses,
//! and the settings a domain gets when its MX record points at Google or Microsoft.

use super::{FoundSettings, SignInKind, Source};
use crate::account::{Security, ServerSettings};

struct Provider {
    name: &'static str,
    domains: &'static [&'static str],
    imap: (&'static str, u16, Security),
    smtp: (&'static str, u16, Security),
    sign_in: SignInKind,
}

const GOOGLE: Provider = Provider {
    name: "Gmail and Google Workspace",
    domains: &["gmail.com", "googlemail.com"],
    imap: ("imap.gmail.com", 993, Security::Tls),
    smtp: ("smtp.gmail.com", 465, Security::Tls),
    sign_in: SignInKind::Google,
};

const MICROSOFT: Provider = Provider {
    name: "Outlook.com and Microsoft 365",
    domains: &[
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "outlook.de",
        "hotmail.de",
    ],
    imap: ("outlook.office365.com", 993, Security::Tls),
    smtp: ("smtp.office365.com", 587, Security::StartTls),
    sign_in: SignInKind::Microsoft,
};

const PROVIDERS: &[Provider] = &[
    GOOGLE,
    MICROSOFT,
    Provider {
        name: "iCloud",
        domains: &["icloud.com", "me.com", "mac.com"],
        imap: ("imap.mail.me.com", 993, Security::Tls),
        smtp: ("smtp.mail.me.com", 587, Security::StartTls),
        sign_in: SignInKind::Password,
    },
    Provider {
        name: "Yahoo",
        domains: &[
            "yahoo.com",
            "ymail.com",
            "rocketmail.com",
            "yahoo.co.uk",
            "yahoo.de",
        ],
        imap: ("imap.mail.yahoo.com", 993, Security::Tls),
        smtp: ("smtp.mail.yahoo.com", 465, Security::Tls),
        sign_in: SignInKind::Password,
    },
    Provider {
        name: "Fastmail",
        domains: &["fastmail.com", "fastmail.fm"],
        imap: ("imap.fastmail.com", 993, Security::Tls),
        smtp: ("smtp.fastmail.com", 465, Security::Tls),
        sign_in: SignInKind::Password,
    },
    Provider {
        name: "GMX",
        domains: &["gmx.de", "gmx.net", "gmx.at", "gmx.ch"],
        imap: ("imap.gmx.net", 993, Security::Tls),
        smtp: ("mail.gmx.net", 465, Security::Tls),
        sign_in: SignInKind::Password,
    },
    Provider {
        name: "GMX",
        domains: &["gmx.com"],
        imap: ("imap.gmx.com", 993, Security::Tls),
        smtp: ("mail.gmx.com", 465, Security::Tls),
        sign_in: SignInKind::Password,
    },
    Provider {
        name: "mailbox.org",
        domains: &["mailbox.org"],
        imap: ("imap.mailbox.org", 993, Security::Tls),
        smtp: ("smtp.mailbox.org", 465, Security::Tls),
        sign_in: SignInKind::Password,
    },
    Provider {
        name: "Zoho Mail",
        domains: &["zoho.com", "zohomail.com"],
        imap: ("imap.zoho.com", 993, Security::Tls),
        smtp: ("smtp.zoho.com", 465, Security::Tls),
        sign_in: SignInKind::Password,
    },
    // Proton Mail is reached through its Bridge on this computer, which listens on these
    // ports by default and takes the password the Bridge shows.
    Provider {
        name: "Proton Mail Bridge on this computer",
        domains: &["proton.me", "protonmail.com", "protonmail.ch", "pm.me"],
        imap: ("127.0.0.1", 1143, Security::StartTls),
        smtp: ("127.0.0.1", 1025, Security::StartTls),
        sign_in: SignInKind::Password,
    },
];

/// The shipped settings for an address at one of the big providers.
pub(super) fn by_domain(address: &str, domain: &str) -> Option<FoundSettings> {
    let provider = PROVIDERS.iter().find(|p| p.domains.contains(&domain))?;
    Some(settings(
        provider,
        address,
        Source::Shipped {
            provider: provider.name.into(),
        },
    ))
}

/// Google's or Microsoft's settings for a domain whose mail they handle, judged from the
/// name of its mail exchanger.
pub(super) fn by_mail_exchanger(address: &str, exchange: &str) -> Option<FoundSettings> {
    let exchange = exchange.trim_end_matches('.').to_ascii_lowercase();
    let provider = if exchange.ends_with(".google.com") || exchange.ends_with(".googlemail.com") {
        &GOOGLE
    } else if exchange.ends_with(".mail.protection.outlook.com") {
        &MICROSOFT
    } else {
        return None;
    };
    Some(settings(
        provider,
        address,
        Source::Mx {
            provider: provider.name.into(),
            exchange,
        },
    ))
}

fn settings(provider: &Provider, address: &str, source: Source) -> FoundSettings {
    let server =
        |(host, port, security): (&str, u16, Security)| ServerSettings::new(host, port, security);
    FoundSettings {
        imap: server(provider.imap),
        smtp: server(provider.smtp),
        username: address.to_owned(),
        sign_in: provider.sign_in,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_providers_are_known_by_their_domains() {
        let gmail = by_domain("ada@gmail.com", "gmail.com").unwrap();
        assert_eq!(gmail.imap.host, "imap.gmail.com");
        assert_eq!(gmail.sign_in, SignInKind::Google);
        assert_eq!(gmail.username, "ada@gmail.com");
        let outlook = by_domain("ada@hotmail.com", "hotmail.com").unwrap();
        assert_eq!(outlook.smtp.security, Security::StartTls);
        assert_eq!(outlook.sign_in, SignInKind::Microsoft);
        let proton = by_domain("ada@proton.me", "proton.me").unwrap();
        assert!(proton.imap.is_loopback());
        assert!(by_domain("ada@uni.example.org", "uni.example.org").is_none());
    }

    #[test]
    fn a_domain_whose_mail_google_or_microsoft_handles_gets_their_settings() {
        let google = by_mail_exchanger("ada@uni.example", "ASPMX.L.GOOGLE.COM.").unwrap();
        assert_eq!(google.sign_in, SignInKind::Google);
        assert_eq!(
            google.source,
            Source::Mx {
                provider: "Gmail and Google Workspace".into(),
                exchange: "aspmx.l.google.com".into()
            }
        );
        let microsoft =
            by_mail_exchanger("ada@uni.example", "uni-example.mail.protection.outlook.com")
                .unwrap();
        assert_eq!(microsoft.imap.host, "outlook.office365.com");
        assert!(by_mail_exchanger("ada@uni.example", "mx.uni.example").is_none());
        assert!(by_mail_exchanger("ada@uni.example", "evilgoogle.com").is_none());
    }
}
