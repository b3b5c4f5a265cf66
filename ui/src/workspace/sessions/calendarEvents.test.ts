import { describe, expect, it } from "vitest";
import type { SessionView } from "../../bindings/types";
import { busyEvents, changeWithPattern, patternAfterMove, sessionEvents, sessionEventTitle } from "./calendarEvents";
import { calendarDate } from "../../time/calendarClock";

const base = { studyId: 1, capacity: 1, visible: true, interviewerIds: [4], exceptions: [] };

const window: SessionView = {
  ...base,
  id: 7,
  title: "Usability",
  pattern: { kind: "window", start: "2026-03-28T08:00:00+00:00", end: "2026-03-28T11:00:00+00:00" },
};

const weekly: SessionView = {
  ...base,
  id: 8,
  title: "Mornings",
  pattern: { kind: "weekly", weekday: 1, startTime: "09:00", endTime: "12:00", validFrom: "2026-03-02", validUntil: "2026-04-27" },
};

describe("sessions as calendar events", () => {
  it("draws a window at the study's wall-clock time, after a daylight-saving change too", () => {
    const [event] = sessionEvents(window, "Europe/Berlin");
    expect(event).toMatchObject({ start: "2026-03-28T09:00:00", end: "2026-03-28T12:00:00", title: "Usability · 1 per slot" });
    const after = sessionEvents(
      { ...window, pattern: { kind: "window", start: "2026-03-30T07:00:00Z", end: "2026-03-30T10:00:00Z" } },
      "Europe/Berlin",
    );
    expect(after[0]).toMatchObject({ start: "2026-03-30T09:00:00", end: "2026-03-30T12:00:00" });
  });

  it("labels interview days and hidden sessions in words", () => {
    const day: SessionView = {
      ...window,
      capacity: 12,
      visible: false,
      title: "Spring day",
      pattern: { kind: "day", start: "2026-04-10T07:00:00Z", end: "2026-04-10T15:00:00Z" },
    };
    expect(sessionEventTitle(day)).toBe("Hidden · Interview day · Spring day · 12 places");
    const [event] = sessionEvents(day, "Europe/Berlin");
    expect(event?.className).toContain("session-hidden");
    expect(event?.className).toContain("session-day");
  });

  it("makes a weekly session one recurring event, Sunday as day 0", () => {
    const events = sessionEvents(weekly, "Europe/Berlin");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      daysOfWeek: [1],
      startTime: "09:00",
      endTime: "12:00",
      startRecur: "2026-03-02",
      endRecur: "2026-04-28",
      groupId: "session-8",
    });
    const sunday = sessionEvents({ ...weekly, pattern: { ...weekly.pattern, weekday: 7, validUntil: null } as SessionView["pattern"] }, "UTC");
    expect(sunday[0]).toMatchObject({ daysOfWeek: [0] });
    expect(sunday[0]).not.toHaveProperty("endRecur");
  });

  it("cuts a weekly session around its closed dates and draws dates with other hours", () => {
    const events = sessionEvents(
      {
        ...weekly,
        exceptions: [
          { date: "2026-03-30", startTime: "13:00", endTime: "15:00" },
          { date: "2026-03-16", startTime: null, endTime: null },
          // Not a Monday: it cannot change anything and must not cut the recurrence.
          { date: "2026-03-18", startTime: null, endTime: null },
        ],
      },
      "Europe/Berlin",
    );
    const recurring = events.filter((e) => e.daysOfWeek);
    expect(recurring.map((e) => [e.startRecur, e.endRecur])).toEqual([
      ["2026-03-02", "2026-03-16"],
      ["2026-03-17", "2026-03-30"],
      ["2026-03-31", "2026-04-28"],
    ]);
    const otherHours = events.filter((e) => !e.daysOfWeek);
    expect(otherHours).toEqual([
      expect.objectContaining({ start: "2026-03-30T13:00:00", end: "2026-03-30T15:00:00", editable: false }),
    ]);
    expect(otherHours[0]?.extendedProps).toEqual({ sessionId: 8, role: "exception" });
  });

  it("labels busy times with the interviewer, in the study's zone", () => {
    const [event] = busyEvents(
      [{ interviewerId: 4, interviewerName: "Iris Chen", start: "2026-03-30T07:00:00Z", end: "2026-03-30T08:00:00Z", summary: "" }],
      "Europe/Berlin",
    );
    expect(event).toMatchObject({ title: "Busy · Iris Chen", start: "2026-03-30T09:00:00", display: "background" });
  });
});

describe("moving events back into patterns", () => {
  it("sends a dragged window as the study's wall-clock times", () => {
    const pattern = patternAfterMove(window, calendarDate("2026-03-30T10:00"), calendarDate("2026-03-30T13:30"));
    expect(pattern).toEqual({ kind: "window", start: "2026-03-30T10:00", end: "2026-03-30T13:30" });
  });

  it("keeps a window's length when the calendar gives no end", () => {
    const pattern = patternAfterMove(window, calendarDate("2026-04-01T14:00"), null);
    expect(pattern).toEqual({ kind: "window", start: "2026-04-01T14:00", end: "2026-04-01T17:00" });
  });

  it("gives a weekly session the weekday and hours of the occurrence where it was dropped", () => {
    const pattern = patternAfterMove(weekly, calendarDate("2026-03-19T10:30"), calendarDate("2026-03-19T12:00"));
    expect(pattern).toEqual({ ...weekly.pattern, weekday: 4, startTime: "10:30", endTime: "12:00" });
  });

  it("lets the back end refuse weekly hours that run past midnight", () => {
    const pattern = patternAfterMove(weekly, calendarDate("2026-03-22T22:00"), calendarDate("2026-03-23T01:00"));
    expect(pattern).toMatchObject({ weekday: 7, startTime: "22:00", endTime: "00:00" });
  });

  it("keeps title, capacity and interviewers in the change", () => {
    const change = changeWithPattern({ ...window, capacity: 3 }, window.pattern);
    expect(change).toEqual({ title: "Usability", pattern: window.pattern, capacity: 3, interviewerIds: [4] });
  });
});
