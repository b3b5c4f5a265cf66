import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionView } from "../../bindings/types";
import { dayAfterCancellation, dayView } from "./dayFixture";
import { DaysPane } from "../DaysPane";

vi.mock("../../bindings/commands", () => ({
  commands: {
    mailProfile: vi.fn(),
    listSessions: vi.fn(),
    listInterviewers: vi.fn(),
    listInterviews: vi.fn(),
    daySchedule: vi.fn(),
    generateDaySchedule: vi.fn(),
    swapDayAssignments: vi.fn(),
    placeDayApplicant: vi.fn(),
    publishDaySchedule: vi.fn(),
    exportDayScheduleCsv: vi.fn(),
    saveTextFile: vi.fn(),
  },
}));

const { commands } = await import("../../bindings/commands");
const mocked = vi.mocked(commands);

const study = { id: 4, name: "Residency 2026", description: "", timeZone: "UTC", interviewMinutes: 30, createdAt: "2026-01-01T00:00:00Z" };
const session: SessionView = {
  id: 7,
  studyId: 4,
  title: "March day",
  pattern: { kind: "day", start: "2026-03-10T09:00:00Z", end: "2026-03-10T17:00:00Z" },
  capacity: 6,
  visible: true,
  interviewerIds: [],
  exceptions: [],
};

function renderPane() {
  const onError = vi.fn();
  render(<DaysPane study={study} onError={onError} onStudyChanged={vi.fn()} />);
  return onError;
}

beforeEach(() => {
  vi.resetAllMocks();
  mocked.mailProfile.mockResolvedValue({ researcherName: "", researcherEmail: "", timeZone: "UTC", account: null, syncAutomatically: false });
  mocked.listSessions.mockResolvedValue([session]);
  mocked.listInterviewers.mockResolvedValue([
    { id: 10, studyId: 4, name: "Dr Iris", email: "iris@example.org", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
    { id: 11, studyId: 4, name: "Dr Jon", email: "jon@example.org", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
  ]);
  mocked.listInterviews.mockResolvedValue([]);
});

describe("Interview days", () => {
  it("says what to do when the study has no interview day", async () => {
    mocked.listSessions.mockResolvedValue([]);
    renderPane();
    expect((await screen.findByTestId("days-empty")).textContent).toContain("Sessions & availability");
  });

  it("generates from the plan, sending empty start as null and the pairs chosen", async () => {
    mocked.daySchedule.mockRejectedValue({ code: "not_found", message: "Session 7 has no day schedule yet." });
    mocked.listInterviews.mockResolvedValue([
      { id: 1, studyId: 4, participantId: 1, participantName: "Ada", participantEmail: "ada@example.org", sessionId: 7, start: session.pattern.kind === "day" ? session.pattern.start : "", end: "", state: "scheduled", calendarUid: "", sequence: 0, ruleOverrides: [], cancelReason: "", round: 1, rounds: 1, interviewers: [] },
    ]);
    mocked.generateDaySchedule.mockResolvedValue(dayView());
    const onError = renderPane();
    await screen.findByTestId("day-no-schedule");
    expect(onError).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId("day-rounds"), { target: { value: "3" } });
    fireEvent.change(screen.getByTestId("day-conflicts-applicant"), { target: { value: "1" } });
    fireEvent.change(screen.getByTestId("day-conflicts-interviewer"), { target: { value: "11" } });
    fireEvent.click(screen.getByTestId("day-conflicts-add"));
    expect(screen.getByTestId("day-conflicts-pair").textContent).toContain("Ada and Dr Jon");
    fireEvent.click(screen.getByTestId("day-generate"));

    await screen.findByTestId("day-grid");
    expect(mocked.generateDaySchedule).toHaveBeenCalledWith(7, {
      rounds: 3,
      roundMinutes: 30,
      passingMinutes: 10,
      start: null,
      fixedBlocks: [],
      conflicts: [{ applicantId: 1, interviewerId: 11 }],
      mustMeet: [],
    });
    expect(screen.getByTestId("day-state").textContent).toContain("Draft");
  });

  it("swaps two cells chosen with the keyboard and shows the rule it breaks on the cells and in a list", async () => {
    mocked.daySchedule.mockResolvedValue(dayView());
    const message = "Ada meets Dr Jon more than once, in rounds 1 and 2; each applicant meets each interviewer at most once.";
    const broken = { message, applicants: [1], interviewers: [11], rounds: [1, 2] };
    const after = dayView({ conflicts: [broken] });
    after.itineraries[0]!.seats[0] = { round: 1, interviewerId: 11, interviewerName: "Dr Jon" };
    after.itineraries[1]!.seats[0] = { round: 1, interviewerId: 10, interviewerName: "Dr Iris" };
    mocked.swapDayAssignments.mockResolvedValue({ schedule: after, conflicts: [broken] });
    renderPane();

    const grid = await screen.findByTestId("day-grid");
    const ada = within(grid).getByRole("button", { name: "Ada, round 1" });
    const bea = within(grid).getByRole("button", { name: "Bea, round 1" });
    // Buttons: Enter and Space both arrive as a click.
    ada.focus();
    fireEvent.click(ada);
    expect(ada.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("day-announcement").textContent).toContain("Ada in round 1 selected");
    fireEvent.click(bea);

    await waitFor(() => expect(mocked.swapDayAssignments).toHaveBeenCalledWith(7, { applicantId: 1, round: 1 }, { applicantId: 2, round: 1 }));
    const list = await screen.findByTestId("day-conflicts-list");
    expect(list.textContent).toContain(message);
    const marked = within(screen.getByTestId("day-grid")).getAllByTestId("day-cell").filter((c) => c.dataset.conflict === "true");
    expect(marked.map((c) => c.getAttribute("aria-label")).sort()).toEqual(["Ada, round 1", "Ada, round 2"]);
    expect(marked[0]!.textContent).toContain("more than once");
    expect((screen.getByTestId("day-publish") as HTMLButtonElement).disabled).toBe(true);
  });

  it("lets go of a held cell with Escape and does not swap across rounds", async () => {
    mocked.daySchedule.mockResolvedValue(dayView());
    renderPane();
    const grid = await screen.findByTestId("day-grid");
    const ada1 = within(grid).getByRole("button", { name: "Ada, round 1" });
    fireEvent.click(ada1);
    fireEvent.click(within(grid).getByRole("button", { name: "Cal, round 2" }));
    expect(ada1.getAttribute("aria-pressed")).toBe("false");
    fireEvent.keyDown(within(grid).getByRole("button", { name: "Cal, round 2" }), { key: "Escape" });
    expect(within(grid).queryAllByRole("button", { pressed: true })).toHaveLength(0);
    expect(mocked.swapDayAssignments).not.toHaveBeenCalled();
  });

  it("publishes after a confirmation and shows what was queued", async () => {
    mocked.daySchedule.mockResolvedValue(dayView());
    mocked.publishDaySchedule.mockResolvedValue({ itineraries: 3, timetables: 2, skipped: [], sequence: 0, withdrawn: 0, canceled: 0 });
    renderPane();
    fireEvent.click(await screen.findByTestId("day-publish"));
    const dialog = await screen.findByTestId("day-publish-dialog");
    expect(dialog.textContent).toContain("next Sync");
    expect(dialog.textContent).toContain("never duplicates");
    mocked.daySchedule.mockResolvedValue(dayView({ publishedAt: "2026-03-01T12:00:00Z", unpublishedChanges: false }));
    fireEvent.click(within(dialog).getByTestId("day-publish-confirm"));
    expect((await screen.findByTestId("day-publish-report")).textContent).toContain("3 itineraries and 2 timetables");
    await waitFor(() => expect(screen.getByTestId("day-state").dataset.state).toBe("published"));
  });

  it("fills an open seat by keyboard with the newcomer from Sitting out, and keeps pointing to the next one", async () => {
    const before = dayAfterCancellation();
    mocked.daySchedule.mockResolvedValue(before);
    renderPane();
    const grid = await screen.findByTestId("day-grid");
    const note = screen.getByTestId("day-roster-changes");
    expect(note.textContent).toContain("Bea is no longer booked");
    expect(screen.getByTestId("day-roster-next").textContent).toContain(
      "drag Gus from Sitting out into an open seat (round 1 with Dr Jon and round 3 with Dr Iris)",
    );
    const open = within(grid).getAllByTestId("day-open-seat");
    expect(open.map((b) => b.getAttribute("aria-label"))).toEqual(["Open seat with Dr Iris, round 3", "Open seat with Dr Jon, round 1"]);

    // An open seat chosen with nobody selected says what to do first.
    fireEvent.click(open[1]!);
    expect(screen.getByTestId("day-announcement").textContent).toContain("Select an applicant of round 1 first");
    expect(mocked.placeDayApplicant).not.toHaveBeenCalled();

    const after = dayAfterCancellation({ rosterChanges: [] });
    after.itineraries.find((i) => i.applicantId === 7)!.seats[0] = { round: 1, interviewerId: 11, interviewerName: "Dr Jon" };
    after.timetables[1]!.duties[0] = { round: 1, applicantId: 7, applicantName: "Gus", unavailable: false };
    mocked.placeDayApplicant.mockResolvedValue({ schedule: after, conflicts: [] });
    // The edit's view leaves out who came and went; the day's own view still says Bea left.
    mocked.daySchedule.mockResolvedValue({ ...after, rosterChanges: [before.rosterChanges[1]!] });

    fireEvent.click(within(grid).getByRole("button", { name: "Gus, round 1, sitting out" }));
    const seat = within(grid).getByRole("button", { name: "Open seat with Dr Jon, round 1: place Gus here" });
    fireEvent.click(seat);

    await waitFor(() => expect(mocked.placeDayApplicant).toHaveBeenCalledWith(7, { applicantId: 7, round: 1 }, 11));
    await waitFor(() => expect(screen.getByTestId("day-announcement").textContent).toBe("Gus now meets Dr Jon in round 1. The schedule breaks no rule."));
    expect(within(screen.getByTestId("day-grid")).getByRole("button", { name: "Gus, round 1" })).toBeTruthy();
    expect(screen.getByTestId("day-roster-changes").textContent).toContain("Bea is no longer booked");
    expect(screen.getByTestId("day-roster-changes").textContent).not.toContain("Gus was booked");
    expect(screen.getByTestId("day-roster-next").textContent).toContain("into an open seat (round 3 with Dr Iris)");
    expect((screen.getByTestId("day-publish") as HTMLButtonElement).disabled).toBe(false);
  });

  it("takes a seated applicant out of a round with Sit out, and shows the rule it breaks", async () => {
    mocked.daySchedule.mockResolvedValue(dayView());
    const message = "Ada must meet Dr Iris, but does not.";
    const broken = { message, applicants: [1], interviewers: [10], rounds: [] };
    const after = dayView({ conflicts: [broken] });
    after.itineraries[0]!.seats[0] = { round: 1, interviewerId: null, interviewerName: null };
    mocked.placeDayApplicant.mockResolvedValue({ schedule: after, conflicts: [broken] });
    renderPane();
    const grid = await screen.findByTestId("day-grid");
    expect(within(grid).queryByTestId("day-sit-out")).toBeNull();

    fireEvent.click(within(grid).getByRole("button", { name: "Ada, round 1" }));
    const sitOut = within(grid).getByTestId("day-sit-out");
    expect(sitOut.textContent).toBe("Sit Ada out");
    expect(sitOut.closest("td")?.dataset.breaksRound).toBe("1");
    fireEvent.click(sitOut);

    await waitFor(() => expect(mocked.placeDayApplicant).toHaveBeenCalledWith(7, { applicantId: 1, round: 1 }, null));
    expect((await screen.findByTestId("day-conflicts-list")).textContent).toContain(message);
    expect(screen.getByTestId("day-announcement").textContent).toBe(
      "Ada now sits out round 1. Dr Iris is free in round 1 now. It now breaks a rule, marked in red below; another change can mend it.",
    );
    expect((screen.getByTestId("day-publish") as HTMLButtonElement).disabled).toBe(true);
  });

  it("does not place across rounds, and hands a failed place to the error banner", async () => {
    mocked.daySchedule.mockResolvedValue(dayAfterCancellation());
    mocked.placeDayApplicant.mockRejectedValue({ code: "not_found", message: "Session 7 has no day schedule yet." });
    const onError = renderPane();
    const grid = await screen.findByTestId("day-grid");
    fireEvent.click(within(grid).getByRole("button", { name: "Gus, round 1, sitting out" }));
    fireEvent.click(within(grid).getByRole("button", { name: "Open seat with Dr Iris, round 3" }));
    expect(screen.getByTestId("day-announcement").textContent).toContain("Gus is in round 1, the seat in round 3: an applicant moves only within their own round.");
    expect(mocked.placeDayApplicant).not.toHaveBeenCalled();

    fireEvent.click(within(grid).getByRole("button", { name: "Open seat with Dr Jon, round 1: place Gus here" }));
    await waitFor(() => expect(onError).toHaveBeenCalledWith({ code: "not_found", message: "Session 7 has no day schedule yet." }));
  });

  it("says in the publish report which unsent messages were replaced and who gets a cancellation", async () => {
    mocked.daySchedule.mockResolvedValue(dayAfterCancellation());
    mocked.publishDaySchedule.mockResolvedValue({ itineraries: 3, timetables: 2, skipped: [], sequence: 1, withdrawn: 2, canceled: 1 });
    renderPane();
    fireEvent.click(await screen.findByTestId("day-publish"));
    const dialog = await screen.findByTestId("day-publish-dialog");
    expect(dialog.textContent).toContain("Anyone no longer booked for the day gets a cancellation");
    fireEvent.click(within(dialog).getByTestId("day-publish-confirm"));
    const report = await screen.findByTestId("day-publish-report");
    expect(report.textContent).toContain("Updates queued");
    expect(screen.getByTestId("day-report-withdrawn").textContent).toBe(
      "2 earlier messages that had not gone out yet were replaced, so nobody gets both versions.",
    );
    expect(screen.getByTestId("day-report-canceled").textContent).toBe("1 applicant who left gets a cancellation of their calendar event.");
  });
});
