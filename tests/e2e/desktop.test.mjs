// The window's remembered place belongs to the usual database only: a launch on another
// data folder (every other test here) always opens at the configured size. And how WebKit is
// told to draw the window on the machine it runs on, and in which font it writes.
import assert from "node:assert/strict";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { appConfigDir, appHome, byTestId, freshDataDir, launch, screenshot, stopDriver } from "./support/app.mjs";

after(stopDriver);

const stateFile = join(appConfigDir, ".window-state.json");

// What tauri-plugin-window-state writes when the window is closed at 1000 × 700.
beforeEach(() => {
  mkdirSync(appConfigDir, { recursive: true });
  const main = { width: 1000, height: 700, x: 20, y: 20, prev_x: 20, prev_y: 20, maximized: false, visible: true, decorated: true, fullscreen: false };
  writeFileSync(stateFile, JSON.stringify({ main }));
});
after(() => rmSync(stateFile, { force: true }));

// The window's own size; the page inside is shorter by the height of the menu bar.
async function windowSize(browser) {
  return browser.execute(() => [window.outerWidth, window.outerHeight]);
}

test("on the usual database the window reopens at the size it was left at", async () => {
  const browser = await launch(null);
  try {
    await byTestId(browser, "studies-empty").waitForDisplayed({ timeout: 15_000 });
    assert.deepEqual(await windowSize(browser), [1000, 700]);
    await screenshot(browser, "30-window-size-remembered");
  } finally {
    await browser.deleteSession();
  }
});

test("on another data folder the window opens at its configured size", async () => {
  const browser = await launch(freshDataDir());
  try {
    await byTestId(browser, "studies-empty").waitForDisplayed({ timeout: 15_000 });
    assert.deepEqual(await windowSize(browser), [1200, 800]);
  } finally {
    await browser.deleteSession();
  }
});

/** The processes whose command line holds `argument`. */
function processesWith(argument) {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(argument);
      } catch {
        return false;
      }
    });
}

/** The WebKit web processes started by `parent`, with their environments. */
function webProcessesOf(parent) {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
        if (ppid !== parent || !readlinkSync(`/proc/${pid}/exe`).endsWith("/WebKitWebProcess")) return [];
        return [readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")];
      } catch {
        return [];
      }
    });
}

/** Whether this machine has a GPU render node this user may draw with, as Confab decides it. */
function openableRenderNode() {
  let names = [];
  try {
    names = readdirSync("/dev/dri").filter((name) => name.startsWith("renderD"));
  } catch {
    return false;
  }
  return names.some((name) => {
    try {
      closeSync(openSync(join("/dev/dri", name), "r+"));
      return true;
    } catch {
      return false;
    }
  });
}

test("the window writes in the desktop's own font, the one GTK's settings name", async (t) => {
  // What a desktop writes into GTK's settings; a serif face, so that it cannot be mistaken for
  // the sans-serif one the window would otherwise fall back to.
  const settings = join(appHome, "config", "gtk-3.0", "settings.ini");
  mkdirSync(dirname(settings), { recursive: true });
  writeFileSync(settings, "[Settings]\ngtk-font-name=DejaVu Serif 11\n");
  // Removed whatever happens, so that the file's other tests start with GTK's defaults.
  t.after(() => rmSync(settings, { force: true }));
  const browser = await launch(freshDataDir());
  try {
    const empty = await byTestId(browser, "studies-empty");
    await empty.waitForDisplayed({ timeout: 15_000 });
    // The same words at the same size in the window's own font and in the two faces named.
    const widths = await browser.execute((within) => {
      const width = (family) => {
        const probe = document.createElement("span");
        probe.style.cssText = "position:absolute;white-space:nowrap;font-size:20px;font-weight:400";
        if (family) probe.style.fontFamily = family;
        probe.textContent = "Invite participants to an interview";
        within.append(probe);
        const measured = probe.getBoundingClientRect().width;
        probe.remove();
        return measured;
      };
      return { window: width(null), serif: width('"DejaVu Serif"'), sans: width('"DejaVu Sans"') };
    }, empty);
    assert.notEqual(widths.serif, widths.sans, "DejaVu Serif and DejaVu Sans must both be installed (fonts-dejavu-core)");
    assert.equal(widths.window, widths.serif, `the window writes in another font than the desktop's (${JSON.stringify(widths)})`);
    await screenshot(browser, "32-studies-in-the-desktops-font");
  } finally {
    await browser.deleteSession();
  }
});

test("without a GPU to draw with, WebKit paints the window without compositing; with one, as it would anyway", async () => {
  const dataDir = freshDataDir();
  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "studies-empty").waitForDisplayed({ timeout: 15_000 });
    const [app] = processesWith(dataDir);
    assert.ok(app, "the app's process is running");
    const environments = webProcessesOf(app);
    assert.ok(environments.length > 0, "the app started a WebKit web process");
    const set = environments[0].find((entry) => entry.startsWith("WEBKIT_DISABLE_COMPOSITING_MODE="));
    const software = !openableRenderNode() || !["", "0", "false", undefined].includes(process.env.LIBGL_ALWAYS_SOFTWARE);
    const expected =
      process.env.WEBKIT_DISABLE_COMPOSITING_MODE !== undefined
        ? `WEBKIT_DISABLE_COMPOSITING_MODE=${process.env.WEBKIT_DISABLE_COMPOSITING_MODE}`
        : software
          ? "WEBKIT_DISABLE_COMPOSITING_MODE=1"
          : undefined;
    assert.equal(set, expected);
    await screenshot(browser, "31-studies-drawn-on-this-machine");
  } finally {
    await browser.deleteSession();
  }
});
