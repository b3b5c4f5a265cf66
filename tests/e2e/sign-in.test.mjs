// Connecting a mail account that signs in, in the real window: the researcher types their
// address and the servers fill in from the domain's autoconfig file (served by Python's HTTP
// server), signs in with the provider (the stack's OAuth server; the "browser" is a script
// that follows the address, and the server approves at once), the connection test passes over
// the sign-in, and Sync sends an invitation with it. The sign-in is kept in a real keyring
// (GNOME Keyring under a private session bus).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { after, before, test } from "node:test";
import { byTestId, confab, freshDataDir, screenshot } from "./support/app.mjs";
import { launchWithKeyring, startKeyringDriver, stopKeyringDriver } from "./support/keyring.mjs";
import { startMailStack, stopMailStack } from "./support/mail-stack.mjs";

let stackDir;
let stack;
let webServer;

/** The domain's autoconfig file: the stack's servers on this computer, without TLS. */
function autoconfigFile() {
  return `<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="confab.test">
    <domain>confab.test</domain>
    <incomingServer type="imap">
      <hostname>127.0.0.1</hostname><port>${stack.IMAP_PORT}</port><socketType>plain</socketType>
      <username>%EMAILADDRESS%</username><authentication>OAuth2</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>127.0.0.1</hostname><port>${stack.SUBMISSION_PORT}</port><socketType>plain</socketType>
      <username>%EMAILADDRESS%</username><authentication>OAuth2</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
`;
}

/** Python's HTTP server on a free port, serving the autoconfig file; returns its address. */
async function startWebServer() {
  const root = mkdtempSync(join(tmpdir(), "confab-e2e-autoconfig-"));
  const folder = join(root, ".well-known", "autoconfig", "mail");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "config-v1.1.xml"), autoconfigFile());
  webServer = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [line] = await once(webServer.stdout, "data");
  const port = /port (\d+)/.exec(String(line))?.[1];
  assert.ok(port, `no port in ${line}`);
  return `http://127.0.0.1:${port}`;
}

/** The system browser as xdg-open finds it through $BROWSER: it follows the sign-in address. */
function fakeBrowser() {
  const file = join(mkdtempSync(join(tmpdir(), "confab-e2e-browser-")), "browser.sh");
  writeFileSync(file, '#!/bin/sh\nexec curl -sSL --max-time 30 -o /dev/null "$1"\n');
  chmodSync(file, 0o755);
  return file;
}

before(async () => {
  ({ dir: stackDir, env: stack } = startMailStack(["--oauth"]));
  // The app inherits these from tauri-driver.
  process.env.CONFAB_AUTOCONFIG_URL = await startWebServer();
  process.env.BROWSER = fakeBrowser();
  await startKeyringDriver();
});

after(() => {
  stopKeyringDriver();
  webServer?.kill();
  stopMailStack(stackDir);
});

async function typeInto(browser, testId, value) {
  const input = byTestId(browser, testId);
  await input.waitForDisplayed();
  await input.clearValue();
  if (value !== "") await input.setValue(value);
}

function messagesOf(user) {
  const folder = join(stackDir, "mail", user, "Maildir", "new");
  try {
    return readdirSync(folder).map((name) => readFileSync(join(folder, name), "latin1"));
  } catch {
    return [];
  }
}

function cli(dataDir, args) {
  const result = confab(dataDir, args);
  assert.equal(result.status, 0, `confab ${args.join(" ")}: ${result.stderr}`);
  return result.json;
}

test("the servers fill in from the address, the researcher signs in, and Sync sends with the sign-in", async () => {
  const dataDir = freshDataDir();
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const study = cli(dataDir, ["studies", "create", "--name", "Sleep diary", "--time-zone", "Europe/Berlin", "--minutes", "45"]);
  cli(dataDir, ["sessions", "add", "--study", String(study.id), "--kind", "window", "--start", `${day}T09:00`, "--end", `${day}T12:00`]);
  const participant = cli(dataDir, [
    "participants", "add", "--name", "Alice Moreau", "--email", "alice@confab.test", "--time-zone", "Europe/Berlin",
    "--study", String(study.id),
  ]);

  const browser = await launchWithKeyring(dataDir);
  try {
    await byTestId(browser, "nav-settings").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "nav-settings").click();
    await typeInto(browser, "settings-name", "Dr Sam Rivera");
    await typeInto(browser, "settings-email", "researcher@confab.test");
    await typeInto(browser, "settings-timezone", "Europe/Berlin");

    // The address fills the servers in, and says where they came from.
    await byTestId(browser, "settings-find-servers").click();
    const found = byTestId(browser, "settings-found-servers");
    await found.waitForDisplayed({ timeout: 20_000 });
    assert.match(await found.getText(), /autoconfig file at http:\/\/127\.0\.0\.1:\d+\/\.well-known/);
    assert.equal(await byTestId(browser, "settings-imap-port").getValue(), stack.IMAP_PORT);
    assert.equal(await byTestId(browser, "settings-smtp-port").getValue(), stack.SUBMISSION_PORT);
    await screenshot(browser, "57-settings-found-servers");

    // Signing in with the provider saves the account first, then waits for the browser.
    const panel = byTestId(browser, "settings-sign-in-panel");
    await panel.scrollIntoView();
    await panel.$("summary").click();
    await typeInto(browser, "settings-sign-in-issuer", stack.OAUTH_ISSUER);
    await typeInto(browser, "settings-sign-in-client-id", stack.OAUTH_CLIENT_ID);
    await byTestId(browser, "settings-sign-in-other").click();
    const status = byTestId(browser, "settings-sign-in-status");
    await status.waitForDisplayed({ timeout: 60_000 });
    assert.match(await status.getText(), /Signed in/);
    assert.equal(await byTestId(browser, "settings-password").isExisting(), false, "no password field for a sign-in");
    await screenshot(browser, "58-settings-signed-in");

    // The connection test logs in with the sign-in on both servers.
    await byTestId(browser, "settings-test-connection").click();
    const result = byTestId(browser, "connection-result");
    await result.waitForDisplayed({ timeout: 30_000 });
    assert.equal(await result.getAttribute("data-ok"), "true", await result.getText());
    const log = readFileSync(join(stackDir, "dovecot.log"), "utf8");
    assert.match(log, /imap-login: Info: Login: user=<researcher>, method=(OAUTHBEARER|XOAUTH2)/);
    assert.match(log, /submission-login: Info: Login: user=<researcher>, method=XOAUTH2/);
  } finally {
    await browser.deleteSession();
  }

  // The invitation goes out through Sync with the sign-in kept in the keyring.
  cli(dataDir, ["invite", "--study", String(study.id), "--participant", String(participant.id)]);
  const again = await launchWithKeyring(dataDir);
  try {
    await byTestId(again, "nav-outbox").waitForDisplayed({ timeout: 15_000 });
    await byTestId(again, "nav-outbox").click();
    await byTestId(again, "outbox-row").waitForDisplayed({ timeout: 15_000 });
    if ((await byTestId(again, "preview-state").getText()) === "Held") {
      await byTestId(again, "message-release").click();
    }
    await byTestId(again, "sync-button").click();
    await again.waitUntil(async () => messagesOf("alice").some((m) => /^Subject: Invitation/m.test(m)), {
      timeout: 30_000,
      timeoutMsg: "the invitation did not reach Alice",
    });
    await screenshot(again, "59-sync-with-sign-in");
  } finally {
    await again.deleteSession();
  }
});
