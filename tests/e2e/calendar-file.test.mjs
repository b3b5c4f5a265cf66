// Opening an .ics file with Confab (a file manager's "Open with", which passes the path as an
// argument) asks whose busy times it holds and imports them.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { byTestId, confab, freshDataDir, launch, screenshot, stopDriver, waitForGone } from "./support/app.mjs";

after(stopDriver);

const stamp = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");

function calendar(days) {
  const events = days.map((day, i) => {
    const start = new Date(Date.now() + day * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const end = new Date(start.getTime() + 90 * 60_000);
    return ["BEGIN:VEVENT", `UID:busy-${i}@e2e.test`, `DTSTAMP:${stamp(new Date())}`, `DTSTART:${stamp(start)}`, `DTEND:${stamp(end)}`, "SUMMARY:Lab meeting", "END:VEVENT"];
  });
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Confab e2e//EN", ...events.flat(), "END:VCALENDAR", ""].join("\r\n");
}

test("an .ics file given at launch opens the import dialog, which imports its busy times", async () => {
  const dataDir = freshDataDir();
  const study = confab(dataDir, ["studies", "create", "--name", "Diary follow-ups", "--time-zone", "Europe/Berlin"]);
  assert.equal(study.status, 0, study.stderr);
  for (const [name, email] of [["Iris Chen", "iris@example.org"], ["Omar Haddad", "omar@example.org"]]) {
    const added = confab(dataDir, ["interviewers", "add", "--study", String(study.json.id), "--name", name, "--email", email]);
    assert.equal(added.status, 0, added.stderr);
  }
  const file = join(dataDir, "omar-calendar.ics");
  writeFileSync(file, calendar([3, 4]));

  const browser = await launch(dataDir, { args: [file] });
  try {
    const dialog = byTestId(browser, "calendar-import-dialog");
    await dialog.waitForDisplayed({ timeout: 15_000 });
    assert.equal(await byTestId(browser, "calendar-file-name").getText(), "omar-calendar.ics");
    const interviewer = byTestId(browser, "calendar-interviewer");
    await browser.waitUntil(async () => (await interviewer.getValue()) !== "", { timeoutMsg: "no interviewer to choose" });
    await interviewer.selectByVisibleText("Omar Haddad (omar@example.org)");
    await screenshot(browser, "44-calendar-import-dialog");

    await byTestId(browser, "calendar-import-submit").click();
    const result = byTestId(browser, "calendar-import-result");
    await result.waitForDisplayed();
    assert.match(await result.getText(), /Imported 2 busy times for Omar Haddad\./);
    await screenshot(browser, "45-calendar-imported");
    await byTestId(browser, "calendar-import-done").click();
    await waitForGone(browser, "calendar-import-dialog");
    await byTestId(browser, "studies-list").waitForDisplayed();
  } finally {
    await browser.deleteSession();
  }

  const history = confab(dataDir, ["history", "--study", String(study.json.id)]);
  assert.equal(history.status, 0, history.stderr);
  assert.ok(
    JSON.stringify(history.json).includes("2 for omar@example.org"),
    `the audit log records the import: ${history.stdout}`,
  );
});
