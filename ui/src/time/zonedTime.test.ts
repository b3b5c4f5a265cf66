import { describe, expect, it } from "vitest";
import { calendarDate, calendarInput, wallOfCalendarDate } from "./calendarClock";
import {
  addDays,
  cityOf,
  clocksDiffer,
  dayIn,
  instantOf,
  instantOfAny,
  isoWeekday,
  nextWeekday,
  offsetMinutes,
  sameClock,
  wallClockOf,
  weekdayIn,
  zoneDifference,
} from "./zonedTime";

describe("wall-clock times in a named zone", () => {
  it("reads an instant as the study's clocks show it, on both sides of a daylight-saving change", () => {
    // Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on 2026-03-29.
    expect(wallClockOf("2026-03-28T08:00:00Z", "Europe/Berlin")).toBe("2026-03-28T09:00");
    expect(wallClockOf("2026-03-30T07:00:00Z", "Europe/Berlin")).toBe("2026-03-30T09:00");
    expect(wallClockOf("2026-03-29T00:59:00Z", "Europe/Berlin")).toBe("2026-03-29T01:59");
    expect(wallClockOf("2026-03-29T01:00:00Z", "Europe/Berlin")).toBe("2026-03-29T03:00");
    expect(wallClockOf(new Date("2026-07-09T08:00:00Z"), "Europe/Berlin")).toBe("2026-07-09T10:00");
    expect(wallClockOf(Date.parse("2026-03-09T08:00:00Z"), "Europe/Berlin")).toBe("2026-03-09T09:00");
  });

  it("knows the day and weekday an instant falls on in the zone", () => {
    expect(dayIn("2026-03-09T23:30:00Z", "Europe/Berlin")).toBe("2026-03-10");
    expect(dayIn("2026-03-09T23:30:00Z", "UTC")).toBe("2026-03-09");
    expect(weekdayIn("2026-03-15T23:30:00Z", "Europe/Berlin")).toBe(1);
    expect(weekdayIn("2026-03-15T23:30:00Z", "UTC")).toBe(7);
  });

  it("finds the instant of a wall-clock time across a change", () => {
    expect(instantOf("2026-03-28T09:00", "Europe/Berlin")?.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(instantOf("2026-03-30T09:00", "Europe/Berlin")?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(instantOf("2026-11-02T09:00", "America/New_York")?.toISOString()).toBe("2026-11-02T14:00:00.000Z");
    expect(instantOf("2026-03-29T03:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("reads a repeated time as its first occurrence, like the back end", () => {
    // 01:30 happens twice in New York on 2026-11-01: first at UTC-4.
    expect(instantOf("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(instantOf("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses a time the clocks skip, and anything that is no time", () => {
    // 29 March 2026: Berlin's clocks jump from 02:00 to 03:00.
    expect(instantOf("2026-03-29T02:30", "Europe/Berlin")).toBeNull();
    expect(instantOf("2026-03-08T02:30", "America/New_York")).toBeNull();
    expect(instantOf("not a time", "Europe/Berlin")).toBeNull();
  });

  it("can still place a skipped time, with the offset before the change, where an instant is a must", () => {
    expect(instantOfAny("2026-03-08T02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(instantOfAny("2026-03-09T00:00", "Europe/Berlin").toISOString()).toBe("2026-03-08T23:00:00.000Z");
  });

  it("round-trips the calendar's stand-in dates", () => {
    const stand = calendarDate("2026-03-29T09:15");
    expect(stand.toISOString()).toBe("2026-03-29T09:15:00.000Z");
    expect(wallOfCalendarDate(stand)).toBe("2026-03-29T09:15");
    expect(calendarInput("2026-03-30T07:00:00Z", "Europe/Berlin")).toBe("2026-03-30T09:00:00");
    expect(calendarDate("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
  });

  it("knows offsets and weekdays", () => {
    expect(offsetMinutes(new Date("2026-01-15T12:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(offsetMinutes(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(isoWeekday("2026-03-09")).toBe(1);
    expect(isoWeekday("2026-03-15")).toBe(7);
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(nextWeekday("2026-03-11", 1)).toBe("2026-03-16");
    expect(nextWeekday("2026-03-09", 1)).toBe("2026-03-09");
  });

  it("knows when two zones show the same clock", () => {
    expect(sameClock("2026-03-09T08:00:00Z", "Europe/Berlin", "Europe/Paris")).toBe(true);
    expect(sameClock("2026-03-09T08:00:00Z", "Europe/Berlin", "America/New_York")).toBe(false);
    expect(clocksDiffer("2026-03-09T08:00:00Z", "Europe/Berlin", "America/New_York")).toBe(true);
    expect(clocksDiffer("2026-03-09T08:00:00Z", "Europe/Berlin", "Europe/Berlin")).toBe(false);
  });

  it("says how far the researcher's zone is from the study's", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    expect(zoneDifference("America/New_York", "Europe/Berlin", winter)).toBe("6 h behind");
    expect(zoneDifference("Asia/Kolkata", "Europe/Berlin", winter)).toBe("4 h 30 min ahead");
    expect(zoneDifference("Europe/Paris", "Europe/Berlin", winter)).toBeNull();
  });

  it("names a zone by its city", () => {
    expect(cityOf("America/New_York")).toBe("New York");
    expect(cityOf("Europe/Berlin")).toBe("Berlin");
    expect(cityOf("UTC")).toBe("UTC");
  });
});
