import { describe, expect, it } from "vitest";
import type { DayConflictView } from "../../bindings/types";
import { buildDayGrid, conflictCells } from "./dayGrid";
import { dayView } from "./dayFixture";

describe("buildDayGrid", () => {
  it("puts interviewers in rows and rounds in columns, with the lunch between rounds 1 and 2", () => {
    const grid = buildDayGrid(dayView());
    expect(grid.columns.map((c) => (c.kind === "round" ? `R${c.round}` : c.times.label))).toEqual(["R1", "Lunch", "R2", "R3"]);
    expect(grid.rows.map((r) => r.name)).toEqual(["Dr Iris", "Dr Jon"]);
    const iris = grid.rows[0]!.cells.map((c) => (c.kind === "meets" ? c.applicants.map((a) => a.name).join("+") : c.kind));
    expect(iris).toEqual(["Ada", "Cal", "Bea"]);
  });

  it("lists who sits each round out", () => {
    const grid = buildDayGrid(dayView());
    expect(grid.breaks.map((round) => round.map((a) => a.name))).toEqual([["Cal"], ["Bea"], ["Ada"]]);
  });

  it("shows both applicants of a double booking in the one cell", () => {
    const view = dayView();
    view.itineraries[2]!.seats[0] = { round: 1, interviewerId: 10, interviewerName: "Dr Iris" };
    const cell = buildDayGrid(view).rows[0]!.cells[0]!;
    expect(cell.kind === "meets" && cell.applicants.map((a) => a.name)).toEqual(["Ada", "Cal"]);
    expect(buildDayGrid(view).breaks[0]).toEqual([]);
  });

  it("marks an unavailable interviewer's free round", () => {
    const view = dayView();
    view.itineraries[2]!.seats[1] = { round: 2, interviewerId: null, interviewerName: null };
    view.timetables[0]!.duties[1] = { round: 2, applicantId: null, applicantName: null, unavailable: true };
    expect(buildDayGrid(view).rows[0]!.cells[1]!.kind).toBe("unavailable");
  });
});

describe("conflict highlighting", () => {
  const conflict = (message: string, applicants: number[], interviewers: number[], rounds: number[]): DayConflictView => ({
    message,
    applicants,
    interviewers,
    rounds,
  });

  it("marks both meetings of an applicant who meets one interviewer twice, and nothing else", () => {
    const view = dayView();
    const twice = conflict("Ada meets Dr Iris more than once, in rounds 1 and 2.", [1], [10], [1, 2]);
    view.itineraries[0]!.seats[1] = { round: 2, interviewerId: 10, interviewerName: "Dr Iris" };
    const cells = conflictCells(view, [twice]);
    expect([...cells.keys()].sort()).toEqual(["1:1", "1:2"]);
    expect(cells.get("1:1")).toEqual([twice.message]);
  });

  it("marks every applicant of a double booking in that round only", () => {
    const view = dayView();
    view.itineraries[2]!.seats[0] = { round: 1, interviewerId: 10, interviewerName: "Dr Iris" };
    const cells = conflictCells(view, [conflict("Dr Iris is booked with Ada and Cal at the same time, in round 1.", [1, 3], [10], [1])]);
    expect([...cells.keys()].sort()).toEqual(["1:1", "3:1"]);
  });

  it("marks only the seats the rule names, whatever its words say", () => {
    const view = dayView();
    // The words name Ada; the seats named are Cal's: the words are for reading, not for finding.
    const cells = conflictCells(view, [conflict("Ada meets Dr Iris in round 1, but they have a conflict of interest.", [3], [10], [1])]);
    expect([...cells.keys()]).not.toContain("1:1");
    expect(conflictCells(view, [conflict("The schedule is not this day's.", [], [], [])]).size).toBe(0);
  });
});
