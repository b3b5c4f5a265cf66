// A lab on a team database: the window of one researcher, and another researcher's `confab`
// on their own computer (another data folder), both on one PostgreSQL. What the other books
// appears in the window by itself, without a reload. When the server goes down while the
// window is open, the window shows what it last knew, read-only, and comes back by itself
// when the server is up again.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { byTestId, confab, freshDataDir, launch, screenshot, stopDriver } from "./support/app.mjs";
import { createDatabase, restartPostgres, startPostgres, stopPostgres } from "./support/postgres.mjs";

const server = startPostgres();
after(() => {
  stopDriver();
  stopPostgres(server.dir);
});

const url = createDatabase(server.adminUrl, "lab_studies");

/** `confab` of a researcher on their own computer, on the team database. */
function run(dataDir, args) {
  const result = confab(dataDir, ["--database", url, ...args]);
  assert.equal(result.status, 0, `confab ${args.join(" ")}: ${result.stderr}`);
  return result.json;
}

function tomorrow() {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

async function upcomingNames(browser) {
  const names = [];
  for (const cell of await browser.$$('[data-testid="interview-participant"]')) names.push(await cell.getText());
  return names;
}

test("a booking made on another computer appears in the window without a reload", async () => {
  const colleague = freshDataDir();
  const study = run(colleague, ["studies", "create", "--name", "Shared diary study", "--time-zone", "UTC", "--minutes", "30"]);
  const id = String(study.id);
  run(colleague, ["settings", "set", "--study", id, "--min-notice-minutes", "0"]);
  const session = run(colleague, ["sessions", "add", "--study", id, "--kind", "window", "--start", `${tomorrow()}T09:00`, "--end", `${tomorrow()}T12:00`, "--capacity", "2"]);
  const ada = run(colleague, ["participants", "add", "--name", "Ada Park", "--email", "ada@example.org", "--study", id]);
  const bo = run(colleague, ["participants", "add", "--name", "Bo Lind", "--email", "bo@example.org", "--study", id]);
  run(colleague, ["book", "--study", id, "--participant", String(ada.id), "--session", String(session.id), "--start", `${tomorrow()}T09:00`]);

  // This researcher's window, on the same team database from another data folder.
  process.env.CONFAB_DATABASE_URL = url;
  const browser = await launch(freshDataDir());
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 15_000 });
    await byTestId(browser, "study-name").click();
    await byTestId(browser, "pane-interviews").click();
    await byTestId(browser, "interviews-tab-upcoming").waitForDisplayed({ timeout: 15_000 });
    await browser.waitUntil(async () => (await upcomingNames(browser)).includes("Ada Park"), {
      timeoutMsg: "the window does not show the interview booked before it opened",
    });
    await screenshot(browser, "95-team-before");

    // The colleague books Bo from their computer; the window shows it by itself.
    const started = Date.now();
    run(colleague, ["book", "--study", id, "--participant", String(bo.id), "--session", String(session.id), "--start", `${tomorrow()}T10:00`]);
    await browser.waitUntil(async () => (await upcomingNames(browser)).includes("Bo Lind"), {
      timeout: 5_000,
      timeoutMsg: "the colleague's booking did not appear in the window within five seconds",
    });
    const seenAfter = Date.now() - started;
    assert.ok(seenAfter < 5_000, `seen after ${seenAfter} ms`);
    console.log(`the colleague's booking appeared after ${seenAfter} ms`);
    assert.equal(Number(await byTestId(browser, "interviews-count-upcoming").getText()), 2);
    await screenshot(browser, "96-team-after-colleague-booked");
  } finally {
    await browser.deleteSession();
  }
});

test("a server that goes down while the window is open: what it knew, read-only, then back by itself", async () => {
  process.env.CONFAB_DATABASE_URL = url;
  const browser = await launch(freshDataDir());
  try {
    await byTestId(browser, "study-name").waitForDisplayed({ timeout: 15_000 });
    // What the window knows is kept a moment after it opens.
    await browser.pause(3_000);

    stopPostgres(server.dir);
    const lost = byTestId(browser, "startup-error");
    await lost.waitForDisplayed({ timeout: 30_000, timeoutMsg: "the window did not say the team database was lost" });
    assert.equal(await lost.getAttribute("data-code"), "database_unreachable");
    const said = await lost.getText();
    assert.match(said, /The team database cannot be reached/);
    assert.match(said, /lost the connection to the team database: the (server|connection)/);
    await byTestId(browser, "last-known").waitForDisplayed({ timeout: 10_000 });
    const known = await byTestId(browser, "last-known-study").getText();
    assert.match(known, /Shared diary study/);
    await screenshot(browser, "99a-team-lost-read-only");

    restartPostgres(server.dir, server.adminUrl);
    await byTestId(browser, "study-name").waitForDisplayed({
      timeout: 45_000,
      timeoutMsg: "the window did not come back when the server was up again",
    });
    assert.equal(await byTestId(browser, "study-name").getText(), "Shared diary study");
    await screenshot(browser, "99b-team-back");
  } finally {
    await browser.deleteSession();
    delete process.env.CONFAB_DATABASE_URL;
  }
});
