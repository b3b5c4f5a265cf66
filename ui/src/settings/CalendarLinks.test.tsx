import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CalendarAccountView, InterviewerView, RemoteCalendarView } from "../bindings/types";
import { CalendarLinks } from "./CalendarLinks";

vi.mock("../bindings/commands", () => ({
  commands: {
    calendarAccount: vi.fn(),
    remoteCalendars: vi.fn(),
    studyCalendar: vi.fn(),
    setStudyCalendar: vi.fn(),
    listInterviewers: vi.fn(),
    setInterviewerCalendar: vi.fn(),
  },
}));

const { commands } = await import("../bindings/commands");
const mocked = vi.mocked(commands);

const account: CalendarAccountView = {
  url: "https://cloud.example.org/remote.php/dav/",
  username: "sam",
  lastReadAt: null,
  lastProblem: "",
};

const WORK = "/remote.php/dav/calendars/sam/work/";
const HOLIDAYS = "/remote.php/dav/calendars/sam/holidays/";
const OMAR = "/remote.php/dav/calendars/omar/personal/";

const calendars: RemoteCalendarView[] = [
  { href: WORK, name: "Work", writable: true },
  { href: HOLIDAYS, name: "Public holidays", writable: false },
  { href: OMAR, name: "Omar (shared)", writable: true },
];

const iris: InterviewerView = {
  id: 11,
  studyId: 7,
  name: "Iris Lee",
  email: "iris@uni.example.org",
  role: "interviewer",
  calendarHref: null,
  busyReadAt: null,
  calendarChosenBy: null,
};

const omar: InterviewerView = {
  ...iris,
  id: 12,
  name: "Omar Haddad",
  email: "omar@uni.example.org",
  calendarHref: OMAR,
  busyReadAt: new Date(Date.now() - 3 * 3_600_000 - 60_000).toISOString(),
};

function optionNames(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole("option")
    .map((option) => option.textContent ?? "");
}

beforeEach(() => {
  vi.resetAllMocks();
  mocked.calendarAccount.mockResolvedValue(account);
  mocked.remoteCalendars.mockResolvedValue(calendars);
  mocked.studyCalendar.mockResolvedValue({ href: null, chosenBy: null });
  mocked.listInterviewers.mockResolvedValue([iris, omar]);
  mocked.setStudyCalendar.mockResolvedValue(null);
  mocked.setInterviewerCalendar.mockResolvedValue(null);
});

describe("which calendars a study uses", () => {
  it("saves the calendar the interviews go into and each interviewer's busy-time calendar", async () => {
    render(<CalendarLinks studyId={7} />);
    const study = await screen.findByLabelText("Write this study’s interviews into");
    // Only calendars Confab may write into take the interviews.
    expect(optionNames(study)).toEqual(["No calendar", "Work", "Omar (shared)"]);
    expect((study as HTMLSelectElement).value).toBe("");

    fireEvent.change(study, { target: { value: WORK } });
    await waitFor(() => expect(mocked.setStudyCalendar).toHaveBeenCalledWith(7, WORK));
    await waitFor(() => expect((study as HTMLSelectElement).value).toBe(WORK));

    const irisCalendar = screen.getByLabelText("Busy times of Iris Lee from");
    expect(optionNames(irisCalendar)).toEqual(["No calendar (calendar files only)", "Work", "Public holidays", "Omar (shared)"]);
    await waitFor(() => expect(irisCalendar.hasAttribute("disabled")).toBe(false));
    fireEvent.change(irisCalendar, { target: { value: HOLIDAYS } });
    await waitFor(() => expect(mocked.setInterviewerCalendar).toHaveBeenCalledWith(11, HOLIDAYS));
    await waitFor(() => expect(screen.getByTestId("calendar-links-read-11").textContent).toBe("Saved."));

    const omarCalendar = screen.getByLabelText("Busy times of Omar Haddad from") as HTMLSelectElement;
    expect(omarCalendar.value).toBe(OMAR);
    expect(screen.getByTestId("calendar-links-read-12").textContent).toBe("Read 3 hours ago");
    fireEvent.change(omarCalendar, { target: { value: "" } });
    await waitFor(() => expect(mocked.setInterviewerCalendar).toHaveBeenCalledWith(12, null));
    await waitFor(() => expect(omarCalendar.value).toBe(""));
  });

  it("says where to connect an account when there is none, and asks nothing more", async () => {
    mocked.calendarAccount.mockResolvedValue(null);
    render(<CalendarLinks studyId={7} />);
    expect((await screen.findByTestId("calendar-links-no-account")).textContent).toMatch(/Settings → Calendar account/);
    expect(mocked.remoteCalendars).not.toHaveBeenCalled();
    expect(screen.queryByRole("combobox")).toBeNull();
  });

  it("keeps the saved choice and shows why when it cannot be saved", async () => {
    mocked.studyCalendar.mockResolvedValue({ href: WORK, chosenBy: null });
    mocked.setStudyCalendar.mockRejectedValue({ code: "not_found", message: "No calendar account is connected." });
    render(<CalendarLinks studyId={7} />);
    const study = (await screen.findByLabelText("Write this study’s interviews into")) as HTMLSelectElement;
    expect(study.value).toBe(WORK);
    fireEvent.change(study, { target: { value: "" } });
    expect((await screen.findByTestId("error-banner")).textContent).toMatch(/No calendar account is connected/);
    expect(study.value).toBe(WORK);
  });

  it("still shows the saved links when the server cannot list the calendars", async () => {
    mocked.studyCalendar.mockResolvedValue({ href: WORK, chosenBy: null });
    mocked.remoteCalendars.mockRejectedValue({ code: "mail", message: "The calendar server could not be reached." });
    render(<CalendarLinks studyId={7} />);
    expect((await screen.findByTestId("calendar-links-list-error")).textContent).toMatch(/could not be reached/);
    const study = screen.getByLabelText("Write this study’s interviews into") as HTMLSelectElement;
    expect(study.value).toBe(WORK);
    expect(optionNames(study)).toEqual(["No calendar", `${WORK} (not listed by the server now)`]);
    expect((screen.getByLabelText("Busy times of Omar Haddad from") as HTMLSelectElement).value).toBe(OMAR);
  });

  it("says when a calendar was read once its host has the interviewers again after a Sync", async () => {
    const { rerender } = render(<CalendarLinks studyId={7} interviewers={[iris]} />);
    const irisCalendar = await screen.findByLabelText("Busy times of Iris Lee from");
    await waitFor(() => expect(irisCalendar.hasAttribute("disabled")).toBe(false));
    fireEvent.change(irisCalendar, { target: { value: WORK } });
    await waitFor(() => expect(screen.getByTestId("calendar-links-read-11").textContent).toBe("Saved."));

    const read = new Date(Date.now() - 2 * 3_600_000 - 60_000).toISOString();
    rerender(<CalendarLinks studyId={7} interviewers={[{ ...iris, calendarHref: WORK, busyReadAt: read }]} />);
    await waitFor(() => expect(screen.getByTestId("calendar-links-read-11").textContent).toBe("Read 2 hours ago"));
    expect((screen.getByLabelText("Busy times of Iris Lee from") as HTMLSelectElement).value).toBe(WORK);
  });

  it("names the colleague whose calendar account an interviewer's calendar was chosen from", async () => {
    const theirs = "/dav/dana/teaching/";
    const ben = { ...iris, id: 13, name: "Ben Okafor", calendarHref: theirs, calendarChosenBy: "dana" };
    render(<CalendarLinks studyId={7} interviewers={[ben]} />);
    const benCalendar = (await screen.findByLabelText("Busy times of Ben Okafor from")) as HTMLSelectElement;
    expect(benCalendar.value).toBe(theirs);
    expect(optionNames(benCalendar)).toContain("A calendar of dana's account");
    expect(screen.getByTestId("calendar-links-read-13").textContent).toBe(
      "Chosen from dana's calendar account: their Sync reads it. Choosing one here makes it yours.",
    );

    // Once chosen from this account, the calendar is the researcher's own.
    fireEvent.change(benCalendar, { target: { value: WORK } });
    await waitFor(() => expect(mocked.setInterviewerCalendar).toHaveBeenCalledWith(13, WORK));
    await waitFor(() => expect(screen.getByTestId("calendar-links-read-13").textContent).toBe("Saved."));
    expect(optionNames(benCalendar)).not.toContain("A calendar of dana's account");
  });

  it("names the colleague whose calendar account the study's calendar was chosen from", async () => {
    const theirs = "/dav/dana/lab-interviews/";
    mocked.studyCalendar.mockResolvedValue({ href: theirs, chosenBy: "dana" });
    render(<CalendarLinks studyId={7} interviewers={[omar]} />);
    const study = (await screen.findByLabelText("Write this study’s interviews into")) as HTMLSelectElement;
    expect(study.value).toBe(theirs);
    expect(optionNames(study)).toContain("A calendar of dana's account");
    expect(screen.getByTestId("calendar-links-study-hint").textContent).toBe(
      "Chosen from dana's calendar account: their Sync writes this study's interviews into it. Choosing one here makes it yours.",
    );

    fireEvent.change(study, { target: { value: WORK } });
    await waitFor(() => expect(mocked.setStudyCalendar).toHaveBeenCalledWith(7, WORK));
    await waitFor(() => expect(screen.getByTestId("calendar-links-study-hint").textContent).toBe("Saved."));
    expect(optionNames(study)).not.toContain("A calendar of dana's account");
  });

  it("uses the interviewers its host has already loaded", async () => {
    render(<CalendarLinks studyId={7} interviewers={[omar]} />);
    await screen.findByLabelText("Busy times of Omar Haddad from");
    expect(screen.queryByLabelText("Busy times of Iris Lee from")).toBeNull();
    expect(mocked.listInterviewers).not.toHaveBeenCalled();
  });
});
