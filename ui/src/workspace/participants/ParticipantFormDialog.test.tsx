import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ParticipantDetail, ParticipantSummary } from "../../bindings/types";
import { ParticipantFormDialog } from "./ParticipantFormDialog";

vi.mock("../../bindings/commands", () => ({
  commands: {
    messageLanguages: vi.fn(),
    updateParticipant: vi.fn(),
    getParticipant: vi.fn(),
  },
}));

const { commands } = await import("../../bindings/commands");
const mocked = vi.mocked(commands);

const opened: ParticipantSummary = {
  id: 7,
  name: "Alice Park",
  email: "alice@example.org",
  timeZone: null,
  phone: "",
  notes: "",
  customFields: {},
  language: null,
  status: "invited",
  nextInterviewAt: null,
  createdAt: "2026-11-23T10:00:00Z",
  updatedAt: "2026-11-23T10:00:00Z",
};

const savedMeanwhile: ParticipantDetail = {
  ...opened,
  phone: "+49 30 1234567",
  updatedAt: "2026-11-23T10:05:00Z",
  enrolments: [],
};

beforeEach(() => {
  vi.resetAllMocks();
  mocked.messageLanguages.mockResolvedValue([]);
});

describe("editing a participant someone else changed meanwhile", () => {
  it("says so, shows what is saved now, and saves the edit made again on it", async () => {
    mocked.updateParticipant.mockRejectedValueOnce({
      code: "changed_meanwhile",
      message: "Alice Park's details were changed by omar at 2026-11-23 10:05:00 UTC while you were editing them, so your changes were not saved.",
    });
    mocked.getParticipant.mockResolvedValue(savedMeanwhile);
    mocked.updateParticipant.mockResolvedValueOnce({ ...savedMeanwhile, notes: "Prefers mornings" });
    const saved = vi.fn();
    render(<ParticipantFormDialog studyId={1} mode={{ kind: "edit", participant: opened }} onClose={vi.fn()} onSaved={saved} />);

    fireEvent.change(screen.getByTestId("participant-notes-input"), { target: { value: "Prefers mornings" } });
    fireEvent.click(screen.getByTestId("participant-submit"));
    const said = await screen.findByTestId("participant-form-error");
    expect(said.textContent).toContain("changed by omar");
    expect(mocked.updateParticipant).toHaveBeenCalledWith(7, expect.objectContaining({ expectedUpdatedAt: opened.updatedAt }));
    await waitFor(() => expect((screen.getByTestId("participant-phone-input") as HTMLInputElement).value).toBe("+49 30 1234567"));
    expect((screen.getByTestId("participant-notes-input") as HTMLTextAreaElement).value).toBe("");
    expect(saved).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId("participant-notes-input"), { target: { value: "Prefers mornings" } });
    fireEvent.click(screen.getByTestId("participant-submit"));
    await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
    expect(mocked.updateParticipant).toHaveBeenLastCalledWith(
      7,
      expect.objectContaining({ notes: "Prefers mornings", phone: "+49 30 1234567", expectedUpdatedAt: savedMeanwhile.updatedAt }),
    );
  });
});
