//! Addresses on a calendar server: the one the researcher entered, the hrefs the server
//! answers with (absolute paths, full URLs or relative ones, percent-encoded), and the file
//! name an interview is stored under.

use percent_encoding::percent_decode_str;
use url::Url;

use super::CalDavError;

/// The address the researcher entered, as a URL. An address without a scheme
/// (`caldav.fastmail.com`) is taken as https.
pub(super) fn account_url(text: &str) -> Result<Url, CalDavError> {
    let text = text.trim();
    let bad = |reason: &str| CalDavError::BadAddress {
        url: text.to_owned(),
        reason: reason.to_owned(),
    };
    if text.is_empty() {
        return Err(bad("it is empty"));
    }
    let with_scheme = if text.contains("://") {
        text.to_owned()
    } else {
        format!("https://{text}")
    };
    let url = Url::parse(&with_scheme).map_err(|_| bad("it is not a web address"))?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("it names no server"));
    }
    check_secure(&url).map_err(|reason| bad(&reason))?;
    Ok(url)
}

/// Whether a password may be sent to `url`: over https, or over plain http to this
/// computer only (a server for tests, or a bridge running here), where nothing crosses a
/// network.
pub(super) fn check_secure(url: &Url) -> Result<(), String> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if url.host_str().is_some_and(crate::account::is_loopback_host) => Ok(()),
        "http" => Err(
            "it starts with http://, which would send the password unencrypted; use the server's https:// address"
                .into(),
        ),
        scheme => Err(format!(
            "it starts with {scheme}:, not https://; enter the web address of the server"
        )),
    }
}

/// An href from the server's answer to a request made to `base`, as a full URL.
pub(super) fn resolve(base: &Url, href: &str) -> Option<Url> {
    let mut url = base.join(href.trim()).ok()?;
    url.set_fragment(None);
    Some(url)
}

/// The URL of a collection ends with a slash, so that names are resolved inside it.
pub(super) fn as_collection(mut url: Url) -> Url {
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url
}

/// Whether two URLs name the same resource: the same server and path, whichever way the
/// path is percent-encoded and whether or not a collection's path ends with a slash.
pub(super) fn same_resource(a: &Url, b: &Url) -> bool {
    let path = |url: &Url| {
        let decoded = percent_decode_str(url.path())
            .decode_utf8_lossy()
            .into_owned();
        decoded.trim_end_matches('/').to_owned()
    };
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
        && path(a) == path(b)
}

/// The server as the researcher knows it: its host name, and the port if it is not the
/// usual one.
pub(super) fn server_name(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

/// The last segment of the path, decoded: a calendar's name when it has no display name.
pub(super) fn last_segment(url: &Url) -> String {
    let segment = url
        .path()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

/// Longest file name (before `.ics`) made from a UID; longer UIDs are shortened and end
/// with a hash of the whole UID, so that two long UIDs still get two names.
const MAX_NAME: usize = 120;

/// The file name an event with `uid` is stored under in a calendar: the UID itself where it
/// is made of letters, digits, `-`, `.` and `@` (Confab's are), every other byte written as
/// `_` and two hex digits. Different UIDs always get different names.
pub(super) fn object_name(uid: &str) -> String {
    let mut name = String::with_capacity(uid.len() + 4);
    for (i, byte) in uid.bytes().enumerate() {
        let plain =
            byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'@') || (byte == b'.' && i > 0);
        if plain {
            name.push(char::from(byte));
        } else {
            name.push_str(&format!("_{byte:02X}"));
        }
    }
    if name.is_empty() {
        name.push('_');
    }
    if name.len() > MAX_NAME {
        name.truncate(MAX_NAME - 17);
        name.push_str(&format!("-{:016x}", fnv1a(uid.as_bytes())));
    }
    name.push_str(".ics");
    name
}

/// FNV-1a, 64 bits: a fixed hash, the same in every version of Confab.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_without_scheme_is_https_and_plain_http_only_goes_to_this_computer() {
        assert_eq!(
            account_url(" caldav.fastmail.com ").unwrap().as_str(),
            "https://caldav.fastmail.com/"
        );
        assert!(account_url("http://127.0.0.1:5232/").is_ok());
        assert!(account_url("http://localhost:5232/").is_ok());
        let err = account_url("http://dav.example.org/").unwrap_err();
        assert!(err.to_string().contains("https://"), "{err}");
        assert!(matches!(
            account_url("ftp://dav.example.org/"),
            Err(CalDavError::BadAddress { .. })
        ));
        assert!(matches!(
            account_url(""),
            Err(CalDavError::BadAddress { .. })
        ));
    }

    #[test]
    fn hrefs_resolve_against_the_request_and_compare_however_encoded() {
        let base = Url::parse("https://dav.example.org/cal/ada/").unwrap();
        let absolute_path = resolve(&base, "/cal/ada/Work%20Calendar/").unwrap();
        let relative = resolve(&base, "Work Calendar").unwrap();
        let full = resolve(&base, "https://p42.example.org/x/").unwrap();
        assert_eq!(
            absolute_path.as_str(),
            "https://dav.example.org/cal/ada/Work%20Calendar/"
        );
        assert!(same_resource(&absolute_path, &relative));
        assert!(!same_resource(&absolute_path, &full));
        assert_eq!(last_segment(&absolute_path), "Work Calendar");
        assert_eq!(
            as_collection(Url::parse("https://d.example/a/b").unwrap()).as_str(),
            "https://d.example/a/b/"
        );
        assert_eq!(server_name(&full), "p42.example.org");
        assert_eq!(
            server_name(&Url::parse("http://127.0.0.1:5232/").unwrap()),
            "127.0.0.1:5232"
        );
    }

    #[test]
    fn file_names_keep_plain_uids_and_encode_the_rest_without_collisions() {
        assert_eq!(
            object_name("0b6f9a1c-1f1e-4f7e-9c1e-2f7a0c5d8e11@confab"),
            "0b6f9a1c-1f1e-4f7e-9c1e-2f7a0c5d8e11@confab.ics"
        );
        assert_eq!(object_name("a/b c"), "a_2Fb_20c.ics");
        assert_eq!(object_name("a_2F"), "a_5F2F.ics");
        assert_eq!(object_name(".hidden"), "_2Ehidden.ics");
        assert_eq!(object_name("ü"), "_C3_BC.ics");
        let long_a = object_name(&"a".repeat(300));
        let long_b = object_name(&format!("{}b", "a".repeat(299)));
        assert_eq!(long_a.len(), MAX_NAME + 4);
        assert_ne!(long_a, long_b);
    }
}
