import assert from "node:assert/strict";
import { after, test } from "node:test";
import { byTestId, freshDataDir, launch, screenshot, stopDriver } from "./support/app.mjs";

after(stopDriver);

// Date and time inputs are drawn by the engine as several sub-fields whose typing rules depend
// on the locale; set them as a picker would, through the value and an input event.
async function setPickerValue(browser, element, value) {
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

// Waiting on an element that is being removed can meet it half-gone (a stale handle in WebKit's
// driver); asking the page whether any such element is left does not.
async function waitGone(browser, testId, timeout = 10_000) {
  await browser.waitUntil(
    () => browser.execute((id) => document.querySelector(`[data-testid="${id}"]`) === null, testId),
    { timeout, timeoutMsg: `${testId} is still shown` },
  );
}

async function typeInto(element, value) {
  await element.clearValue();
  await element.setValue(value);
}

/** The calendar events of sessions whose text contains `text`. */
async function sessionEvents(browser, text) {
  const all = await browser.$$('[data-testid="session-event"]');
  const matching = [];
  for (const el of all) {
    try {
      // textContent: an event scrolled out of the calendar's view has no rendered text.
      if ((await el.getProperty("textContent")).includes(text)) matching.push(el);
    } catch {
      // Re-rendered while being read: the next poll sees the new one.
    }
  }
  return matching;
}

async function waitForSessionEvent(browser, text, timeout = 10_000) {
  await browser.waitUntil(async () => (await sessionEvents(browser, text)).length > 0, {
    timeout,
    timeoutMsg: `no calendar event shows "${text}"`,
  });
  return (await sessionEvents(browser, text))[0];
}

async function openSessionEditor(browser, text) {
  const event = await waitForSessionEvent(browser, text);
  await event.scrollIntoView({ block: "center" });
  await event.click();
  await byTestId(browser, "session-dialog").waitForDisplayed();
}

async function submitSessionDialog(browser) {
  await byTestId(browser, "session-submit").click();
  await waitGone(browser, "session-dialog");
}

test("sessions and interviewers are set up on a study's availability calendar", async () => {
  const browser = await launch(freshDataDir());
  try {
    // A study, created and opened in the window.
    await byTestId(browser, "create-study-button").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "create-study-button").click();
    await byTestId(browser, "study-dialog").waitForDisplayed();
    await byTestId(browser, "study-name-input").setValue("Onboarding interviews");
    await typeInto(byTestId(browser, "study-timezone-input"), "Europe/Berlin");
    await byTestId(browser, "study-submit").click();
    await waitGone(browser, "study-dialog");
    // The list may still re-render after the dialog closes: click the name once it holds still.
    await browser.waitUntil(async () => {
      try {
        await byTestId(browser, "study-name").click();
        return await byTestId(browser, "pane-sessions").isDisplayed();
      } catch {
        return false;
      }
    });
    await byTestId(browser, "pane-sessions").click();
    await byTestId(browser, "pane-sessions-screen").waitForDisplayed();
    await byTestId(browser, "sessions-empty").waitForDisplayed({ timeout: 10_000 });
    assert.match(await byTestId(browser, "sessions-zone").getText(), /Europe\/Berlin/);
    await browser.waitUntil(async () => /open slot/.test(await byTestId(browser, "open-slots").getText()));
    assert.equal(await byTestId(browser, "open-slots-count").getText(), "0");
    await screenshot(browser, "sessions-01-empty");

    // An interviewer, so sessions can name who runs them.
    const panel = byTestId(browser, "interviewers-panel");
    await panel.scrollIntoView();
    await byTestId(browser, "interviewer-name-input").setValue("Iris Chen");
    await byTestId(browser, "interviewer-email-input").setValue("iris@example.org");
    await byTestId(browser, "add-interviewer-button").click();
    await byTestId(browser, "interviewer-row").waitForDisplayed();
    assert.match(await byTestId(browser, "interviewer-list").getText(), /Iris Chen[\s\S]*iris@example\.org/);
    await screenshot(browser, "sessions-02-interviewer-added");

    // A one-off window two days ahead, so its slots are open and counted.
    const inTwoDays = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(Date.now() + 2 * 86_400_000);
    await byTestId(browser, "new-session-button").scrollIntoView({ block: "center" });
    await byTestId(browser, "new-session-button").click();
    await byTestId(browser, "session-dialog").waitForDisplayed();
    await typeInto(byTestId(browser, "session-title-input"), "Usability sessions");
    await setPickerValue(browser, await byTestId(browser, "session-date-input"), inTwoDays);
    await setPickerValue(browser, await byTestId(browser, "session-start-input"), "10:00");
    await setPickerValue(browser, await byTestId(browser, "session-end-input"), "13:00");
    const iris = await browser.$('[data-testid^="session-interviewer-"]');
    await iris.click();
    assert.equal(await iris.isSelected(), true);
    await screenshot(browser, "sessions-03-new-window-dialog");
    await submitSessionDialog(browser);
    await waitGone(browser, "sessions-empty");
    // Two days ahead may be in the next week.
    if ((await sessionEvents(browser, "Usability sessions")).length === 0) await byTestId(browser, "calendar-next").click();
    const window = await waitForSessionEvent(browser, "Usability sessions");
    await browser.waitUntil(async () => Number(await byTestId(browser, "open-slots-count").getText()) > 0, {
      timeoutMsg: "the open-slot count does not include the new window",
    });
    assert.match(await window.getProperty("textContent"), /1 per slot/);
    await screenshot(browser, "sessions-04-window-created");

    // Weekly availability, through the same dialog.
    await byTestId(browser, "new-session-button").click();
    await byTestId(browser, "session-dialog").waitForDisplayed();
    await byTestId(browser, "session-kind-weekly").click();
    assert.equal(await byTestId(browser, "session-title-input").getValue(), "Weekly availability");
    await setPickerValue(browser, await byTestId(browser, "session-start-input"), "14:00");
    await setPickerValue(browser, await byTestId(browser, "session-end-input"), "16:00");
    await screenshot(browser, "sessions-05-new-weekly-dialog");
    await submitSessionDialog(browser);
    await waitForSessionEvent(browser, "Weekly availability");
    await screenshot(browser, "sessions-06-week-view");

    // Hours that end before they start are caught in the dialog, next to the field.
    await openSessionEditor(browser, "Usability sessions");
    await setPickerValue(browser, await byTestId(browser, "session-end-input"), "09:00");
    await byTestId(browser, "session-submit").click();
    await byTestId(browser, "session-endTime-error").waitForDisplayed();
    await screenshot(browser, "sessions-07-edit-with-error");

    // Capacity changed in the editor.
    await setPickerValue(browser, await byTestId(browser, "session-end-input"), "13:00");
    await typeInto(byTestId(browser, "session-capacity-input"), "3");
    await submitSessionDialog(browser);
    await browser.waitUntil(async () => (await sessionEvents(browser, "3 per slot")).length > 0, {
      timeoutMsg: "the new capacity does not show on the calendar",
    });
    await screenshot(browser, "sessions-08-capacity-changed");

    // Hidden: muted on the calendar and named so in its title.
    await openSessionEditor(browser, "Weekly availability");
    await byTestId(browser, "session-visible-toggle").click();
    await screenshot(browser, "sessions-09-hide-weekly");
    await submitSessionDialog(browser);
    await browser.waitUntil(async () => (await sessionEvents(browser, "Hidden · Weekly availability")).length > 0, {
      timeoutMsg: "the hidden session is not marked Hidden",
    });
    const hidden = (await sessionEvents(browser, "Hidden · Weekly availability"))[0];
    assert.match(await hidden.getAttribute("class"), /session-hidden/);
    assert.notEqual(await hidden.getCSSProperty("opacity").then((o) => o.parsedValue ?? Number(o.value)), 1);
    await screenshot(browser, "sessions-10-hidden-muted");

    // One date of the weekly session closed.
    await openSessionEditor(browser, "Weekly availability");
    await byTestId(browser, "session-tab-date").click();
    await byTestId(browser, "session-exceptions").waitForDisplayed();
    await byTestId(browser, "exception-submit").click();
    await byTestId(browser, "exception-saved").waitForDisplayed({ timeout: 10_000 });
    assert.match(await byTestId(browser, "session-exception-list").getText(), /closed/);
    await screenshot(browser, "sessions-11-date-closed");
    await browser.keys("Escape");
    await waitGone(browser, "session-dialog");

    // The other views.
    await byTestId(browser, "calendar-view-month").click();
    await waitForSessionEvent(browser, "Usability sessions");
    await screenshot(browser, "sessions-12-month-view");
    await byTestId(browser, "calendar-view-list").click();
    await waitForSessionEvent(browser, "Usability sessions");
    await screenshot(browser, "sessions-13-list-view");
    await byTestId(browser, "calendar-view-week").click();
    await waitForSessionEvent(browser, "Usability sessions");

    // Deleting a session nobody booked.
    await openSessionEditor(browser, "Usability sessions");
    await byTestId(browser, "session-delete").click();
    await byTestId(browser, "session-delete-dialog").waitForDisplayed();
    await screenshot(browser, "sessions-14-delete-confirm");
    await byTestId(browser, "session-delete-confirm").click();
    await waitGone(browser, "session-dialog");
    await browser.waitUntil(async () => (await sessionEvents(browser, "Usability sessions")).length === 0, {
      timeoutMsg: "the deleted session is still on the calendar",
    });
    await screenshot(browser, "sessions-15-after-delete");
  } catch (error) {
    // What the window showed when a step failed, to see why.
    await screenshot(browser, "sessions-failure").catch(() => undefined);
    throw error;
  } finally {
    await browser.deleteSession();
  }
});
