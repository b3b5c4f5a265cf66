/**
 * Wall-clock arithmetic in named time zones with nothing but Intl, so that the study's zone
 * (not the computer's) decides which day a time falls on and what a typed time means.
 */

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

function wallClockOf(instant: Date, zone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 1,
    day: values.day ?? 1,
    // Some engines still say 24 for midnight even with h23.
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `2026-03-09T09:00`: the time as a clock on the wall in `zone` shows it. */
export function wallClock(instant: string | Date, zone: string): string {
  const w = wallClockOf(typeof instant === "string" ? new Date(instant) : instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** `2026-03-09`: the day the instant falls on in `zone`. */
export function dayIn(instant: string | Date, zone: string): string {
  return wallClock(instant, zone).slice(0, 10);
}

function parseWallClock(text: string): WallClock | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return { year, month, day, hour, minute };
}

function asUtcMillis(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
}

/**
 * The instant at which the wall clock in `zone` shows `local` (`2026-03-09T09:00`).
 * A time that happens twice (clocks going back) is the first of the two; a time that never
 * happens (clocks going forward) is `null`, so the caller can say so rather than guess.
 */
export function instantOf(local: string, zone: string): Date | null {
  const wanted = parseWallClock(local);
  if (!wanted) return null;
  const target = asUtcMillis(wanted);
  // The zone's offset a day either side covers every real transition.
  const offsets = new Set<number>();
  for (const probe of [target - 86_400_000, target, target + 86_400_000]) {
    offsets.add(asUtcMillis(wallClockOf(new Date(probe), zone)) - probe);
  }
  const matches = [...offsets]
    .map((offset) => target - offset)
    .filter((candidate) => asUtcMillis(wallClockOf(new Date(candidate), zone)) === target)
    .sort((a, b) => a - b);
  const first = matches[0];
  return first === undefined ? null : new Date(first);
}

/** A short name for the zone at that instant, such as "CET" or "GMT+1", in the reader's locale. */
export function zoneAbbreviation(instant: string | Date, zone: string, locale?: string): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

/** Whether two zones show the same wall clock at that instant (e.g. Europe/Berlin and Europe/Paris). */
export function sameClock(instant: string | Date, a: string, b: string): boolean {
  return a === b || wallClock(instant, a) === wallClock(instant, b);
}
