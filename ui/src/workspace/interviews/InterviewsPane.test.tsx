import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { InterviewView, ParticipantSummary, StudySummary } from "../../bindings/types";
import { InterviewsPane } from "../InterviewsPane";

vi.mock("../../bindings/commands", () => ({
  commands: {
    listInterviews: vi.fn(),
    pendingChoices: vi.fn(),
    searchParticipants: vi.fn(),
    listSessions: vi.fn(),
    mailProfile: vi.fn(),
    openSlots: vi.fn(),
    checkBooking: vi.fn(),
    bookManually: vi.fn(),
    cancelInterview: vi.fn(),
    rescheduleInterview: vi.fn(),
    markNoShow: vi.fn(),
    markCompleted: vi.fn(),
    composeRescheduleRequest: vi.fn(),
    assignChoice: vi.fn(),
    listInterviewers: vi.fn(),
    setInterviewStaff: vi.fn(),
  },
}));

const { commands } = await import("../../bindings/commands");
const mocked = vi.mocked(commands);

const study: StudySummary = {
  id: 4,
  name: "Checkout usability",
  description: "",
  timeZone: "Europe/Berlin",
  interviewMinutes: 45,
  createdAt: "2026-01-01T00:00:00Z",
};

function person(id: number, name: string, timeZone: string | null): ParticipantSummary {
  return {
    id,
    name,
    email: `${name.split(" ")[0]?.toLowerCase()}@example.org`,
    timeZone,
    phone: "",
    notes: "",
    customFields: {},
    language: null,
    status: "invited",
    nextInterviewAt: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
  };
}

const bea = person(1, "Bea Lund", "America/Los_Angeles");
const carl = person(2, "Carl Berg", "Europe/Berlin");
const dana = person(3, "Dana Diaz", null);

const carlsInterview: InterviewView = {
  id: 11,
  studyId: 4,
  participantId: 2,
  participantName: "Carl Berg",
  participantEmail: "carl@example.org",
  sessionId: 5,
  start: "2030-03-12T08:00:00Z",
  end: "2030-03-12T08:45:00Z",
  state: "scheduled",
  calendarUid: "uid-11",
  sequence: 0,
  ruleOverrides: [],
  cancelReason: "",
  round: 1,
  rounds: 1,
  interviewers: [{ interviewerId: 1, name: "Ana Lind", email: "ana@uni.example", role: "interviewer" }],
};

const slot = {
  sessionId: 5,
  start: "2030-03-13T09:00:00Z",
  end: "2030-03-13T09:45:00Z",
  remaining: 1,
  localStart: "2030-03-13T10:00",
  timeZone: "Europe/Berlin",
};

function given({ upcoming = [carlsInterview], canceled = [] as InterviewView[] } = {}) {
  mocked.listInterviews.mockImplementation(async (_study, list) =>
    list === "upcoming" ? upcoming : list === "canceled" ? canceled : [],
  );
  mocked.pendingChoices.mockResolvedValue([
    {
      participantId: 3,
      name: "Dana Diaz",
      email: "dana@example.org",
      choices: [
        { rank: 2, sessionId: 5, start: "2030-03-14T09:00:00Z", end: "2030-03-14T09:45:00Z" },
        { rank: 1, sessionId: 5, start: "2030-03-13T10:00:00Z", end: "2030-03-13T10:45:00Z" },
      ],
    },
  ]);
  mocked.searchParticipants.mockResolvedValue([bea, carl, dana]);
  mocked.listSessions.mockResolvedValue([]);
  mocked.mailProfile.mockResolvedValue({
    researcherName: "Ada",
    researcherEmail: "ada@example.org",
    timeZone: "America/New_York",
    account: null,
    syncAutomatically: false,
  });
  mocked.openSlots.mockResolvedValue([slot]);
}

function renderPane() {
  const onError = vi.fn();
  render(<InterviewsPane study={study} onError={onError} onStudyChanged={vi.fn()} />);
  return { onError };
}

async function openBooking(name: string) {
  const book = await screen.findByTestId("book-manually");
  // The button waits for the lists, so that the dialog knows the study's sessions.
  await waitFor(() => expect((book as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(book);
  const dialog = await screen.findByTestId("book-dialog");
  const option = await within(dialog).findByText(name);
  fireEvent.click(option);
  fireEvent.click(within(dialog).getByTestId("book-next"));
  fireEvent.click(await within(dialog).findByTestId("slot-option"));
  return dialog;
}

beforeEach(() => {
  vi.resetAllMocks();
  given();
});

describe("InterviewsPane", () => {
  it("lists interviews with counts, on the researcher's clock and the participant's", async () => {
    renderPane();
    const row = await screen.findByTestId("interview-row");
    expect(screen.getByTestId("interviews-count-upcoming").textContent).toBe("1");
    expect(screen.getByTestId("interviews-count-pending").textContent).toBe("1");
    expect(screen.getByTestId("interviews-zone").textContent).toContain("America/New_York, your time zone");
    // 08:00 UTC is 4:00 AM in New York (EDT) and 9:00 AM in Berlin.
    expect(within(row).getByTestId("interview-when").textContent).toMatch(/4:00\s?–\s?4:45\sAM/);
    expect(within(row).getByTestId("interview-when-participant").textContent).toMatch(/9:00\sAM.*their time/);
    expect(within(row).getByTestId("interview-interviewers").textContent).toBe("with Ana Lind");
  });

  it("names the interviewers of each interview, and its note-takers apart", async () => {
    const staffed: InterviewView = {
      ...carlsInterview,
      interviewers: [
        { interviewerId: 1, name: "Ana Lind", email: "ana@uni.example", role: "interviewer" },
        { interviewerId: 2, name: "Ben Okafor", email: "ben@uni.example", role: "interviewer" },
        { interviewerId: 3, name: "Cy Oduya", email: "cy@uni.example", role: "noteTaker" },
      ],
    };
    const notesOnly: InterviewView = {
      ...carlsInterview,
      id: 12,
      start: "2030-03-13T08:00:00Z",
      end: "2030-03-13T08:45:00Z",
      interviewers: [{ interviewerId: 3, name: "Cy Oduya", email: "cy@uni.example", role: "noteTaker" }],
    };
    const nobody: InterviewView = { ...carlsInterview, id: 13, start: "2030-03-14T08:00:00Z", end: "2030-03-14T08:45:00Z", interviewers: [] };
    given({ upcoming: [staffed, notesOnly, nobody] });
    renderPane();
    await screen.findAllByTestId("interview-row");
    const rows = screen.getAllByTestId("interview-row");
    expect(within(rows[0]!).getByTestId("interview-interviewers").textContent).toBe("with Ana Lind, Ben Okafor · notes: Cy Oduya");
    expect(within(rows[1]!).getByTestId("interview-interviewers").textContent).toBe("notes: Cy Oduya");
    expect(within(rows[2]!).queryByTestId("interview-interviewers")).toBeNull();
  });

  it("says what to do when a list is empty", async () => {
    given({ upcoming: [] });
    renderPane();
    expect((await screen.findByTestId("interviews-empty-upcoming")).textContent).toContain("Book manually");
  });

  it("books past a broken rule only after Book anyway, accepting exactly that rule", async () => {
    mocked.checkBooking.mockResolvedValue([
      { rule: "too_soon", explanation: "It starts less than 3 days from now (the study asks for 3 days' notice)." },
    ]);
    mocked.bookManually.mockResolvedValue({ ...carlsInterview, id: 12, participantId: 1, participantName: "Bea Lund", participantEmail: "bea@example.org", start: slot.start, end: slot.end });
    renderPane();
    const dialog = await openBooking("Bea Lund");
    fireEvent.click(within(dialog).getByTestId("book-submit"));

    const breaks = await within(dialog).findByTestId("rule-breaks");
    expect(breaks.textContent).toContain("3 days' notice");
    expect(mocked.checkBooking).toHaveBeenCalledWith(4, 5, slot.start, null);
    expect(mocked.bookManually).not.toHaveBeenCalled();

    const listsBefore = mocked.listInterviews.mock.calls.length;
    fireEvent.click(within(dialog).getByTestId("book-anyway"));
    expect((await within(dialog).findByTestId("book-result")).textContent).toContain("Bea Lund");
    expect(mocked.bookManually).toHaveBeenCalledWith(4, 1, 5, slot.start, ["too_soon"]);
    await waitFor(() => expect(mocked.listInterviews.mock.calls.length).toBeGreaterThan(listsBefore));
  });

  it("books at once when no rule is broken, and shows a refusal inside the dialog", async () => {
    mocked.checkBooking.mockResolvedValue([]);
    mocked.bookManually.mockRejectedValue({ code: "conflict", message: "That time has no place left. Choose another time." });
    const { onError } = renderPane();
    const dialog = await openBooking("Bea Lund");
    fireEvent.click(within(dialog).getByTestId("book-submit"));

    expect((await within(dialog).findByTestId("error-banner")).textContent).toContain("no place left");
    expect(mocked.bookManually).toHaveBeenCalledWith(4, 1, 5, slot.start, []);
    expect(onError).not.toHaveBeenCalled();
  });

  it("never offers Book anyway for a full time", async () => {
    mocked.checkBooking.mockResolvedValue([{ rule: "full", explanation: "Every place at that time is already taken." }]);
    renderPane();
    const dialog = await openBooking("Bea Lund");
    fireEvent.click(within(dialog).getByTestId("book-submit"));
    await within(dialog).findByTestId("rule-blocked");
    expect(within(dialog).queryByTestId("book-anyway")).toBeNull();
    expect((within(dialog).getByTestId("book-submit") as HTMLButtonElement).disabled).toBe(true);
  });

  it("assigns a Pending participant's first choice with one click", async () => {
    mocked.assignChoice.mockResolvedValue({ ...carlsInterview, id: 13, participantId: 3, participantName: "Dana Diaz" });
    renderPane();
    const tab = await screen.findByTestId("interviews-tab-pending");
    // Radix tabs switch on mouse down.
    fireEvent.mouseDown(tab);
    const row = await screen.findByTestId("pending-row");
    const [first, second] = within(row).getAllByText(/choice$/);
    expect(first?.textContent).toBe("First choice");
    expect(second?.textContent).toBe("Second choice");
    fireEvent.click(within(row).getByTestId("assign-choice-1"));
    await waitFor(() => expect(mocked.assignChoice).toHaveBeenCalledWith(4, 3, 1));
    expect((await screen.findByTestId("interviews-notice")).textContent).toContain("first choice");
  });

  it("cancels with a reason and names who the place was offered to", async () => {
    mocked.cancelInterview.mockResolvedValue({
      interview: { ...carlsInterview, state: "canceled", cancelReason: "Moved away" },
      offeredTo: 3,
    });
    renderPane();
    const menu = await screen.findByTestId("interview-menu");
    fireEvent.keyDown(menu, { key: "Enter" });
    fireEvent.click(await screen.findByTestId("interview-action-cancel"));
    const dialog = await screen.findByTestId("cancel-dialog");
    expect(dialog.textContent).toContain("calendar CANCEL");
    fireEvent.change(within(dialog).getByTestId("cancel-reason"), { target: { value: " Moved away " } });
    fireEvent.click(within(dialog).getByTestId("cancel-submit"));

    expect((await within(dialog).findByTestId("cancel-offered")).textContent).toContain("Dana Diaz");
    expect(mocked.cancelInterview).toHaveBeenCalledWith(11, "Moved away");
  });

  it("changes who sits on an interview, keeping the dialog open on a refusal", async () => {
    mocked.listInterviewers.mockResolvedValue([
      { id: 1, studyId: 4, name: "Ana Lind", email: "ana@uni.example", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
      { id: 2, studyId: 4, name: "Ben Okafor", email: "ben@uni.example", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
      { id: 3, studyId: 4, name: "Cy Oduya", email: "cy@uni.example", role: "noteTaker", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
    ]);
    const restaffed: InterviewView = {
      ...carlsInterview,
      interviewers: [
        { interviewerId: 2, name: "Ben Okafor", email: "ben@uni.example", role: "interviewer" },
        { interviewerId: 1, name: "Ana Lind", email: "ana@uni.example", role: "noteTaker" },
        { interviewerId: 3, name: "Cy Oduya", email: "cy@uni.example", role: "noteTaker" },
      ],
    };
    mocked.setInterviewStaff
      .mockRejectedValueOnce({ code: "conflict", message: "Ben Okafor has another interview at 2030-03-12 08:00 UTC; choose someone else for this one." })
      .mockImplementationOnce(async () => {
        given({ upcoming: [restaffed] });
        return restaffed;
      });
    renderPane();
    fireEvent.keyDown(await screen.findByTestId("interview-menu"), { key: "Enter" });
    const item = await screen.findByTestId("interview-action-staff");
    expect(item.textContent).toBe("Change interviewers…");
    fireEvent.click(item);

    const dialog = await screen.findByTestId("staff-dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Change interviewers");
    const ana = (await within(dialog).findByTestId("staff-pick-1")) as HTMLInputElement;
    expect(ana.checked).toBe(true);
    expect((within(dialog).getByTestId("staff-pick-2") as HTMLInputElement).checked).toBe(false);
    expect(within(dialog).queryByTestId("staff-role-2")).toBeNull();

    fireEvent.click(within(dialog).getByTestId("staff-pick-2"));
    expect((within(dialog).getByLabelText("Role of Ben Okafor") as HTMLSelectElement).value).toBe("interviewer");
    fireEvent.click(within(dialog).getByTestId("staff-pick-3"));
    // A note-taker of the study is ticked as one.
    expect((within(dialog).getByTestId("staff-role-3") as HTMLSelectElement).value).toBe("noteTaker");
    fireEvent.change(within(dialog).getByLabelText("Role of Ana Lind"), { target: { value: "noteTaker" } });
    fireEvent.click(within(dialog).getByTestId("staff-save"));

    expect((await within(dialog).findByTestId("error-banner")).textContent).toContain("another interview");
    const picks = [
      { interviewerId: 2, role: "interviewer" },
      { interviewerId: 1, role: "noteTaker" },
      { interviewerId: 3, role: "noteTaker" },
    ];
    expect(mocked.setInterviewStaff).toHaveBeenCalledWith(11, picks);

    fireEvent.click(within(dialog).getByTestId("staff-save"));
    await waitFor(() => expect(screen.queryByTestId("staff-dialog")).toBeNull());
    expect(mocked.setInterviewStaff).toHaveBeenLastCalledWith(11, picks);
    expect(screen.getByTestId("interview-interviewers").textContent).toBe("with Ben Okafor · notes: Ana Lind, Cy Oduya");
    expect(screen.getByTestId("interviews-notice").textContent).toContain("Interviewers changed");
  });

  it("warns when nobody would run the interview", async () => {
    mocked.listInterviewers.mockResolvedValue([{ id: 1, studyId: 4, name: "Ana Lind", email: "ana@uni.example", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null }]);
    renderPane();
    fireEvent.keyDown(await screen.findByTestId("interview-menu"), { key: "Enter" });
    fireEvent.click(await screen.findByTestId("interview-action-staff"));
    const dialog = await screen.findByTestId("staff-dialog");
    expect(within(dialog).queryByTestId("staff-nobody-runs")).toBeNull();
    fireEvent.click(await within(dialog).findByTestId("staff-pick-1"));
    expect(within(dialog).getByTestId("staff-nobody-runs").textContent).toContain("nobody to run it");
  });
});
