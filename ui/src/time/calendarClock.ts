/**
 * The calendars run FullCalendar in its "UTC" mode and are fed wall-clock times as if they were
 * UTC: a Date whose UTC fields read 09:00 is drawn at 09:00 whatever the computer's own zone, and
 * the computer's daylight-saving changes cannot shift it. These convert to and from those stand-ins.
 */
import { wallAsUtc, wallClockOf, wallOfUtc, type Instant, type WallClock } from "./zonedTime";

/** The calendar's stand-in Date for a wall-clock time (its UTC fields read `wall`). */
export function calendarDate(wall: WallClock): Date {
  return wallAsUtc(wall);
}

/** The wall-clock time a calendar stand-in Date shows. */
export function wallOfCalendarDate(date: Date): WallClock {
  return wallOfUtc(date);
}

/** The stand-in for an instant as `zone` shows it, in the form the calendar reads: `2026-03-09T09:00:00`. */
export function calendarInput(instant: Instant, zone: string): string {
  return `${wallClockOf(instant, zone)}:00`;
}
