//! A real CalDAV server on loopback for tests (Radicale 3, started by `scripts/radicale.sh`
//! in a fresh temporary folder), with its users' accounts. Each [`Radicale`] is its own
//! server, stopped when it is dropped; if the test process dies without dropping it, the
//! script's watcher stops it.
//!
//! Needs Python 3 with venv (Radicale and Python's icalendar are installed from PyPI into
//! Confab's Python environment on first use).
//!
//! Calendars are made and objects stored with plain HTTP requests here rather than through
//! [`crate::caldav`], so that tests of the client do not lean on the client to set up.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::caldav::CalDavAccount;

/// The server's users: each owns the collections under `/<user>/` and nothing else.
pub const USERS: [&str; 2] = ["researcher", "interviewer"];

pub struct Radicale {
    dir: tempfile::TempDir,
    env: HashMap<String, String>,
}

impl Radicale {
    /// Starts a server and waits until it answers. Panics with the script's output (and the
    /// server's log) when it cannot start.
    pub fn start() -> Radicale {
        let dir = tempfile::Builder::new()
            .prefix("confab-radicale-")
            .tempdir()
            .expect("a temporary folder for Radicale");
        let output = Command::new("bash")
            .arg(script())
            .arg("start")
            .arg(dir.path())
            .arg("--watch")
            .arg(std::process::id().to_string())
            .output()
            .expect("bash runs scripts/radicale.sh");
        assert!(
            output.status.success(),
            "Radicale did not start ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let env_file = dir.path().join("radicale.env");
        let text = std::fs::read_to_string(&env_file)
            .unwrap_or_else(|err| panic!("{} unreadable: {err}", env_file.display()));
        let env = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect();
        Radicale { dir, env }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The server's address, `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> &str {
        self.value("RADICALE_URL")
    }

    pub fn password(&self, user: &str) -> &str {
        self.value(&format!("PASSWORD_{user}"))
    }

    /// `user`'s account, from the server's address.
    pub fn account(&self, user: &str) -> CalDavAccount {
        CalDavAccount::new(self.url(), user, self.password(user))
    }

    /// A Python interpreter with Python's icalendar package.
    pub fn python(&self) -> &str {
        self.value("PYTHON")
    }

    /// The full URL of `user`'s collection `name` (`http://127.0.0.1:PORT/user/name/`).
    pub fn calendar_url(&self, user: &str, name: &str) -> String {
        format!("{}{user}/{name}/", self.url())
    }

    /// Makes `user`'s calendar `name`, shown as `display_name`, holding `components`
    /// (such as `["VEVENT"]`); returns its URL.
    pub fn create_calendar(
        &self,
        user: &str,
        name: &str,
        display_name: &str,
        components: &[&str],
    ) -> String {
        let url = self.calendar_url(user, name);
        let display_name = display_name
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let components: String = components
            .iter()
            .map(|c| format!(r#"<C:comp name="{c}"/>"#))
            .collect();
        let body = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop>
    <D:displayname>{display_name}</D:displayname>
    <C:supported-calendar-component-set>{components}</C:supported-calendar-component-set>
  </D:prop></D:set>
</C:mkcalendar>"#
        );
        let status = self.request(user, "MKCALENDAR", &url, Some(&body));
        assert_eq!(status, 201, "MKCALENDAR {url}");
        url
    }

    /// Stores `ics` as `file` (`meeting.ics`) in the calendar at `calendar_url`.
    pub fn put_object(&self, user: &str, calendar_url: &str, file: &str, ics: &str) {
        let url = format!("{calendar_url}{file}");
        let status = self.request(user, "PUT", &url, Some(ics));
        assert!(
            status == 201 || status == 204,
            "PUT {url} answered {status}"
        );
    }

    /// The object stored as `file` in the calendar at `calendar_url`, as the server sends
    /// it; `None` if there is none.
    pub fn get_object(&self, user: &str, calendar_url: &str, file: &str) -> Option<String> {
        let url = format!("{calendar_url}{file}");
        match self.call(user, "GET", &url, None) {
            (200, body) => Some(body),
            (404, _) => None,
            (status, _) => panic!("GET {url} answered {status}"),
        }
    }

    /// The names of the objects in the calendar at `calendar_url`, as stored on disk.
    pub fn object_files(&self, user: &str, calendar_url: &str) -> Vec<String> {
        let name = calendar_url
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        let folder = self
            .dir()
            .join("collections/collection-root")
            .join(user)
            .join(name);
        let mut files: Vec<String> = std::fs::read_dir(&folder)
            .unwrap_or_else(|err| panic!("{}: {err}", folder.display()))
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|file| !file.starts_with('.'))
            .collect();
        files.sort();
        files
    }

    /// Deletes the calendar at `calendar_url` with everything in it.
    pub fn delete_calendar(&self, user: &str, calendar_url: &str) {
        let status = self.request(user, "DELETE", calendar_url, None);
        assert!(
            status == 200 || status == 204,
            "DELETE {calendar_url}: {status}"
        );
    }

    /// Stops the server now; dropping it does the same.
    pub fn stop(&self) {
        let status = Command::new("bash")
            .arg(script())
            .arg("stop")
            .arg(self.dir.path())
            .status();
        if !matches!(status, Ok(status) if status.success()) {
            eprintln!(
                "Radicale in {} did not stop cleanly: {status:?}",
                self.dir.path().display()
            );
        }
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir().join("radicale.log")).unwrap_or_default()
    }

    fn request(&self, user: &str, method: &str, url: &str, body: Option<&str>) -> u16 {
        self.call(user, method, url, body).0
    }

    /// The status and body of the answer to `user`'s request; panics without an answer.
    fn call(&self, user: &str, method: &str, url: &str, body: Option<&str>) -> (u16, String) {
        let mut with_login = url::Url::parse(url).expect("a URL on the server");
        with_login.set_username(user).expect("a user in the URL");
        with_login
            .set_password(Some(self.password(user)))
            .expect("a password in the URL");
        let request = ureq::request(method, with_login.as_str());
        let sent = match body {
            Some(body) => {
                let content_type = if body.starts_with("<?xml") {
                    "application/xml; charset=utf-8"
                } else {
                    "text/calendar; charset=utf-8"
                };
                request.set("Content-Type", content_type).send_string(body)
            }
            None => request.call(),
        };
        match sent {
            Ok(response) | Err(ureq::Error::Status(_, response)) => {
                let status = response.status();
                (status, response.into_string().unwrap_or_default())
            }
            Err(err) => panic!("{method} {url}: {err}"),
        }
    }

    fn value(&self, key: &str) -> &str {
        self.env
            .get(key)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("radicale.env has no {key}"))
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        self.stop();
    }
}

impl std::fmt::Debug for Radicale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Radicale")
            .field("dir", &self.dir.path())
            .field("url", &self.env.get("RADICALE_URL"))
            .finish()
    }
}

/// The script beside this checkout's crates (see `test_stack`'s for why the package folder
/// is read at run time).
fn script() -> PathBuf {
    let crate_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    crate_dir.join("../../scripts/radicale.sh")
}
