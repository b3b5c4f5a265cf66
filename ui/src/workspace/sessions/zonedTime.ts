/**
 * Wall-clock times in a named time zone, without a time-zone library.
 *
 * The calendar runs in FullCalendar's "UTC" mode and is fed the study's wall-clock times as if
 * they were UTC: a Date whose UTC fields read 09:00 is drawn at 09:00 whatever the computer's own
 * zone, and daylight-saving changes of the computer cannot shift it. These helpers convert
 * between real instants and those wall-clock stand-ins.
 */

/** A local date and time, like `2026-03-09T09:00`. */
export type WallClock = string;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(zone);
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
    partFormatters.set(zone, formatter);
  }
  return formatter;
}

function fieldsIn(instant: Date, zone: string) {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  // Some engines write midnight as 24 even with h23.
  const get = (type: string) => parts[type] ?? 0;
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") % 24, minute: get("minute"), second: get("second") };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock time of an instant in `zone`, to the minute. */
export function wallClockOf(instant: Date | string, zone: string): WallClock {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const f = fieldsIn(date, zone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** How far `zone` is ahead of UTC at `instant`, in minutes. */
export function offsetMinutes(instant: Date, zone: string): number {
  const f = fieldsIn(instant, zone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/**
 * The instant at which `zone`'s clocks show `wall`. A time repeated when clocks go back means
 * its first occurrence, as the back end reads it. A time skipped when clocks go forward (which
 * the back end refuses for sessions) is read with the offset before the change: 02:30 → 03:30.
 */
export function instantOf(wall: WallClock, zone: string): Date {
  const guess = calendarDate(wall).getTime();
  const earlier = offsetMinutes(new Date(guess - 36 * 3_600_000), zone);
  const later = offsetMinutes(new Date(guess + 36 * 3_600_000), zone);
  // Try the larger offset first: for a repeated time that is the earlier instant.
  for (const offset of [Math.max(earlier, later), Math.min(earlier, later)]) {
    const candidate = new Date(guess - offset * 60_000);
    if (wallClockOf(candidate, zone) === wall.slice(0, 16)) return candidate;
  }
  return new Date(guess - earlier * 60_000);
}

/** The calendar's stand-in Date for a wall-clock time (its UTC fields read `wall`). */
export function calendarDate(wall: WallClock): Date {
  const [date, time = "00:00"] = wall.split("T");
  return new Date(`${date}T${time.slice(0, 5)}:00Z`);
}

/** The wall-clock time a calendar stand-in Date shows. */
export function wallOfCalendarDate(date: Date): WallClock {
  return date.toISOString().slice(0, 16);
}

/** The stand-in for an instant as `zone` shows it, in the form the calendar reads (no offset). */
export function calendarInput(instant: Date | string, zone: string): string {
  return `${wallClockOf(instant, zone)}:00`;
}

export function datePart(wall: WallClock): string {
  return wall.slice(0, 10);
}

export function timePart(wall: WallClock): string {
  return wall.slice(11, 16);
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

/** "6 h behind", "5 h 30 min ahead": how `zone`'s clocks differ from `reference`'s at `instant`. */
export function zoneDifference(zone: string, reference: string, instant: Date): string | null {
  const diff = offsetMinutes(instant, zone) - offsetMinutes(instant, reference);
  if (diff === 0) return null;
  const hours = Math.floor(Math.abs(diff) / 60);
  const minutes = Math.abs(diff) % 60;
  const amount = [hours ? `${hours} h` : "", minutes ? `${minutes} min` : ""].filter(Boolean).join(" ");
  return `${amount} ${diff < 0 ? "behind" : "ahead"}`;
}
