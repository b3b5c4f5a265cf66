// Help → About and Settings' logs section: the version the app was built as, where its data
// and its log are, and a log file that exists as soon as the app has started.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { appLogDir, byTestId, clickWhenSettled, freshDataDir, launch, screenshot, stopDriver, waitForGone } from "./support/app.mjs";

after(stopDriver);

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const version = JSON.parse(readFileSync(join(repo, "tauri.conf.json"), "utf8")).version;

function logFiles() {
  return existsSync(appLogDir) ? readdirSync(appLogDir).filter((f) => /^confab\..+\.log$/.test(f)) : [];
}

test("Settings shows the logs folder with its button, and the log is written from the start", async () => {
  const dataDir = freshDataDir();
  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "studies-empty").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "nav-settings").click();
    await byTestId(browser, "open-logs-button").waitForDisplayed();
    assert.equal(await byTestId(browser, "open-logs-button").getText(), "Open logs folder");
    await browser.waitUntil(async () => (await byTestId(browser, "settings-log-dir").getText()) === appLogDir, {
      timeoutMsg: `the logs folder shown is not ${appLogDir}`,
    });
    await screenshot(browser, "40-settings-logs");

    const files = logFiles();
    assert.equal(files.length, 1, `expected one log file in ${appLogDir}, found: ${files.join(", ")}`);
    const log = readFileSync(join(appLogDir, files[0]), "utf8");
    assert.match(log, /Confab started/);
    assert.ok(log.includes(dataDir), "the log names the data folder this run opened");
  } finally {
    await browser.deleteSession();
  }
});

test("About, from Settings, shows the version, the data folder and the license", async () => {
  const dataDir = freshDataDir();
  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "studies-empty").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "nav-settings").click();
    // Settings' mail and template parts load after the page and push the link down.
    await clickWhenSettled(browser, byTestId(browser, "settings-about-link"));
    const dialog = byTestId(browser, "about-dialog");
    await dialog.waitForDisplayed();
    await byTestId(browser, "about-version").waitForDisplayed();
    assert.equal(await byTestId(browser, "about-version").getText(), version);
    assert.equal(await byTestId(browser, "about-data-dir").getText(), dataDir);
    assert.equal(await byTestId(browser, "about-log-dir").getText(), appLogDir);
    assert.equal(await byTestId(browser, "about-license").getText(), "MIT");
    await screenshot(browser, "41-about");
    await byTestId(browser, "about-close").click();
    await waitForGone(browser, "about-dialog");
  } finally {
    await browser.deleteSession();
  }
});
