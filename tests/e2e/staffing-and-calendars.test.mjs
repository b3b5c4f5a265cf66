// Who runs each interview, and the calendar account, in the real window: the researcher makes
// one interviewer run every interview of a study and books a participant (who then shows with
// that interviewer); connects a calendar account on a real CalDAV server (Radicale); links that
// interviewer's busy times and the study's interviews to its calendars; and after a Sync against
// a real mail stack sees the interviewer's appointment as a busy time on the availability
// calendar, and the interview in the study's calendar. Both passwords go to a real keyring
// (GNOME Keyring under a private session bus), where Sync reads them.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { byTestId, clickWhenSettled, freshDataDir, screenshot, waitForGone } from "./support/app.mjs";
import { launchWithKeyring, startKeyringDriver, stopKeyringDriver } from "./support/keyring.mjs";
import { startMailStack, stopMailStack } from "./support/mail-stack.mjs";
import { calendarText, createCalendar, eventIcs, putEvent, startRadicale, stopRadicale } from "./support/radicale.mjs";

const ZONE = "Europe/Berlin";

let mailDir;
let mail;
let radicaleDir;
let radicale;
let teamCalendar;
let bobCalendar;

/** `YYYY-MM-DD` of the day `offset` days from today, on the study's clock. */
function studyDay(offset) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

/** The instant of `time` (`HH:MM`) on `day` on the study's clock. */
function studyInstant(day, time) {
  const guess = new Date(`${day}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return new Date(guess.getTime() - (wall - guess.getTime()));
}

// The day of the interviews, two days ahead: past the study's day of notice.
const DAY = studyDay(2);

before(async () => {
  ({ dir: mailDir, env: mail } = startMailStack());
  ({ dir: radicaleDir, env: radicale } = startRadicale());
  // The researcher's account holds the team's calendar and the one Bob shares with them, where
  // his dentist's appointment already is when Confab first looks.
  teamCalendar = await createCalendar(radicale, "researcher", "team", "Team interviews");
  bobCalendar = await createCalendar(radicale, "researcher", "bob", "Bob Okafor");
  await putEvent(
    radicale,
    "researcher",
    bobCalendar,
    "dentist.ics",
    eventIcs({ uid: "dentist@e2e.test", summary: "Dentist", start: studyInstant(DAY, "14:00"), end: studyInstant(DAY, "15:30") }),
  );
  await startKeyringDriver();
});

after(() => {
  stopKeyringDriver();
  stopRadicale(radicaleDir);
  stopMailStack(mailDir);
});

async function typeInto(browser, testId, value) {
  const input = byTestId(browser, testId);
  await input.waitForDisplayed();
  await input.clearValue();
  if (value !== "") await input.setValue(value);
}

/** Sets a date or time input as a picker would: the engine draws them as locale-bound sub-fields. */
async function setPickerValue(browser, testId, value) {
  await browser.execute(
    (el, v) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      setter.call(el, v);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    await byTestId(browser, testId),
    value,
  );
}

/** Texts of the elements with `testId`, read afresh (the calendar redraws its events often). */
async function textsOf(browser, testId) {
  return browser.execute(
    (id) => [...document.querySelectorAll(`[data-testid="${id}"]`)].map((el) => `${el.textContent} ${el.title ?? ""}`),
    testId,
  );
}

/** Shows the week of the session on the availability calendar (two days ahead may be next week). */
async function showSessionWeek(browser) {
  await waitForGone(browser, "sessions-loading", { timeout: 10_000 });
  const shown = async () => (await textsOf(browser, "session-event")).some((text) => text.includes("Commute interviews"));
  if (await browser.waitUntil(shown, { timeout: 3_000 }).catch(() => false)) return;
  await byTestId(browser, "calendar-next").click();
  await browser.waitUntil(shown, { timeout: 10_000, timeoutMsg: "the session is not on the calendar" });
}

async function openPane(browser, pane) {
  await byTestId(browser, `pane-${pane}`).click();
  await byTestId(browser, `pane-${pane}-screen`).waitForDisplayed({ timeout: 10_000 });
}

async function addInterviewer(browser, name, email) {
  await typeInto(browser, "interviewer-name-input", name);
  await typeInto(browser, "interviewer-email-input", email);
  await byTestId(browser, "add-interviewer-button").click();
  await browser.waitUntil(async () => (await byTestId(browser, "interviewer-list").getText()).includes(name), {
    timeout: 10_000,
    timeoutMsg: `${name} was not added`,
  });
}

test("one interviewer runs every interview, and Sync reads their busy times from a CalDAV calendar", async () => {
  const browser = await launchWithKeyring(freshDataDir());
  try {
    // A study, created and opened.
    await byTestId(browser, "create-study-button").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "create-study-button").click();
    await byTestId(browser, "study-dialog").waitForDisplayed();
    await typeInto(browser, "study-name-input", "Commuting habits");
    await typeInto(browser, "study-timezone-input", ZONE);
    await screenshot(browser, "staffing-01-new-study");
    await byTestId(browser, "study-submit").click();
    await waitForGone(browser, "study-dialog");
    await clickWhenSettled(browser, byTestId(browser, "study-name"));
    await openPane(browser, "sessions");

    // Two interviewers; Alice would come first when they take turns (the fewest interviews, then by name).
    await byTestId(browser, "interviewers-panel").scrollIntoView();
    await addInterviewer(browser, "Alice Lind", "alice@confab.test");
    await addInterviewer(browser, "Bob Okafor", "bob@confab.test");
    await screenshot(browser, "staffing-02-interviewers");

    // A morning of interviews two days ahead, run by both of them.
    await byTestId(browser, "new-session-button").scrollIntoView({ block: "center" });
    await byTestId(browser, "new-session-button").click();
    await byTestId(browser, "session-dialog").waitForDisplayed();
    await typeInto(browser, "session-title-input", "Commute interviews");
    await setPickerValue(browser, "session-date-input", DAY);
    await setPickerValue(browser, "session-start-input", "10:00");
    await setPickerValue(browser, "session-end-input", "13:00");
    for (const box of await browser.$$('[data-testid^="session-interviewer-"]')) {
      if (!(await box.isSelected())) await box.click();
    }
    await screenshot(browser, "staffing-03-session-dialog");
    await byTestId(browser, "session-submit").click();
    await waitForGone(browser, "session-dialog", { timeout: 10_000 });
    await showSessionWeek(browser);
    await screenshot(browser, "staffing-04-session-on-calendar");

    // A participant, added by hand.
    await openPane(browser, "participants");
    await byTestId(browser, "add-participant-button").click();
    await byTestId(browser, "participant-dialog").waitForDisplayed();
    await typeInto(browser, "participant-name-input", "Carol Jensen");
    await typeInto(browser, "participant-email-input", "carol@confab.test");
    await byTestId(browser, "participant-submit").click();
    await waitForGone(browser, "participant-dialog", { timeout: 10_000 });
    await browser.waitUntil(async () => (await textsOf(browser, "participant-name")).some((t) => t.includes("Carol Jensen")), {
      timeout: 10_000,
      timeoutMsg: "Carol is not listed",
    });
    await screenshot(browser, "staffing-05-participant-added");

    // Study settings: Bob runs every interview.
    await byTestId(browser, "pane-study-settings").click();
    await byTestId(browser, "study-settings-form").waitForDisplayed({ timeout: 10_000 });
    const staffing = byTestId(browser, "settings-staffing");
    await staffing.scrollIntoView({ block: "center" });
    assert.equal(await byTestId(browser, "setting-staffing-roundRobin").isSelected(), true);
    // The choice waits until the study's interviewers have loaded.
    await byTestId(browser, "setting-staffing-fixed").waitForEnabled({ timeout: 10_000 });
    await byTestId(browser, "setting-staffing-fixed").click();
    const who = byTestId(browser, "setting-staffing-interviewer");
    await who.waitForDisplayed();
    await who.selectByVisibleText("Bob Okafor");
    assert.equal(await byTestId(browser, "setting-staffing-fixed").isSelected(), true);
    await screenshot(browser, "staffing-06-always-bob");
    await byTestId(browser, "settings-save").click();
    await browser.waitUntil(async () => (await byTestId(browser, "settings-save-status").getText()).includes("Saved"), {
      timeout: 10_000,
      timeoutMsg: "the study settings were not saved",
    });
    await staffing.scrollIntoView({ block: "center" });
    await screenshot(browser, "staffing-07-staffing-saved");

    // Carol booked by hand at the first open time: Bob runs it, not Alice.
    await openPane(browser, "interviews");
    // Book manually is enabled once the study's interviews have loaded; a click before does nothing.
    await byTestId(browser, "book-manually").waitForEnabled({ timeout: 10_000 });
    await byTestId(browser, "book-manually").click();
    await byTestId(browser, "book-dialog").waitForDisplayed();
    await byTestId(browser, "book-participant-search").setValue("carol");
    await browser.waitUntil(async () => (await browser.$$('[data-testid="book-participant-option"]')).length === 1, {
      timeoutMsg: "the search did not narrow the list to Carol",
    });
    await byTestId(browser, "book-participant-option").click();
    await byTestId(browser, "book-next").click();
    const slot = byTestId(browser, "slot-option");
    await slot.waitForDisplayed({ timeout: 10_000 });
    await slot.click();
    await screenshot(browser, "staffing-08-book-time");
    await byTestId(browser, "book-submit").waitForEnabled();
    await byTestId(browser, "book-submit").click();
    await byTestId(browser, "book-result").waitForDisplayed({ timeout: 10_000 });
    assert.match(await byTestId(browser, "book-result").getText(), /Carol Jensen/);
    await byTestId(browser, "book-done").click();
    await waitForGone(browser, "book-dialog");
    await browser.waitUntil(async () => (await textsOf(browser, "interview-interviewers")).some((t) => t.includes("with Bob Okafor")), {
      timeout: 10_000,
      timeoutMsg: "the interview does not say it is with Bob Okafor",
    });
    assert.ok(!(await textsOf(browser, "interview-interviewers")).some((t) => t.includes("Alice")), "Alice is not on it");
    await screenshot(browser, "staffing-09-interview-with-bob");

    // Settings: the mail account on the test mail stack, its password in the keyring.
    await byTestId(browser, "nav-settings").click();
    await byTestId(browser, "mail-settings-form").waitForDisplayed();
    await typeInto(browser, "settings-name", "Dr Sam Rivera");
    await typeInto(browser, "settings-email", "researcher@confab.test");
    await typeInto(browser, "settings-timezone", ZONE);
    await typeInto(browser, "settings-username", "researcher");
    await typeInto(browser, "settings-smtp-host", "127.0.0.1");
    await byTestId(browser, "settings-smtp-security").selectByAttribute("value", "plain");
    await typeInto(browser, "settings-smtp-port", mail.SMTP_PORT);
    await byTestId(browser, "settings-smtp-login").click();
    await typeInto(browser, "settings-imap-host", "127.0.0.1");
    await byTestId(browser, "settings-imap-security").selectByAttribute("value", "plain");
    await typeInto(browser, "settings-imap-port", mail.IMAP_PORT);
    await byTestId(browser, "settings-save").click();
    await browser.waitUntil(async () => (await byTestId(browser, "settings-save-state").getText()) === "Saved.", {
      timeoutMsg: "the mail account was not saved",
    });
    await typeInto(browser, "settings-password", mail.PASSWORD);
    await byTestId(browser, "settings-save-password").click();
    await byTestId(browser, "settings-password-status").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "settings-password-status").scrollIntoView({ block: "center" });
    await screenshot(browser, "staffing-10-mail-account");

    // Settings → Calendar account: connected to the CalDAV server, its calendars listed.
    const account = byTestId(browser, "calendar-settings");
    await account.scrollIntoView({ block: "start" });
    await byTestId(browser, "calendar-connect-form").waitForDisplayed();
    await screenshot(browser, "staffing-11-calendar-account-empty");
    await typeInto(browser, "calendar-url", radicale.RADICALE_URL);
    await typeInto(browser, "calendar-username", "researcher");
    await typeInto(browser, "calendar-password", radicale.PASSWORD_researcher);
    await byTestId(browser, "calendar-connect").click();
    await byTestId(browser, "calendar-list").waitForDisplayed({ timeout: 30_000 });
    const listed = await textsOf(browser, "calendar-item");
    assert.ok(listed.some((t) => t.includes("Team interviews")), `calendars listed: ${listed}`);
    assert.ok(listed.some((t) => t.includes("Bob Okafor")), `calendars listed: ${listed}`);
    assert.match(await byTestId(browser, "calendar-note").getText(), /Connected/);
    assert.equal(await byTestId(browser, "calendar-account-user").getText(), "researcher");
    await account.scrollIntoView({ block: "start" });
    await screenshot(browser, "staffing-12-calendar-connected");

    // Sessions & availability: the study's interviews go into the team's calendar, Bob's busy
    // times come from his.
    await byTestId(browser, "nav-studies").click();
    await clickWhenSettled(browser, byTestId(browser, "study-name"));
    await openPane(browser, "sessions");
    const links = byTestId(browser, "calendar-links");
    await links.scrollIntoView({ block: "start" });
    const studyCalendar = byTestId(browser, "calendar-links-study");
    await studyCalendar.waitForDisplayed({ timeout: 15_000 });
    await studyCalendar.selectByVisibleText("Team interviews");
    // The select follows what was saved: it shows the calendar once the choice is kept.
    await browser.waitUntil(async () => (await studyCalendar.getValue()) !== "", {
      timeout: 10_000,
      timeoutMsg: "the study's calendar was not saved",
    });
    await studyCalendar.waitForEnabled({ timeout: 10_000 });
    let bobSelect;
    for (const row of await browser.$$('[data-testid="calendar-link-row"]')) {
      if ((await row.getText()).includes("Bob Okafor")) bobSelect = await row.$("select");
    }
    assert.ok(bobSelect, "Bob has a row under Busy times from");
    const bobId = (await bobSelect.getAttribute("data-testid")).replace("calendar-links-interviewer-", "");
    await bobSelect.selectByVisibleText("Bob Okafor");
    await browser.waitUntil(async () => (await byTestId(browser, `calendar-links-read-${bobId}`).getText()) === "Saved.", {
      timeout: 10_000,
      timeoutMsg: "Bob's calendar link was not saved",
    });
    await links.scrollIntoView({ block: "start" });
    await screenshot(browser, "staffing-13-calendars-linked");

    // Nothing is busy yet: Confab has not read Bob's calendar.
    await byTestId(browser, "sessions-calendar").scrollIntoView({ block: "start" });
    await showSessionWeek(browser);
    assert.deepEqual(await textsOf(browser, "busy-event"), []);

    // Sync, from the sidebar: it sends the booking's mail, reads Bob's calendar and writes the interview.
    await byTestId(browser, "sync-button").click();
    await browser.waitUntil(async () => (await byTestId(browser, "sync-short-summary").isExisting()) && (await byTestId(browser, "sync-button").isEnabled()), {
      timeout: 60_000,
      timeoutMsg: "Sync did not finish",
    });
    assert.equal(await byTestId(browser, "sync-failed").isExisting(), false);

    // Bob's appointment shows as busy on the day of the interviews, named as his.
    await browser.waitUntil(async () => (await textsOf(browser, "busy-event")).some((t) => t.includes("Bob Okafor")), {
      timeout: 15_000,
      timeoutMsg: "Bob's busy time did not appear on the availability calendar after Sync",
    });
    const busy = await byTestId(browser, "busy-event");
    assert.match(await busy.getAttribute("title"), /Busy · Bob Okafor/);
    await busy.scrollIntoView({ block: "center" });
    await screenshot(browser, "staffing-14-busy-after-sync");

    // Under Busy times from, Bob's calendar now says when it was read.
    await links.scrollIntoView({ block: "start" });
    await browser.waitUntil(async () => /^Read /.test(await byTestId(browser, `calendar-links-read-${bobId}`).getText()), {
      timeout: 10_000,
      timeoutMsg: "Bob's calendar does not say it was read",
    });
    await screenshot(browser, "staffing-15-busy-read");

    // What Sync did, in its details.
    await byTestId(browser, "sync-details-button").click();
    await byTestId(browser, "sync-report-dialog").waitForDisplayed();
    assert.match(await byTestId(browser, "sync-fact-calendarsRead").getText(), /1 interviewer’s busy times read/);
    assert.match(await byTestId(browser, "sync-fact-calendarWritten").getText(), /1 interview written to your calendar/);
    await screenshot(browser, "staffing-16-sync-details");
    await byTestId(browser, "sync-report-close").click();
    await waitForGone(browser, "sync-report-dialog");
  } catch (error) {
    await screenshot(browser, "staffing-failure").catch(() => undefined);
    throw error;
  } finally {
    await browser.deleteSession();
  }

  // The interview is in the team's calendar on the server, with Bob on it.
  const written = await calendarText(radicale, "researcher", teamCalendar);
  assert.match(written, /BEGIN:VEVENT/);
  assert.match(written, /Carol Jensen/);
  assert.match(written.replace(/\r?\n[ \t]/g, ""), /Bob Okafor/);
});
