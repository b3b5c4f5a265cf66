/** "Tue, 10 Mar, 09:00" for an instant, on the wall clock of `timeZone`, in the reader's locale. */
export function formatWhen(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: safeZone(timeZone),
  }).format(date);
}

/** "09:00" for an instant on the wall clock of `timeZone`. */
export function formatClock(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: safeZone(timeZone),
  }).format(date);
}

/** "9:20 – 9:50 AM": a span of time on the wall clock of `timeZone`, said once where the two ends share it. */
export function formatClockRange(startIso: string, endIso: string, timeZone: string, locale?: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso}–${endIso}`;
  const format = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: safeZone(timeZone) });
  return typeof format.formatRange === "function" ? format.formatRange(start, end) : `${format.format(start)}–${format.format(end)}`;
}

/** "Tuesday, 10 March 2026" for an instant on the wall clock of `timeZone`. */
export function formatDay(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: safeZone(timeZone) }).format(date);
}

/** Whether two zones show different wall-clock times at `iso` (Europe/Berlin and Europe/Paris do not). */
export function clocksDiffer(iso: string, zoneA: string, zoneB: string): boolean {
  if (zoneA === zoneB) return false;
  return formatWhen(iso, zoneA, "en-GB") !== formatWhen(iso, zoneB, "en-GB");
}

/** "Berlin" from "Europe/Berlin", "New York" from "America/New_York": short enough to sit beside a time. */
export function cityOf(zone: string): string {
  const last = zone.split("/").pop() ?? zone;
  return last.replaceAll("_", " ");
}

// A zone the runtime does not know would throw a RangeError from Intl and blank the whole pane.
function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}
