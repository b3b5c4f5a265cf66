// Drives the real Confab window: tauri-driver forwards WebDriver to WebKitWebDriver, which
// starts the built app binary with its own data folder.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const targetDir = process.env.CARGO_TARGET_DIR ?? join(repo, "target");
export const appBinary = process.env.CONFAB_APP_BINARY ?? join(targetDir, "debug", "confab-desktop");
// `confab`, built by `cargo build -p confab-cli` (and by the Rust tests).
export const cliBinary = process.env.CONFAB_CLI_BINARY ?? join(targetDir, "debug", "confab");
export const screenshotDir = join(repo, "target", "e2e-screenshots");
// The driver's port (and the next one, WebKitWebDriver's): CONFAB_DRIVER_PORT if set,
// otherwise two free ones found at start, so that other runs on the machine do not collide.
export let driverPort = Number(process.env.CONFAB_DRIVER_PORT ?? 0);

let driver;

// The app's usual folders (config, where window-state keeps the window's place, and data, the
// usual database) are redirected for the whole run: the suite never reads or changes the
// tester's own Confab.
export const appHome = mkdtempSync(join(tmpdir(), "confab-e2e-home-"));
export const appConfigDir = join(appHome, "config", "org.confab.desktop");
// Tauri's app log folder on Linux, under the redirected data folder.
export const appLogDir = join(appHome, "data", "org.confab.desktop", "logs");

/** Waits until something listens on `port`; gives up early once `gaveUp()` says so. */
export function waitForPort(port, timeoutMs, gaveUp = () => false) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolvePort, reject) => {
    const attempt = () => {
      if (gaveUp()) {
        reject(new Error(`the driver stopped before it listened on port ${port}`));
        return;
      }
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolvePort();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listened on port ${port}: is tauri-driver (and webkit2gtk-driver) installed?`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

function portIsFree(port) {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once("error", () => resolveFree(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolveFree(true)));
  });
}

/** Two free ports in a row for the driver and WebKitWebDriver. */
async function freePortPair() {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    if ((await portIsFree(port)) && (await portIsFree(port + 1))) return port;
  }
}

/**
 * Starts a tauri-driver with `spawnOnPort(port)` and waits until it and its WebKitWebDriver
 * listen. A driver that exits at once lost its port to another process between the check and
 * its start: it is started again on new ports (a fixed CONFAB_DRIVER_PORT is not changed).
 */
export async function startDriverOnFreePorts(spawnOnPort) {
  const fixed = process.env.CONFAB_DRIVER_PORT !== undefined;
  for (let attempt = 1; ; attempt++) {
    const port = fixed ? driverPort : await freePortPair();
    const child = spawnOnPort(port);
    let exited = false;
    child.once("exit", () => (exited = true));
    try {
      await waitForPort(port, 15_000, () => exited);
      await waitForPort(port + 1, 15_000, () => exited);
      driverPort = port;
      return child;
    } catch (error) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      if (fixed || attempt >= 5) throw error;
    }
  }
}

export async function startDriver() {
  if (driver) return;
  const binary = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "", ".cargo", "bin", "tauri-driver");
  driver = await startDriverOnFreePorts((port) => {
    const child = spawn(binary, ["--port", String(port), "--native-port", String(port + 1)], {
      // A process group of its own: stopping the driver also stops the WebKitWebDriver and
      // any app window it started, so that no window outlives its test and holds the run's
      // output open (the test runner waits for it).
      detached: true,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(appHome, "config"),
        XDG_DATA_HOME: join(appHome, "data"),
        // No session bus: on the tester's desktop, a test window on the usual database would
        // otherwise find a running Confab through single-instance's D-Bus name and hand over
        // to it.
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(appHome, "no-session-bus")}`,
      },
    });
    child.once("error", (e) => {
      throw new Error(`could not start tauri-driver (${binary}): ${e.message}`);
    });
    return child;
  });
}

export function stopDriver() {
  if (driver?.pid) {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      driver.kill();
    }
  }
  driver = undefined;
}

export function freshDataDir() {
  return mkdtempSync(join(tmpdir(), "confab-e2e-"));
}

/**
 * Starts the app on `dataDir` and returns a WebdriverIO browser for its main window.
 * A `dataDir` of null opens the usual database, as a launch from the menu does.
 * `application` runs another build of the app, such as the one a package installed;
 * `args` are further arguments, such as a file to open.
 */
export async function launch(dataDir, { application = appBinary, args = [] } = {}) {
  if (!existsSync(application)) {
    throw new Error(`no app at ${application}: build it with \`npx tauri build --debug\`, or set CONFAB_APP_BINARY`);
  }
  await startDriver();
  return remote({
    hostname: "127.0.0.1",
    port: driverPort,
    logLevel: "warn",
    connectionRetryCount: 0,
    capabilities: {
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application, args: [...(dataDir === null ? [] : ["--data-dir", dataDir]), ...args] },
    },
  });
}

export async function screenshot(browser, name) {
  mkdirSync(screenshotDir, { recursive: true });
  // Let the page paint what the assertions just saw before the window is captured.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await browser.pause(150);
  await captureWindow(browser, join(screenshotDir, `${name}.png`));
}

/**
 * Saves a capture of the window to `path`. WebKitGTK captures a window after its next
 * presentation, and a page painted without compositing (what Confab chooses on a machine with
 * no GPU, such as under Xvfb) presents a frame only when something on it changes: an idle page
 * is never captured. So a pixel no one can see (opacity 0, then 0.001) changes until it is.
 */
export async function captureWindow(browser, path) {
  await browser.execute(() => {
    const dot = document.createElement("div");
    dot.id = "e2e-capture-tick";
    dot.setAttribute("aria-hidden", "true");
    dot.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;background:#000;opacity:0;pointer-events:none";
    document.body.append(dot);
    let shown = false;
    window.__e2eCaptureTick = setInterval(() => {
      shown = !shown;
      dot.style.opacity = shown ? "0.001" : "0";
    }, 16);
  });
  try {
    await browser.saveScreenshot(path);
  } finally {
    await browser.execute(() => {
      clearInterval(window.__e2eCaptureTick);
      document.getElementById("e2e-capture-tick")?.remove();
    });
  }
}

export function byTestId(browser, id) {
  return browser.$(`[data-testid="${id}"]`);
}

/** Runs `confab --data-dir DIR ARGS… --json` and returns its exit code, output and parsed JSON. */
export function confab(dataDir, args) {
  if (!existsSync(cliBinary)) {
    throw new Error(`no confab at ${cliBinary}: build it with \`cargo build -p confab-cli\`, or set CONFAB_CLI_BINARY`);
  }
  const result = spawnSync(cliBinary, ["--data-dir", dataDir, ...args, "--json"], { encoding: "utf8" });
  if (result.error) throw result.error;
  const text = result.status === 0 ? result.stdout : result.stderr;
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json };
}

/**
 * Clicks `element` once it has stopped moving: a screen whose parts load one after another
 * shifts what is below them, and a click aimed at the old place would land on something else.
 */
export async function clickWhenSettled(browser, element) {
  await element.waitForDisplayed();
  let last = "";
  await browser.waitUntil(
    async () => {
      const { x, y } = await element.getLocation();
      const here = `${x},${y}`;
      const settled = here === last;
      last = here;
      return settled;
    },
    { interval: 250, timeoutMsg: "the element kept moving" },
  );
  await element.click();
}

/**
 * Waits until nothing with `testId` is shown. Each check looks the element up afresh: one
 * looked up once goes stale when React removes it, and WebKitWebDriver then fails the check
 * instead of answering "not shown".
 */
export async function waitForGone(browser, testId, { timeout = 5_000 } = {}) {
  await browser.waitUntil(
    async () => {
      try {
        const found = await browser.$$(`[data-testid="${testId}"]`);
        for (const element of found) {
          if (await element.isDisplayed()) return false;
        }
        return true;
      } catch {
        return false;
      }
    },
    { timeout, timeoutMsg: `${testId} is still shown after ${timeout} ms` },
  );
}
