import { describe, expect, it } from "vitest";
import type { SyncReport } from "../bindings/types";
import { describeProgress, followUps, shortSummary, summaryFacts } from "./syncWords";

const quiet: SyncReport = {
  sent: 0,
  failed: 0,
  deferred: 0,
  unclear: 0,
  read: 0,
  applied: 0,
  needsAttention: 0, calendarsRead: 0, calendarWritten: 0, calendarRemoved: 0,
  warnings: [],
  actions: [],
};

describe("describeProgress", () => {
  it.each([
    [{ phase: "connecting" } as const, "Connecting…"],
    [{ phase: "sending", done: 2, total: 10 } as const, "Sending 3 of 10"],
    [{ phase: "sending", done: 10, total: 10 } as const, "Sent 10 of 10"],
    [{ phase: "sending", done: 0, total: 0 } as const, "Nothing waiting to send"],
    [{ phase: "reading", done: 4, total: 12 } as const, "Reading 5 of 12"],
    [{ phase: "reading", done: 0, total: 0 } as const, "Checking for replies…"],
    [{ phase: "reading", done: 12, total: 12 } as const, "Read 12 of 12"],
    [{ phase: "finished" } as const, "Finishing…"],
  ])("words %j as %s", (progress, words) => {
    expect(describeProgress(progress)).toBe(words);
  });
});

describe("the summary of a Sync", () => {
  it("says when nothing happened", () => {
    expect(shortSummary(quiet)).toBe("Nothing sent, no new mail");
    expect(followUps(quiet)).toEqual([]);
  });

  it("names what needs the researcher", () => {
    const busy = { ...quiet, sent: 3, read: 2, applied: 1, needsAttention: 1, calendarsRead: 0, calendarWritten: 0, calendarRemoved: 0, failed: 1 };
    expect(shortSummary(busy)).toBe("3 sent, 2 read, 1 applied, 1 need you, 1 failed");
    const facts = summaryFacts(busy);
    expect(facts.find((f) => f.key === "applied")).toMatchObject({ label: "1 reply applied", tone: "good" });
    expect(facts.find((f) => f.key === "needsAttention")).toMatchObject({ label: "1 item needs you", tone: "warn" });
    expect(followUps(busy)).toHaveLength(2);
  });

  it("says that a message whose sending was cut off waits for its copy", () => {
    const cut = { ...quiet, unclear: 1 };
    expect(shortSummary(cut)).toBe("Nothing sent, no new mail, 1 unclear");
    expect(summaryFacts(cut).find((f) => f.key === "unclear")).toMatchObject({
      label: "1 message may have gone out",
      tone: "warn",
    });
    expect(followUps(cut)).toEqual([expect.stringContaining("within 24 hours")]);
  });
});

describe("the calendar side of a Sync", () => {
  it("is named in the short line when calendars were read or written", () => {
    expect(shortSummary({ ...quiet, calendarsRead: 1, calendarWritten: 1 })).toBe(
      "Nothing sent, no new mail, calendars: 1 read, 1 written",
    );
  });

  it("is left out when no calendar account took part", () => {
    expect(summaryFacts(quiet).map((f) => f.key)).not.toContain("calendarsRead");
  });

  it("says what was read and written", () => {
    const facts = summaryFacts({ ...quiet, calendarsRead: 2, calendarWritten: 1, calendarRemoved: 1 });
    const labels = facts.filter((f) => f.key.startsWith("calendar")).map((f) => f.label);
    expect(labels).toEqual([
      "2 interviewers’ busy times read",
      "1 interview written to your calendar",
      "1 canceled interview removed from it",
    ]);
  });
});
