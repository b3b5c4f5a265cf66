import { describe, expect, it } from "vitest";
import { alreadyInStatus, statusChangeQuestion, statusConsequence } from "./statusWording";

const ada = { id: 1, name: "Ada Park", status: "invited" as const, statusLabel: "Invited" };
const bo = { id: 2, name: "Bo Li", status: "completed" as const, statusLabel: "Completed" };

describe("status change wording", () => {
  it("names the participant, the status they leave and the one they get", () => {
    expect(statusChangeQuestion([ada], "Completed")).toBe("Change Ada Park from Invited to Completed?");
  });

  it("counts the participants of a bulk change", () => {
    expect(statusChangeQuestion([ada, bo], "No Show")).toBe("Set 2 participants to No Show?");
    const many = Array.from({ length: 12 }, (_, i) => ({ ...ada, id: i }));
    expect(statusChangeQuestion(many, "Completed")).toBe("Set 12 participants to Completed?");
  });

  it("finds those whom the change would not change", () => {
    expect(alreadyInStatus([ada, bo], "completed")).toEqual([bo]);
  });

  it("writes the count in the reader's locale", () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ ...ada, id: i }));
    expect(statusChangeQuestion(many, "Completed")).toBe(`Set ${(1200).toLocaleString()} participants to Completed?`);
  });

  it("says what happens to a scheduled interview before the change is confirmed", () => {
    const cy = { id: 3, name: "Cy Ito", status: "interview_scheduled" as const, statusLabel: "Interview Scheduled" };
    expect(statusConsequence([cy], "declined")).toBe(
      "Their scheduled interview will be cancelled with your reason: a cancellation goes to them, and the time is offered to the waiting list.",
    );
    expect(statusConsequence([cy], "no_show")).toBe("Their scheduled interview will be marked as a no-show.");
    expect(statusConsequence([cy, ada], "completed")).toBe(
      "The scheduled interviews of 1 participant will be marked as completed.",
    );
    expect(statusConsequence([ada], "declined")).toBeNull();
    expect(statusConsequence([ada], "interview_scheduled")).toContain("Book manually");
  });
});
