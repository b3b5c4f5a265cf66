// Settings → Mail and templates in the real window: the researcher fills in the profile and the
// mail account, keeps the password in a real keyring (GNOME Keyring under a private session
// bus), tests the connection against a real mail stack (and sees a wrong port named), and
// rewords a study's invitation with its live preview.
import assert from "node:assert/strict";
import { connect, createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { byTestId, confab, freshDataDir, screenshot, waitForGone } from "./support/app.mjs";
import { launchWithKeyring, startKeyringDriver, stopKeyringDriver } from "./support/keyring.mjs";
import { startMailStack, stopMailStack } from "./support/mail-stack.mjs";


// ---- The mail stack ----------------------------------------------------------------------

let stackDir;
let stack;

function startStack() {
  ({ dir: stackDir, env: stack } = startMailStack());
}

function closedPort() {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
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

test("the researcher sets up their profile and mail account, tests it, and rewords an invitation", async () => {
  const dataDir = freshDataDir();
  const browser = await launchWithKeyring(dataDir);
  try {
    // Templates belong to a study: make one the way a researcher does.
    await byTestId(browser, "create-study-button").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "create-study-button").click();
    await typeInto(browser, "study-name-input", "Sleep diary");
    await byTestId(browser, "study-submit").click();
    await waitForGone(browser, "study-dialog");

    await byTestId(browser, "nav-settings").click();
    await byTestId(browser, "mail-settings-form").waitForDisplayed();
    await screenshot(browser, "50-settings-empty");

    // Saving an account without its servers is refused in the form, next to each field.
    await typeInto(browser, "settings-username", "researcher");
    await byTestId(browser, "settings-save").click();
    await byTestId(browser, "mail-smtpHost-error").waitForDisplayed();
    await byTestId(browser, "mail-researcherEmail-error").waitForDisplayed();
    await screenshot(browser, "51-settings-errors");

    await typeInto(browser, "settings-name", "Dr Sam Rivera");
    await typeInto(browser, "settings-email", "researcher@confab.test");
    await typeInto(browser, "settings-timezone", "Europe/Berlin");
    await typeInto(browser, "settings-smtp-host", "127.0.0.1");
    await byTestId(browser, "settings-smtp-security").selectByAttribute("value", "plain");
    await typeInto(browser, "settings-smtp-port", stack.SMTP_PORT);
    await byTestId(browser, "settings-smtp-login").click();
    await typeInto(browser, "settings-imap-host", "127.0.0.1");
    await byTestId(browser, "settings-imap-security").selectByAttribute("value", "plain");
    await typeInto(browser, "settings-imap-port", stack.IMAP_PORT);
    await screenshot(browser, "52-settings-filled");
    await byTestId(browser, "settings-save").click();
    await browser.waitUntil(async () => (await byTestId(browser, "settings-save-state").getText()) === "Saved.", {
      timeoutMsg: "the profile was not saved",
    });

    // The password goes to the keyring and the field is emptied: it is never shown again.
    await typeInto(browser, "settings-password", stack.PASSWORD);
    await byTestId(browser, "settings-save-password").click();
    await byTestId(browser, "settings-password-status").waitForDisplayed({ timeout: 15_000 });
    assert.equal(await byTestId(browser, "settings-password").getValue(), "");

    // Tested with the keyring's password.
    await byTestId(browser, "settings-test-connection").click();
    const result = byTestId(browser, "connection-result");
    await result.waitForDisplayed({ timeout: 30_000 });
    assert.equal(await result.getAttribute("data-ok"), "true", await result.getText());
    assert.match(await result.getText(), /Both servers/);
    await screenshot(browser, "53-settings-connection-ok");

    // A wrong IMAP port: the result names the server and the step that failed.
    await typeInto(browser, "settings-imap-port", String(await closedPort()));
    await byTestId(browser, "settings-test-connection").click();
    await browser.waitUntil(async () => (await byTestId(browser, "connection-result").getAttribute("data-ok")) === "false", {
      timeout: 30_000,
      timeoutMsg: "the test with a wrong port did not fail",
    });
    const failure = byTestId(browser, "connection-result");
    assert.equal(await failure.getAttribute("data-server"), "imap");
    assert.equal(await failure.getAttribute("data-stage"), "connect");
    assert.match(await failure.getText(), /Incoming mail \(IMAP\) failed while connecting/);
    await failure.scrollIntoView();
    await screenshot(browser, "54-settings-connection-failed");
    await typeInto(browser, "settings-imap-port", stack.IMAP_PORT);
    await byTestId(browser, "settings-save").click();
    await browser.waitUntil(async () => (await byTestId(browser, "settings-save-state").getText()) === "Saved.");

    // Templates: the study's invitation, reworded, with the preview following the text.
    const editor = byTestId(browser, "template-editor");
    await editor.scrollIntoView();
    await editor.waitForDisplayed();
    await byTestId(browser, "template-preview-subject").waitForDisplayed({ timeout: 15_000 });
    await screenshot(browser, "55-settings-template");
    await typeInto(browser, "template-subject", "Your interview for {{study_name}}, {{participant_name}}");
    await browser.waitUntil(
      async () => (await byTestId(browser, "template-preview-subject").getText()) === "Your interview for Everyday Sleep Study, Alex Morgan",
      { timeoutMsg: "the preview did not follow the subject" },
    );
    // An unknown placeholder is named before anything is saved.
    await typeInto(browser, "template-subject", "Your {{favourite_colour}} interview");
    await byTestId(browser, "template-problem").waitForDisplayed();
    assert.match(await byTestId(browser, "template-problem").getText(), /favourite_colour/);
    assert.equal(await byTestId(browser, "template-save").isEnabled(), false);
    await screenshot(browser, "56-settings-template-problem");
    await typeInto(browser, "template-subject", "Your interview for {{study_name}}, {{participant_name}}");
    await waitForGone(browser, "template-problem");
    await byTestId(browser, "template-save").click();
    await browser.waitUntil(async () => (await byTestId(browser, "template-save-state").getText()).startsWith("Saved."));
    await screenshot(browser, "57-settings-template-saved");
    await byTestId(browser, "template-preview-tab-html").click();
    await screenshot(browser, "58-settings-template-html");

    // The same message for a German-speaking participant: Confab's German wording, with
    // German dates, previewed before anything is sent.
    await byTestId(browser, "template-language").selectByAttribute("value", "de-DE");
    await browser.waitUntil(
      async () => (await byTestId(browser, "template-preview-subject").getText()).startsWith("Einladung"),
      { timeout: 15_000, timeoutMsg: "the preview did not switch to German" },
    );
    await byTestId(browser, "template-preview-text").waitForDisplayed();
    const german = await byTestId(browser, "template-preview-text").getText();
    assert.match(german, /Guten Tag Alex Morgan/);
    assert.match(german, /Di\., 8\. Dez\., 10:00–10:45/);
    assert.doesNotMatch(german, /\b(the|your|please)\b/i);
    // The English wording saved above is untouched by the German one.
    assert.equal(await byTestId(browser, "template-subject").getValue(), "Einladung zum Interview: {{study_name}}");
    await screenshot(browser, "59-settings-template-german");
  } finally {
    await browser.deleteSession();
  }

  // What the window saved is what the command line reads.
  const saved = confab(dataDir, ["mail", "show"]).json;
  assert.equal(saved.researcherName, "Dr Sam Rivera");
  assert.equal(saved.researcherEmail, "researcher@confab.test");
  assert.equal(saved.timeZone, "Europe/Berlin");
  assert.equal(saved.account.smtpPort, Number(stack.SMTP_PORT));
  assert.equal(saved.account.imapPort, Number(stack.IMAP_PORT));
  assert.equal(saved.account.smtpLogin, false);
  assert.equal(saved.account.imapSecurity, "plain");
});

test("unsaved settings survive closing the window and come back with a note", async () => {
  const dataDir = freshDataDir();
  let browser = await launchWithKeyring(dataDir);
  try {
    await byTestId(browser, "nav-settings").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "nav-settings").click();
    await typeInto(browser, "settings-name", "Dr Ada Half-typed");
    await browser.waitUntil(async () => (await byTestId(browser, "settings-save-state").getText()) === "Unsaved changes");
  } finally {
    await browser.deleteSession();
  }
  // The draft lives in the window's storage, which the same app keeps between launches.
  browser = await launchWithKeyring(dataDir);
  try {
    await byTestId(browser, "nav-settings").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "nav-settings").click();
    await byTestId(browser, "settings-draft-restored").waitForDisplayed();
    assert.equal(await byTestId(browser, "settings-name").getValue(), "Dr Ada Half-typed");
    await screenshot(browser, "59-settings-draft-restored");
  } finally {
    await browser.deleteSession();
  }
});
