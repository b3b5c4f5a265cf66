import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StudySettings } from "../../bindings/types";
import { StudySettingsPane } from "../StudySettingsPane";

vi.mock("../../bindings/commands", () => ({
  commands: {
    studySettings: vi.fn(),
    messageLanguages: vi.fn().mockResolvedValue([{ tag: "en-GB", name: "English (United Kingdom)", base: "en" }]),
    updateStudySettings: vi.fn(),
    updateStudy: vi.fn(),
    archiveStudy: vi.fn(),
  },
}));

const { commands } = await import("../../bindings/commands");
const mocked = vi.mocked(commands);

const study = { id: 3, name: "Diary", description: "", timeZone: "UTC", interviewMinutes: 45, createdAt: "2026-01-01T00:00:00Z" };
const settings: StudySettings = {
  kind: "one_to_one",
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  minNoticeMinutes: 1440,
  horizonDays: 30,
  maxPerDay: null,
  maxPerWeek: null,
  changeCutoffHours: 24,
  location: "",
  conferencingUrl: "",
  dialIn: "",
  selfScheduling: true,
  reminderHours: 24,
  waitlistOfferHours: 48,
  interviewsPerParticipant: 1,
  language: "en-GB",
  staffing: { mode: "roundRobin" },
};

function renderPane() {
  const onStudyChanged = vi.fn();
  render(<StudySettingsPane study={study} onError={vi.fn()} onStudyChanged={onStudyChanged} />);
  return onStudyChanged;
}

beforeEach(() => {
  vi.resetAllMocks();
  localStorage.clear();
  mocked.studySettings.mockResolvedValue(settings);
  mocked.updateStudySettings.mockImplementation(async (_id, s) => s);
  mocked.updateStudy.mockImplementation(async (id, input) => ({ ...study, id, ...input }));
});

describe("Study settings", () => {
  it("saves a rename and the scheduling changes, with empty fields as none", async () => {
    const onStudyChanged = renderPane();
    fireEvent.change(await screen.findByTestId("setting-name"), { target: { value: "Diary study" } });
    fireEvent.click(screen.getByTestId("setting-selfScheduling"));
    expect(screen.getByTestId("self-scheduling-explained").textContent).toContain("Pending");
    fireEvent.change(screen.getByTestId("setting-maxPerDay"), { target: { value: "3" } });
    fireEvent.change(screen.getByTestId("setting-reminderHours"), { target: { value: "" } });
    fireEvent.change(screen.getByTestId("setting-conferencingUrl"), { target: { value: "https://meet.example.org/diary" } });
    fireEvent.click(screen.getByTestId("settings-save"));

    // Two commands run one after the other before "Saved" shows; a busy machine needs more than a second.
    await waitFor(() => expect(screen.getByTestId("settings-save-status").textContent).toContain("Saved"), {
      timeout: 5000,
    });
    expect(mocked.updateStudy).toHaveBeenCalledWith(3, { name: "Diary study", description: "", timeZone: "UTC", interviewMinutes: 45 });
    expect(onStudyChanged).toHaveBeenCalledWith(expect.objectContaining({ name: "Diary study" }));
    expect(mocked.updateStudySettings).toHaveBeenCalledWith(3, {
      ...settings,
      selfScheduling: false,
      maxPerDay: 3,
      reminderHours: null,
      conferencingUrl: "https://meet.example.org/diary",
    });
    expect(localStorage.length).toBe(0);
  });

  it("shows the back end's refusal on the field it names", async () => {
    const message = "The conferencing link must be a web address starting with https://, without spaces.";
    mocked.updateStudySettings.mockRejectedValue({
      code: "invalid_input",
      message,
      fields: [{ field: "conferencingUrl", message }],
    });
    renderPane();
    fireEvent.change(await screen.findByTestId("setting-conferencingUrl"), { target: { value: "meet.example.org" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByTestId("setting-conferencingUrl-error")).textContent).toContain("https://");
    expect(screen.getByTestId("setting-conferencingUrl").getAttribute("aria-invalid")).toBe("true");
    expect(mocked.updateStudy).not.toHaveBeenCalled();
  });

  it("keeps unsaved changes as a draft and restores them with a note", async () => {
    renderPane();
    fireEvent.change(await screen.findByTestId("setting-location"), { target: { value: "Room 4" } });
    await waitFor(() => expect(localStorage.length).toBe(1));
    screen.getByTestId("study-settings-form").remove();

    render(<StudySettingsPane study={study} onError={vi.fn()} onStudyChanged={vi.fn()} />);
    expect(await screen.findByTestId("settings-draft-restored")).toBeTruthy();
    expect((screen.getAllByTestId("setting-location").at(-1) as HTMLInputElement).value).toBe("Room 4");
    fireEvent.click(screen.getByTestId("settings-discard-restored"));
    expect((screen.getAllByTestId("setting-location").at(-1) as HTMLInputElement).value).toBe("");
  });

  it("archives after a confirmation that says nothing is deleted", async () => {
    mocked.archiveStudy.mockResolvedValue(null);
    const onStudyChanged = renderPane();
    fireEvent.click(await screen.findByTestId("archive-study-button"));
    const dialog = await screen.findByTestId("archive-dialog");
    expect(dialog.textContent).toContain("Nothing is deleted");
    fireEvent.click(screen.getByTestId("archive-confirm"));
    await waitFor(() => expect(onStudyChanged).toHaveBeenCalledWith(null));
    expect(mocked.archiveStudy).toHaveBeenCalledWith(3);
  });
});
