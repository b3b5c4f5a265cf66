import { describe, expect, it } from "vitest";
import { dayAfterCancellation, dayView } from "./dayFixture";
import { buildDayGrid } from "./dayGrid";
import { describeSeats, nextPlacement, placedText, placeStep } from "./placement";
import { sameTarget, targetOfElement } from "./useCellDrag";

describe("placing an applicant within their round", () => {
  const grid = buildDayGrid(dayAfterCancellation());
  const gus1 = { applicantId: 7, round: 1 };
  const ada1 = { applicantId: 1, round: 1 };

  it("seats a held or dragged applicant in an open seat of their round", () => {
    expect(placeStep(gus1, { kind: "seat", round: 1, interviewerId: 11 }, grid)).toEqual({ kind: "place", slot: gus1, interviewerId: 11 });
    // Someone already seated moves; their old seat becomes open by itself.
    expect(placeStep(ada1, { kind: "seat", round: 1, interviewerId: 11 }, grid)).toEqual({ kind: "place", slot: ada1, interviewerId: 11 });
  });

  it("sends a seated applicant to Sitting out, and says so when they already sit out", () => {
    expect(placeStep(ada1, { kind: "breaks", round: 1 }, grid)).toEqual({ kind: "place", slot: ada1, interviewerId: null });
    expect(placeStep(gus1, { kind: "breaks", round: 1 }, grid)).toEqual({ kind: "already-out", slot: gus1 });
  });

  it("asks for an applicant first, and of the same round", () => {
    expect(placeStep(null, { kind: "seat", round: 3, interviewerId: 10 }, grid)).toEqual({ kind: "select-first", round: 3 });
    expect(placeStep(gus1, { kind: "seat", round: 3, interviewerId: 10 }, grid)).toEqual({ kind: "other-round", slot: gus1, round: 3 });
  });

  it("shows the canceled applicant's seats as open", () => {
    expect(grid.rows.find((r) => r.interviewerId === 11)?.cells[0]).toEqual({ kind: "free", round: 1 });
    expect(grid.rows.find((r) => r.interviewerId === 10)?.cells[2]).toEqual({ kind: "free", round: 3 });
    expect(grid.breaks[1]?.map((w) => w.name)).toEqual(["Gus"]);
  });
});

describe("suggesting the next open seat", () => {
  it("points the newcomer to the seats they can take", () => {
    const view = dayAfterCancellation();
    const suggestion = nextPlacement(view, buildDayGrid(view));
    expect(suggestion?.name).toBe("Gus");
    expect(describeSeats(suggestion?.seats ?? [])).toBe("round 1 with Dr Jon and round 3 with Dr Iris");
  });

  it("leaves out interviewers the applicant already meets or may not meet", () => {
    const view = dayAfterCancellation();
    view.settings.conflicts = [{ applicantId: 7, interviewerId: 11 }];
    const gus = view.itineraries.find((i) => i.applicantId === 7)!;
    gus.seats[2] = { round: 3, interviewerId: 10, interviewerName: "Dr Iris" };
    view.timetables[0]!.duties[2] = { round: 3, applicantId: 7, applicantName: "Gus", unavailable: false };
    // Dr Jon is barred and Dr Iris already met: nothing left to suggest.
    expect(nextPlacement(view, buildDayGrid(view))).toBeNull();
  });

  it("suggests nothing when every seat is taken", () => {
    const view = dayView();
    expect(nextPlacement(view, buildDayGrid(view))).toBeNull();
  });

  it("lists several interviewers of one round as alternatives", () => {
    expect(
      describeSeats([
        { round: 2, interviewerId: 1, interviewer: "Dr A" },
        { round: 2, interviewerId: 2, interviewer: "Dr B" },
        { round: 4, interviewerId: 3, interviewer: "Dr C" },
      ]),
    ).toBe("round 2 with Dr A or Dr B and round 4 with Dr C");
  });
});

describe("what a place says", () => {
  it("names the new seat and the interviewer left free", () => {
    expect(placedText("Ada", 1, "Dr Jon", "Dr Iris", 0)).toBe("Ada now meets Dr Jon in round 1. Dr Iris is free in round 1 now. The schedule breaks no rule.");
    expect(placedText("Ada", 2, null, "Dr Jon", 1)).toContain("Ada now sits out round 2. Dr Jon is free in round 2 now. It now breaks a rule");
  });
});

describe("reading drop targets from the grid", () => {
  function element(html: string, selector: string) {
    const host = document.createElement("table");
    host.innerHTML = html;
    return host.querySelector(selector);
  }

  it("finds an applicant, an open seat or a round's Sitting out under the pointer", () => {
    expect(targetOfElement(element('<tr><td><button data-slot-applicant="3" data-slot-round="2"><span>Cal</span></button></td></tr>', "span"))).toEqual({
      kind: "applicant",
      slot: { applicantId: 3, round: 2 },
    });
    expect(targetOfElement(element('<tr><td data-open-interviewer="11" data-open-round="1"><button><span>Open</span></button></td></tr>', "span"))).toEqual({
      kind: "seat",
      round: 1,
      interviewerId: 11,
    });
    // A chip inside Sitting out is an applicant (a swap); the cell around it is Sitting out itself.
    const breaks = '<tr><td data-breaks-round="3"><button data-slot-applicant="7" data-slot-round="3">Gus</button><i>gap</i></td></tr>';
    expect(targetOfElement(element(breaks, "button"))?.kind).toBe("applicant");
    expect(targetOfElement(element(breaks, "i"))).toEqual({ kind: "breaks", round: 3 });
    expect(targetOfElement(element("<tr><td>Nothing</td></tr>", "td"))).toBeNull();
  });

  it("compares targets by place", () => {
    expect(sameTarget({ kind: "breaks", round: 1 }, { kind: "breaks", round: 1 })).toBe(true);
    expect(sameTarget({ kind: "seat", round: 1, interviewerId: 10 }, { kind: "seat", round: 1, interviewerId: 11 })).toBe(false);
    expect(sameTarget(null, { kind: "breaks", round: 1 })).toBe(false);
  });
});

describe("choosing whom to suggest", () => {
  it("prefers the applicant with the fewest interviews when others could fill a seat as well", () => {
    const seat = (round: number, id: number | null, name: string | null) => ({ round, interviewerId: id, interviewerName: name });
    const view = dayView();
    view.timetables.push({ interviewerId: 12, name: "Dr Kim", duties: [{ round: 2, applicantId: null, applicantName: null, unavailable: true }] });
    // Ada and Bea have two interviews and could each take Dr Kim in round 3; Gus has one and could take Dr Kim in round 1.
    view.itineraries = [
      { applicantId: 1, name: "Ada", seats: [seat(1, 10, "Dr Iris"), seat(2, 11, "Dr Jon"), seat(3, null, null)] },
      { applicantId: 2, name: "Bea", seats: [seat(1, 11, "Dr Jon"), seat(2, 10, "Dr Iris"), seat(3, null, null)] },
      { applicantId: 7, name: "Gus", seats: [seat(1, null, null), seat(2, null, null), seat(3, 10, "Dr Iris")] },
    ];
    const suggestion = nextPlacement(view, buildDayGrid(view));
    expect(suggestion?.name).toBe("Gus");
    expect(describeSeats(suggestion?.seats ?? [])).toBe("round 1 with Dr Kim");
  });
});
