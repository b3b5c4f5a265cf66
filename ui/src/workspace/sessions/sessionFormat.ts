import type { SessionView } from "../../bindings/types";
import { weekdayNames } from "./sessionDraft";
import { calendarDate, instantOf, type WallClock } from "./zonedTime";

/** "Mon, 9 Mar, 09:00 – 12:00" in the reader's locale, for wall-clock times already in the right zone. */
export function formatWallRange(start: WallClock, end: WallClock, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
  return format.formatRange(calendarDate(start), calendarDate(end));
}

/** The same range of the study's wall clock, as the clocks of `zone` show it. */
export function formatInZone(start: WallClock, end: WallClock, studyZone: string, zone: string, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
  });
  return format.formatRange(instantOf(start, studyZone), instantOf(end, studyZone));
}

export function formatDay(date: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    calendarDate(date),
  );
}

/** "Mondays 09:00–12:00, from 2 Mar 2026" — a weekly session in words. */
export function describeWeekly(session: SessionView, locale?: string): string {
  const p = session.pattern;
  if (p.kind !== "weekly") return "";
  const day = weekdayNames(locale)[p.weekday - 1];
  const until = p.validUntil ? ` until ${formatDay(p.validUntil, locale)}` : "";
  return `Every ${day}, ${p.startTime}–${p.endTime}, from ${formatDay(p.validFrom, locale)}${until}`;
}
