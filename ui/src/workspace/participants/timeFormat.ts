// Formatting thousands of cells while scrolling: building an Intl.DateTimeFormat costs far more
// than using one, so each kind of formatter is made once per time zone.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: "dateTime" | "time" | "date", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let found = cache.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      kind === "dateTime"
        ? { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit", timeZone }
        : kind === "time"
          ? { hour: "numeric", minute: "2-digit", timeZone }
          : { dateStyle: "medium", timeZone };
    found = safeFormatter(options);
    cache.set(key, found);
  }
  return found;
}

function safeFormatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(undefined, options);
  } catch {
    // A zone this WebView does not know: the reader's own zone is a better answer than no answer.
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: undefined });
  }
}

/** "Mon, 7 Dec, 09:00" in the reader's locale, on the clock of `timeZone`. */
export function formatDateTime(ms: number, timeZone: string): string {
  return formatter("dateTime", timeZone).format(ms);
}

/** "09:00" in the reader's locale, on the clock of `timeZone`. */
export function formatTime(ms: number, timeZone: string): string {
  return formatter("time", timeZone).format(ms);
}

/** "23 Nov 2026" in the reader's locale, on the calendar of `timeZone`. */
export function formatDay(ms: number, timeZone: string): string {
  return formatter("date", timeZone).format(ms);
}

/** A timestamp of the audit log: "23 Nov 2026, 18:44". */
export function formatLogTime(value: string, timeZone: string): string {
  const ms = Date.parse(value.includes("T") ? value : `${value.replace(" ", "T")}Z`);
  if (Number.isNaN(ms)) return value;
  return safeFormatter({ dateStyle: "medium", timeStyle: "short", timeZone }).format(ms);
}

/** "New York" for America/New_York: the part a person recognises. */
export function zoneCity(timeZone: string): string {
  const city = timeZone.slice(timeZone.lastIndexOf("/") + 1);
  return city.replaceAll("_", " ");
}
