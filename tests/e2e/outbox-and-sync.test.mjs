// The Outbox and Sync in the real window, against a real mail stack: an invitation prepared on
// the command line is previewed, held and released, sent by Sync (with its progress and
// summary); the participant's reply by mail is read and applied by the next Sync (run with the
// keyboard shortcut); her calendar's counter-proposal then needs the researcher, who accepts it
// past the rule it breaks. The app reads the password from a real keyring (GNOME Keyring under a
// private session bus).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { byTestId, captureWindow, confab, freshDataDir, screenshot, screenshotDir, waitForGone } from "./support/app.mjs";
import { launchWithKeyring, startKeyringDriver, stopKeyringDriver } from "./support/keyring.mjs";
import { startMailStack, stopMailStack } from "./support/mail-stack.mjs";


// ---- The mail stack ----------------------------------------------------------------------

let stackDir;
let stack;

function startStack() {
  ({ dir: stackDir, env: stack } = startMailStack());
}

before(async () => {
  startStack();
  await startKeyringDriver();
});

after(() => {
  stopKeyringDriver();
  stopMailStack(stackDir);
});

async function typeInto(browser, testId, value) {
  const input = byTestId(browser, testId);
  await input.waitForDisplayed();
  await input.clearValue();
  if (value !== "") await input.setValue(value);
}

// ---- The participant's side: her mailbox and the mail her programs send ------------------

function maildir(user) {
  return join(stackDir, "mail", user, "Maildir", "new");
}

function messagesOf(user) {
  try {
    return readdirSync(maildir(user)).map((name) => readFileSync(join(maildir(user), name), "latin1"));
  } catch {
    return [];
  }
}

async function waitForMail(user, subjectPart, count = 1) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = messagesOf(user).filter((m) => (/^Subject: (.*)$/m.exec(m)?.[1] ?? "").includes(subjectPart));
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`no "${subjectPart}" message reached ${user}'s inbox`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The text/plain part of a raw message, quoted-printable decoded. */
function plainText(raw) {
  const part = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)\r?\n--/i.exec(raw);
  assert.ok(part, "the invitation has a text part");
  const bytes = part[1]
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The subject of the `n`th mailto: link, as a mail program fills it in. */
function mailtoSubject(text, n = 0) {
  const links = text.match(/mailto:[^\s<>]+/g) ?? [];
  assert.ok(links[n], `no mailto link number ${n} in:\n${text}`);
  const query = new URLSearchParams(links[n].split("?")[1]);
  return query.get("subject");
}

/** Submits a message to the stack's SMTP server, as a participant's mail program does. */
function sendMail(from, to, message) {
  const file = join(stackDir, `outgoing-${Date.now()}.eml`);
  writeFileSync(file, message.replace(/\r?\n/g, "\r\n"));
  const sent = spawnSync(
    "curl",
    ["-sS", "--url", `smtp://127.0.0.1:${stack.SMTP_PORT}`, "--mail-from", from, "--mail-rcpt", to, "--upload-file", file],
    { encoding: "utf8" },
  );
  assert.equal(sent.status, 0, `curl could not submit the mail: ${sent.stderr}`);
}

function replyFromLink(from, to, subject) {
  return [
    `From: Alice Moreau <${from}>`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: <reply-${Date.now()}@confab.test>`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Send this message as it is to choose this time.",
    "",
  ].join("\n");
}

/** What a calendar program sends when the attendee proposes another time: an iTIP COUNTER. */
function calendarCounter(from, to, uid, start, end) {
  const at = (d) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  return [
    `From: ${from}`,
    `To: ${to}`,
    "Subject: New time proposed: interview",
    `Message-ID: <counter-${Date.now()}@confab.test>`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "New time proposed.",
    "--b1",
    "Content-Type: text/calendar; charset=utf-8; method=COUNTER",
    "",
    "BEGIN:VCALENDAR",
    "PRODID:-//Test//Calendar//EN",
    "VERSION:2.0",
    "METHOD:COUNTER",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    "SEQUENCE:0",
    "DTSTAMP:20261123T100000Z",
    `DTSTART:${at(start)}`,
    `DTEND:${at(end)}`,
    `ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:${from}`,
    "COMMENT:Could we meet a little later?",
    "END:VEVENT",
    "END:VCALENDAR",
    "--b1--",
    "",
  ].join("\n");
}

function cli(dataDir, args) {
  const result = confab(dataDir, args);
  assert.equal(result.status, 0, `confab ${args.join(" ")}: ${result.stderr}`);
  return result.json;
}

/** Waits for a Sync to end and returns the summary's text. */
async function syncSummary(browser) {
  await browser.waitUntil(async () => (await byTestId(browser, "sync-button").isEnabled()), {
    timeout: 60_000,
    timeoutMsg: "Sync did not finish",
  });
  const summary = byTestId(browser, "last-sync");
  await summary.waitForDisplayed({ timeout: 10_000 });
  return summary.getText();
}

test("an invitation is previewed, held, released and sent; the reply is read and applied", async () => {
  const dataDir = freshDataDir();
  const researcher = "researcher@confab.test";
  const alice = "alice@confab.test";
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const study = cli(dataDir, ["studies", "create", "--name", "Sleep diary", "--time-zone", "Europe/Berlin", "--minutes", "45"]);
  const session = cli(dataDir, ["sessions", "add", "--study", String(study.id), "--kind", "window", "--start", `${day}T09:00`, "--end", `${day}T12:00`]);
  const participant = cli(dataDir, [
    "participants", "add", "--name", "Alice Moreau", "--email", alice, "--time-zone", "America/New_York", "--study", String(study.id),
  ]);
  cli(dataDir, [
    "mail", "set", "--name", "Dr Sam Rivera", "--email", researcher, "--time-zone", "Europe/Berlin", "--username", "researcher",
    "--smtp-host", "127.0.0.1", "--smtp-port", stack.SMTP_PORT, "--smtp-security", "plain", "--no-smtp-login",
    "--imap-host", "127.0.0.1", "--imap-port", stack.IMAP_PORT, "--imap-security", "plain",
  ]);
  const invited = cli(dataDir, ["invite", "--study", String(study.id), "--participant", String(participant.id)]);
  assert.deepEqual(invited.queued, [participant.id]);

  const browser = await launchWithKeyring(dataDir);
  try {
    // The password goes to the keyring from Settings, where the researcher keeps it.
    await byTestId(browser, "nav-settings").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "nav-settings").click();
    await typeInto(browser, "settings-password", stack.PASSWORD);
    await byTestId(browser, "settings-save-password").click();
    await byTestId(browser, "settings-password-status").waitForDisplayed({ timeout: 15_000 });

    // The invitation waits in the Outbox, with its preview.
    await byTestId(browser, "nav-outbox").click();
    const row = byTestId(browser, "outbox-row");
    await row.waitForDisplayed({ timeout: 15_000 });
    assert.match(await row.getText(), /invitation/i);
    assert.equal(await byTestId(browser, "preview-subject").getText(), "Invitation: an interview for Sleep diary");
    assert.match(await byTestId(browser, "preview-recipients").getText(), /alice@confab\.test/);
    assert.match(await byTestId(browser, "preview-text").getText(), /mailto:researcher@confab\.test/);
    assert.equal(await byTestId(browser, "preview-calendar").getText(), "No calendar invitation");
    await screenshot(browser, "80-outbox-invitation");
    await byTestId(browser, "preview-tab-html").click();
    await byTestId(browser, "preview-html").waitForDisplayed();
    // The HTML version renders only inside a sandbox: no scripts, no same-origin access.
    assert.equal(await byTestId(browser, "preview-html").getAttribute("sandbox"), "");
    await screenshot(browser, "81-outbox-invitation-html");
    await byTestId(browser, "preview-tab-text").click();

    // Editing opens with the wording as it is; cancelling changes nothing.
    await byTestId(browser, "message-edit").click();
    await byTestId(browser, "edit-message-dialog").waitForDisplayed();
    assert.equal(await byTestId(browser, "edit-message-subject").getValue(), "Invitation: an interview for Sleep diary");
    await screenshot(browser, "82-outbox-edit");
    await browser.keys("Escape");
    await waitForGone(browser, "edit-message-dialog");

    // Held, it leaves Waiting for Held; released, it comes back.
    await byTestId(browser, "message-hold").click();
    await byTestId(browser, "outbox-empty").waitForDisplayed();
    await byTestId(browser, "outbox-filter-held").click();
    await byTestId(browser, "preview-state").waitForDisplayed();
    assert.equal(await byTestId(browser, "preview-state").getText(), "Held");
    await screenshot(browser, "83-outbox-held");
    await byTestId(browser, "message-release").click();
    await byTestId(browser, "outbox-empty").waitForDisplayed();
    await byTestId(browser, "outbox-filter-waiting").click();
    await byTestId(browser, "outbox-row").waitForDisplayed();

    // Sync sends it, showing where it is, then what it did.
    await byTestId(browser, "sync-button").click();
    // On loopback a Sync takes well under a second: capture at once, without the usual settling.
    await captureWindow(browser, join(screenshotDir, "84-sync-running.png"));
    const first = await syncSummary(browser);
    assert.match(first, /1 message sent/);
    assert.equal(await byTestId(browser, "sync-fact-sent").getText(), "1 message sent");
    await screenshot(browser, "85-sync-summary");
    await byTestId(browser, "outbox-filter-sent").click();
    assert.equal(await byTestId(browser, "preview-state").getText(), "Sent");

    // Alice clicks the first time in the invitation she received and presses Send.
    const [invitation] = await waitForMail("alice", "Invitation");
    const choice = mailtoSubject(plainText(invitation), 0);
    assert.match(choice, /\[CF-/);
    sendMail(alice, researcher, replyFromLink(alice, researcher, choice));
    await waitForMail("researcher", "Interview choice");

    // The next Sync, by keyboard, reads and applies it; the confirmation goes out at once.
    await browser.keys(["Control", "Shift", "s"]);
    await browser.waitUntil(async () => (await byTestId(browser, "sync-fact-read").getText()) !== "0 messages read", {
      timeout: 60_000,
      timeoutMsg: "the second Sync did not read the reply",
    });
    const second = await syncSummary(browser);
    assert.match(second, /1 reply applied/);
    assert.match(await byTestId(browser, "sync-action").getText(), /alice@confab\.test/);
    await screenshot(browser, "86-sync-reply-applied");
    const interviews = cli(dataDir, ["interviews", "list", "--study", String(study.id)]);
    assert.equal(interviews.length, 1);
    assert.equal(interviews[0].participantEmail, alice);
    assert.equal(new Date(interviews[0].start).toISOString(), new Date(session.pattern.start).toISOString());
    await browser.waitUntil(async () =>
      (await browser.$$('[data-testid="outbox-row-subject"]').map((e) => e.getProperty("textContent"))).some((s) => /confirm/i.test(s)),
    );
    await browser.$('[data-testid="outbox-row"][data-state="sent"]').click();
    await screenshot(browser, "87-outbox-sent-confirmation");

    // Alice's calendar proposes half an hour later: no slot starts then, so it needs the researcher.
    const booked = interviews[0];
    const later = new Date(new Date(booked.start).getTime() + 30 * 60_000);
    sendMail(alice, researcher, calendarCounter(alice, researcher, booked.calendarUid, later, new Date(later.getTime() + 45 * 60_000)));
    await waitForMail("researcher", "New time proposed");
    await byTestId(browser, "sync-button").click();
    const third = await syncSummary(browser);
    assert.match(third, /1 item needs you/);
    const item = byTestId(browser, "attention-item");
    await item.waitForDisplayed();
    assert.equal(await item.getAttribute("data-kind"), "counter");
    assert.match(await byTestId(browser, "attention-proposed").getText(), /for the participant/);
    await screenshot(browser, "88-attention-counter");

    // Accepting names the rule the time breaks before anything moves.
    await byTestId(browser, "attention-accept").click();
    const rules = byTestId(browser, "rule-break-dialog");
    await rules.waitForDisplayed({ timeout: 15_000 });
    assert.ok((await byTestId(browser, "rule-break-list").getText()).length > 0);
    await screenshot(browser, "89-attention-rule-breaks");
    await byTestId(browser, "rule-break-confirm").click();
    await waitForGone(browser, "attention-list", { timeout: 15_000 });
    const moved = cli(dataDir, ["interviews", "list", "--study", String(study.id)]);
    assert.equal(new Date(moved[0].start).toISOString(), later.toISOString());
    await byTestId(browser, "outbox-filter-waiting").click();
    await byTestId(browser, "preview-calendar").waitForDisplayed();
    assert.match(await byTestId(browser, "preview-calendar").getText(), /Calendar invitation/);
    await screenshot(browser, "90-outbox-update-after-accept");
  } finally {
    await browser.deleteSession();
  }
});

test("an answer in the participant's own words that fits several times is settled with one click", async () => {
  const dataDir = freshDataDir();
  const researcher = "researcher@confab.test";
  const bob = "bob@confab.test";
  const zone = "Europe/Berlin";
  const dayStart = new Date(Date.now() + 4 * 86_400_000);
  const day = dayStart.toISOString().slice(0, 10);
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "long" }).format(new Date(`${day}T12:00:00Z`));
  const study = cli(dataDir, ["studies", "create", "--name", "Sleep diary", "--time-zone", zone, "--minutes", "60"]);
  const session = cli(dataDir, ["sessions", "add", "--study", String(study.id), "--kind", "window", "--start", `${day}T09:00`, "--end", `${day}T12:00`]);
  const participant = cli(dataDir, ["participants", "add", "--name", "Bob Stone", "--email", bob, "--time-zone", zone, "--study", String(study.id)]);
  cli(dataDir, [
    "mail", "set", "--name", "Dr Sam Rivera", "--email", researcher, "--time-zone", zone, "--username", "researcher",
    "--smtp-host", "127.0.0.1", "--smtp-port", stack.SMTP_PORT, "--smtp-security", "plain", "--no-smtp-login",
    "--imap-host", "127.0.0.1", "--imap-port", stack.IMAP_PORT, "--imap-security", "plain",
  ]);
  cli(dataDir, ["invite", "--study", String(study.id), "--participant", String(participant.id)]);

  const browser = await launchWithKeyring(dataDir);
  try {
    await byTestId(browser, "nav-settings").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "nav-settings").click();
    await typeInto(browser, "settings-password", stack.PASSWORD);
    await byTestId(browser, "settings-save-password").click();
    await byTestId(browser, "settings-password-status").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "nav-outbox").click();
    await byTestId(browser, "outbox-row").waitForDisplayed({ timeout: 15_000 });
    // This data folder's first Sync reads the shared inbox only from where it is now: earlier
    // tests' mail stays unread, and Bob's answer below is new.
    await byTestId(browser, "sync-button").click();
    await syncSummary(browser);

    // Bob presses Reply and names only the day, which has three times.
    const [invitation] = await waitForMail("bob", "Invitation");
    assert.match(plainText(invitation), /\* 2\. .*\(code [0-9A-Z]{4}\)/);
    sendMail(
      bob,
      researcher,
      [
        `From: Bob Stone <${bob}>`,
        `To: ${researcher}`,
        "Subject: Re: Invitation: an interview for Sleep diary",
        `Message-ID: <words-${Date.now()}@confab.test>`,
        `Date: ${new Date().toUTCString()}`,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        `Hi Sam, ${weekday} works for me.`,
        "",
      ].join("\n"),
    );
    await waitForMail("researcher", "Re: Invitation");
    await byTestId(browser, "sync-button").click();
    await syncSummary(browser);
    const item = browser.$('[data-testid="attention-item"][data-kind="reply_ambiguous"]');
    await item.waitForDisplayed({ timeout: 15_000 });
    assert.match(await item.getText(), /Bob Stone answered in their own words/);
    const choices = await item.$$('[data-testid="attention-candidate"]');
    assert.equal(choices.length, 3);
    await screenshot(browser, "91-attention-own-words");

    // One click books the second time, as Bob's click on it would have.
    await choices[1].click();
    await browser.waitUntil(async () => !(await item.isExisting()), { timeout: 15_000, timeoutMsg: "the item stayed" });
    const interviews = cli(dataDir, ["interviews", "list", "--study", String(study.id)]);
    assert.equal(interviews.length, 1);
    assert.equal(interviews[0].participantEmail, bob);
    assert.equal(new Date(interviews[0].start).getTime(), new Date(session.pattern.start).getTime() + 3_600_000, "the second time");
    await screenshot(browser, "92-attention-own-words-booked");
  } finally {
    await browser.deleteSession();
  }
});
