// A participant's journey where it used to stop, in the real window: a status set by hand on
// someone with an interview (the dialog says what happens to it, and it happens), and booking
// again after a no-show.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { byTestId, confab, freshDataDir, launch, screenshot, stopDriver, waitForGone } from "./support/app.mjs";

after(stopDriver);

const ZONE = "Europe/Berlin";

function studyDay(offset) {
  const day = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
}

function run(dataDir, args) {
  const result = confab(dataDir, args);
  assert.equal(result.status, 0, `confab ${args.join(" ")}: ${result.stderr}`);
  return result.json;
}

/** Carl has an interview in three days; Eli had one yesterday and did not come. */
function prepare(dataDir) {
  const study = run(dataDir, ["studies", "create", "--name", "Journey study", "--time-zone", ZONE, "--minutes", "45"]);
  const id = String(study.id);
  run(dataDir, ["mail", "set", "--name", "Rita Researcher", "--email", "rita@example.org", "--time-zone", ZONE]);
  const session = run(dataDir, ["sessions", "add", "--study", id, "--kind", "window", "--start", `${studyDay(3)}T09:00`, "--end", `${studyDay(3)}T17:00`]);
  const yesterday = run(dataDir, ["sessions", "add", "--study", id, "--kind", "window", "--start", `${studyDay(-1)}T09:00`, "--end", `${studyDay(-1)}T17:00`]);
  const add = (name, email) => run(dataDir, ["participants", "add", "--name", name, "--email", email, "--study", id, "--time-zone", ZONE]);
  const carl = add("Carl Berg", "carl@example.org");
  const eli = add("Eli Ford", "eli@example.org");
  run(dataDir, ["book", "--study", id, "--participant", String(carl.id), "--session", String(session.id), "--start", `${studyDay(3)}T09:00`]);
  const eliInterview = run(dataDir, [
    "book", "--study", id, "--participant", String(eli.id), "--session", String(yesterday.id), "--start", `${studyDay(-1)}T10:00`,
    "--accept", "in_the_past", "--accept", "not_a_slot_start",
  ]);
  run(dataDir, ["interviews", "no-show", String(eliInterview.id)]);
  return { id, carl, eli };
}

async function participantRow(browser, name) {
  let found;
  await browser.waitUntil(async () => {
    for (const row of await browser.$$('[data-testid="participant-row"]')) {
      if ((await row.$('[data-testid="participant-name"]').getText()) === name) {
        found = row;
        return true;
      }
    }
    return false;
  }, { timeout: 10_000, timeoutMsg: `no participant row for ${name}` });
  return found;
}

async function interviewRow(browser, panel, name) {
  let found;
  await browser.waitUntil(async () => {
    for (const row of await byTestId(browser, panel).$$('[data-testid="interview-row"]')) {
      if ((await row.getText()).includes(name)) {
        found = row;
        return true;
      }
    }
    return false;
  }, { timeout: 10_000, timeoutMsg: `no row for ${name} in ${panel}` });
  return found;
}

async function count(browser, id) {
  return Number(await byTestId(browser, `interviews-count-${id}`).getText());
}

test("a status set by hand ends the interview it contradicts, and a no-show is booked again", async () => {
  const dataDir = freshDataDir();
  const prepared = prepare(dataDir);
  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 20_000 });
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "pane-participants").click();

    // Carl called to say he will not take part: Declined, from his row's menu.
    const carl = await participantRow(browser, "Carl Berg");
    await carl.$('[data-testid="participant-menu"]').click();
    await byTestId(browser, "participant-menu-content").waitForDisplayed();
    await browser.keys("ArrowDown");
    await browser.keys("ArrowRight");
    await byTestId(browser, "menu-status-list").waitForDisplayed();
    await browser.keys("Decl".split(""));
    await browser.keys("Enter");
    await byTestId(browser, "status-dialog").waitForDisplayed();
    assert.equal(await byTestId(browser, "status-question").getText(), "Change Carl Berg from Interview Scheduled to Declined?");
    assert.match(
      await byTestId(browser, "status-consequence").getText(),
      /scheduled interview will be cancelled with your reason: a cancellation goes to them/,
    );
    await byTestId(browser, "status-reason").setValue("Said no on the phone");
    await screenshot(browser, "journey-01-status-with-interview");
    await byTestId(browser, "status-confirm").click();
    await waitForGone(browser, "status-dialog");
    await browser.waitUntil(
      async () => (await (await participantRow(browser, "Carl Berg")).$('[data-testid="participant-status"]').getText()) === "Declined",
      { timeout: 10_000, timeoutMsg: "Carl's row did not show Declined" },
    );
    const interviews = run(dataDir, ["interviews", "list", "--study", prepared.id, "--view", "canceled"]);
    assert.equal(interviews.length, 1, "Carl's interview is canceled");
    assert.equal(interviews[0].cancelReason, "Said no on the phone");
    assert.equal(run(dataDir, ["interviews", "list", "--study", prepared.id, "--view", "upcoming"]).length, 0);
    await screenshot(browser, "journey-02-declined");

    // Eli did not come yesterday: Book again from his interview's menu goes straight to the time.
    await byTestId(browser, "pane-interviews").click();
    await byTestId(browser, "interviews-tab-no-show").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "interviews-tab-no-show").click();
    const eli = await interviewRow(browser, "interviews-panel-no-show", "Eli Ford");
    await eli.$('[data-testid="interview-menu"]').click();
    await byTestId(browser, "interview-action-book-again").waitForDisplayed();
    await screenshot(browser, "journey-03-book-again-menu");
    await byTestId(browser, "interview-action-book-again").click();
    await byTestId(browser, "book-dialog").waitForDisplayed();
    await byTestId(browser, "slot-option").waitForDisplayed({ timeout: 10_000 });
    assert.match(await byTestId(browser, "book-dialog").getText(), /Participant: Eli Ford/);
    await byTestId(browser, "slot-option").click();
    await byTestId(browser, "book-submit").waitForEnabled();
    await screenshot(browser, "journey-04-book-again-time");
    await byTestId(browser, "book-submit").click();
    await byTestId(browser, "book-result").waitForDisplayed({ timeout: 10_000 });
    assert.match(await byTestId(browser, "book-result").getText(), /Eli Ford/);
    await byTestId(browser, "book-done").click();
    await waitForGone(browser, "book-dialog");
    await browser.waitUntil(async () => (await count(browser, "upcoming")) === 1, { timeoutMsg: "Upcoming did not count Eli" });
    assert.equal(await count(browser, "no-show"), 1, "the no-show keeps its own record");
    await byTestId(browser, "interviews-tab-upcoming").click();
    await interviewRow(browser, "interviews-panel-upcoming", "Eli Ford");
    await screenshot(browser, "journey-05-booked-again");
  } finally {
    await browser.deleteSession();
  }
});

test("a study of two interviews per participant books the second after the first, and each says which it is", async () => {
  const dataDir = freshDataDir();
  const study = run(dataDir, ["studies", "create", "--name", "Pre and post", "--time-zone", ZONE, "--minutes", "45"]);
  const id = String(study.id);
  run(dataDir, ["mail", "set", "--name", "Rita Researcher", "--email", "rita@example.org", "--time-zone", ZONE]);
  run(dataDir, ["settings", "set", "--study", id, "--interviews-per-participant", "2"]);
  const later = run(dataDir, ["sessions", "add", "--study", id, "--kind", "window", "--start", `${studyDay(3)}T09:00`, "--end", `${studyDay(3)}T17:00`]);
  const yesterday = run(dataDir, ["sessions", "add", "--study", id, "--kind", "window", "--start", `${studyDay(-1)}T09:00`, "--end", `${studyDay(-1)}T17:00`]);
  assert.ok(later.id);
  const dana = run(dataDir, ["participants", "add", "--name", "Dana Diaz", "--email", "dana@example.org", "--study", id, "--time-zone", ZONE]);
  const pre = run(dataDir, [
    "book", "--study", id, "--participant", String(dana.id), "--session", String(yesterday.id), "--start", `${studyDay(-1)}T10:00`,
    "--accept", "in_the_past", "--accept", "not_a_slot_start",
  ]);
  run(dataDir, ["interviews", "complete", String(pre.id)]);

  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 20_000 });
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "pane-interviews").click();
    await byTestId(browser, "interviews-tab-completed").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "interviews-tab-completed").click();
    const first = await interviewRow(browser, "interviews-panel-completed", "Dana Diaz");
    assert.equal(await first.$('[data-testid="interview-round"]').getText(), "Interview 1 of 2");
    await first.$('[data-testid="interview-menu"]').click();
    const bookNext = byTestId(browser, "interview-action-book-again");
    await bookNext.waitForDisplayed();
    assert.equal(await bookNext.getText(), "Book interview 2 of 2…");
    await screenshot(browser, "journey-06-book-next-interview-menu");
    await bookNext.click();
    await byTestId(browser, "book-dialog").waitForDisplayed();
    await byTestId(browser, "slot-option").waitForDisplayed({ timeout: 10_000 });
    await byTestId(browser, "slot-option").click();
    await byTestId(browser, "book-submit").waitForEnabled();
    await byTestId(browser, "book-submit").click();
    await byTestId(browser, "book-result").waitForDisplayed({ timeout: 10_000 });
    await byTestId(browser, "book-done").click();
    await waitForGone(browser, "book-dialog");
    await byTestId(browser, "interviews-tab-upcoming").click();
    const second = await interviewRow(browser, "interviews-panel-upcoming", "Dana Diaz");
    await browser.waitUntil(async () => (await second.$('[data-testid="interview-round"]').getText()) === "Interview 2 of 2", {
      timeout: 10_000,
      timeoutMsg: "the second interview does not say which it is",
    });
    await screenshot(browser, "journey-07-second-interview-booked");
    const upcoming = run(dataDir, ["interviews", "list", "--study", id, "--view", "upcoming"]);
    assert.deepEqual(upcoming.map((i) => [i.round, i.rounds]), [[2, 2]]);
    assert.notEqual(upcoming[0].calendarUid, pre.calendarUid, "the second interview is its own calendar event");
  } finally {
    await browser.deleteSession();
  }
});
