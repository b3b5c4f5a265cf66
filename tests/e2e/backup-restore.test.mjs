// Back up and restore as `confab backup` and `confab restore` do them (the menu's file dialogs
// cannot be driven from here; both call the same service): the restored database is the one
// the window shows after a restart.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { byTestId, confab, freshDataDir, launch, screenshot, stopDriver } from "./support/app.mjs";

after(stopDriver);

function create(dataDir, name) {
  const created = confab(dataDir, ["studies", "create", "--name", name, "--time-zone", "Europe/Berlin"]);
  assert.equal(created.status, 0, created.stderr);
}

async function studyNames(browser) {
  await byTestId(browser, "study-row").waitForDisplayed({ timeout: 15_000 });
  return (await browser.$$('[data-testid="study-name"]').map((e) => e.getText())).sort();
}

// The window's process may still be closing its database just after the session ends.
async function restore(dataDir, file) {
  for (let attempt = 0; ; attempt++) {
    const result = confab(dataDir, ["restore", file]);
    if (result.status === 0 || attempt === 20 || !/open in another program/.test(result.stderr)) return result;
    await sleep(250);
  }
}

test("a backup restored later is what the window shows after a restart", async () => {
  const dataDir = freshDataDir();
  const backup = join(mkdtempSync(join(tmpdir(), "confab-e2e-backups-")), "friday.sqlite3");
  create(dataDir, "Kept in the backup");
  const made = confab(dataDir, ["backup", backup]);
  assert.equal(made.status, 0, made.stderr);
  assert.equal(made.json.path, backup);
  create(dataDir, "Added after the backup");

  let browser = await launch(dataDir);
  try {
    assert.deepEqual(await studyNames(browser), ["Added after the backup", "Kept in the backup"]);
    await screenshot(browser, "42-before-restore");
  } finally {
    await browser.deleteSession();
  }

  // A file that is not a Confab backup is refused, and nothing changes.
  const notes = join(dataDir, "notes.txt");
  writeFileSync(notes, "not a database");
  const refused = confab(dataDir, ["restore", notes]);
  assert.equal(refused.status, 2, refused.stderr);
  assert.match(refused.json.message, /is not an SQLite database/);

  const restored = await restore(dataDir, backup);
  assert.equal(restored.status, 0, restored.stderr);
  assert.ok(existsSync(restored.json.previousKeptAt), "the database as it was is kept");

  browser = await launch(dataDir);
  try {
    assert.deepEqual(await studyNames(browser), ["Kept in the backup"]);
    await screenshot(browser, "43-after-restore");
  } finally {
    await browser.deleteSession();
  }
});
