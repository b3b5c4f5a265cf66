import { language } from "../i18n";
import { formatDateTime, parseInstant } from "../time/format";
import type { Instant } from "../time/zonedTime";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let words: Intl.RelativeTimeFormat | null = null;

/** In the window's language, so "3 hours ago" reads like the sentence around it. */
function relative(): Intl.RelativeTimeFormat {
  words ??= new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  return words;
}

/** The zone of this computer: when something happened here, not in a study's zone. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * How long ago something happened, as "5 minutes ago", "3 hours ago" or "yesterday"; from a week
 * back the date and time itself. An unreadable value is shown as given.
 */
export function timeAgo(value: Instant, now: number = Date.now(), timeZone: string = localZone()): string {
  const date = parseInstant(value);
  if (date === null) return String(value);
  const past = Math.max(0, now - date.getTime());
  if (past < MINUTE) return relative().format(-Math.round(past / 1000), "second");
  if (past < HOUR) return relative().format(-Math.floor(past / MINUTE), "minute");
  if (past < DAY) return relative().format(-Math.floor(past / HOUR), "hour");
  if (past < 7 * DAY) return relative().format(-Math.floor(past / DAY), "day");
  return formatDateTime(date, timeZone);
}
