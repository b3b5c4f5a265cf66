// The project's test CalDAV server (Radicale on loopback) for a test file: started in a folder
// of its own, stopped with the file, and stopped anyway if the run dies. Calendars are made
// and events stored with plain HTTP requests, so that setting up leans on nothing of Confab.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const script = join(resolve(dirname(fileURLToPath(import.meta.url)), "../../.."), "scripts/radicale.sh");

/**
 * Starts a server; returns its folder and the values of its `radicale.env`: RADICALE_URL,
 * USERS, PASSWORD_<user> (users `researcher` and `interviewer`) and PYTHON.
 */
export function startRadicale() {
  const dir = mkdtempSync(join(tmpdir(), "confab-e2e-radicale-"));
  const started = spawnSync("bash", [script, "start", dir, "--watch", String(process.pid)], { encoding: "utf8" });
  assert.equal(started.status, 0, `Radicale did not start:\n${started.stdout}${started.stderr}`);
  const env = Object.fromEntries(
    readFileSync(join(dir, "radicale.env"), "utf8")
      .trim()
      .split("\n")
      .map((line) => {
        const at = line.indexOf("=");
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
  return { dir, env };
}

export function stopRadicale(dir) {
  if (dir) spawnSync("bash", [script, "stop", dir]);
}

/** The address of `user`'s collection `name`: `http://127.0.0.1:PORT/user/name/`. */
export function calendarUrl(env, user, name) {
  return `${env.RADICALE_URL}${user}/${name}/`;
}

async function request(env, user, method, url, body, contentType) {
  const password = env[`PASSWORD_${user}`];
  assert.ok(password, `no password for ${user} in radicale.env`);
  const headers = { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` };
  if (body !== undefined) headers["Content-Type"] = contentType;
  const response = await fetch(url, { method, headers, body });
  return { status: response.status, text: await response.text() };
}

const escapeXml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Makes `user`'s calendar `name` of events, shown as `displayName`; returns its address. */
export async function createCalendar(env, user, name, displayName) {
  const url = calendarUrl(env, user, name);
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">',
    "  <D:set><D:prop>",
    `    <D:displayname>${escapeXml(displayName)}</D:displayname>`,
    '    <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>',
    "  </D:prop></D:set>",
    "</C:mkcalendar>",
  ].join("\n");
  const { status, text } = await request(env, user, "MKCALENDAR", url, body, "application/xml; charset=utf-8");
  assert.equal(status, 201, `MKCALENDAR ${url} answered ${status}: ${text}`);
  return url;
}

/** Stores `ics` as `file` (such as `meeting.ics`) in the calendar at `url`. */
export async function putEvent(env, user, url, file, ics) {
  const { status, text } = await request(env, user, "PUT", `${url}${file}`, ics, "text/calendar; charset=utf-8");
  assert.ok(status === 201 || status === 204, `PUT ${url}${file} answered ${status}: ${text}`);
}

/** Everything the calendar at `url` holds, as one iCalendar text (Radicale answers GET so). */
export async function calendarText(env, user, url) {
  const { status, text } = await request(env, user, "GET", url);
  assert.equal(status, 200, `GET ${url} answered ${status}`);
  return text;
}

const stamp = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");

/** One event from `start` to `end` (Dates), as a calendar program stores it. */
export function eventIcs({ uid, summary, start, end }) {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Confab e2e//EN",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${stamp(new Date())}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${summary}`,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}
