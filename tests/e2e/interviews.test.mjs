// A study's Interviews section in the real window: booking by hand past a rule, rescheduling
// from the menu's slot picker, asking for a new time by email, canceling with a reason, marking a
// no-show, assigning a Pending participant's first choice, and the calendar of it all.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { byTestId, confab, freshDataDir, launch, screenshot, stopDriver, waitForGone } from "./support/app.mjs";

after(stopDriver);

const ZONE = "Europe/Berlin";

/** `YYYY-MM-DD` of the day `offset` days from today, on the study's clock. */
function studyDay(offset) {
  const day = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
}

/** `YYYY-MM-DDTHH:MM` of an instant on the study's clock. */
function studyClock(instant) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function run(dataDir, args) {
  const result = confab(dataDir, args);
  assert.equal(result.status, 0, `confab ${args.join(" ")}: ${result.stderr}`);
  return result.json;
}

/**
 * A one-to-one study whose rules the test books past: three days' notice, so tomorrow is too
 * soon; self-scheduling off, so choices wait as Pending. Sessions run 09:00–17:00 on the next
 * six days, and yesterday (for an interview that has already taken place).
 */
function prepare(dataDir) {
  const study = run(dataDir, ["studies", "create", "--name", "Checkout usability", "--time-zone", ZONE, "--minutes", "45"]);
  const id = String(study.id);
  run(dataDir, ["mail", "set", "--name", "Ada Moreau", "--email", "ada@example.org", "--time-zone", "America/New_York"]);
  run(dataDir, ["settings", "set", "--study", id, "--min-notice-minutes", "4320", "--max-per-day", "4", "--self-scheduling", "off"]);
  const sessions = [];
  for (let offset = 1; offset <= 6; offset++) {
    const day = studyDay(offset);
    sessions.push(run(dataDir, ["sessions", "add", "--study", id, "--kind", "window", "--start", `${day}T09:00`, "--end", `${day}T17:00`, "--title", `Lab day ${offset}`]));
  }
  const yesterday = run(dataDir, ["sessions", "add", "--study", id, "--kind", "window", "--start", `${studyDay(-1)}T09:00`, "--end", `${studyDay(-1)}T17:00`, "--title", "Pilot day"]);

  const add = (name, email, zone) =>
    run(dataDir, ["participants", "add", "--name", name, "--email", email, "--study", id, ...(zone ? ["--time-zone", zone] : [])]);
  const bea = add("Bea Lund", "bea@example.org", "America/Los_Angeles");
  const carl = add("Carl Berg", "carl@example.org", ZONE);
  const dana = add("Dana Diaz", "dana@example.org", "America/New_York");
  const eli = add("Eli Ford", "eli@example.org", null);

  // Carl is booked on day 4 (to be canceled); Eli's interview was yesterday (to be marked a no-show).
  run(dataDir, ["book", "--study", id, "--participant", String(carl.id), "--session", String(sessions[3].id), "--start", `${studyDay(4)}T09:00`]);
  run(dataDir, ["book", "--study", id, "--participant", String(eli.id), "--session", String(yesterday.id), "--start", `${studyDay(-1)}T10:00`, "--accept", "in_the_past", "--accept", "not_a_slot_start"]);
  // Dana's choices wait for the researcher.
  run(dataDir, ["choose", "--study", id, "--participant", String(dana.id), "--first", `${sessions[4].id}@${studyDay(5)}T09:45`, "--second", `${sessions[5].id}@${studyDay(6)}T10:30`]);
  return { id, bea, carl, dana, eli };
}

/** Sets a date or time input the way typing would, which WebDriver cannot do for every engine's pickers. */
async function setInput(browser, element, value) {
  await browser.execute(
    (el, v) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      setter.call(el, v);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    element,
    value,
  );
}

async function rowOf(browser, panel, name) {
  const panelEl = byTestId(browser, panel);
  await panelEl.waitForDisplayed();
  let found;
  await browser.waitUntil(
    async () => {
      // The list is redrawn after every action; a row read mid-redraw is simply read again.
      try {
        for (const row of await panelEl.$$('[data-testid="interview-row"]')) {
          if ((await row.$('[data-testid="interview-participant"]').getText()) === name) {
            found = row;
            return true;
          }
        }
      } catch {}
      return false;
    },
    { timeoutMsg: `no interview of ${name} in ${panel}` },
  );
  return found;
}

async function openTab(browser, id) {
  await byTestId(browser, `interviews-tab-${id}`).click();
  await byTestId(browser, `interviews-panel-${id}`).waitForDisplayed();
}

async function count(browser, id) {
  return Number(await byTestId(browser, `interviews-count-${id}`).getText());
}

async function chooseFromMenu(browser, row, action, shot) {
  await row.$('[data-testid="interview-menu"]').click();
  const item = byTestId(browser, `interview-action-${action}`);
  await item.waitForDisplayed();
  if (shot) await screenshot(browser, shot);
  await item.click();
}

async function eventOf(browser, name) {
  let found;
  await browser.waitUntil(
    async () => {
      for (const event of await browser.$$(".interview-event")) {
        if (String(await event.getProperty("textContent")).includes(name)) {
          found = event;
          return true;
        }
      }
      return false;
    },
    { timeout: 10_000, timeoutMsg: `no event of ${name} in the calendar` },
  );
  return found;
}

/** Drags an element down by `dy` pixels with the mouse, in steps, as a hand would. */
async function drag(browser, element, dy) {
  await element.scrollIntoView({ block: "center" });
  await browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ origin: element, x: 0, y: -4 })
    .down({ button: 0 })
    .pause(150)
    .move({ origin: "pointer", x: 0, y: 10, duration: 100 })
    .move({ origin: "pointer", x: 0, y: dy - 10, duration: 400 })
    .pause(150)
    .up({ button: 0 })
    .perform();
}

test("the Interviews section books, reschedules, cancels and assigns in the window", async () => {
  const dataDir = freshDataDir();
  const prepared = prepare(dataDir);
  const browser = await launch(dataDir);
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "pane-interviews").click();
    await byTestId(browser, "interviews-tab-upcoming").waitForDisplayed({ timeout: 15_000 });
    assert.match(await byTestId(browser, "interviews-zone").getText(), /America\/New_York, your time zone/);
    assert.equal(await count(browser, "upcoming"), 1);
    assert.equal(await count(browser, "completed"), 1);
    assert.equal(await count(browser, "pending"), 1);
    await rowOf(browser, "interviews-panel-upcoming", "Carl Berg");
    await screenshot(browser, "60-interviews-upcoming");

    // Book Bea by hand tomorrow: inside the three days' notice, so only "Book anyway" books it.
    await byTestId(browser, "book-manually").click();
    const book = byTestId(browser, "book-dialog");
    await book.waitForDisplayed();
    await byTestId(browser, "book-participant-search").setValue("bea");
    await browser.waitUntil(async () => (await browser.$$('[data-testid="book-participant-option"]')).length === 1, {
      timeoutMsg: "the search did not narrow the list to Bea",
    });
    await byTestId(browser, "book-participant-option").click();
    await screenshot(browser, "61-book-participant");
    await byTestId(browser, "book-next").click();
    await byTestId(browser, "slot-option").waitForDisplayed({ timeout: 10_000 });
    await screenshot(browser, "62-book-open-times");
    await byTestId(browser, "time-mode-custom").click();
    await setInput(browser, await byTestId(browser, "custom-date"), studyDay(1));
    await setInput(browser, await byTestId(browser, "custom-time"), "10:30");
    await byTestId(browser, "book-submit").waitForEnabled();
    await byTestId(browser, "book-submit").click();
    await byTestId(browser, "rule-breaks").waitForDisplayed({ timeout: 10_000 });
    const rules = await browser.$$('[data-testid="rule-break"]').map((el) => el.getAttribute("data-rule"));
    assert.deepEqual(rules, ["too_soon"]);
    assert.match(await byTestId(browser, "rule-breaks").getText(), /less than 72 hours from now/);
    await screenshot(browser, "63-book-rule-breaks");
    await byTestId(browser, "book-anyway").click();
    await byTestId(browser, "book-result").waitForDisplayed({ timeout: 10_000 });
    assert.match(await byTestId(browser, "book-result").getText(), /Bea Lund/);
    await screenshot(browser, "64-book-booked");
    await byTestId(browser, "book-done").click();
    await waitForGone(browser, "book-dialog");
    await browser.waitUntil(async () => (await count(browser, "upcoming")) === 2, { timeoutMsg: "Upcoming did not count Bea" });
    const beaRow = await rowOf(browser, "interviews-panel-upcoming", "Bea Lund");
    assert.match(await beaRow.$('[data-testid="interview-overrides"]').getText(), /minimum notice/);
    // Bea lives in Los Angeles: her own time is shown beside the researcher's.
    assert.match(await beaRow.$('[data-testid="interview-when-participant"]').getText(), /their time/);
    await screenshot(browser, "65-upcoming-after-booking");

    // Reschedule Bea to the first open time of the slot picker.
    await chooseFromMenu(browser, beaRow, "reschedule", "66-interview-menu");
    const reschedule = byTestId(browser, "reschedule-dialog");
    await reschedule.waitForDisplayed();
    const firstSlot = byTestId(browser, "slot-option");
    await firstSlot.waitForDisplayed({ timeout: 10_000 });
    const newStart = await firstSlot.getAttribute("data-start");
    await firstSlot.click();
    await screenshot(browser, "67-reschedule-slot-picker");
    await byTestId(browser, "reschedule-submit").click();
    await waitForGone(browser, "reschedule-dialog", { timeout: 10_000 });
    await byTestId(browser, "interviews-notice").waitForDisplayed();
    const moved = run(dataDir, ["interviews", "list", "--study", prepared.id]).find((i) => i.participantId === prepared.bea.id);
    assert.equal(new Date(moved.start).toISOString(), new Date(newStart).toISOString());
    assert.equal(moved.sequence, 1);
    const rescheduledRow = await rowOf(browser, "interviews-panel-upcoming", "Bea Lund");
    await rescheduledRow.$('[data-testid="interview-rescheduled"]').waitForDisplayed();
    await screenshot(browser, "68-upcoming-rescheduled");

    // Ask Bea for yet another time, in the researcher's own words.
    await chooseFromMenu(browser, rescheduledRow, "compose");
    const compose = byTestId(browser, "compose-dialog");
    await compose.waitForDisplayed();
    await byTestId(browser, "compose-message").setValue("Something came up on my side. Could you choose another time?");
    await screenshot(browser, "69-compose-reschedule");
    await byTestId(browser, "compose-submit").click();
    await byTestId(browser, "compose-result").waitForDisplayed({ timeout: 10_000 });
    await screenshot(browser, "70-compose-queued");
    await byTestId(browser, "compose-done").click();
    await waitForGone(browser, "compose-dialog");
    const outbox = run(dataDir, ["outbox", "list"]);
    const request = outbox.find((m) => m.kind === "reschedule_request");
    assert.ok(request, `the Outbox holds the reschedule request: ${JSON.stringify(outbox.map((m) => m.kind))}`);
    assert.ok(request.recipients.some((r) => r.includes("bea@example.org")));
    assert.match(request.text, /Something came up on my side/);

    // Cancel Carl's interview with a reason.
    await chooseFromMenu(browser, await rowOf(browser, "interviews-panel-upcoming", "Carl Berg"), "cancel");
    const cancel = byTestId(browser, "cancel-dialog");
    await cancel.waitForDisplayed();
    await byTestId(browser, "cancel-reason").setValue("Carl moved away from the area");
    await screenshot(browser, "71-cancel-dialog");
    await byTestId(browser, "cancel-submit").click();
    await byTestId(browser, "cancel-result").waitForDisplayed({ timeout: 10_000 });
    assert.match(await byTestId(browser, "cancel-offered").getText(), /No one is on the waitlist/);
    await screenshot(browser, "72-cancel-done");
    await byTestId(browser, "cancel-done").click();
    await waitForGone(browser, "cancel-dialog");
    await browser.waitUntil(async () => (await count(browser, "canceled")) === 1, { timeoutMsg: "Canceled did not count Carl" });
    await openTab(browser, "canceled");
    const carlRow = await rowOf(browser, "interviews-panel-canceled", "Carl Berg");
    assert.match(await carlRow.$('[data-testid="interview-cancel-reason"]').getText(), /Carl moved away from the area/);
    await screenshot(browser, "73-canceled");

    // Eli's interview yesterday completed by itself; he did not come.
    await openTab(browser, "completed");
    await chooseFromMenu(browser, await rowOf(browser, "interviews-panel-completed", "Eli Ford"), "no-show");
    await browser.waitUntil(async () => (await count(browser, "no-show")) === 1, { timeoutMsg: "No Show did not count Eli" });
    await openTab(browser, "no-show");
    await rowOf(browser, "interviews-panel-no-show", "Eli Ford");
    await screenshot(browser, "74-no-show");

    // Dana waits as Pending; one click books her first choice.
    await openTab(browser, "pending");
    const dana = byTestId(browser, "pending-row");
    await dana.waitForDisplayed();
    assert.match(await dana.getText(), /Dana Diaz/);
    await screenshot(browser, "75-pending");
    await dana.$('[data-testid="assign-choice-1"]').click();
    await byTestId(browser, "pending-empty").waitForDisplayed({ timeout: 10_000 });
    assert.equal(await count(browser, "pending"), 0);
    assert.equal(await count(browser, "upcoming"), 2);
    const danaInterview = run(dataDir, ["interviews", "list", "--study", prepared.id]).find((i) => i.participantId === prepared.dana.id);
    assert.equal(studyClock(danaInterview.start), `${studyDay(5)}T09:45`, "Dana has her first choice");
    await screenshot(browser, "76-pending-assigned");

    // The calendar shows them all, in the study's zone.
    await openTab(browser, "calendar");
    await byTestId(browser, "interview-calendar").waitForDisplayed();
    assert.match(await byTestId(browser, "calendar-zone").getText(), /Europe\/Berlin/);
    await browser.waitUntil(async () => (await browser.$$(".interview-event").length) > 0, {
      timeout: 10_000,
      timeoutMsg: "the calendar shows no interview this week",
    });
    await screenshot(browser, "77-calendar-week");

    // Dragging Bea's interview two hours later asks first, naming the move and the rule it breaks.
    const beaEvent = await eventOf(browser, "Bea Lund");
    const before = run(dataDir, ["interviews", "list", "--study", prepared.id]).find((i) => i.participantId === prepared.bea.id);
    await drag(browser, beaEvent, 100);
    const move = byTestId(browser, "move-dialog");
    await move.waitForDisplayed({ timeout: 10_000 });
    assert.match(await move.getText(), /Move Bea Lund's interview from .* to /);
    await byTestId(browser, "move-confirm").waitForEnabled({ timeout: 10_000 });
    await screenshot(browser, "78-calendar-move-confirm");
    await byTestId(browser, "move-confirm").click();
    await waitForGone(browser, "move-dialog", { timeout: 10_000 });
    await byTestId(browser, "interviews-notice").waitForDisplayed();
    const after = run(dataDir, ["interviews", "list", "--study", prepared.id]).find((i) => i.participantId === prepared.bea.id);
    assert.equal(new Date(after.start).getTime() - new Date(before.start).getTime(), 2 * 3_600_000);
    assert.equal(after.sequence, before.sequence + 1);
    await screenshot(browser, "79-calendar-moved");
  } finally {
    await browser.deleteSession();
  }
});
