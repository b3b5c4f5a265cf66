import { zoneAbbreviation } from "./zonedTime";

/** "Tue, Nov 24, 2026, 10:00 – 10:45 AM" in the reader's locale, on the wall clock of `zone`. */
export function formatRange(start: string, end: string, zone: string, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });
  return format.formatRange(new Date(start), new Date(end));
}

/** "10:00 AM" on the wall clock of `zone`. */
export function formatTime(instant: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "numeric", minute: "2-digit" }).format(
    new Date(instant),
  );
}

/** "Tue, Nov 24, 10:00 AM" on the wall clock of `zone`, for short mentions. */
export function formatShort(instant: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(instant));
}

/** "Tuesday, November 24" for a day key such as `2026-11-24`. */
export function formatDay(day: string, locale?: string): string {
  // Noon UTC of that date, formatted in UTC: the same calendar day in every locale.
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(new Date(`${day}T12:00:00Z`));
}

/** The time with the zone's short name, such as "10:00 AM CET". */
export function formatTimeWithZone(instant: string, zone: string, locale?: string): string {
  return `${formatTime(instant, zone, locale)} ${zoneAbbreviation(instant, zone, locale)}`;
}

export function lengthInMinutes(start: string, end: string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
}

/** `formatRange` followed by the zone's short name, for sentences that stand on their own. */
export function formatRangeWithZone(start: string, end: string, zone: string, locale?: string): string {
  return `${formatRange(start, end, zone, locale)} ${zoneAbbreviation(start, zone, locale)}`;
}

/** `formatShort` followed by the zone's short name. */
export function formatShortWithZone(instant: string, zone: string, locale?: string): string {
  return `${formatShort(instant, zone, locale)} ${zoneAbbreviation(instant, zone, locale)}`;
}
