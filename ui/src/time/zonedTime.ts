/**
 * Wall-clock times in a named time zone with nothing but Intl, so that the study's zone (not the
 * computer's) decides which day a time falls on and what a typed time means.
 */
import { t } from "../i18n";

/** A local date and time to the minute, like `2026-03-09T09:00`. */
export type WallClock = string;

/** An instant as the back end sends it (RFC 3339), as milliseconds, or as a Date. */
export type Instant = string | number | Date;

export function toDate(instant: Instant): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function fieldsIn(instant: Date, zone: string): Fields {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  const get = (type: string) => values[type] ?? 0;
  // Some engines still write midnight as 24 even with h23.
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") % 24, minute: get("minute"), second: get("second") };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock time of an instant in `zone`, to the minute: `2026-03-09T09:00`. */
export function wallClockOf(instant: Instant, zone: string): WallClock {
  const f = fieldsIn(toDate(instant), zone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** `2026-03-09`: the day an instant falls on in `zone`. */
export function dayIn(instant: Instant, zone: string): string {
  return datePart(wallClockOf(instant, zone));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of the day an instant falls on in `zone`. */
export function weekdayIn(instant: Instant, zone: string): number {
  return isoWeekday(dayIn(instant, zone));
}

export function datePart(wall: WallClock): string {
  return wall.slice(0, 10);
}

export function timePart(wall: WallClock): string {
  return wall.slice(11, 16);
}

/** How far `zone` is ahead of UTC at `instant`, in minutes. */
export function offsetMinutes(instant: Instant, zone: string): number {
  const date = toDate(instant);
  const f = fieldsIn(date, zone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const whole = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/** The Date whose UTC fields read `wall`: a stand-in for formatting wall-clock times in "UTC". */
export function wallAsUtc(wall: WallClock): Date {
  const match = WALL_CLOCK.exec(wall);
  if (!match) return new Date(Number.NaN);
  const [year, month, day, hour = 0, minute = 0] = match.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  return new Date(Date.UTC(year!, month! - 1, day!, hour, minute));
}

/** The wall-clock time a stand-in made by `wallAsUtc` reads. */
export function wallOfUtc(date: Date): WallClock {
  return date.toISOString().slice(0, 16);
}

/** The instants at which `zone`'s clocks show `wall`, earliest first: none, one, or two. */
function instantsOf(wall: WallClock, zone: string): Date[] {
  const target = wallAsUtc(wall).getTime();
  if (Number.isNaN(target)) return [];
  // The zone's offsets a day either side cover every real transition.
  const offsets = new Set<number>();
  for (const probe of [target - 86_400_000, target, target + 86_400_000]) {
    offsets.add(offsetMinutes(new Date(probe), zone));
  }
  const wanted = wallOfUtc(new Date(target));
  return [...offsets]
    .map((offset) => new Date(target - offset * 60_000))
    .filter((candidate) => wallClockOf(candidate, zone) === wanted)
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * The instant at which the clocks of `zone` show `wall` (`2026-03-09T09:00`). A time that happens
 * twice (clocks going back) is the first of the two, as the back end reads it; a time that never
 * happens (clocks going forward) is `null`, so the caller can say so rather than guess.
 */
export function instantOf(wall: WallClock, zone: string): Date | null {
  return instantsOf(wall, zone)[0] ?? null;
}

/**
 * Like `instantOf`, but a skipped time is read with the offset before the change (02:30 → 03:30),
 * as an unchanged clock would: for the edges of a visible range, which must always be an instant.
 */
export function instantOfAny(wall: WallClock, zone: string): Date {
  const found = instantOf(wall, zone);
  if (found) return found;
  const target = wallAsUtc(wall).getTime();
  return new Date(target - offsetMinutes(new Date(target - 86_400_000), zone) * 60_000);
}

/** ISO weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** `date` moved by `days` days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first date on or after `date` that falls on ISO `weekday`. */
export function nextWeekday(date: string, weekday: number): string {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

/** Whether two zones show the same wall clock at that instant (e.g. Europe/Berlin and Europe/Paris). */
export function sameClock(instant: Instant, a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return wallClockOf(instant, a) === wallClockOf(instant, b);
  } catch {
    // An unknown zone: showing one time is better than showing an error.
    return true;
  }
}

/** Whether two zones show different wall-clock times at that instant: then both are worth showing. */
export function clocksDiffer(instant: Instant, a: string, b: string): boolean {
  return !sameClock(instant, a, b);
}

/** "6 h behind", "5 h 30 min ahead": how `zone`'s clocks differ from `reference`'s at `instant`. */
export function zoneDifference(zone: string, reference: string, instant: Instant): string | null {
  const diff = offsetMinutes(instant, zone) - offsetMinutes(instant, reference);
  if (diff === 0) return null;
  const hours = Math.floor(Math.abs(diff) / 60);
  const minutes = Math.abs(diff) % 60;
  const amount = [hours ? t("time.difference.hours", { hours }) : "", minutes ? t("time.difference.minutes", { minutes }) : ""]
    .filter(Boolean)
    .join(" ");
  return diff < 0 ? t("time.difference.behind", { amount }) : t("time.difference.ahead", { amount });
}

/** "Berlin" from "Europe/Berlin", "New York" from "America/New_York": the part a person recognises. */
export function cityOf(zone: string): string {
  return zone.slice(zone.lastIndexOf("/") + 1).replaceAll("_", " ");
}

const knownZones = new Map<string, boolean>();

/**
 * `zone` if this runtime knows it, else the reader's own zone (undefined): an unknown zone would
 * make Intl throw and blank a whole pane.
 */
export function safeZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known ? zone : undefined;
}

/** A short name for the zone at that instant, such as "CET" or "GMT+1", in the reader's locale. */
export function zoneAbbreviation(instant: Instant, zone: string, locale?: string): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(toDate(instant))
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}
