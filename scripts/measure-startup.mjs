// Times start-up and reads memory of a built app through tauri-driver, as the end-to-end
// tests drive it. For each case: launches it RUNS times (after one launch to warm the disk
// cache), and reports the median time from the process's start to a performance mark its page
// sets once painted, and the resident memory (VmRSS) of the app's process, and of it together
// with the WebKit processes it starts, a few seconds after that mark.
//
//   node scripts/measure-startup.mjs CASES.json
//
// CASES.json: [{ "label": "…", "binary": "/path", "args": ["…"], "mark": "confab:studies-painted" }]
// A case with `"baseline": true` is what the others' launch times are divided by.
//
// The cases take turns, one launch each per round, so that a machine that slows down or speeds
// up during the run weighs on every case alike rather than on the cases launched at that time.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { launch, stopDriver } from "../tests/e2e/support/app.mjs";

const runs = Number(process.env.RUNS ?? 5);
const settleMs = Number(process.env.SETTLE_MS ?? 3000);
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim());

function pids() {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
}

function exeOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
}

function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may hold spaces and parentheses; the fields after it do not.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { ppid: Number(fields[1]), startTicks: Number(fields[19]) };
}

function rssKiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB$/m);
  return line ? Number(line[1]) : 0;
}

/** Of a process's resident memory, what is its own (anonymous: heaps, the JavaScript engine, the DOM) and what maps files (libraries, fonts, caches), in KiB. */
function residentKinds(pid) {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  const field = (name) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB$`, "m"))?.[1] ?? 0);
  const rss = field("Rss");
  const anonymous = field("Anonymous");
  return { anonymous, files: rss - anonymous };
}

/** Resident memory by kind, summed over `pids`, keyed by the name of each process's program. */
function residentByProgram(pidList) {
  const sums = {};
  for (const pid of pidList) {
    try {
      const program = exeOf(pid).split("/").pop();
      const kinds = residentKinds(pid);
      const sum = (sums[program] ??= { anonymous: 0, files: 0 });
      sum.anonymous += kinds.anonymous;
      sum.files += kinds.files;
    } catch {
      // The process ended while being read.
    }
  }
  return sums;
}

function descendants(root) {
  const children = new Map();
  for (const pid of pids()) {
    try {
      const { ppid } = stat(pid);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(pid);
    } catch {
      // The process ended while being listed.
    }
  }
  const found = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift();
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** The newest running process of `binary`. */
function appPid(binary) {
  const target = realpathSync(binary);
  const matching = pids().filter((pid) => exeOf(pid) === target);
  if (matching.length === 0) throw new Error(`no running process of ${target}`);
  return matching.sort((a, b) => stat(b).startTicks - stat(a).startTicks)[0];
}

/** Milliseconds since the Unix epoch at which `pid` started. */
function startEpochMs(pid) {
  // /proc gives the start in clock ticks since boot; /proc/uptime ties boot time to the clock.
  const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  const bootEpochMs = Date.now() - uptime * 1000;
  return bootEpochMs + (stat(pid).startTicks / ticksPerSecond) * 1000;
}

async function measureOnce(testCase) {
  const browser = await launch(null, { application: testCase.binary, args: testCase.args ?? [] });
  try {
    const pid = appPid(testCase.binary);
    const started = startEpochMs(pid);
    let page = null;
    await browser.waitUntil(
      async () => {
        page = await browser.execute((name) => {
          const mark = performance.getEntriesByName(name, "mark")[0];
          if (!mark) return null;
          const navigation = performance.getEntriesByType("navigation")[0];
          const at = (step) => {
            const found = performance.getEntriesByName(step, "mark")[0];
            return found ? performance.timeOrigin + found.startTime : null;
          };
          return {
            painted: performance.timeOrigin + mark.startTime,
            // Confab's own steps (null in other apps): the startup state, then the studies.
            startupAnswered: at("confab:startup-answered"),
            studiesAnswered: at("confab:studies-answered"),
            studiesCommitted: at("confab:studies-committed"),
            origin: performance.timeOrigin,
            scriptsRun: navigation ? performance.timeOrigin + navigation.domContentLoadedEventEnd : null,
          };
        }, testCase.mark);
        return page !== null;
      },
      // The page records when it painted, so asking often gains nothing; each question runs
      // the driver and a script in the page, which on a machine of two cores would take time
      // from the start being measured.
      { timeout: 30_000, interval: 250, timeoutMsg: `no performance mark ${testCase.mark}` },
    );
    await sleep(settleMs);
    const app = rssKiB(pid);
    const children = descendants(pid);
    const withWebKit = app + children.reduce((sum, child) => sum + rssKiB(child), 0);
    const byProgram = residentByProgram([pid, ...children]);
    return {
      byProgram,
      paintMs: page.painted - started,
      // Where the time goes: the process and its window up to the page's navigation, the
      // page's scripts, and from them to the first screen painted.
      toPageMs: page.origin - started,
      pageScriptsMs: page.scriptsRun === null ? NaN : page.scriptsRun - page.origin,
      toPaintedMs: page.scriptsRun === null ? NaN : page.painted - page.scriptsRun,
      toStartupMs: page.startupAnswered === null ? NaN : page.startupAnswered - page.scriptsRun,
      toStudiesMs: page.studiesAnswered === null ? NaN : page.studiesAnswered - page.startupAnswered,
      studiesToPaintedMs: page.studiesAnswered === null ? NaN : page.painted - page.studiesAnswered,
      // After both answers: React rendering the window, then the browser styling, laying out
      // and painting it.
      answeredToCommittedMs:
        page.studiesCommitted === null ? NaN : page.studiesCommitted - Math.max(page.startupAnswered, page.studiesAnswered),
      committedToPaintedMs: page.studiesCommitted === null ? NaN : page.painted - page.studiesCommitted,
      appKiB: app,
      totalKiB: withWebKit,
    };
  } finally {
    await browser.deleteSession();
    // Let the process exit before the next launch looks for the newest one.
    await sleep(500);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const mib = (kib) => (kib / 1024).toFixed(1);

const appName = (binary) => realpathSync(binary).split("/").pop();

/** Median anonymous and file-backed memory of the app's process and of WebKit's web process. */
function memoryKinds(results, app) {
  const of = (program, kind) => mib(median(results.map((r) => r.byProgram[program]?.[kind] ?? 0)));
  return ["anonymous", "files"]
    .flatMap((kind) => [app, "WebKitWebProcess", "WebKitNetworkProcess"].map((program) => `${of(program, kind)} MiB`))
    .join(" | ");
}

try {
  // One launch of each case first, to warm the disk cache; then the rounds.
  for (const testCase of cases) await measureOnce(testCase);
  const resultsByCase = cases.map(() => []);
  for (let round = 0; round < runs; round++) {
    // Each round starts with another case, so that no case always follows the same one.
    for (let turn = 0; turn < cases.length; turn++) {
      const index = (round + turn) % cases.length;
      resultsByCase[index].push(await measureOnce(cases[index]));
    }
  }
  const medianPaint = resultsByCase.map((results) => median(results.map((r) => r.paintMs)));
  const baseline = cases.findIndex((testCase) => testCase.baseline);
  const rows = [];
  for (const [index, testCase] of cases.entries()) {
    const results = resultsByCase[index];
    const paint = results.map((r) => r.paintMs);
    rows.push({
      label: testCase.label,
      paint: `${Math.round(median(paint))} ms (${Math.round(Math.min(...paint))}–${Math.round(Math.max(...paint))})`,
      ratio: baseline < 0 ? "" : `${(medianPaint[index] / medianPaint[baseline]).toFixed(2)}×`,
      app: `${mib(median(results.map((r) => r.appKiB)))} MiB`,
      total: `${mib(median(results.map((r) => r.totalKiB)))} MiB`,
      phases: [
        "toPageMs",
        "pageScriptsMs",
        "toPaintedMs",
        "toStartupMs",
        "toStudiesMs",
        "studiesToPaintedMs",
        "answeredToCommittedMs",
        "committedToPaintedMs",
      ]
        .map((phase) => `${Math.round(median(results.map((r) => r[phase])))} ms`)
        .join(" | "),
      memory: memoryKinds(results, appName(testCase.binary)),
    });
  }
  const against = baseline < 0 ? "" : ` | ÷ ${cases[baseline].label}`;
  console.log(`\n| app | launch to painted, median of ${runs} (min–max)${against} | VmRSS, app process | VmRSS, with WebKit's processes |`);
  console.log(`|---|---:|${baseline < 0 ? "" : "---:|"}---:|---:|`);
  for (const row of rows) console.log(`| ${row.label} | ${row.paint}${baseline < 0 ? "" : ` | ${row.ratio}`} | ${row.app} | ${row.total} |`);
  console.log("\nWhere the time goes (medians): process start to the page's navigation | the page's scripts (to DOMContentLoaded) | from there to painted; of which, in Confab: to the startup state answered | to the studies answered | to painted; and from both answers to React's commit of the window | from that commit to painted");
  console.log("\n| app | start → page | page scripts | → painted | → startup state | → studies | → painted | answers → committed | committed → painted |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(`| ${row.label} | ${row.phases} |`);
  console.log("\nResident memory by kind (medians): anonymous (heaps, the JavaScript engine, the DOM) and file-backed (libraries, fonts), per process");
  console.log("\n| app | anonymous: app | web | network | files: app | web | network |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(`| ${row.label} | ${row.memory} |`);
} finally {
  stopDriver();
}
