import { describe, expect, it } from "vitest";
import { alreadyInStatus, countOf, statusChangeQuestion } from "./statusWording";

const ada = { id: 1, name: "Ada Park", status: "invited", statusLabel: "Invited" };
const bo = { id: 2, name: "Bo Li", status: "completed", statusLabel: "Completed" };

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

  it("uses the singular for one", () => {
    expect(countOf(1, "participant")).toBe("1 participant");
    expect(countOf(3, "reply", "replies")).toBe("3 replies");
  });
});
