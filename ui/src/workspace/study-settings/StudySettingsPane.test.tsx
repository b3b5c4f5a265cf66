import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { InterviewerView, StudySettings } from "../../bindings/types";
import { StudySettingsPane } from "../StudySettingsPane";

vi.mock("../../bindings/commands", () => ({
  commands: {
    studySettings: vi.fn(),
    messageLanguages: vi.fn().mockResolvedValue([{ tag: "en-GB", name: "English (United Kingdom)", base: "en" }]),
    updateStudySettings: vi.fn(),
    updateStudy: vi.fn(),
    archiveStudy: vi.fn(),
    listInterviewers: vi.fn(),
    listStudies: vi.fn(),
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

const people: InterviewerView[] = [
  { id: 7, studyId: 3, name: "Ana Lind", email: "ana@uni.example", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
  { id: 8, studyId: 3, name: "Ben Okafor", email: "ben@uni.example", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
  { id: 9, studyId: 3, name: "Cy Oduya", email: "cy@uni.example", role: "noteTaker", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
];

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
  mocked.listInterviewers.mockResolvedValue(people);
});

async function saveAndWait() {
  fireEvent.click(screen.getByTestId("settings-save"));
  await waitFor(() => expect(screen.getByTestId("settings-save-status").textContent).toContain("Saved"));
}

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
    expect(mocked.updateStudy).toHaveBeenCalledWith(
      3,
      { name: "Diary study", description: "", timeZone: "UTC", interviewMinutes: 45 },
      { name: "Diary", description: "", timeZone: "UTC", interviewMinutes: 45 },
    );
    expect(onStudyChanged).toHaveBeenCalledWith(expect.objectContaining({ name: "Diary study" }));
    expect(mocked.updateStudySettings).toHaveBeenCalledWith(3, {
      ...settings,
      selfScheduling: false,
      maxPerDay: 3,
      reminderHours: null,
      conferencingUrl: "https://meet.example.org/diary",
    }, settings);
    // The saved draft is forgotten by an effect after the save; a busy machine runs it later.
    await waitFor(() => expect(localStorage.length).toBe(0));
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

  it("keeps what was typed when someone else saved the same setting, and saves it over theirs next time", async () => {
    const message = "The location of Diary changed by ana while you were editing, so nothing was saved.";
    const theirs = { ...settings, location: "Room 2.14", horizonDays: 60 };
    mocked.updateStudySettings.mockRejectedValueOnce({
      code: "changed_meanwhile",
      message,
      fields: [{ field: "location", message: "Changed by ana while you were editing." }],
    });
    renderPane();
    fireEvent.change(await screen.findByTestId("setting-location"), { target: { value: "Lab B" } });
    mocked.studySettings.mockResolvedValue(theirs);
    mocked.listStudies.mockResolvedValue([study]);
    fireEvent.click(screen.getByTestId("settings-save"));

    expect((await screen.findByTestId("setting-location-error")).textContent).toContain("ana");
    expect((screen.getByTestId("setting-location") as HTMLInputElement).value).toBe("Lab B");
    await waitFor(() => expect(mocked.studySettings).toHaveBeenCalledTimes(2));

    // The form now shows their other change; saving again goes from what is saved now, so it
    // stays, and the location is ours.
    await waitFor(() => expect((screen.getByTestId("setting-horizonDays") as HTMLInputElement).value).toBe("60"));
    fireEvent.change(screen.getByTestId("setting-location"), { target: { value: "Lab B, 2nd floor" } });
    await saveAndWait();
    expect(mocked.updateStudySettings).toHaveBeenLastCalledWith(3, { ...theirs, location: "Lab B, 2nd floor" }, theirs);
  });

  it("restores a kept draft over what someone else saved while the window was closed, keeping only what was typed", async () => {
    const base = { ...settings };
    renderPane();
    fireEvent.change(await screen.findByTestId("setting-location"), { target: { value: "Lab B" } });
    await waitFor(() => expect(localStorage.length).toBe(1));
    cleanup();

    // Meanwhile a colleague changed the horizon; the window opens again with the draft.
    mocked.studySettings.mockResolvedValue({ ...base, horizonDays: 60 });
    renderPane();
    expect(((await screen.findByTestId("setting-location")) as HTMLInputElement).value).toBe("Lab B");
    expect((screen.getByTestId("setting-horizonDays") as HTMLInputElement).value).toBe("60");
    await saveAndWait();
    expect(mocked.updateStudySettings).toHaveBeenLastCalledWith(
      3,
      { ...base, horizonDays: 60, location: "Lab B" },
      { ...base, horizonDays: 60 },
    );
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

describe("Who runs each interview", () => {
  it("saves each way of staffing as its own value", async () => {
    renderPane();
    const fixed = (await screen.findByTestId("setting-staffing-fixed")) as HTMLInputElement;
    await waitFor(() => expect(fixed.disabled).toBe(false));
    fireEvent.click(fixed);
    const who = screen.getByTestId("setting-staffing-interviewer") as HTMLSelectElement;
    // Note-takers never run an interview alone.
    expect([...who.options].map((o) => o.textContent)).toEqual(["Ana Lind", "Ben Okafor"]);
    expect(who.value).toBe("7");
    fireEvent.change(who, { target: { value: "8" } });
    await saveAndWait();
    expect(mocked.updateStudySettings).toHaveBeenLastCalledWith(3, { ...settings, staffing: { mode: "fixed", interviewerId: 8 } }, expect.anything());

    fireEvent.click(screen.getByTestId("setting-staffing-panel"));
    const size = screen.getByTestId("setting-staffing-size") as HTMLInputElement;
    expect(size.value).toBe("");
    expect(size.placeholder).toBe("All");
    fireEvent.change(size, { target: { value: "3" } });
    await saveAndWait();
    expect(mocked.updateStudySettings).toHaveBeenLastCalledWith(3, { ...settings, staffing: { mode: "panel", size: 3 } }, expect.anything());

    fireEvent.change(screen.getByTestId("setting-staffing-size"), { target: { value: "" } });
    await saveAndWait();
    expect(mocked.updateStudySettings).toHaveBeenLastCalledWith(3, { ...settings, staffing: { mode: "panel", size: null } }, expect.anything());

    // Back to fixed: the interviewer chosen before is still chosen.
    fireEvent.click(screen.getByTestId("setting-staffing-fixed"));
    expect((screen.getByTestId("setting-staffing-interviewer") as HTMLSelectElement).value).toBe("8");
    fireEvent.click(screen.getByTestId("setting-staffing-roundRobin"));
    expect(screen.queryByTestId("setting-staffing-interviewer")).toBeNull();
    await saveAndWait();
    expect(mocked.updateStudySettings).toHaveBeenLastCalledWith(3, { ...settings, staffing: { mode: "roundRobin" } }, expect.anything());
    expect(screen.getByTestId("settings-staffing").textContent).toContain("Note-takers");
  });

  it("reports a panel size that is not a whole number from 1 to 12, and focuses it", async () => {
    renderPane();
    fireEvent.click(await screen.findByTestId("setting-staffing-panel"));
    const size = screen.getByTestId("setting-staffing-size");
    fireEvent.change(size, { target: { value: "13" } });
    fireEvent.click(screen.getByTestId("settings-save"));

    expect((await screen.findByTestId("setting-staffing-error")).textContent).toContain("1 to 12");
    expect(size.getAttribute("aria-invalid")).toBe("true");
    expect(size.getAttribute("aria-describedby")).toContain(screen.getByTestId("setting-staffing-error").id);
    expect(document.activeElement).toBe(size);
    expect(mocked.updateStudySettings).not.toHaveBeenCalled();

    fireEvent.change(size, { target: { value: "2.5" } });
    expect(screen.queryByTestId("setting-staffing-error")).toBeNull();
    fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByTestId("setting-staffing-error")).textContent).toContain("whole number");
    expect(mocked.updateStudySettings).not.toHaveBeenCalled();
  });

  it("focuses the panel size before wrong fields further down the form", async () => {
    renderPane();
    fireEvent.click(await screen.findByTestId("setting-staffing-panel"));
    fireEvent.change(screen.getByTestId("setting-staffing-size"), { target: { value: "0" } });
    fireEvent.change(screen.getByTestId("setting-bufferAfterMinutes"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("setting-staffing-error");
    expect(screen.getByTestId("setting-bufferAfterMinutes-error")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId("setting-staffing-size"));
  });

  it("shows the back end's refusal of the staffing in the section", async () => {
    const message = "Ben Okafor takes notes in this study; choose an interviewer to run every interview.";
    mocked.updateStudySettings.mockRejectedValue({ code: "invalid_input", message, fields: [{ field: "staffing", message }] });
    renderPane();
    const fixed = (await screen.findByTestId("setting-staffing-fixed")) as HTMLInputElement;
    await waitFor(() => expect(fixed.disabled).toBe(false));
    fireEvent.click(fixed);
    fireEvent.click(screen.getByTestId("settings-save"));

    const error = await screen.findByTestId("setting-staffing-error");
    expect(error.textContent).toBe(message);
    expect(screen.getByTestId("settings-staffing").contains(error)).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId("setting-staffing-interviewer"));
    expect(screen.queryByTestId("error-banner")).toBeNull();
  });

  it("asks for interviewers before one can run every interview", async () => {
    mocked.listInterviewers.mockResolvedValue([people[2]!]);
    renderPane();
    expect((await screen.findByTestId("staffing-no-interviewers")).textContent).toContain("Sessions & availability");
    expect(screen.getByTestId("settings-staffing").textContent).toContain("Note-takers");
    expect((screen.getByTestId("setting-staffing-fixed") as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId("setting-staffing-roundRobin") as HTMLInputElement).checked).toBe(true);
  });

  it("says when the study's interviewers could not be loaded", async () => {
    mocked.listInterviewers.mockRejectedValue({ code: "storage", message: "The database is busy." });
    renderPane();
    expect((await screen.findByTestId("staffing-people-failed")).textContent).toContain("The database is busy.");
    expect(screen.queryByTestId("staffing-no-interviewers")).toBeNull();
    expect((screen.getByTestId("setting-staffing-fixed") as HTMLInputElement).disabled).toBe(true);
  });

  it("explains that interview days are staffed round by round", async () => {
    mocked.studySettings.mockResolvedValue({ ...settings, kind: "interview_days" });
    renderPane();
    expect((await screen.findByTestId("staffing-interview-days")).textContent).toContain("round by round");
    expect(screen.queryByTestId("setting-staffing-roundRobin")).toBeNull();
  });
});
