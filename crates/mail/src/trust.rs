//! Which certificate authorities a TLS server certificate may come from: the public web PKI
//! (Mozilla's roots, built in), plus any extra roots, such as a university's own CA or the
//! test stack's.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use tokio_rustls::rustls::pki_types::CertificateDer;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::{self, ClientConfig, RootCertStore};

#[derive(Clone, Default)]
pub struct Trust {
    extra_roots: Vec<CertificateDer<'static>>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot use the certificate authority {source_name}: {reason}")]
pub struct TrustError {
    source_name: String,
    reason: String,
}

impl Trust {
    /// The public web PKI only: what every mail provider's certificate chains up to.
    pub fn web_pki() -> Self {
        Trust::default()
    }

    /// Also trusts every certificate in `pem` as a root.
    pub fn with_pem(mut self, pem: &[u8], source_name: &str) -> Result<Self, TrustError> {
        let error = |reason: String| TrustError {
            source_name: source_name.to_owned(),
            reason,
        };
        let before = self.extra_roots.len();
        for cert in CertificateDer::pem_slice_iter(pem) {
            self.extra_roots
                .push(cert.map_err(|err| error(err.to_string()))?);
        }
        if self.extra_roots.len() == before {
            return Err(error("no certificate found in it".into()));
        }
        Ok(self)
    }

    /// Also trusts the certificates of a PEM file as roots.
    pub fn with_pem_file(self, path: &Path) -> Result<Self, TrustError> {
        let name = path.display().to_string();
        let pem = std::fs::read(path).map_err(|err| TrustError {
            source_name: name.clone(),
            reason: err.to_string(),
        })?;
        self.with_pem(&pem, &name)
    }

    /// The rustls client configuration for IMAP.
    pub(crate) fn rustls_config(&self) -> Result<Arc<ClientConfig>, rustls::Error> {
        let mut roots = RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        for cert in &self.extra_roots {
            roots.add(cert.clone())?;
        }
        // The provider is named rather than taken from the process default, which is
        // ambiguous when another dependency also compiles in a second provider.
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(Arc::new(config))
    }

    /// The same roots in lettre's form, for SMTP.
    pub(crate) fn lettre_tls(
        &self,
        host: &str,
    ) -> Result<lettre::transport::smtp::client::TlsParameters, lettre::transport::smtp::Error>
    {
        use lettre::transport::smtp::client::{Certificate, TlsParameters};
        let mut builder = TlsParameters::builder(host.to_owned());
        for cert in &self.extra_roots {
            builder = builder.add_root_certificate(Certificate::from_der(cert.to_vec())?);
        }
        builder.build_rustls()
    }
}

impl fmt::Debug for Trust {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Trust(web PKI + {} extra roots)", self.extra_roots.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_without_certificates_is_refused() {
        let err = Trust::web_pki()
            .with_pem(b"not a certificate", "ca.pem")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot use the certificate authority ca.pem: no certificate found in it"
        );
    }

    #[test]
    fn the_default_config_builds() {
        assert!(Trust::web_pki().rustls_config().is_ok());
        assert!(Trust::web_pki().lettre_tls("smtp.example.org").is_ok());
    }
}
