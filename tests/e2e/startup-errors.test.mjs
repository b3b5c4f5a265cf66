import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { byTestId, freshDataDir, launch, screenshot, stopDriver } from "./support/app.mjs";

after(stopDriver);

test("a damaged database is reported in the window and left untouched", async () => {
  const dataDir = freshDataDir();
  const file = join(dataDir, "confab.sqlite3");
  const garbage = Buffer.from("a spreadsheet saved under the wrong name\n".repeat(100));
  writeFileSync(file, garbage);
  const browser = await launch(dataDir);
  try {
    const message = byTestId(browser, "startup-error");
    await message.waitForDisplayed({ timeout: 15_000 });
    assert.equal(await message.getAttribute("data-code"), "database_corrupt");
    const text = await message.getText();
    assert.match(text, /damaged or is not a Confab database/);
    assert.match(text, /Restore a backup/);
    await screenshot(browser, "10-startup-error-corrupt-database");
  } finally {
    await browser.deleteSession();
  }
  assert.deepEqual(readFileSync(file), garbage);
});

test("a data folder that cannot be written is reported in the window", async () => {
  const parent = freshDataDir();
  const blocker = join(parent, "not-a-folder");
  writeFileSync(blocker, "");
  const browser = await launch(join(blocker, "data"));
  try {
    const message = byTestId(browser, "startup-error");
    await message.waitForDisplayed({ timeout: 15_000 });
    assert.equal(await message.getAttribute("data-code"), "data_folder_unusable");
    assert.match(await message.getText(), /cannot write to its data folder/);
    await screenshot(browser, "11-startup-error-data-folder");
  } finally {
    await browser.deleteSession();
  }
});
