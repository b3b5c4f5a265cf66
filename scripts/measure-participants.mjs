// Times the Participants list of a study with 10,000 participants in the real window, through
// the Performance API entries the page records (see ui/src/workspace/participants/participantsPerformance.ts):
//
// - opening Participants until its first rows are painted (participants:open-to-first-rows): the
//   first page, asked for beside the whole list, or the whole list when it comes first;
// - opening Participants until all its rows are painted (participants:open-to-all-rows), when the
//   total, the status counts and search are right;
// - each search keystroke, from its input event to the filtered rows painted (participants:filter);
// - the time between frames while the list scrolls (participants:scroll-frame), at wheel speed
//   and at a fling through the whole list;
// - the WebKit web process's resident memory (WebKit has no performance.memory);
// - the floor of the machine under both: the same rows copied out of React into a plain element
//   in the same place, then changed on each keystroke and scrolled at wheel speed with no script
//   of Confab's running, so that what the window adds over painting itself can be read off.
//
// Run like the end-to-end tests (same environment variables), under Xvfb:
//   xvfb-run -a --server-args="-screen 0 1280x900x24" node scripts/measure-participants.mjs
// COUNT changes the number of participants (default 10000).
import assert from "node:assert/strict";
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { spawnSync } from "node:child_process";
import { byTestId, cliBinary, confab, freshDataDir, launch, screenshot, stopDriver } from "../tests/e2e/support/app.mjs";

const count = Number(process.env.COUNT ?? 10_000);
const zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "", "Europe/London", "Australia/Sydney"];
const teams = ["Checkout", "Payments", "Search", "Onboarding"];
const first = ["Ada", "Bo", "Cy", "Di", "Ema", "Finn", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Mo", "Nia"];
const last = ["Park", "Li", "Diaz", "Evans", "Novak", "Okafor", "Rossi", "Sato", "Berg", "Costa"];

function ok(result) {
  assert.equal(result.status, 0, result.stderr);
  return result.json;
}

function prepare() {
  const dataDir = freshDataDir();
  const study = ok(confab(dataDir, ["studies", "create", "--name", "Ten thousand", "--time-zone", "Europe/Berlin"]));
  ok(confab(dataDir, ["mail", "set", "--name", "Rita Researcher", "--email", "rita@example.org", "--time-zone", "Europe/Berlin"]));
  const lines = ["name,email,time zone,phone,notes,team"];
  for (let i = 0; i < count; i++) {
    const name = `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]} ${i}`;
    const notes = i % 5 === 0 ? "Prefers mornings" : i % 7 === 0 ? "Needs a screen reader" : "";
    lines.push(`${name},p${i}@example.org,${zones[i % zones.length]},+49 30 ${100000 + i},${notes},${teams[i % teams.length]}`);
  }
  const csv = join(dataDir, "participants.csv");
  writeFileSync(csv, `${lines.join("\n")}\n`);
  const started = Date.now();
  // Not through confab(): the report of 10,000 lines is larger than spawnSync's default buffer.
  const run = spawnSync(cliBinary, ["--data-dir", dataDir, "participants", "import", "--study", String(study.id), csv, "--json"], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).totals.newParticipants, count);
  const listed = spawnSync(cliBinary, ["--data-dir", dataDir, "participants", "list", "--study", String(study.id), "--json"], {
    maxBuffer: 512 * 1024 * 1024,
  });
  console.log(`The study's participants as JSON: ${(listed.stdout.length / 1048576).toFixed(1)} MiB (what the list fetches over IPC, about).`);
  console.log(`Imported ${count} participants with the CLI in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return dataDir;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), worst: sorted[sorted.length - 1] };
}

const ms = (value) => `${value.toFixed(1)} ms`;

async function entries(browser, name) {
  return browser.execute((entry) => performance.getEntriesByName(entry).map((e) => e.duration), name);
}

/** Types `keys` into the focused box one at a time, each once the last has its `measure`; returns them all. */
async function typeTimed(browser, keys, measure) {
  for (const key of keys) {
    const before = (await entries(browser, measure)).length;
    await browser.keys(key);
    await browser.waitUntil(async () => (await entries(browser, measure)).length > before, {
      timeout: 10_000,
      interval: 10,
      timeoutMsg: `no ${measure} measure after "${key}"`,
    });
    await sleep(150);
  }
  return entries(browser, measure);
}

/** Scrolls the list by `step` pixels a frame for `frames` frames (or to the end), in the page. */
async function scroll(browser, step, frames) {
  await browser.execute(() => performance.clearMeasures("participants:scroll-frame"));
  await browser.executeAsync(
    (pixels, limit, done) => {
      const box = document.querySelector('[data-testid="participant-table"]');
      let left = limit;
      const tick = () => {
        box.scrollTop += pixels;
        const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
        if (--left <= 0 || atEnd) setTimeout(done, 300);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    step,
    frames,
  );
  return entries(browser, "participants:scroll-frame");
}

function webProcessRssMiB() {
  let best = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readlinkSync(`/proc/${name}/exe`).endsWith("WebKitWebProcess")) continue;
      const line = readFileSync(`/proc/${name}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB$/m);
      // The newest window's web process is the largest one once 10,000 rows are loaded.
      if (line) best = Math.max(best, Number(line[1]) / 1024);
    } catch {
      // The process ended while being read.
    }
  }
  return best;
}

/**
 * What painting the list costs on this machine whatever the page's code: the table as it is on
 * screen (its header and the rows drawn, each at its offset) is copied into a plain element laid
 * over it, with a copy of the search box. Each keystroke in the copied box reverses the text of
 * the rows drawn (their plain-text cells: names, addresses, dates), so every row on screen
 * changes, as when a search narrows the list; it is timed from its input event to the next
 * paint, as the window times its own. Then the copy's rows are
 * made long enough for 240 frames and it is scrolled at 120 px a frame. Nothing of React, the
 * table or the virtualizer runs meanwhile.
 */
async function paintingFloor(browser, keys) {
  await browser.execute(() => {
    document.querySelector('[data-testid="participant-table"]').scrollTop = 0;
    return null;
  });
  await sleep(500);
  const copied = await browser.execute(() => {
    const box = document.querySelector('[data-testid="participant-table"]');
    const search = document.querySelector('[data-testid="participant-search"]');
    const place = (element, rect) =>
      Object.assign(element.style, {
        position: "fixed",
        left: `${rect.left}px`,
        top: `${rect.top}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
        margin: "0",
        zIndex: "1000",
        background: getComputedStyle(document.body).backgroundColor || "white",
      });
    const copy = box.cloneNode(true);
    const input = search.cloneNode(true);
    for (const element of [copy, input, ...copy.querySelectorAll("[data-testid]")]) element.removeAttribute("data-testid");
    copy.id = "floor-copy";
    input.id = "floor-input";
    input.value = "";
    place(copy, box.getBoundingClientRect());
    place(input, search.getBoundingClientRect());
    const body = copy.querySelector("tbody");
    const names = [...body.children].map((row) => [...row.children].map((cell) => cell.textContent));
    let reversed = false;
    input.addEventListener("input", (event) => {
      reversed = !reversed;
      const rows = [...body.children];
      rows.forEach((row, index) => {
        const source = names[reversed ? rows.length - 1 - index : index];
        [...row.children].forEach((cell, column) => {
          if (cell.children.length === 0) cell.textContent = source[column];
        });
      });
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => performance.measure("floor:filter", { start, end: performance.now() }), 0));
    });
    box.style.visibility = "hidden";
    document.body.append(copy, input);
    input.focus();
    return body.children.length;
  });
  await sleep(500);
  const keystrokes = await typeTimed(browser, keys, "floor:filter");
  // Rows down to where 240 frames at 120 px end, each a copy of one drawn, at its own offset.
  const rows = await browser.execute(() => {
    const body = document.querySelector("#floor-copy tbody");
    const drawn = [...body.children];
    // Measured on the table itself, which has kept its layout under the copy.
    const height = document.querySelector('[data-testid="participant-table"] tbody tr').getBoundingClientRect().height;
    if (!(height > 0)) throw new Error("the table's rows have no height");
    const reach = 240 * 120 + document.getElementById("floor-copy").clientHeight * 2;
    for (let index = drawn.length; index * height < reach; index++) {
      const row = drawn[index % drawn.length].cloneNode(true);
      row.style.transform = `translateY(${index * height}px)`;
      body.append(row);
    }
    return body.children.length;
  });
  console.log(`The plain copy holds ${copied} rows while typing, ${rows} while scrolling.`);
  await sleep(500);
  const scroll = await browser.executeAsync((done) => {
    const copy = document.getElementById("floor-copy");
    const times = [];
    let last = null;
    const tick = (now) => {
      if (last !== null) times.push(now - last);
      last = now;
      copy.scrollTop += 120;
      if (times.length < 239) requestAnimationFrame(tick);
      else done(times);
    };
    requestAnimationFrame(tick);
  });
  return { keystrokes, scroll };
}

const dataDir = prepare();
const browser = await launch(dataDir);
try {
  await byTestId(browser, "study-name").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "study-name").click();
  await byTestId(browser, "pane-participants").click();
  for (const measure of ["participants:open-to-first-rows", "participants:open-to-all-rows"]) {
    await browser.waitUntil(async () => (await entries(browser, measure)).length > 0, {
      timeout: 60_000,
      interval: 50,
      timeoutMsg: `no ${measure} measure`,
    });
  }
  const [openToRows] = await entries(browser, "participants:open-to-first-rows");
  const [openToAllRows] = await entries(browser, "participants:open-to-all-rows");
  // From the opening to a mark, or null when there is none (no first page came before the whole list).
  const sinceOpened = (mark) =>
    browser.execute((name) => {
      const [opened] = performance.getEntriesByName("participants:opened");
      const [at] = performance.getEntriesByName(name);
      return opened && at ? at.startTime - opened.startTime : null;
    }, mark);
  const openToPage = await sinceOpened("participants:page-loaded");
  const openToLoaded = await sinceOpened("participants:loaded");
  const rowsInDom = await browser.execute(() => document.querySelectorAll('[data-testid="participant-row"]').length);
  const countText = await byTestId(browser, "participants-count").getText();
  await sleep(1000);
  await screenshot(browser, "participants-measure-10000");

  // Keystrokes: narrowing, widening back to all 10,000, and a rare match; three times over, as
  // a median of a dozen moved by a frame from one run to the next.
  const search = byTestId(browser, "participant-search");
  await search.click();
  const round = ["m", "a", "r", "Backspace", "Backspace", "Backspace", "9", "9", "9", "Backspace", "Backspace", "Backspace"];
  const keys = [...round, ...round, ...round];
  const keystrokes = await typeTimed(browser, keys, "participants:filter");
  const keystrokeScripts = await entries(browser, "participants:filter-script");
  console.log(`Opening to first rows: ${ms(openToRows)}; to all rows: ${ms(openToAllRows)}. Keystrokes (ms): ${keystrokes.map((v) => v.toFixed(1)).join(", ")}`);
  await sleep(500);
  await browser.setTimeout({ script: 300_000 });

  // What a frame costs here with nothing to do: the floor under every figure below.
  const idle = await browser.executeAsync((done) => {
    const times = [];
    let last = null;
    const tick = (now) => {
      if (last !== null) times.push(now - last);
      last = now;
      if (times.length < 120) requestAnimationFrame(tick);
      else done(times);
    };
    requestAnimationFrame(tick);
  });
  const wheel = await scroll(browser, 120, 240);
  await browser.execute(() => {
    document.querySelector('[data-testid="participant-table"]').scrollTop = 0;
  });
  await sleep(500);
  const total = await browser.execute(() => document.querySelector('[data-testid="participant-table"]').scrollHeight);
  const fling = await scroll(browser, Math.ceil(total / 400), 400);
  const heap = await browser.execute(() => performance.memory?.usedJSHeapSize ?? null);
  const rss = webProcessRssMiB();
  const floor = await paintingFloor(browser, keys);

  const k = stats(keystrokes);
  const i = stats(idle);
  const w = stats(wheel);
  const f = stats(fling);
  console.log(`\n${countText}; ${rowsInDom} rows in the DOM after opening.\n`);
  console.log("| what | figure |");
  console.log("|---|---:|");
  console.log(`| opening Participants → first rows painted | ${ms(openToRows)} |`);
  if (openToPage !== null) console.log(`| of which: fetching the first page (IPC) | ${ms(openToPage)} |`);
  console.log(`| opening Participants → all rows painted | ${ms(openToAllRows)} |`);
  if (openToLoaded !== null) console.log(`| of which: fetching all the participants (IPC) | ${ms(openToLoaded)} |`);
  console.log(`| search keystroke → filtered rows painted, median of ${k.n} | ${ms(k.median)} |`);
  console.log(`| search keystroke → filtered rows painted, worst | ${ms(k.worst)} |`);
  console.log(`| of a keystroke, the script (input event → rows committed), median | ${ms(stats(keystrokeScripts).median)} |`);
  console.log(`| idle window, no scrolling (${i.n} frames): median / 95th percentile / worst frame | ${ms(i.median)} / ${ms(i.p95)} / ${ms(i.worst)} |`);
  console.log(`| scrolling at 120 px a frame (${w.n} frames): median / 95th percentile / worst frame | ${ms(w.median)} / ${ms(w.p95)} / ${ms(w.worst)} |`);
  console.log(`| flinging through the whole list in ~400 frames (${f.n} frames): median / 95th percentile / worst | ${ms(f.median)} / ${ms(f.p95)} / ${ms(f.worst)} |`);
  const fk = stats(floor.keystrokes);
  const fs = stats(floor.scroll);
  console.log(`| floor: a keystroke that changes the rows in view, no script of Confab's (plain copy), median of ${fk.n} / worst | ${ms(fk.median)} / ${ms(fk.worst)} |`);
  console.log(`| floor: scrolling that copy at 120 px a frame (${fs.n} frames): median / 95th percentile / worst | ${ms(fs.median)} / ${ms(fs.p95)} / ${ms(fs.worst)} |`);
  console.log(`| keystroke over its floor (medians) | ${ms(k.median - fk.median)} |`);
  console.log(`| scroll frame over its floor (95th percentiles) | ${ms(w.p95 - fs.p95)} |`);
  console.log(`| JS heap (performance.memory) | ${heap === null ? "not available in WebKit" : `${(heap / 1048576).toFixed(1)} MiB`} |`);
  console.log(`| resident memory of the web process (VmRSS) | ${rss.toFixed(0)} MiB |`);
  console.log(`\nScroll frames at wheel speed (ms): ${wheel.map((v) => v.toFixed(0)).join(" ")}`);
} finally {
  await browser.deleteSession();
  stopDriver();
}
