import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StudySummary, StudyTransferReport } from "../bindings/types";
import { StudyTransfer } from "./StudyTransfer";

vi.mock("../bindings/commands", () => ({
  commands: {
    studiesOnThisComputer: vi.fn(),
    listStudies: vi.fn(),
    moveStudyFromThisComputer: vi.fn(),
    copyStudyToThisComputer: vi.fn(),
  },
}));

const { commands } = await import("../bindings/commands");
const mocked = vi.mocked(commands);

function study(id: number, name: string): StudySummary {
  return { id, name, description: "", timeZone: "UTC", interviewMinutes: 30, createdAt: "2026-11-01T09:00:00Z" };
}

function report(name: string, removed: boolean): StudyTransferReport {
  return { studyId: 9, name, participants: 12, interviews: 4, messages: 20, links: 16, removed };
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe("moving studies between this computer and the team database", () => {
  it("moves a study of this computer after asking, and says what came along", async () => {
    mocked.studiesOnThisComputer.mockResolvedValueOnce([study(1, "Pilot")]).mockResolvedValueOnce([]);
    mocked.listStudies.mockResolvedValueOnce([study(5, "Lab study")]).mockResolvedValue([study(5, "Lab study"), study(9, "Pilot")]);
    mocked.moveStudyFromThisComputer.mockResolvedValue(report("Pilot", true));
    render(<StudyTransfer />);
    fireEvent.click(await screen.findByTestId("study-move"));
    expect(mocked.moveStudyFromThisComputer).not.toHaveBeenCalled();
    expect(screen.getByText("Move “Pilot” to the team database?")).toBeTruthy();
    fireEvent.click(screen.getByTestId("study-move-confirm"));
    const note = await screen.findByTestId("study-transfer-note");
    expect(note.textContent).toBe(
      "Moved “Pilot” into the team database: 12 participants, 4 interviews, 20 messages. The links already sent keep working.",
    );
    expect(mocked.moveStudyFromThisComputer).toHaveBeenCalledWith(1);
    await waitFor(() => expect(screen.getByText("There are no studies in this computer's database.")).toBeTruthy());
    expect(screen.getAllByTestId("study-team")).toHaveLength(2);
  });

  it("copies a team study to this computer at once, and shows a refusal in the back end's words", async () => {
    mocked.studiesOnThisComputer.mockResolvedValue([]);
    mocked.listStudies.mockResolvedValue([study(5, "Lab study")]);
    mocked.copyStudyToThisComputer.mockRejectedValueOnce({
      code: "conflict",
      message: "\"Lab study\" was not moved: its links or messages are there already.",
    });
    mocked.copyStudyToThisComputer.mockResolvedValueOnce(report("Lab study", false));
    render(<StudyTransfer />);
    fireEvent.click(await screen.findByTestId("study-copy-here"));
    expect((await screen.findByTestId("study-transfer-failed")).textContent).toContain("there already");
    fireEvent.click(screen.getByTestId("study-copy-here"));
    expect((await screen.findByTestId("study-transfer-note")).textContent).toContain("Copied “Lab study” to this computer");
    expect(screen.queryByTestId("study-transfer-failed")).toBeNull();
  });
});
