// The window's remembered place belongs to the usual database only: a launch on another
// data folder (every other test here) always opens at the configured size.
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { appConfigDir, byTestId, freshDataDir, launch, screenshot, stopDriver } from "./support/app.mjs";

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
