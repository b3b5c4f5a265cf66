/** An instant as date and time in `timeZone`, in the reader's locale, e.g. "3 Dec 2026, 10:00". */
export function formatDateTime(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** A span such as "Tue 3 Dec 2026, 10:00–10:45 CET" in `timeZone`. */
export function formatSpan(startIso: string, endIso: string | null, timeZone: string, locale?: string): string {
  const start = new Date(startIso);
  if (Number.isNaN(start.getTime())) return startIso;
  const day = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone,
  }).format(start);
  const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone });
  const zoneName = shortZoneName(start, timeZone, locale);
  const end = endIso ? new Date(endIso) : null;
  const times =
    end && !Number.isNaN(end.getTime()) ? `${time.format(start)}–${time.format(end)}` : time.format(start);
  return `${day}, ${times} ${zoneName}`.trim();
}

function shortZoneName(date: Date, timeZone: string, locale?: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** Whether two zones show the same wall-clock time at `iso` (then one time is enough). */
export function sameClock(iso: string, a: string, b: string): boolean {
  const date = new Date(iso);
  const format = (zone: string) =>
    new Intl.DateTimeFormat("en", { timeZone: zone, hour: "2-digit", minute: "2-digit", day: "2-digit" }).format(date);
  try {
    return format(a) === format(b);
  } catch {
    return true;
  }
}

/** The wall-clock date, time and weekday (1 = Monday) of an instant in `timeZone`. */
export function wallClock(date: Date, timeZone: string): { date: string; time: string; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    weekday: "short",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}`,
    weekday: weekdays.indexOf(get("weekday")) + 1,
  };
}

/** A clock time such as "14:02" (or "2:02 PM") in `timeZone`, for things that happened today. */
export function formatClock(ms: number, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(ms));
}
