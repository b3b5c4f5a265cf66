// An interview day in the real window: the day is prepared with the command line (a study of
// interview days, three interviewers, six confirmed applicants); the window generates the
// schedule, swaps by keyboard and by dragging, shows the rule a swap breaks, publishes, prints.
// Then a published and sent day changes under it: an applicant cancels and another is booked
// from the waitlist; the window fills the open seats by keyboard and by dragging, and publishing
// again cancels the calendar event of the one who left.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, test } from "node:test";
import { byTestId, cliBinary, confab, freshDataDir, launch, screenshot, stopDriver, waitForGone } from "./support/app.mjs";
import { startMailStack, stopMailStack } from "./support/mail-stack.mjs";

after(stopDriver);

function ok(dataDir, args) {
  const result = confab(dataDir, args);
  assert.equal(result.status, 0, `confab ${args.join(" ")} failed: ${result.stderr}`);
  return result.json;
}

const exampleAddress = (name) => `${name.split(" ")[0].toLowerCase()}@example.org`;

/** A day a week from now, 09:00–17:00 in New York, with its applicants booked into it. */
function prepareDay(dataDir, address = exampleAddress) {
  const study = ok(dataDir, ["studies", "create", "--name", "Residency 2027", "--time-zone", "America/New_York", "--minutes", "30"]);
  ok(dataDir, ["settings", "set", "--study", String(study.id), "--kind", "interview_days"]);
  ok(dataDir, ["mail", "set", "--name", "Dr Sam Rivera", "--email", "sam@example.org", "--time-zone", "America/New_York"]);
  for (const name of ["Iris Chen", "Jon Okafor", "Kim Novak"]) {
    const email = address === exampleAddress ? `${name.split(" ")[0].toLowerCase()}@uni.example.org` : address(name);
    ok(dataDir, ["interviewers", "add", "--study", String(study.id), "--name", `Dr ${name}`, "--email", email]);
  }
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const session = ok(dataDir, [
    "sessions", "add", "--study", String(study.id), "--kind", "day", "--title", "Spring interview day",
    "--start", `${day}T09:00`, "--end", `${day}T17:00`, "--capacity", "6",
  ]);
  const applicants = {};
  for (const name of ["Ada Byron", "Bea Kurz", "Cal Ortiz", "Dee Mensah", "Eve Lindqvist", "Fay Haddad"]) {
    const person = ok(dataDir, ["participants", "add", "--name", name, "--email", address(name), "--study", String(study.id)]);
    ok(dataDir, ["book", "--study", String(study.id), "--participant", String(person.id), "--session", String(session.id), "--start", `${day}T09:00`]);
    applicants[name] = person;
  }
  return { study, session, day, applicants };
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
    await waitForGone(browser, "day-conflicts-list", { timeout: 10_000 });
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
    await waitForGone(browser, "day-printable");
  } finally {
    await browser.deleteSession();
  }
});

/** Runs Sync on the command line, with the password as the CLI takes it outside a keyring. */
function syncOutbox(dataDir, password) {
  const result = spawnSync(cliBinary, ["--data-dir", dataDir, "sync", "--json"], {
    encoding: "utf8",
    env: { ...process.env, CONFAB_MAIL_PASSWORD: password },
  });
  assert.equal(result.status, 0, `confab sync failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The open seats on screen: round and interviewer of each Open cell. */
async function readOpenSeats(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll("td[data-open-interviewer]")].map((td) => ({
      round: td.dataset.openRound,
      interviewer: td.dataset.openInterviewer,
    })),
  );
}

const openSeatOf = (browser, seat) =>
  browser.$(`td[data-open-interviewer="${seat.interviewer}"][data-open-round="${seat.round}"] [data-testid="day-open-seat"]`);

test("after a cancellation, the newcomer fills the open seats and publishing again cancels the leaver's itinerary", async () => {
  // Every mailbox of the stack takes +tags, so each applicant has an address that is delivered.
  const { dir: stackDir, env: stack } = startMailStack();
  const mailbox = (name) => `alice+${name.split(" ")[0].toLowerCase()}@${stack.DOMAIN}`;
  const dataDir = freshDataDir();
  const { study, session, day, applicants } = prepareDay(dataDir, mailbox);
  ok(dataDir, [
    "mail", "set", "--email", `researcher@${stack.DOMAIN}`, "--username", "researcher",
    "--smtp-host", "127.0.0.1", "--smtp-port", stack.SMTP_PORT, "--smtp-security", "plain", "--no-smtp-login",
    "--imap-host", "127.0.0.1", "--imap-port", stack.IMAP_PORT, "--imap-security", "plain",
  ]);
  // Published and sent: every applicant's calendar holds the day's event.
  ok(dataDir, ["days", "generate", "--session", String(session.id), "--rounds", "4", "--round-minutes", "30", "--passing-minutes", "10"]);
  ok(dataDir, ["days", "publish", "--session", String(session.id)]);
  const synced = syncOutbox(dataDir, stack.PASSWORD);
  assert.equal(synced.failed, 0, JSON.stringify(synced));
  const gus = ok(dataDir, ["participants", "add", "--name", "Gus Hale", "--email", mailbox("Gus"), "--study", String(study.id)]);
  const bea = applicants["Bea Kurz"];

  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "pane-days").click();
    await byTestId(browser, "day-grid").waitForDisplayed({ timeout: 10_000 });
    assert.equal(await byTestId(browser, "day-state").getAttribute("data-state"), "published");
    await screenshot(browser, "40-days-published-and-sent");

    // Bea cancels; Gus is booked from the waitlist. The day keeps everyone else's rounds.
    const interviews = ok(dataDir, ["interviews", "list", "--study", String(study.id)]);
    const beas = interviews.find((i) => i.participantId === bea.id);
    ok(dataDir, ["interviews", "cancel", String(beas.id), "--reason", "Cannot travel that week"]);
    ok(dataDir, ["book", "--study", String(study.id), "--participant", String(gus.id), "--session", String(session.id), "--start", `${day}T09:00`]);

    // Reopened by way of the Overview, whose figures open the sections behind them.
    await byTestId(browser, "pane-overview").click();
    const scheduled = byTestId(browser, "figure-scheduled");
    await scheduled.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await scheduled.getTagName(), "button");
    await screenshot(browser, "41-days-overview-after-changes");
    await scheduled.click();
    await byTestId(browser, "pane-interviews-screen").waitForDisplayed({ timeout: 10_000 });
    await byTestId(browser, "pane-days").click();
    const roster = byTestId(browser, "day-roster-changes");
    await roster.waitForDisplayed({ timeout: 10_000 });
    assert.match(await roster.getText(), /Gus Hale was booked into the day/);
    assert.match(await roster.getText(), /Bea Kurz is no longer booked/);
    assert.match(await byTestId(browser, "day-roster-next").getText(), /drag Gus Hale from Sitting out into an open seat/);
    assert.equal(await byTestId(browser, "day-state").getAttribute("data-state"), "changed");
    const seats = await readOpenSeats(browser);
    assert.equal(seats.length, 2, `Bea's two seats should be open: ${JSON.stringify(seats)}`);
    const [first, second] = seats;
    assert.notEqual(first.round, second.round);
    await screenshot(browser, "42-days-roster-changed");

    // The keyboard way: Enter on Gus where he sits out, then Enter on the Open cell of that round.
    await browser.execute((el) => el.focus(), await cellOf(browser, gus.id, first.round));
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await cellOf(browser, gus.id, first.round).getAttribute("aria-pressed")) === "true");
    assert.match(await openSeatOf(browser, first).getText(), /Place Gus Hale here/);
    await screenshot(browser, "43-days-newcomer-held");
    await browser.execute((el) => el.focus(), await openSeatOf(browser, first));
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await readGrid(browser))[gus.id]?.[first.round] === first.interviewer, {
      timeout: 10_000,
      timeoutMsg: "Gus was not placed into the open seat by keyboard",
    });
    assert.match(await byTestId(browser, "day-announcement").getText(), /Gus Hale now meets .* in round \d+\. The schedule breaks no rule\./);
    assert.match(await roster.getText(), /Bea Kurz is no longer booked/);
    await screenshot(browser, "44-days-newcomer-placed-by-keyboard");

    // Dragging: Gus from Sitting out onto the other open seat.
    await browser
      .action("pointer")
      .move({ origin: await cellOf(browser, gus.id, second.round) })
      .down()
      .move({ origin: await cellOf(browser, gus.id, second.round), x: 12, y: 6, duration: 100 })
      .move({ origin: await openSeatOf(browser, second), duration: 300 })
      .up()
      .perform();
    await browser.waitUntil(async () => (await readGrid(browser))[gus.id]?.[second.round] === second.interviewer, {
      timeout: 10_000,
      timeoutMsg: "Gus was not placed into the open seat by dragging",
    });
    assert.equal((await readOpenSeats(browser)).length, 0);
    assert.equal(await conflictCount(browser), 0);
    assert.match(await byTestId(browser, "day-roster-next").getText(), /every open seat .* is filled/);
    await screenshot(browser, "45-days-newcomer-placed-by-drag");

    // A seated applicant dragged onto Sitting out gets a break, and their seat opens; dragged back, it closes.
    const ada = applicants["Ada Byron"].id;
    const before = (await readGrid(browser))[ada];
    const [round, host] = Object.entries(before).find(([, interviewer]) => interviewer !== null);
    const adaCell = await cellOf(browser, ada, round);
    await browser.action("pointer").move({ origin: adaCell }).down().move({ origin: adaCell, x: 12, y: 6, duration: 100 }).perform(true);
    // The words appear only while a drag is under way, so the pointer goes to them in a second step.
    const sitOutHint = browser.$(`td[data-breaks-round="${round}"] .day-sit-out-hint`);
    await sitOutHint.waitForDisplayed({ timeout: 5_000 });
    await browser.action("pointer").move({ origin: sitOutHint, duration: 300 }).perform(true);
    await screenshot(browser, "46-days-dragging-onto-sitting-out");
    await browser.action("pointer").move({ origin: sitOutHint }).up().perform();
    await browser.waitUntil(async () => (await readGrid(browser))[ada]?.[round] === null, {
      timeout: 10_000,
      timeoutMsg: "Ada was not given a break by dragging her onto Sitting out",
    });
    assert.deepEqual(await readOpenSeats(browser), [{ round, interviewer: host }]);
    assert.match(await byTestId(browser, "day-announcement").getText(), /Ada Byron now sits out round \d+\. .* is free in round \d+ now\./);
    await screenshot(browser, "47-days-sat-out");
    await browser
      .action("pointer")
      .move({ origin: await cellOf(browser, ada, round) })
      .down()
      .move({ origin: await cellOf(browser, ada, round), x: 12, y: 6, duration: 100 })
      .move({ origin: await openSeatOf(browser, { round, interviewer: host }), duration: 300 })
      .up()
      .perform();
    await browser.waitUntil(async () => (await readGrid(browser))[ada]?.[round] === host, {
      timeout: 10_000,
      timeoutMsg: "Ada did not go back into her seat",
    });
    assert.equal((await readOpenSeats(browser)).length, 0);

    // Publishing again: updates for everyone, and a cancellation for Bea's calendar event.
    await byTestId(browser, "day-publish").click();
    const dialog = byTestId(browser, "day-publish-dialog");
    await dialog.waitForDisplayed();
    assert.match(await dialog.getText(), /no longer booked for the day gets a cancellation/);
    await screenshot(browser, "48-days-republish-confirmation");
    await byTestId(browser, "day-publish-confirm").click();
    const report = byTestId(browser, "day-publish-report");
    await report.waitForDisplayed({ timeout: 15_000 });
    assert.match(await report.getText(), /Updates queued/);
    assert.match(await byTestId(browser, "day-report-canceled").getText(), /1 applicant who left gets a cancellation/);
    await browser.waitUntil(async () => (await byTestId(browser, "day-state").getAttribute("data-state")) === "published");
    await waitForGone(browser, "day-roster-changes", { timeout: 5_000 });
    await screenshot(browser, "49-days-republished");

    const outbox = ok(dataDir, ["outbox", "list"]);
    const itineraries = outbox.filter((m) => m.kind === "itinerary");
    const canceled = itineraries.filter((m) => m.calendarMethod === "cancel");
    assert.deepEqual(canceled.map((m) => m.participantId), [bea.id], JSON.stringify(itineraries.map((m) => [m.participantId, m.calendarMethod])));
    assert.ok(itineraries.some((m) => m.participantId === gus.id && m.calendarMethod === "request"), "Gus gets his itinerary");
  } finally {
    await browser.deleteSession();
    stopMailStack(stackDir);
  }
});

