// An interview day in the real window: the day is prepared with the command line (a study of
// interview days, three interviewers, six confirmed applicants); the window generates the
// schedule, swaps by keyboard and by dragging, shows the rule a swap breaks, publishes, prints.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { byTestId, confab, freshDataDir, launch, screenshot, stopDriver } from "./support/app.mjs";

after(stopDriver);

function ok(dataDir, args) {
  const result = confab(dataDir, args);
  assert.equal(result.status, 0, `confab ${args.join(" ")} failed: ${result.stderr}`);
  return result.json;
}

/** A day a week from now, 09:00–17:00 in New York, with its applicants booked into it. */
function prepareDay(dataDir) {
  const study = ok(dataDir, ["studies", "create", "--name", "Residency 2027", "--time-zone", "America/New_York", "--minutes", "30"]);
  ok(dataDir, ["settings", "set", "--study", String(study.id), "--kind", "interview_days"]);
  ok(dataDir, ["mail", "set", "--name", "Dr Sam Rivera", "--email", "sam@example.org", "--time-zone", "America/New_York"]);
  for (const name of ["Iris Chen", "Jon Okafor", "Kim Novak"]) {
    const email = `${name.split(" ")[0].toLowerCase()}@uni.example.org`;
    ok(dataDir, ["interviewers", "add", "--study", String(study.id), "--name", `Dr ${name}`, "--email", email]);
  }
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const session = ok(dataDir, [
    "sessions", "add", "--study", String(study.id), "--kind", "day", "--title", "Spring interview day",
    "--start", `${day}T09:00`, "--end", `${day}T17:00`, "--capacity", "6",
  ]);
  for (const name of ["Ada Byron", "Bea Kurz", "Cal Ortiz", "Dee Mensah", "Eve Lindqvist", "Fay Haddad"]) {
    const person = ok(dataDir, [
      "participants", "add", "--name", name, "--email", `${name.split(" ")[0].toLowerCase()}@example.org`, "--study", String(study.id),
    ]);
    ok(dataDir, ["book", "--study", String(study.id), "--participant", String(person.id), "--session", String(session.id), "--start", `${day}T09:00`]);
  }
  return { study, session };
}

/** Sets an input the way typing would, for inputs (such as time) that WebDriver cannot type into everywhere. */
async function setInput(browser, element, value) {
  await browser.execute(
    (el, v) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      setter.call(el, v);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    },
    element,
    value,
  );
}

/** Applicant → round → interviewer id (null for a break), read from the grid on screen. */
async function readGrid(browser) {
  return browser.execute(() => {
    const seats = {};
    for (const el of document.querySelectorAll("[data-slot-applicant]")) {
      const applicant = el.dataset.slotApplicant;
      const round = el.dataset.slotRound;
      const cell = el.closest("td[data-interviewer]");
      seats[applicant] ??= {};
      seats[applicant][round] = cell ? cell.dataset.interviewer : null;
    }
    return seats;
  });
}

/** Two applicants of one round whose swap makes one of them meet an interviewer twice. */
function conflictingSwap(seats) {
  const applicants = Object.keys(seats);
  for (const a of applicants) {
    for (const b of applicants) {
      if (a === b) continue;
      for (const round of Object.keys(seats[a])) {
        const mine = seats[a][round];
        const theirs = seats[b][round];
        if (theirs === null || mine === theirs) continue;
        const metElsewhere = Object.entries(seats[a]).some(([r, i]) => r !== round && i === theirs);
        if (metElsewhere) return { a, b, round };
      }
    }
  }
  return null;
}

const cellOf = (browser, applicant, round) => browser.$(`[data-slot-applicant="${applicant}"][data-slot-round="${round}"]`);

async function conflictCount(browser) {
  return browser.execute(() => document.querySelectorAll('[data-slot-applicant][data-conflict="true"]').length);
}

test("an interview day is generated, swapped, published and printed in the window", async () => {
  const dataDir = freshDataDir();
  const { study } = prepareDay(dataDir);
  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "pane-days").click();
    await byTestId(browser, "day-no-schedule").waitForDisplayed({ timeout: 10_000 });
    assert.match(await byTestId(browser, "day-no-schedule").getText(), /6 confirmed applicants and 3 interviewers/);
    await screenshot(browser, "30-days-no-schedule");

    // The plan: four rounds after a welcome, and one conflict of interest.
    await setInput(browser, await byTestId(browser, "day-rounds"), "4");
    await byTestId(browser, "day-add-block").click();
    await setInput(browser, await byTestId(browser, "day-block-start"), "09:00");
    await setInput(browser, await byTestId(browser, "day-block-minutes"), "20");
    await byTestId(browser, "day-conflicts-applicant").selectByVisibleText("Ada Byron");
    await byTestId(browser, "day-conflicts-interviewer").selectByVisibleText("Dr Kim Novak");
    await byTestId(browser, "day-conflicts-add").click();
    await byTestId(browser, "day-conflicts-pair").waitForDisplayed();
    await screenshot(browser, "31-days-plan");

    await byTestId(browser, "day-generate").click();
    await byTestId(browser, "day-grid").waitForDisplayed({ timeout: 20_000 });
    assert.equal((await browser.$$('[data-testid="day-grid-round"]')).length, 4);
    assert.equal((await browser.$$('[data-testid="day-grid-row"]')).length, 3);
    assert.match(await byTestId(browser, "day-grid-block").getText(), /Welcome/);
    assert.equal(await byTestId(browser, "day-state").getAttribute("data-state"), "draft");
    assert.equal(await conflictCount(browser), 0);
    await screenshot(browser, "32-days-generated");

    // The keyboard way: Enter holds one cell, Enter on another of its round swaps them.
    const seats = await readGrid(browser);
    const swap = conflictingSwap(seats);
    assert.ok(swap, `no swap in ${JSON.stringify(seats)} would break a rule`);
    await browser.execute((el) => el.focus(), await cellOf(browser, swap.a, swap.round));
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await cellOf(browser, swap.a, swap.round).getAttribute("aria-pressed")) === "true");
    await screenshot(browser, "33-days-cell-held");
    await browser.execute((el) => el.focus(), await cellOf(browser, swap.b, swap.round));
    await browser.keys("Enter");

    // Saved although it breaks a rule: the cells and the list say which.
    const conflicts = byTestId(browser, "day-conflicts-list");
    await conflicts.waitForDisplayed({ timeout: 10_000 });
    assert.match(await conflicts.getText(), /more than once/);
    assert.ok((await conflictCount(browser)) >= 2);
    // Clamped to three lines in the cell, so its words are read from the page rather than the screen.
    assert.match(await byTestId(browser, "day-cell-conflict").getProperty("textContent"), /more than once/);
    assert.equal(await byTestId(browser, "day-publish").isEnabled(), false);
    await screenshot(browser, "34-days-swap-breaks-a-rule");

    // Dragging the same two cells back mends it.
    await browser
      .action("pointer")
      .move({ origin: await cellOf(browser, swap.a, swap.round) })
      .down()
      .move({ origin: await cellOf(browser, swap.a, swap.round), x: 12, y: 6, duration: 100 })
      .move({ origin: await cellOf(browser, swap.b, swap.round), duration: 300 })
      .up()
      .perform();
    await conflicts.waitForDisplayed({ reverse: true, timeout: 10_000 });
    assert.equal(await conflictCount(browser), 0);
    assert.deepEqual(await readGrid(browser), seats);
    await screenshot(browser, "35-days-dragged-back");

    // Publish: a confirmation, then what was queued.
    await byTestId(browser, "day-publish").click();
    const dialog = byTestId(browser, "day-publish-dialog");
    await dialog.waitForDisplayed();
    assert.match(await dialog.getText(), /next Sync/);
    assert.match(await dialog.getText(), /never duplicates/);
    await screenshot(browser, "36-days-publish-confirmation");
    await byTestId(browser, "day-publish-confirm").click();
    const report = byTestId(browser, "day-publish-report");
    await report.waitForDisplayed({ timeout: 15_000 });
    assert.match(await report.getText(), /6 itineraries and 3 timetables/);
    await browser.waitUntil(async () => (await byTestId(browser, "day-state").getAttribute("data-state")) === "published");
    await screenshot(browser, "37-days-published");
    const outbox = ok(dataDir, ["outbox", "list"]);
    const itineraries = outbox.filter((m) => m.kind === "itinerary" && m.studyId === study.id);
    assert.ok(itineraries.length >= 6, `expected the itineraries in the outbox, found ${JSON.stringify(outbox.map((m) => m.kind))}`);

    // Print: the printable pages, one per applicant and per interviewer, and the print dialog.
    await browser.execute(() => {
      window.__printCalls = 0;
      window.print = () => {
        window.__printCalls += 1;
      };
    });
    await byTestId(browser, "day-print").click();
    await byTestId(browser, "day-printable").waitForDisplayed();
    assert.equal((await browser.$$('[data-testid="print-page"]')).length, 9);
    await browser.waitUntil(() => browser.execute(() => window.__printCalls > 0), { timeout: 5_000, timeoutMsg: "print was not called" });
    await screenshot(browser, "38-days-printable");
    await byTestId(browser, "day-print-close").click();
    await byTestId(browser, "day-printable").waitForDisplayed({ reverse: true });
  } finally {
    await browser.deleteSession();
  }
});
