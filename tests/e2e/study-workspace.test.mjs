// A study's workspace in the real window: the Overview of a new study, its Study settings kept
// across reopening, a rename that the sidebar follows, and archiving.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { byTestId, freshDataDir, launch, screenshot, stopDriver, waitForGone } from "./support/app.mjs";

after(stopDriver);

async function createStudy(browser, name, { first = false } = {}) {
  await byTestId(browser, first ? "create-study-button" : "new-study-button").click();
  const dialog = byTestId(browser, "study-dialog");
  await dialog.waitForDisplayed();
  await byTestId(browser, "study-name-input").setValue(name);
  const zone = byTestId(browser, "study-timezone-input");
  await zone.clearValue();
  await zone.setValue("Europe/Berlin");
  await byTestId(browser, "study-submit").click();
  await waitForGone(browser, "study-dialog");
}

async function openStudy(browser, name) {
  await byTestId(browser, "nav-studies").click();
  await browser.waitUntil(async () => (await studyNames(browser)).includes(name), {
    timeout: 10_000,
    timeoutMsg: `${name} is not on the Studies list`,
  });
  for (const button of await browser.$$('[data-testid="study-name"]')) {
    if ((await button.getText()) === name) {
      await button.click();
      break;
    }
  }
  await byTestId(browser, "pane-overview-screen").waitForDisplayed();
}

async function studyNames(browser) {
  return browser.$$('[data-testid="study-name"]').map((e) => e.getText());
}

async function replace(browser, testId, value) {
  const input = byTestId(browser, testId);
  await input.waitForDisplayed();
  await input.clearValue();
  if (value !== "") await input.setValue(value);
}

async function saveSettings(browser) {
  await byTestId(browser, "settings-save").click();
  await browser.waitUntil(async () => (await byTestId(browser, "settings-save-status").getText()).includes("Saved"), {
    timeout: 10_000,
    timeoutMsg: "the settings were not saved",
  });
}

test("a new study's overview, settings kept after reopening, a rename, and archiving", async () => {
  const browser = await launch(freshDataDir());
  try {
    await byTestId(browser, "studies-empty").waitForDisplayed({ timeout: 15_000 });
    await createStudy(browser, "Checkout study", { first: true });
    await byTestId(browser, "study-row").waitForDisplayed();
    await createStudy(browser, "Old pilot");
    await browser.waitUntil(async () => (await studyNames(browser)).length === 2);
    await screenshot(browser, "20-workspace-two-studies");

    // A new study's Overview says what to do first.
    await openStudy(browser, "Checkout study");
    const empty = byTestId(browser, "overview-empty");
    await empty.waitForDisplayed({ timeout: 10_000 });
    assert.match(await empty.getText(), /Add sessions/);
    assert.match(await empty.getText(), /import a CSV/);
    assert.equal(await byTestId(browser, "overview-next-empty").isDisplayed(), true);
    await screenshot(browser, "21-workspace-overview-empty");

    // Its first steps open the sections they name, as the sidebar does.
    await byTestId(browser, "overview-step-sessions").click();
    await byTestId(browser, "pane-sessions-screen").waitForDisplayed({ timeout: 10_000 });
    assert.equal(await byTestId(browser, "pane-sessions").getAttribute("aria-current"), "page");
    await byTestId(browser, "pane-overview").click();
    await byTestId(browser, "overview-step-participants").waitForDisplayed({ timeout: 10_000 });
    await byTestId(browser, "overview-step-participants").click();
    await byTestId(browser, "pane-participants-screen").waitForDisplayed({ timeout: 10_000 });
    assert.equal(await byTestId(browser, "pane-participants").getAttribute("aria-current"), "page");

    // Study settings: self-scheduling off, a conferencing link, a cap per day.
    await byTestId(browser, "pane-study-settings").click();
    await byTestId(browser, "study-settings-form").waitForDisplayed({ timeout: 10_000 });
    await screenshot(browser, "22-workspace-settings");
    const selfScheduling = byTestId(browser, "setting-selfScheduling");
    assert.equal(await selfScheduling.isSelected(), true);
    // The switch's label is the larger target, as a researcher would click it.
    await byTestId(browser, "setting-selfScheduling-switch").click();
    assert.equal(await selfScheduling.isSelected(), false);
    assert.match(await byTestId(browser, "self-scheduling-explained").getText(), /Pending/);
    await replace(browser, "setting-conferencingUrl", "https://meet.example.org/checkout");
    await replace(browser, "setting-maxPerDay", "3");

    // A wrong value is refused on its field, with the back end's words.
    await replace(browser, "setting-bufferAfterMinutes", "999");
    await byTestId(browser, "settings-save").click();
    const bufferError = byTestId(browser, "setting-bufferAfterMinutes-error");
    await bufferError.waitForDisplayed({ timeout: 10_000 });
    assert.match(await bufferError.getText(), /buffer after/i);
    await screenshot(browser, "23-workspace-settings-field-error");
    await replace(browser, "setting-bufferAfterMinutes", "10");
    await saveSettings(browser);
    await screenshot(browser, "24-workspace-settings-saved");

    // Reopening the study shows what was saved.
    await openStudy(browser, "Checkout study");
    await byTestId(browser, "pane-study-settings").click();
    await byTestId(browser, "study-settings-form").waitForDisplayed({ timeout: 10_000 });
    assert.equal(await byTestId(browser, "setting-selfScheduling").isSelected(), false);
    assert.equal(await byTestId(browser, "setting-conferencingUrl").getValue(), "https://meet.example.org/checkout");
    assert.equal(await byTestId(browser, "setting-maxPerDay").getValue(), "3");
    assert.equal(await byTestId(browser, "setting-bufferAfterMinutes").getValue(), "10");

    // Unsaved changes outlive leaving the section, and come back with a note.
    await replace(browser, "setting-location", "Room 2.14");
    await byTestId(browser, "pane-overview").click();
    await byTestId(browser, "pane-overview-screen").waitForDisplayed();
    await byTestId(browser, "pane-study-settings").click();
    await byTestId(browser, "settings-draft-restored").waitForDisplayed({ timeout: 10_000 });
    assert.equal(await byTestId(browser, "setting-location").getValue(), "Room 2.14");
    await screenshot(browser, "25-workspace-settings-draft-restored");
    await byTestId(browser, "settings-discard-restored").click();
    assert.equal(await byTestId(browser, "setting-location").getValue(), "");

    // A rename shows in the sidebar at once.
    await replace(browser, "setting-name", "Checkout usability");
    await saveSettings(browser);
    await browser.waitUntil(async () => (await byTestId(browser, "nav-study-name").getProperty("textContent")) === "Checkout usability", {
      timeout: 5_000,
      timeoutMsg: "the sidebar kept the old name",
    });
    await screenshot(browser, "26-workspace-renamed");

    // Archiving the second study: a confirmation, then it leaves the list.
    await openStudy(browser, "Old pilot");
    await byTestId(browser, "pane-study-settings").click();
    await byTestId(browser, "archive-study-button").waitForDisplayed({ timeout: 10_000 });
    await byTestId(browser, "archive-study-button").click();
    const dialog = byTestId(browser, "archive-dialog");
    await dialog.waitForDisplayed();
    assert.match(await dialog.getText(), /Nothing is deleted/);
    await screenshot(browser, "27-workspace-archive-confirmation");
    await byTestId(browser, "archive-confirm").click();
    await byTestId(browser, "screen-studies").waitForDisplayed({ timeout: 10_000 });
    await browser.waitUntil(async () => {
      const names = await studyNames(browser);
      return names.length === 1 && names[0] === "Checkout usability";
    }, { timeout: 10_000, timeoutMsg: "the archived study is still listed" });
    await screenshot(browser, "28-workspace-after-archive");
  } finally {
    await browser.deleteSession();
  }
});
