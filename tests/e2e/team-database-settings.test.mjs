// A researcher joins the lab's team database from Settings → Database in the real window: a
// colleague has set it up already; the researcher checks the connection, uses it, and the
// window loads the lab's studies. The password lives in a real keyring (GNOME Keyring on a
// private session bus), so the next start opens the team database by itself. From the same
// panel the researcher moves their pilot study into the team database and takes a copy of the
// lab's study back. When the server is down at a start, the window says so, shows what it
// last knew read-only, and offers this computer's data again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { byTestId, confab, freshDataDir, screenshot } from "./support/app.mjs";
import { launchWithKeyring, startKeyringDriver, stopKeyringDriver } from "./support/keyring.mjs";
import { createDatabase, startPostgres, stopPostgres } from "./support/postgres.mjs";

let server;

before(async () => {
  server = startPostgres();
  await startKeyringDriver();
});

after(() => {
  stopKeyringDriver();
  stopPostgres(server?.dir);
});

function cli(dataDir, args) {
  const result = confab(dataDir, args);
  assert.equal(result.status, 0, `confab ${args.join(" ")}: ${result.stderr}`);
  return result.json;
}

async function typeInto(browser, testId, value) {
  const input = byTestId(browser, testId);
  await input.waitForDisplayed();
  await input.clearValue();
  if (value !== "") await input.setValue(value);
}

async function studyNames(browser) {
  await byTestId(browser, "study-name").waitForDisplayed({ timeout: 20_000 });
  const names = [];
  for (const cell of await browser.$$('[data-testid="study-name"]')) names.push(await cell.getText());
  return names.sort();
}

async function openDatabaseSettings(browser) {
  await byTestId(browser, "nav-settings").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-settings").click();
  const panel = byTestId(browser, "database-settings");
  await panel.waitForDisplayed({ timeout: 10_000 });
  await panel.scrollIntoView();
}

test("a researcher joins the team database from the settings, keeps it across starts, and gets back when it is down", async () => {
  const url = new URL(createDatabase(server.adminUrl, "lab_shared"));
  // A colleague set the team database up from their computer.
  cli(freshDataDir(), ["--database", url.href, "studies", "create", "--name", "Shared diary study", "--time-zone", "UTC", "--minutes", "30"]);
  // This researcher's own pilot, on their laptop.
  const laptop = freshDataDir();
  cli(laptop, ["studies", "create", "--name", "Pilot on my laptop", "--time-zone", "UTC", "--minutes", "30"]);

  let browser = await launchWithKeyring(laptop);
  try {
    assert.deepEqual(await studyNames(browser), ["Pilot on my laptop"]);
    await openDatabaseSettings(browser);
    assert.equal(await byTestId(browser, "database-place-thisComputer").isSelected(), true);
    await screenshot(browser, "97a-database-on-this-computer");

    await byTestId(browser, "database-place-team").click();
    await typeInto(browser, "database-host", url.hostname);
    await typeInto(browser, "database-port", url.port);
    await typeInto(browser, "database-database", "lab_shared");
    await typeInto(browser, "database-user", decodeURIComponent(url.username));
    // A typo first: said beside the buttons, and nothing changes.
    await typeInto(browser, "database-password", "not-the-password");
    await byTestId(browser, "database-tls").selectByAttribute("value", "off");
    await byTestId(browser, "database-check").click();
    const failed = byTestId(browser, "database-failed");
    await failed.waitForDisplayed({ timeout: 15_000 });
    assert.equal(await failed.getAttribute("data-code"), "database_sign_in");
    assert.match(await failed.getText(), /did not let .* in/);

    await typeInto(browser, "database-password", decodeURIComponent(url.password));
    await byTestId(browser, "database-check").click();
    const checked = byTestId(browser, "database-checked");
    await checked.waitForDisplayed({ timeout: 15_000 });
    assert.match(await checked.getText(), /Signed in to .*lab_shared \(PostgreSQL 1\d\.\d+\)/);
    assert.match(await checked.getText(), /a colleague set it up/);
    await screenshot(browser, "97b-database-team-checked");

    // Used: the window loads afresh on the lab's studies.
    await byTestId(browser, "database-use-team").click();
    await browser.waitUntil(async () => (await studyNames(browser).catch(() => [])).includes("Shared diary study"), {
      timeout: 20_000,
      timeoutMsg: "the window did not show the team database's studies",
    });
    assert.deepEqual(await studyNames(browser), ["Shared diary study"]);
    await openDatabaseSettings(browser);
    assert.equal(await byTestId(browser, "database-place-team").isSelected(), true);
    assert.equal(await byTestId(browser, "database-password").getAttribute("placeholder"), "Saved in the keyring");
    assert.match(await byTestId(browser, "settings-database-path").getText(), /lab_shared/);
    assert.match(await byTestId(browser, "sidebar-team-database").getText(), /Team database\s+127\.0\.0\.1:\d+\/lab_shared/);
    await screenshot(browser, "97c-database-team-in-use");

    // The pilot begun on the laptop moves into the team database, after a question.
    const here = byTestId(browser, "study-here");
    await here.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await here.$(".transfer-name").getText(), "Pilot on my laptop");
    await here.$('[data-testid="study-move"]').click();
    await byTestId(browser, "study-move-confirm").waitForDisplayed();
    await screenshot(browser, "97d-study-move-confirm");
    await byTestId(browser, "study-move-confirm").click();
    const moved = byTestId(browser, "study-transfer-note");
    await moved.waitForDisplayed({ timeout: 15_000 });
    assert.match(await moved.getText(), /Moved “Pilot on my laptop” into the team database/);
    await browser.waitUntil(async () => (await browser.$$('[data-testid="study-here"]')).length === 0, {
      timeoutMsg: "the moved study is still listed on this computer",
    });
    // A copy of the lab's study goes the other way.
    const teamRows = await browser.$$('[data-testid="study-team"]');
    let copied = false;
    for (const row of teamRows) {
      if ((await row.$(".transfer-name").getText()) === "Shared diary study") {
        await row.$('[data-testid="study-copy-here"]').click();
        copied = true;
      }
    }
    assert.ok(copied, "the lab's study is offered for a copy");
    await browser
      .waitUntil(async () => /Copied “Shared diary study” to this computer/.test(await moved.getText()), {
        timeout: 15_000,
        timeoutMsg: "the copy was not reported",
      })
      .catch(async (error) => {
        // Say what the window shows instead: a failure it reported, or the copy still busy. A
        // window too stuck to answer still gets the original error.
        let shown = "no failure shown";
        try {
          await screenshot(browser, "97e-copy-not-reported");
          const failed = byTestId(browser, "study-transfer-failed");
          if (await failed.isExisting()) shown = await failed.getText();
        } catch (reason) {
          shown = `the window did not answer: ${reason.message}`;
        }
        throw new Error(`${error.message} (${shown})`);
      });
    await screenshot(browser, "97e-studies-moved-and-copied");
    await byTestId(browser, "nav-studies").click();
    await browser.waitUntil(async () => (await studyNames(browser)).length === 2, { timeout: 10_000 });
    assert.deepEqual(await studyNames(browser), ["Pilot on my laptop", "Shared diary study"]);
  } finally {
    await browser.deleteSession();
  }

  // The next start opens the team database with the password from the keyring.
  browser = await launchWithKeyring(laptop);
  try {
    assert.deepEqual(await studyNames(browser), ["Pilot on my laptop", "Shared diary study"]);
  } finally {
    await browser.deleteSession();
  }

  // The server is down at the next start: the window says so, and the researcher goes back
  // to the data on this computer: the copy of the lab's study (the pilot moved away).
  stopPostgres(server.dir);
  browser = await launchWithKeyring(laptop);
  try {
    const failure = byTestId(browser, "startup-error");
    await failure.waitForDisplayed({ timeout: 30_000 });
    assert.equal(await failure.getAttribute("data-code"), "database_unreachable");
    assert.match(await failure.getText(), /cannot reach the team database/);
    await byTestId(browser, "database-settings").waitForDisplayed();
    // What the window last knew of the team database, read-only.
    await byTestId(browser, "last-known").waitForDisplayed({ timeout: 10_000 });
    const known = [];
    for (const study of await browser.$$('[data-testid="last-known-study"]')) known.push(await study.$("h3").getText());
    assert.deepEqual(known.sort(), ["Pilot on my laptop", "Shared diary study"]);
    await screenshot(browser, "97f-database-unreachable-at-start");
    await byTestId(browser, "database-place-thisComputer").click();
    await byTestId(browser, "database-use-local").click();
    await browser.waitUntil(async () => (await studyNames(browser).catch(() => [])).includes("Shared diary study"), {
      timeout: 20_000,
      timeoutMsg: "the window did not come back to this computer's studies",
    });
    assert.deepEqual(await studyNames(browser), ["Shared diary study"]);
  } finally {
    await browser.deleteSession();
  }
});
