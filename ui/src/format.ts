/** Interview length as shown in lists, e.g. "60 min". */
export function formatMinutes(minutes: number): string {
  return `${minutes} min`;
}

/**
 * A creation timestamp as a date in the reader's locale.
 * Accepts RFC 3339 and SQLite's "YYYY-MM-DD HH:MM:SS" (UTC); anything unparseable is shown as given
 * rather than as "Invalid Date".
 */
export function formatDate(value: string, locale?: string, timeZone?: string): string {
  const date = parseTimestamp(value);
  if (date === null) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}

function parseTimestamp(value: string): Date | null {
  let text = value.trim();
  const sqlite = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/.exec(text);
  if (sqlite) {
    text = `${sqlite[1]}T${sqlite[2]}Z`;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
