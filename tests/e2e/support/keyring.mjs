// A window whose app can reach a real, unlocked Secret Service: the shared launcher gives the
// app a dead session bus on purpose, so tests of the keyring start their own tauri-driver
// inside `dbus-run-session`, with GNOME Keyring unlocked on that private bus.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { remote } from "webdriverio";
import { appBinary, driverPort, startDriverOnFreePorts } from "./app.mjs";

let keyringDriver;

export async function startKeyringDriver() {
  const driverBinary = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "", ".cargo", "bin", "tauri-driver");
  const home = mkdtempSync(join(tmpdir(), "confab-e2e-keyring-"));
  const runtime = join(home, "run");
  mkdirSync(runtime, { mode: 0o700 });
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    XDG_RUNTIME_DIR: runtime,
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  // The keyring daemon unlocks a new login keyring with the password on its input; the shell
  // then becomes tauri-driver, whose app inherits the private bus.
  const script = 'echo -n e2e-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" "$@"';
  keyringDriver = await startDriverOnFreePorts((port) =>
    spawn(
      "dbus-run-session",
      ["--", "sh", "-c", script, driverBinary, "--port", String(port), "--native-port", String(port + 1)],
      { env, stdio: ["ignore", "inherit", "inherit"], detached: true },
    ),
  );
}

export function stopKeyringDriver() {
  if (!keyringDriver) return;
  try {
    // Its own process group: the bus, the keyring, the driver and the app all end together.
    process.kill(-keyringDriver.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
  keyringDriver = undefined;
}

export async function launchWithKeyring(dataDir) {
  return remote({
    hostname: "127.0.0.1",
    port: driverPort,
    logLevel: "warn",
    connectionRetryCount: 0,
    capabilities: {
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: appBinary, args: ["--data-dir", dataDir] },
    },
  });
}
