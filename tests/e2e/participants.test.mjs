// The Participants section of a study, in the real window: import with a bad row, search and
// filter, a status set by hand and its history, and invitations to two participants.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { byTestId, confab, freshDataDir, launch, screenshot, stopDriver, waitForGone } from "./support/app.mjs";

after(stopDriver);

function ok(result) {
  assert.equal(result.status, 0, result.stderr);
  return result.json;
}

/** `YYYY-MM-DDTHH:MM` on the study's wall clock, `days` from today. */
function localDay(days, time) {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}

/** A study with an open session and the researcher's address: what invitations need. */
function prepareStudy() {
  const dataDir = freshDataDir();
  const study = ok(confab(dataDir, ["studies", "create", "--name", "Checkout interviews", "--time-zone", "Europe/Berlin", "--minutes", "45"]));
  ok(confab(dataDir, ["mail", "set", "--name", "Rita Researcher", "--email", "rita@example.org", "--time-zone", "Europe/Berlin"]));
  ok(
    confab(dataDir, [
      "sessions", "add", "--study", String(study.id), "--kind", "window", "--title", "First week",
      "--start", localDay(10, "09:00"), "--end", localDay(10, "17:00"),
    ]),
  );
  const csv = join(dataDir, "participants.csv");
  writeFileSync(
    csv,
    [
      "Name,Email,Time zone,Team",
      "Ada Park,ada@example.org,America/New_York,Payments",
      "Bo Li,bo@example.org,,Checkout",
      "Bad Row,not-an-email,,Checkout",
      "Cy Diaz,cy@example.org,Europe/Berlin,Search",
      "",
    ].join("\n"),
  );
  return { dataDir, studyId: study.id, csv };
}

async function rowOf(browser, name) {
  const rows = await browser.$$('[data-testid="participant-row"]');
  for (const row of rows) {
    if ((await row.$('[data-testid="participant-name"]').getText()) === name) return row;
  }
  throw new Error(`no row for ${name}`);
}

async function shownNames(browser) {
  return browser.$$('[data-testid="participant-name"]').map((cell) => cell.getText());
}

/** Opens a row's `…` menu and chooses an item. */
async function chooseFromMenu(browser, name, item) {
  const row = await rowOf(browser, name);
  await row.$('[data-testid="participant-menu"]').click();
  await byTestId(browser, "participant-menu-content").waitForDisplayed();
  await byTestId(browser, item).click();
}

/** Sets a status from a row's menu with the keyboard, as a researcher can: ↓, → into the submenu, type-ahead, Enter. */
async function chooseStatusFromMenu(browser, name, label) {
  const row = await rowOf(browser, name);
  await row.$('[data-testid="participant-menu"]').click();
  await byTestId(browser, "participant-menu-content").waitForDisplayed();
  await browser.keys("ArrowDown");
  await browser.keys("ArrowRight");
  await byTestId(browser, "menu-status-list").waitForDisplayed();
  await browser.keys(label.slice(0, 4).split(""));
  await screenshot(browser, "participants-07-status-menu");
  await browser.keys("Enter");
}

test("participants: import with a bad row, search, set a status, read its history, invite two", async () => {
  const { dataDir, csv } = prepareStudy();
  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 20_000 });
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "pane-participants").click();
    const empty = byTestId(browser, "participants-empty");
    await empty.waitForDisplayed({ timeout: 15_000 });
    await screenshot(browser, "participants-01-empty");

    // Import: the report shows the bad line, and nothing is written until the valid rows are chosen.
    await byTestId(browser, "import-csv-button").click();
    await byTestId(browser, "import-dialog").waitForDisplayed();
    await byTestId(browser, "import-file").setValue(csv);
    const report = byTestId(browser, "import-report");
    await report.waitForDisplayed({ timeout: 15_000 });
    assert.match(await byTestId(browser, "import-summary").getText(), /Line 4 has a problem/);
    const firstRow = await browser.$('[data-testid="import-row"]');
    assert.equal(await firstRow.getAttribute("data-outcome"), "error");
    assert.match(await firstRow.getText(), /not-an-email/);
    const submit = byTestId(browser, "import-submit");
    assert.equal(await submit.getText(), "Import the 3 valid rows");
    await screenshot(browser, "participants-02-import-report");
    await submit.click();
    await byTestId(browser, "import-result").waitForDisplayed({ timeout: 15_000 });
    assert.match(await byTestId(browser, "import-totals").getText(), /3 new participants added/);
    await screenshot(browser, "participants-03-import-done");
    await byTestId(browser, "import-done").click();
    await waitForGone(browser, "import-dialog");

    await byTestId(browser, "participant-row").waitForDisplayed({ timeout: 15_000 });
    await screenshot(browser, "participants-04-list");
    assert.deepEqual(await shownNames(browser), ["Ada Park", "Bo Li", "Cy Diaz"]);
    assert.match(await byTestId(browser, "participants-count").getText(), /3 participants/);
    // Ada's zone differs from the researcher's and is shown; Cy's is the same and is not.
    assert.match(await (await rowOf(browser, "Ada Park")).getText(), /New York/);
    assert.doesNotMatch(await (await rowOf(browser, "Cy Diaz")).getText(), /Berlin/);

    // Search as one types ("/" focuses the box), then the status filter.
    await browser.keys("/");
    await browser.keys("checkout");
    await browser.waitUntil(async () => (await shownNames(browser)).length === 1, { timeoutMsg: "search did not filter" });
    assert.deepEqual(await shownNames(browser), ["Bo Li"]);
    await screenshot(browser, "participants-05-search");
    await browser.keys("Escape");
    await browser.waitUntil(async () => (await shownNames(browser)).length === 3, { timeoutMsg: "Escape did not clear" });
    await byTestId(browser, "participant-search").setValue("nobody at all");
    await byTestId(browser, "participants-no-matches").waitForDisplayed();
    await screenshot(browser, "participants-06-no-matches");
    await byTestId(browser, "clear-filters").click();
    await byTestId(browser, "participant-row").waitForDisplayed();
    await byTestId(browser, "status-filter").selectByAttribute("value", "added");
    assert.equal(await byTestId(browser, "status-filter").$("option:checked").getText(), "Added (3)");
    await byTestId(browser, "status-filter").selectByAttribute("value", "");

    // A status set by hand, through the confirmation that names the change.
    await chooseStatusFromMenu(browser, "Bo Li", "Completed");
    const statusDialog = byTestId(browser, "status-dialog");
    await statusDialog.waitForDisplayed();
    assert.equal(await byTestId(browser, "status-question").getText(), "Change Bo Li from Added to Completed?");
    await byTestId(browser, "status-reason").setValue("Interviewed by phone");
    await screenshot(browser, "participants-08-status-confirm");
    await byTestId(browser, "status-confirm").click();
    await waitForGone(browser, "status-dialog");
    await browser.waitUntil(
      async () => (await (await rowOf(browser, "Bo Li")).$('[data-testid="participant-status"]').getText()) === "Completed",
      { timeout: 10_000, timeoutMsg: "Bo Li's row did not show Completed" },
    );
    await screenshot(browser, "participants-09-status-set");

    await chooseFromMenu(browser, "Bo Li", "menu-history");
    await byTestId(browser, "history-dialog").waitForDisplayed();
    await byTestId(browser, "history-entry").waitForDisplayed({ timeout: 10_000 });
    const newest = await browser.$('[data-testid="history-entry"]').getText();
    assert.match(newest, /Status changed/);
    assert.match(newest, /Added\s*→\s*Completed/);
    assert.match(newest, /Interviewed by phone/);
    await screenshot(browser, "participants-10-history");
    await byTestId(browser, "history-close").click();
    await waitForGone(browser, "history-dialog");

    // Two participants selected and invited: the report says what went to the Outbox.
    await (await rowOf(browser, "Ada Park")).$('[data-testid="participant-select"]').click();
    await (await rowOf(browser, "Cy Diaz")).$('[data-testid="participant-select"]').click();
    assert.equal(await byTestId(browser, "selection-count").getText(), "2 selected");
    await screenshot(browser, "participants-11-selected");
    await byTestId(browser, "bulk-invite").click();
    await byTestId(browser, "invite-report").waitForDisplayed({ timeout: 15_000 });
    assert.equal(
      await byTestId(browser, "invite-queued").getText(),
      "2 invitations are in the Outbox, ready for the next Sync.",
    );
    await screenshot(browser, "participants-12-invite-report");
    await byTestId(browser, "invite-close").click();
    await browser.waitUntil(
      async () => (await (await rowOf(browser, "Ada Park")).$('[data-testid="participant-status"]').getText()) === "Invited",
      { timeout: 10_000, timeoutMsg: "Ada Park's row did not show Invited" },
    );
    await screenshot(browser, "participants-13-invited");

    // Adding one by hand: the back end's message lands next to the field it is about.
    await byTestId(browser, "add-participant-button").click();
    await byTestId(browser, "participant-dialog").waitForDisplayed();
    await byTestId(browser, "participant-name-input").setValue("Di Evans");
    await byTestId(browser, "participant-email-input").setValue("di.example.org");
    await byTestId(browser, "participant-submit").click();
    await byTestId(browser, "participant-email-error").waitForDisplayed({ timeout: 10_000 });
    await screenshot(browser, "participants-14-add-error");
    await byTestId(browser, "participant-email-input").setValue("di@example.org");
    await byTestId(browser, "participant-submit").click();
    await waitForGone(browser, "participant-dialog");
    await browser.waitUntil(async () => (await shownNames(browser)).includes("Di Evans"), {
      timeout: 10_000,
      timeoutMsg: "the new participant is not listed",
    });
    await screenshot(browser, "participants-15-added");
  } finally {
    await browser.deleteSession();
  }

  // What the window did is what the database holds.
  const listed = ok(confab(dataDir, ["participants", "list", "--study", "1"]));
  const statuses = Object.fromEntries(listed.map((p) => [p.name, p.status]));
  assert.deepEqual(statuses, { "Ada Park": "invited", "Bo Li": "completed", "Cy Diaz": "invited", "Di Evans": "added" });
});

test("participants: a recruiting tool's export in Windows-1252 with first and last names imports without editing", async () => {
  const { dataDir } = prepareStudy();
  const csv = join(dataDir, "export-windows.csv");
  // As Excel on Windows saves "CSV (semicolon)": one byte per accented letter, not UTF-8.
  const latin1 = (text) => Buffer.from(text, "latin1");
  writeFileSync(
    csv,
    Buffer.concat([
      latin1("First Name;Last Name;Email\r\n"),
      latin1("Jörg;Müller;joerg@example.org\r\n"),
      latin1("Françoise;Béranger;francoise@example.org\r\n"),
    ]),
  );
  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 20_000 });
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "pane-participants").click();
    await byTestId(browser, "participants-empty").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "import-csv-button").click();
    await byTestId(browser, "import-dialog").waitForDisplayed();
    await byTestId(browser, "import-file").setValue(csv);
    await byTestId(browser, "import-report").waitForDisplayed({ timeout: 15_000 });
    assert.equal(await byTestId(browser, "import-encoding").getText(), "Read as Western European (Windows-1252) text.");
    const names = await browser.$$('[data-testid="import-row"]').map((row) => row.getText());
    assert.ok(names.some((text) => text.includes("Jörg Müller")), names.join(" | "));
    assert.ok(names.some((text) => text.includes("Françoise Béranger")), names.join(" | "));
    await screenshot(browser, "participants-16-windows-file-preview");
    await byTestId(browser, "import-submit").click();
    await byTestId(browser, "import-result").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "import-done").click();
    await waitForGone(browser, "import-dialog");
    await browser.waitUntil(async () => (await shownNames(browser)).includes("Jörg Müller"), {
      timeout: 10_000,
      timeoutMsg: "the imported names are not listed as written",
    });
  } finally {
    await browser.deleteSession();
  }
  const listed = ok(confab(dataDir, ["participants", "list", "--study", "1"]));
  assert.deepEqual(listed.map((p) => p.name).sort(), ["Françoise Béranger", "Jörg Müller"]);
});
