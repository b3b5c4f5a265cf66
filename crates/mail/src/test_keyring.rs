//! Runs a test inside a private D-Bus session with its own unlocked GNOME Keyring and home
//! folder, so it never touches the keyring of the person running it, in this crate and in
//! the crates that take it with the test-stack feature. Linux only: elsewhere the OS
//! keyring is the user's own and is not started per test.
//!
//! Needs the packages dbus and gnome-keyring.

use std::path::Path;
use std::process::Command;

/// Set in the private session, so the test runs instead of starting another session.
const IN_PRIVATE_KEYRING: &str = "CONFAB_TEST_IN_PRIVATE_KEYRING";

/// Runs `body` when already in the private session; otherwise runs this test binary again,
/// only `test`, in one, and fails if that run fails or does not run the test.
pub fn in_private_keyring(test: &str, body: impl FnOnce()) {
    if std::env::var_os(IN_PRIVATE_KEYRING).is_some() {
        body();
    } else {
        rerun_in_private_keyring(test);
    }
}

fn rerun_in_private_keyring(test: &str) {
    let home = tempfile::tempdir().expect("a temporary home folder");
    let runtime_dir = home.path().join("run");
    std::fs::create_dir(&runtime_dir).expect("a runtime folder");
    set_private(&runtime_dir);
    // The keyring daemon unlocks a new login keyring with the password on its input, then
    // the shell becomes the test binary ($0) with its arguments.
    let start_keyring = concat!(
        "echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ",
        r#"exec "$0" "$@""#
    );
    let output = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", start_keyring])
        .arg(std::env::current_exe().expect("the test binary's path"))
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(IN_PRIVATE_KEYRING, "1")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_RUNTIME_DIR", &runtime_dir)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .expect("dbus-run-session runs (apt-get install dbus gnome-keyring)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(output.status.success(), "the private keyring run failed");
    assert!(
        stdout.contains("test result: ok. 1 passed"),
        "the private keyring run did not run the test"
    );
}

fn set_private(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .expect("a private runtime folder");
}
