import assert from "node:assert/strict";
import { after, test } from "node:test";
import { byTestId, freshDataDir, launch, screenshot, stopDriver, waitForGone } from "./support/app.mjs";

after(stopDriver);

test("a study created in the window is still there after a restart", async () => {
  const dataDir = freshDataDir();
  let browser = await launch(dataDir);
  try {
    assert.equal(await browser.getTitle(), "Confab");
    const empty = byTestId(browser, "studies-empty");
    await empty.waitForDisplayed({ timeout: 15_000 });
    await screenshot(browser, "01-studies-empty");

    await byTestId(browser, "create-study-button").click();
    const dialog = byTestId(browser, "study-dialog");
    await dialog.waitForDisplayed();
    // Submitting an empty name is refused in the dialog before anything is saved.
    await byTestId(browser, "study-submit").click();
    await byTestId(browser, "study-name-error").waitForDisplayed();
    await screenshot(browser, "02-new-study-dialog-with-errors");

    await byTestId(browser, "study-name-input").setValue("Checkout usability");
    await byTestId(browser, "study-description-input").setValue("Why people abandon their carts");
    const zone = byTestId(browser, "study-timezone-input");
    await zone.clearValue();
    await zone.setValue("America/New_York");
    const minutes = byTestId(browser, "study-minutes-input");
    await minutes.clearValue();
    await minutes.setValue("45");
    await screenshot(browser, "03-new-study-dialog-filled");
    await byTestId(browser, "study-submit").click();
    await waitForGone(browser, "study-dialog");

    const row = byTestId(browser, "study-row");
    await row.waitForDisplayed();
    assert.equal(await byTestId(browser, "study-name").getText(), "Checkout usability");
    assert.match(await row.getText(), /America\/New_York/);
    assert.match(await row.getText(), /45 min/);
    await screenshot(browser, "04-studies-list");

    // The study opens in its workspace, with its sections in the sidebar.
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "nav-study-name").waitForDisplayed();
    assert.equal(await byTestId(browser, "nav-study-name").getAttribute("title"), "Checkout usability");
    for (const pane of ["overview", "participants", "sessions", "interviews", "study-settings"]) {
      const entry = byTestId(browser, `pane-${pane}`);
      await entry.click();
      await browser.waitUntil(async () => (await entry.getAttribute("aria-current")) === "page", {
        timeoutMsg: `the ${pane} section did not open`,
      });
      await browser.$("main h1").waitForDisplayed();
    }
    for (const screen of ["outbox", "settings"]) {
      await byTestId(browser, `nav-${screen}`).click();
      await byTestId(browser, `screen-${screen}`).waitForDisplayed();
      await screenshot(browser, `05-${screen}`);
    }
    assert.equal(await byTestId(browser, "settings-data-dir").getText(), dataDir);
  } finally {
    await browser.deleteSession();
  }

  browser = await launch(dataDir);
  try {
    await byTestId(browser, "study-row").waitForDisplayed({ timeout: 15_000 });
    const names = await browser.$$('[data-testid="study-name"]').map((e) => e.getText());
    assert.deepEqual(names, ["Checkout usability"]);
    await screenshot(browser, "06-studies-after-restart");
  } finally {
    await browser.deleteSession();
  }
});

test("the demo study can be loaded from the empty state", async () => {
  const browser = await launch(freshDataDir());
  try {
    await byTestId(browser, "load-demo-button").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "load-demo-button").click();
    await byTestId(browser, "study-row").waitForDisplayed();
    assert.match(await byTestId(browser, "study-name").getText(), /^Demo: /);
    await screenshot(browser, "07-demo-study");
  } finally {
    await browser.deleteSession();
  }
});
