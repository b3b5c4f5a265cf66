import { describe, expect, it } from "vitest";
import type { SessionView } from "../../bindings/types";
import { draftForRange, draftOfSession, patternOfDraft, validateDraft, withKind } from "./sessionDraft";

describe("the session form", () => {
  it("starts from a selected range, with office hours for a whole day", () => {
    const timed = draftForRange("2026-03-30T10:00", "2026-03-30T11:30", false, "window");
    expect(timed).toMatchObject({ date: "2026-03-30", startTime: "10:00", endTime: "11:30", weekday: 1, capacity: "1" });
    const allDay = draftForRange("2026-03-30T00:00", "2026-03-31T00:00", true, "day");
    expect(allDay).toMatchObject({ startTime: "09:00", endTime: "17:00", title: "Interview day", capacity: "10" });
  });

  it("switches kind, swapping only defaults", () => {
    const draft = draftForRange("2026-04-02T10:00", "2026-04-02T12:00", false, "window");
    expect(withKind(draft, "weekly")).toMatchObject({ kind: "weekly", title: "Weekly availability", weekday: 4, validFrom: "2026-04-02" });
    expect(withKind({ ...draft, title: "Pilot", capacity: "2" }, "day")).toMatchObject({ title: "Pilot", capacity: "2" });
  });

  it("sends wall-clock times of the study's zone", () => {
    const draft = draftForRange("2026-03-29T09:00", "2026-03-29T12:00", false, "window");
    expect(patternOfDraft(draft)).toEqual({ kind: "window", start: "2026-03-29T09:00", end: "2026-03-29T12:00" });
    expect(patternOfDraft(withKind(draft, "weekly"))).toEqual({
      kind: "weekly",
      weekday: 7,
      startTime: "09:00",
      endTime: "12:00",
      validFrom: "2026-03-29",
      validUntil: null,
    });
  });

  it("reads an existing session in the study's zone", () => {
    const session: SessionView = {
      id: 1,
      studyId: 1,
      title: "Evening",
      capacity: 2,
      visible: false,
      interviewerIds: [3],
      exceptions: [],
      pattern: { kind: "window", start: "2026-03-30T16:00:00Z", end: "2026-03-30T18:00:00Z" },
    };
    expect(draftOfSession(session, "Europe/Berlin")).toMatchObject({
      date: "2026-03-30",
      startTime: "18:00",
      endTime: "20:00",
      capacity: "2",
      visible: false,
      interviewerIds: [3],
    });
  });

  it("says what is wrong, field by field", () => {
    const draft = draftForRange("2026-03-30T10:00", "2026-03-30T11:00", false, "window");
    expect(validateDraft(draft)).toEqual({});
    expect(validateDraft({ ...draft, title: " ", endTime: "09:00", capacity: "0" })).toEqual({
      title: "Give the session a title.",
      endTime: "The end must be after the start, on the same day.",
      capacity: "Give a whole number from 1 to 1000.",
    });
    expect(validateDraft({ ...withKind(draft, "weekly"), validUntil: "2026-03-01" })).toEqual({
      validUntil: "The last date cannot be before the first.",
    });
  });
});
