/**
 * Dates and times as the researcher reads them: in their locale, on the clock of a named zone.
 * Every function takes the instant (RFC 3339, SQLite's "YYYY-MM-DD HH:MM:SS" in UTC, milliseconds
 * or a Date), the zone and optionally the locale, and shows an unreadable value as given rather
 * than as "Invalid Date".
 */
import { safeZone, toDate, wallAsUtc, zoneAbbreviation, type Instant, type WallClock } from "./zonedTime";
import { t } from "../i18n";

// Lists format thousands of cells while scrolling: building an Intl.DateTimeFormat costs far more
// than using one, so each is made once per locale, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, timeZone: string | undefined, locale?: string): Intl.DateTimeFormat {
  const zone = safeZone(timeZone);
  const key = `${locale ?? ""}|${zone ?? ""}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

/** The Date of an instant, reading SQLite's timestamps as UTC; null when it is no time at all. */
export function parseInstant(value: Instant): Date | null {
  if (typeof value === "string") {
    let text = value.trim();
    const sqlite = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/.exec(text);
    if (sqlite) text = `${sqlite[1]}T${sqlite[2]}Z`;
    if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
    value = text;
  }
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatWith(options: Intl.DateTimeFormatOptions, value: Instant, timeZone: string | undefined, locale?: string): string {
  const date = parseInstant(value);
  return date === null ? String(value) : formatter(options, timeZone, locale).format(date);
}

function rangeWith(options: Intl.DateTimeFormatOptions, start: Instant, end: Instant, timeZone: string | undefined, locale?: string): string {
  const from = parseInstant(start);
  const to = parseInstant(end);
  if (from === null || to === null) return `${String(start)}–${String(end)}`;
  const format = formatter(options, timeZone, locale);
  return typeof format.formatRange === "function" ? format.formatRange(from, to) : `${format.format(from)}–${format.format(to)}`;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
const WHEN: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", ...CLOCK };
const WHEN_WITH_YEAR: Intl.DateTimeFormatOptions = { ...WHEN, year: "numeric" };

/** Interview length as shown in lists, e.g. "60 min". */
export function formatMinutes(minutes: number): string {
  return t("time.minutes", { minutes });
}

/** Whole minutes from `start` to `end`. */
export function lengthInMinutes(start: Instant, end: Instant): number {
  return Math.round((toDate(end).getTime() - toDate(start).getTime()) / 60_000);
}

/** "7 Mar 2025": the day of an instant (a creation timestamp, say) on the calendar of `timeZone`. */
export function formatDate(value: Instant, timeZone?: string, locale?: string): string {
  return formatWith({ dateStyle: "medium" }, value, timeZone, locale);
}

/** "Tuesday, 10 March 2026": the day of an instant, in full. */
export function formatDay(value: Instant, timeZone: string, locale?: string): string {
  return formatWith({ dateStyle: "full" }, value, timeZone, locale);
}

/** "3 Dec 2026, 10:00": date and time, for things that happened (a log entry, a message sent). */
export function formatDateTime(value: Instant, timeZone: string, locale?: string): string {
  return formatWith({ dateStyle: "medium", timeStyle: "short" }, value, timeZone, locale);
}

/** "Tue, 10 Mar, 09:00": a short mention of a time to come. */
export function formatWhen(value: Instant, timeZone: string, locale?: string): string {
  return formatWith(WHEN, value, timeZone, locale);
}

/** "09:00" (or "9:00 AM"): the time of day alone. */
export function formatClock(value: Instant, timeZone: string, locale?: string): string {
  return formatWith(CLOCK, value, timeZone, locale);
}

/** "9:20 – 9:50 AM": a span within a day, said once where the two ends share it. */
export function formatClockRange(start: Instant, end: Instant, timeZone: string, locale?: string): string {
  return rangeWith(CLOCK, start, end, timeZone, locale);
}

/** "Mon, 9 Mar, 09:00 – 12:00": a span with its day, without the year. */
export function formatWhenRange(start: Instant, end: Instant, timeZone: string, locale?: string): string {
  return rangeWith(WHEN, start, end, timeZone, locale);
}

/** "Tue, 24 Nov 2026, 10:00 – 10:45": a span with its day and year; just the start when there is no end. */
export function formatRange(start: Instant, end: Instant | null, timeZone: string, locale?: string): string {
  return end === null || parseInstant(end) === null
    ? formatWith(WHEN_WITH_YEAR, start, timeZone, locale)
    : rangeWith(WHEN_WITH_YEAR, start, end, timeZone, locale);
}

/** The zone's short name after a time, for sentences that stand on their own: "… 10:00 CET". */
function withZone(text: string, instant: Instant, timeZone: string, locale?: string): string {
  const date = parseInstant(instant);
  return date === null ? text : `${text} ${zoneAbbreviation(date, timeZone, locale)}`;
}

/** `formatClock` with the zone's short name: "10:00 AM CET". */
export function formatClockWithZone(value: Instant, timeZone: string, locale?: string): string {
  return withZone(formatClock(value, timeZone, locale), value, timeZone, locale);
}

/** `formatWhen` with the zone's short name. */
export function formatWhenWithZone(value: Instant, timeZone: string, locale?: string): string {
  return withZone(formatWhen(value, timeZone, locale), value, timeZone, locale);
}

/** `formatRange` with the zone's short name. */
export function formatRangeWithZone(start: Instant, end: Instant | null, timeZone: string, locale?: string): string {
  return withZone(formatRange(start, end, timeZone, locale), start, timeZone, locale);
}

/** "Tuesday, November 24" for a day key such as `2026-11-24`, the same calendar day in every zone. */
export function formatDayKey(day: string, locale?: string): string {
  return formatWith({ weekday: "long", day: "numeric", month: "long" }, wallAsUtc(day), "UTC", locale);
}

/** "Tue, 24 Nov 2026" for a day key such as `2026-11-24`. */
export function formatDayKeyShort(day: string, locale?: string): string {
  return formatWith({ weekday: "short", day: "numeric", month: "short", year: "numeric" }, wallAsUtc(day), "UTC", locale);
}

/** "Mon, 9 Mar, 09:00 – 12:00" for wall-clock times already in the zone they are to be read in. */
export function formatWallRange(start: WallClock, end: WallClock, locale?: string): string {
  return formatWhenRange(wallAsUtc(start), wallAsUtc(end), "UTC", locale);
}

/** The names of the weekdays in the reader's locale, Monday first (ISO weekday 1 is at index 0). */
export function weekdayNames(locale?: string): string[] {
  const format = formatter({ weekday: "long" }, "UTC", locale);
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((d) => format.format(new Date(Date.UTC(2024, 0, d))));
}
