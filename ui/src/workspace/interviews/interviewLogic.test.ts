import { describe, expect, it } from "vitest";
import type { InterviewView, RuleBreakView, RuleBreak, SlotView } from "../../bindings/types";
import { instantFromCalendar, toCalendarEvent } from "./calendarEvents";
import { actionLabel, actionsFor } from "./InterviewMenu";
import { canBeAccepted, describeOverrides } from "./ruleNames";
import { initialRuleFlow, ruleFlow, type RuleFlowState } from "./ruleFlow";
import { groupSlotsByDay } from "./slotGroups";
import { dayIn, wallClockOf } from "../../time/zonedTime";

function slot(start: string, minutes = 60): SlotView {
  const end = new Date(new Date(start).getTime() + minutes * 60_000).toISOString();
  return { sessionId: 1, start, end, remaining: 1, localStart: "", timeZone: "Europe/Berlin" };
}

function interview(overrides: Partial<InterviewView> = {}): InterviewView {
  return {
    id: 7,
    studyId: 1,
    participantId: 3,
    participantName: "Bea Lund",
    participantEmail: "bea@example.org",
    sessionId: 2,
    start: "2026-03-28T23:30:00Z",
    end: "2026-03-29T00:15:00Z",
    state: "scheduled",
    calendarUid: "uid",
    sequence: 0,
    ruleOverrides: [],
    cancelReason: "",
    round: 1,
    rounds: 1,
    interviewers: [],
    ...overrides,
  };
}

describe("groupSlotsByDay", () => {
  it("puts each slot on its day in the study's zone, in order, across a daylight-saving change", () => {
    const slots = [
      // Given out of order, as a merge of sessions may.
      slot("2026-03-29T07:00:00Z"), // 09:00 CEST, Sunday (after the change)
      slot("2026-03-28T22:30:00Z"), // 23:30 CET, Saturday
      slot("2026-03-28T23:30:00Z"), // 00:30 CET, Sunday (before the change)
      slot("2026-03-28T08:00:00Z"), // 09:00 CET, Saturday
    ];
    const days = groupSlotsByDay(slots, "Europe/Berlin");
    expect(days.map((d) => d.day)).toEqual(["2026-03-28", "2026-03-29"]);
    expect(days[0]?.slots.map((s) => wallClockOf(s.start, "Europe/Berlin"))).toEqual([
      "2026-03-28T09:00",
      "2026-03-28T23:30",
    ]);
    expect(days[1]?.slots.map((s) => wallClockOf(s.start, "Europe/Berlin"))).toEqual([
      "2026-03-29T00:30",
      "2026-03-29T09:00",
    ]);
  });

  it("groups by the zone asked for, not by UTC", () => {
    const late = slot("2026-03-10T02:00:00Z");
    expect(groupSlotsByDay([late], "America/New_York")[0]?.day).toBe("2026-03-09");
    expect(groupSlotsByDay([late], "Europe/Berlin")[0]?.day).toBe("2026-03-10");
    expect(dayIn(late.start, "UTC")).toBe("2026-03-10");
  });

  it("has no days for no slots", () => {
    expect(groupSlotsByDay([], "Europe/Berlin")).toEqual([]);
  });
});

describe("ruleFlow", () => {
  const tooSoon: RuleBreakView = { rule: "too_soon", explanation: "It starts less than 1 day from now." };
  const dailyCap: RuleBreakView = { rule: "daily_cap", explanation: "That day already has 2 interviews." };
  const full: RuleBreakView = { rule: "full", explanation: "Every place at that time is already taken." };

  function run(...events: Parameters<typeof ruleFlow>[1][]): RuleFlowState {
    return events.reduce(ruleFlow, initialRuleFlow);
  }

  it("books at once when no rule is broken", () => {
    expect(run({ type: "check" })).toEqual({ phase: "checking" });
    expect(run({ type: "check" }, { type: "checked", breaks: [] })).toEqual({
      phase: "saving",
      breaks: [],
      accepted: [],
    });
    expect(run({ type: "check" }, { type: "checked", breaks: [] }, { type: "saved" })).toEqual({ phase: "done" });
  });

  it("asks before booking past rules, and accepts exactly the rules shown", () => {
    const confirming = run({ type: "check" }, { type: "checked", breaks: [tooSoon, dailyCap] });
    expect(confirming).toEqual({ phase: "confirming", breaks: [tooSoon, dailyCap] });
    // "saved" cannot skip the confirmation.
    expect(ruleFlow(confirming, { type: "saved" })).toBe(confirming);
    expect(ruleFlow(confirming, { type: "accept" })).toEqual({
      phase: "saving",
      breaks: [tooSoon, dailyCap],
      accepted: ["too_soon", "daily_cap"],
    });
  });

  it("never offers to book a full time anyway", () => {
    const blocked = run({ type: "check" }, { type: "checked", breaks: [tooSoon, full] });
    expect(blocked.phase).toBe("blocked");
    expect(ruleFlow(blocked, { type: "accept" })).toBe(blocked);
  });

  it("keeps the rules shown when saving fails, and starts over on reset", () => {
    const failed = run(
      { type: "check" },
      { type: "checked", breaks: [tooSoon] },
      { type: "accept" },
      { type: "failed", error: { code: "conflict", message: "That time was just taken." } },
    );
    expect(failed).toEqual({
      phase: "failed",
      error: { code: "conflict", message: "That time was just taken." },
      breaks: [tooSoon],
    });
    expect(ruleFlow(failed, { type: "check" })).toEqual({ phase: "checking" });
    expect(ruleFlow(failed, { type: "reset" })).toEqual({ phase: "idle" });
  });

  it("ignores a second check while one is under way", () => {
    const saving = run({ type: "check" }, { type: "checked", breaks: [] });
    expect(ruleFlow(saving, { type: "check" })).toBe(saving);
  });
});

describe("calendar events", () => {
  it("shows the study's wall clock in a UTC calendar, coloured by state", () => {
    const event = toCalendarEvent(interview(), "Europe/Berlin");
    expect(event).toMatchObject({
      id: "7",
      title: "Bea Lund",
      start: "2026-03-29T00:30:00",
      end: "2026-03-29T01:15:00",
      color: "var(--interview-scheduled)",
      editable: true,
      extendedProps: { interviewId: 7, state: "scheduled" },
    });
  });

  it("lets only scheduled interviews be dragged", () => {
    for (const state of ["completed", "canceled", "no_show"] as const) {
      const event = toCalendarEvent(interview({ state }), "UTC");
      expect(event.editable).toBe(false);
      expect(event.className).toContain(`interview-event-${state.replace("_", "-")}`);
    }
    expect(toCalendarEvent(interview({ state: "no_show" }), "UTC").color).toBe("var(--interview-no-show)");
    expect(toCalendarEvent(interview({ state: "canceled" }), "UTC").color).toBe("var(--interview-canceled)");
    expect(toCalendarEvent(interview({ state: "completed" }), "UTC").color).toBe("var(--interview-completed)");
  });

  it("says which of several interviews with the participant it is, and nothing when the study holds one", () => {
    expect(toCalendarEvent(interview({ round: 2, rounds: 3 }), "UTC").title).toBe("Bea Lund · Interview 2 of 3");
    expect(toCalendarEvent(interview(), "UTC").title).toBe("Bea Lund");
  });

  it("names who runs it and who takes notes", () => {
    const staff = interview({
      interviewers: [
        { interviewerId: 1, name: "Ana Lind", email: "ana@uni.example", role: "interviewer" },
        { interviewerId: 2, name: "Ben Okafor", email: "ben@uni.example", role: "interviewer" },
        { interviewerId: 3, name: "Cy Oduya", email: "cy@uni.example", role: "noteTaker" },
      ],
    });
    expect(toCalendarEvent(staff, "UTC").title).toBe("Bea Lund · with Ana Lind, Ben Okafor · notes: Cy Oduya");
  });

  it("names an interview by email when it has no name", () => {
    expect(toCalendarEvent(interview({ participantName: "" }), "UTC").title).toBe("bea@example.org");
  });

  it("turns a dropped time back into the real instant", () => {
    expect(instantFromCalendar(new Date("2026-03-09T09:00:00Z"), "Europe/Berlin")?.toISOString()).toBe(
      "2026-03-09T08:00:00.000Z",
    );
    expect(instantFromCalendar(new Date("2026-03-29T02:30:00Z"), "Europe/Berlin")).toBeNull();
  });
});

describe("the interview menu", () => {
  const now = new Date("2026-03-28T12:00:00Z").getTime();

  it("offers no-show and completed only once a scheduled interview has begun", () => {
    expect(actionsFor(interview({ start: "2026-03-29T09:00:00Z" }), now)).toEqual(["reschedule", "staff", "compose", "cancel"]);
    expect(actionsFor(interview({ start: "2026-03-28T11:30:00Z" }), now)).toEqual([
      "reschedule",
      "staff",
      "compose",
      "cancel",
      "no_show",
      "completed",
    ]);
  });

  it("lets a completed interview become a no-show, and leaves the rest alone", () => {
    expect(actionsFor(interview({ state: "completed" }), now)).toEqual(["no_show"]);
    const firstOfTwo = interview({ state: "completed", round: 1, rounds: 2 });
    expect(actionsFor(firstOfTwo, now)).toEqual(["book_again", "no_show"]);
    expect(actionLabel("book_again", firstOfTwo)).toBe("Book interview 2 of 2…");
    expect(actionLabel("book_again", interview({ state: "no_show" }))).toBe("Book again…");
    expect(actionsFor(interview({ state: "canceled" }), now)).toEqual(["book_again"]);
    expect(actionsFor(interview({ state: "no_show" }), now)).toEqual(["book_again"]);
  });

  it("names the rules an interview was booked past", () => {
    expect(describeOverrides(["too_soon", "daily_cap"])).toEqual(["minimum notice", "daily limit"]);
    expect(describeOverrides([])).toEqual([]);
  });

  it("has a name for every rule a booking can break, and only a full time cannot be accepted", () => {
    const every: RuleBreak[] = [
      "unknown_session", "hidden_session", "not_a_slot_start", "too_soon", "beyond_horizon", "full",
      "daily_cap", "weekly_cap", "interviewers_busy", "buffer_conflict", "in_the_past",
    ];
    const named = describeOverrides(every);
    expect(new Set(named).size).toBe(every.length);
    for (const name of named) expect(name).not.toMatch(/^interviews\.rule\./);
    expect(every.filter((rule) => !canBeAccepted(rule))).toEqual(["full"]);
  });
});
