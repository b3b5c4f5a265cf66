// Longer than 400 lines on purpose: the tests of one component share the mocks and fixtures set up here.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { EnrolmentStatus, ParticipantSummary } from "../../bindings/types";
import { ParticipantsPane } from "../ParticipantsPane";
import { FIRST_PAGE } from "./useParticipants";

vi.mock("../../bindings/commands", () => ({
  commands: {
    searchParticipants: vi.fn(),
    statusOptions: vi.fn(),
    mailProfile: vi.fn(),
    inviteParticipants: vi.fn(),
    invitationReadiness: vi.fn(),
    setStatus: vi.fn(),
    setStatuses: vi.fn(),
    exportParticipantsCsv: vi.fn(),
    saveTextFile: vi.fn(),
  },
}));
const { commands } = await import("../../bindings/commands");
const mocked = vi.mocked(commands);

const study = {
  id: 4,
  name: "Checkout",
  description: "",
  timeZone: "Europe/Berlin",
  interviewMinutes: 45,
  createdAt: "2026-11-01T00:00:00Z",
};

function participant(id: number, name: string, email: string, status: EnrolmentStatus = "added"): ParticipantSummary {
  return {
    id,
    name,
    email,
    timeZone: id === 1 ? "America/New_York" : null,
    phone: "",
    notes: "",
    customFields: {},
    language: null,
    status,
    nextInterviewAt: null,
    createdAt: "2026-11-23T10:00:00Z",
    updatedAt: "2026-11-23T10:00:00Z",
  };
}

const people = [
  participant(1, "Ada Park", "ada@example.org", "invited"),
  participant(2, "Bo Li", "bo@example.org"),
  participant(3, "Cy Diaz", "cy@example.org"),
];

function renderPane() {
  const onError = vi.fn();
  render(<ParticipantsPane study={study} onError={onError} onStudyChanged={vi.fn()} />);
  return onError;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** The first page and the whole list, each answered when the test says so. */
function answerSeparately() {
  const page = deferred<ParticipantSummary[]>();
  const whole = deferred<ParticipantSummary[]>();
  mocked.searchParticipants.mockImplementation((query) => (query.limit === null ? whole.promise : page.promise));
  return { page, whole };
}

// More than a first page, sorted by name as the back end sends them; every other one invited.
const crowd = Array.from({ length: FIRST_PAGE + 50 }, (_, i) =>
  participant(i + 1, `Person ${String(i).padStart(3, "0")}`, `p${i}@example.org`, i % 2 === 0 ? "added" : "invited"),
);
const firstPage = crowd.slice(0, FIRST_PAGE);

const marks = (name: string) => performance.getEntriesByName(name, "mark").length;

const rowCount = () => screen.getByRole("table").getAttribute("aria-rowcount");
const statusFilter = () => screen.getByTestId("status-filter") as HTMLSelectElement;

beforeAll(() => {
  // jsdom lays nothing out; the list's virtualizer needs a box of some size to show rows in.
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });
});

beforeEach(() => {
  vi.resetAllMocks();
  mocked.statusOptions.mockResolvedValue([
    { key: "added", label: "Added" },
    { key: "invited", label: "Invited" },
    { key: "completed", label: "Completed" },
  ]);
  mocked.mailProfile.mockResolvedValue({
    researcherName: "Rita",
    researcherEmail: "rita@example.org",
    timeZone: "Europe/London",
    account: null,
    syncAutomatically: false,
  });
});

const names = () => screen.getAllByTestId("participant-name").map((cell) => cell.textContent);

describe("Participants", () => {
  it("says how to start when the study has no participants", async () => {
    mocked.searchParticipants.mockResolvedValue([]);
    renderPane();
    const empty = await screen.findByTestId("participants-empty");
    expect(empty.textContent).toContain("Import a CSV file");
    // An empty first page is everyone: the whole list is not asked for.
    expect(mocked.searchParticipants.mock.calls).toEqual([[{ studyId: 4, text: null, status: null, limit: FIRST_PAGE, offset: 0 }]]);
  });

  it("lists the participants, filters them as one types, and says when nothing matches", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    renderPane();
    await screen.findAllByTestId("participant-row");
    expect(names()).toEqual(["Ada Park", "Bo Li", "Cy Diaz"]);
    // Ada's zone differs from the researcher's, so it is shown; the others have none.
    expect(screen.getAllByTestId("participant-row")[0]?.textContent).toContain("New York");

    const search = screen.getByTestId("participant-search");
    fireEvent.change(search, { target: { value: "bo@" } });
    expect(names()).toEqual(["Bo Li"]);
    fireEvent.change(search, { target: { value: "nobody" } });
    expect(screen.getByTestId("participants-no-matches").textContent).toContain("“nobody”");
    fireEvent.keyDown(search, { key: "Escape" });
    expect(names()).toHaveLength(3);

    fireEvent.change(screen.getByTestId("status-filter"), { target: { value: "invited" } });
    expect(names()).toEqual(["Ada Park"]);
    expect(screen.getByRole("option", { name: "Added (2)" })).toBeTruthy();
  });

  it("sorts by a column when its header is clicked", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    renderPane();
    await screen.findAllByTestId("participant-row");
    fireEvent.click(screen.getByTestId("sort-name"));
    fireEvent.click(screen.getByTestId("sort-name"));
    expect(names()).toEqual(["Cy Diaz", "Bo Li", "Ada Park"]);
  });

  it("focuses the search box with / and Ctrl+F", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    renderPane();
    await screen.findAllByTestId("participant-row");
    fireEvent.keyDown(window, { key: "/" });
    expect(document.activeElement).toBe(screen.getByTestId("participant-search"));
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(window, { key: "f", ctrlKey: true });
    expect(document.activeElement).toBe(screen.getByTestId("participant-search"));
  });

  it("invites the selected participants and reports who was left out and why", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    mocked.inviteParticipants.mockResolvedValue({
      queued: [2],
      skipped: [{ participantId: 3, reason: "Declined; set another status first to invite again" }],
    });
    renderPane();
    await screen.findAllByTestId("participant-row");
    const boxes = screen.getAllByTestId("participant-select");
    fireEvent.click(boxes[1] as HTMLElement);
    fireEvent.click(boxes[2] as HTMLElement);
    expect(screen.getByTestId("selection-count").textContent).toBe("2 selected");

    await act(async () => fireEvent.click(screen.getByTestId("bulk-invite")));
    const report = await screen.findByTestId("invite-report");
    expect(mocked.inviteParticipants).toHaveBeenCalledWith(4, [2, 3]);
    expect(within(report).getByTestId("invite-queued").textContent).toBe(
      "1 invitation is in the Outbox, ready for the next Sync.",
    );
    expect(within(report).getByTestId("invite-skipped-item").textContent).toBe(
      "Cy Diaz: Declined; set another status first to invite again",
    );
    // The list is reloaded, so the new statuses show: the first page on opening (everyone, here),
    // and one request for the reload.
    await waitFor(() => expect(mocked.searchParticipants).toHaveBeenCalledTimes(2));
  });

  it("extends a selection with Shift over the rows on screen only", async () => {
    mocked.searchParticipants.mockResolvedValue([...people, participant(4, "Di Evans", "di@example.org")]);
    renderPane();
    await screen.findAllByTestId("participant-row");
    fireEvent.change(screen.getByTestId("status-filter"), { target: { value: "added" } });
    expect(names()).toEqual(["Bo Li", "Cy Diaz", "Di Evans"]);
    const boxes = screen.getAllByTestId("participant-select");
    fireEvent.click(boxes[0] as HTMLElement);
    fireEvent.click(boxes[2] as HTMLElement, { shiftKey: true });
    expect(screen.getByTestId("selection-count").textContent).toBe("3 selected");

    fireEvent.change(screen.getByTestId("status-filter"), { target: { value: "" } });
    const selected = screen
      .getAllByTestId("participant-row")
      .filter((row) => row.getAttribute("aria-selected") === "true")
      .map((row) => row.querySelector('[data-testid="participant-name"]')?.textContent);
    expect(selected).toEqual(["Bo Li", "Cy Diaz", "Di Evans"]);
  });

  it("selects every shown participant at once and sets their status after a confirmation", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    mocked.setStatuses.mockResolvedValue("completed");
    renderPane();
    await screen.findAllByTestId("participant-row");
    fireEvent.click(screen.getByTestId("select-all"));
    expect(screen.getByTestId("selection-count").textContent).toBe("3 selected");

    fireEvent.click(screen.getByTestId("bulk-status"));
    const dialog = await screen.findByTestId("status-dialog");
    fireEvent.change(within(dialog).getByTestId("status-choice"), { target: { value: "completed" } });
    expect(within(dialog).getByTestId("status-question").textContent).toBe("Set 3 participants to Completed?");
    fireEvent.change(within(dialog).getByTestId("status-reason"), { target: { value: "Group session" } });
    fireEvent.click(within(dialog).getByTestId("status-confirm"));
    await waitFor(() => expect(screen.queryByTestId("status-dialog")).toBeNull());
    // One call for everyone, so the back end changes all of them or none.
    expect(mocked.setStatuses.mock.calls).toEqual([[4, [1, 2, 3], "completed", "Group session"]]);
    expect(mocked.setStatus).not.toHaveBeenCalled();
  });

  it("counts the selected participants a search hides, and selects only those shown", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    renderPane();
    await screen.findAllByTestId("participant-row");
    fireEvent.click(screen.getByTestId("select-all"));
    expect(screen.getByTestId("selection-count").textContent).not.toContain("not shown");
    const search = screen.getByTestId("participant-search");
    fireEvent.change(search, { target: { value: "bo@" } });
    expect(names()).toEqual(["Bo Li"]);
    expect(screen.getByTestId("selection-count").textContent).toContain("(2 not shown)");
    fireEvent.click(screen.getByTestId("clear-selection"));
    fireEvent.click(screen.getByTestId("select-all"));
    fireEvent.keyDown(search, { key: "Escape" });
    expect(names()).toHaveLength(3);
    const boxes = screen.getAllByTestId("participant-select") as HTMLInputElement[];
    expect(boxes.map((box) => box.checked)).toEqual([false, true, false]);
    expect(screen.getByTestId("selection-count").textContent).not.toContain("not shown");
  });

  it("changes no one and keeps the dialog open with the back end's message when the bulk change fails", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    mocked.setStatuses.mockRejectedValue({ code: "not_found", message: "Participant 3 is not in this study. Reload the list and try again." });
    renderPane();
    await screen.findAllByTestId("participant-row");
    fireEvent.click(screen.getByTestId("select-all"));
    fireEvent.click(screen.getByTestId("bulk-status"));
    const dialog = await screen.findByTestId("status-dialog");
    fireEvent.change(within(dialog).getByTestId("status-choice"), { target: { value: "completed" } });
    fireEvent.click(within(dialog).getByTestId("status-confirm"));
    expect((await within(dialog).findByTestId("error-banner")).textContent).toContain("Participant 3 is not in this study");
    expect(mocked.setStatuses).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("status-dialog")).toBeTruthy();
  });

  it("shows where the export was saved", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    mocked.exportParticipantsCsv.mockResolvedValue("name,email\n");
    mocked.saveTextFile.mockResolvedValue("/home/rita/checkout-participants.csv");
    renderPane();
    await screen.findAllByTestId("participant-row");
    fireEvent.click(screen.getByTestId("export-csv-button"));
    expect((await screen.findByTestId("participants-notice")).textContent).toContain(
      "Saved 3 participants to /home/rita/checkout-participants.csv",
    );
    expect(mocked.saveTextFile).toHaveBeenCalledWith("checkout-participants.csv", "name,email\n");
    expect(mocked.exportParticipantsCsv).toHaveBeenCalledWith(expect.any(Number), { byteOrderMark: false, separator: "comma" });
    fireEvent.click(screen.getByTestId("export-excel-button"));
    await waitFor(() =>
      expect(mocked.exportParticipantsCsv).toHaveBeenLastCalledWith(expect.any(Number), {
        byteOrderMark: true,
        separator: expect.stringMatching(/^(comma|semicolon)$/),
      }),
    );
  });

  it("paints the first page before the whole list arrives, then puts the whole list in its place", async () => {
    const { page, whole } = answerSeparately();
    renderPane();
    // The first page alone first: the rest is asked for once it is painted.
    await waitFor(() => expect(mocked.searchParticipants).toHaveBeenCalledTimes(1));
    expect(mocked.searchParticipants).toHaveBeenCalledWith({ studyId: 4, text: null, status: null, limit: FIRST_PAGE, offset: 0 });

    await act(async () => page.resolve(firstPage));
    expect(names()[0]).toBe("Person 000");
    await waitFor(() => expect(mocked.searchParticipants).toHaveBeenCalledTimes(2));
    expect(mocked.searchParticipants).toHaveBeenLastCalledWith({ studyId: 4, text: null, status: null, limit: null, offset: null });
    expect(rowCount()).toBe(String(FIRST_PAGE + 1));
    // What needs every participant waits, and says why.
    expect(screen.getByRole("status").textContent).toBe("Loading the rest of the participants…");
    expect(screen.getByTestId("participants-count").textContent).toBe("Checkout");
    expect(statusFilter().disabled).toBe(true);
    expect(statusFilter().options[0]?.textContent).toBe("All statuses");
    expect((screen.getByTestId("export-csv-button") as HTMLButtonElement).disabled).toBe(true);
    const firstRow = screen.getAllByTestId("participant-row")[0];
    // The first rows are timed when the page is painted; all rows only once the rest is.
    await waitFor(() => expect(marks("participants:first-rows")).toBe(1));
    expect(performance.getEntriesByName("participants:open-to-first-rows", "measure")).toHaveLength(1);
    expect(marks("participants:all-rows")).toBe(0);

    await act(async () => whole.resolve(crowd));
    expect(rowCount()).toBe(String(crowd.length + 1));
    expect(screen.queryByTestId("participants-loading-rest")).toBeNull();
    expect(screen.getByTestId("participants-count").textContent).toBe("Checkout · 150 participants");
    expect(statusFilter().disabled).toBe(false);
    expect(screen.getByRole("option", { name: "All statuses (150)" })).toBeTruthy();
    expect((screen.getByTestId("export-csv-button") as HTMLButtonElement).disabled).toBe(false);
    // The rows already on screen stay where they were, in the same elements.
    expect(names()[0]).toBe("Person 000");
    expect(screen.getAllByTestId("participant-row")[0]).toBe(firstRow);
    await waitFor(() => expect(marks("participants:all-rows")).toBe(1));
    expect(performance.getEntriesByName("participants:open-to-all-rows", "measure")).toHaveLength(1);
    expect(marks("participants:first-rows")).toBe(1);
  });

  it("asks for the whole list when the first page could not be read", async () => {
    const { page, whole } = answerSeparately();
    renderPane();
    await act(async () => page.reject({ code: "internal", message: "The database is busy." }));
    await waitFor(() => expect(mocked.searchParticipants).toHaveBeenCalledTimes(2));
    await act(async () => whole.resolve(crowd));
    expect(rowCount()).toBe(String(crowd.length + 1));
    expect(screen.queryByTestId("participants-failed")).toBeNull();
    expect(screen.getByTestId("participants-count").textContent).toBe("Checkout · 150 participants");
  });

  it("treats a first page shorter than asked for as the whole list", async () => {
    const { page } = answerSeparately();
    renderPane();
    await act(async () => page.resolve(people));
    expect(names()).toEqual(["Ada Park", "Bo Li", "Cy Diaz"]);
    expect(screen.queryByTestId("participants-loading-rest")).toBeNull();
    expect(screen.getByTestId("participants-count").textContent).toBe("Checkout · 3 participants");
    expect(statusFilter().disabled).toBe(false);
  });

  it("keeps what is typed while the rest loads and searches once every participant is here", async () => {
    const { page, whole } = answerSeparately();
    renderPane();
    await act(async () => page.resolve(firstPage));
    const search = screen.getByTestId("participant-search") as HTMLInputElement;
    expect(search.disabled).toBe(false);
    fireEvent.change(search, { target: { value: "person 120" } });
    // Person 120 is not in the first page: searching it would wrongly say no one matches.
    expect(search.value).toBe("person 120");
    expect(screen.queryByTestId("participants-no-matches")).toBeNull();
    expect(names()[0]).toBe("Person 000");
    expect(screen.getByRole("status").textContent).toBe(
      "Loading the rest of the participants; the search applies once they are all here…",
    );
    // Rows on screen can be selected meanwhile.
    fireEvent.click(screen.getAllByTestId("participant-select")[0] as HTMLElement);
    expect(screen.getByTestId("selection-count").textContent).toBe("1 selected");

    await act(async () => whole.resolve(crowd));
    expect(names()).toEqual(["Person 120"]);
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByTestId("selection-count").textContent).toBe("1 selected (1 not shown)");
    fireEvent.keyDown(search, { key: "Escape" });
    fireEvent.change(statusFilter(), { target: { value: "invited" } });
    expect(names()[0]).toBe("Person 001");
    expect(rowCount()).toBe("76");
    expect(screen.getByRole("option", { name: "Invited (75)" })).toBeTruthy();
  });

  it("drops the rest of the list when a change has asked for a newer one meanwhile", async () => {
    const { page, whole } = answerSeparately();
    mocked.setStatuses.mockResolvedValue("completed");
    renderPane();
    await act(async () => page.resolve(firstPage));
    await waitFor(() => expect(mocked.searchParticipants).toHaveBeenCalledTimes(2));
    const reloaded = deferred<ParticipantSummary[]>();
    mocked.searchParticipants.mockImplementation((query) => (query.limit === null ? reloaded.promise : page.promise));

    // A status set on a shown row reloads the list while the rest is still on its way.
    fireEvent.click(screen.getAllByTestId("participant-select")[0] as HTMLElement);
    fireEvent.click(screen.getByTestId("bulk-status"));
    const dialog = await screen.findByTestId("status-dialog");
    fireEvent.change(within(dialog).getByTestId("status-choice"), { target: { value: "completed" } });
    fireEvent.click(within(dialog).getByTestId("status-confirm"));
    await waitFor(() => expect(mocked.searchParticipants).toHaveBeenCalledTimes(3));

    // The first whole list was read before the change: it is dropped.
    await act(async () => whole.resolve(crowd));
    expect(rowCount()).toBe(String(FIRST_PAGE + 1));
    expect(screen.getByTestId("participants-loading-rest")).toBeTruthy();

    const changed = crowd.map((one, i) => (i === 0 ? { ...one, status: "completed" as const } : one));
    await act(async () => reloaded.resolve(changed));
    expect(rowCount()).toBe(String(crowd.length + 1));
    expect(screen.queryByTestId("participants-loading-rest")).toBeNull();
    expect(screen.getAllByTestId("participant-status")[0]?.textContent).toBe("Completed");
  });

  it("shows the failure and a way to try again when the rest cannot be loaded", async () => {
    const { page, whole } = answerSeparately();
    const onError = renderPane();
    await act(async () => page.resolve(firstPage));
    await waitFor(() => expect(mocked.searchParticipants).toHaveBeenCalledTimes(2));
    await act(async () => whole.reject({ code: "internal", message: "The database is locked." }));
    // A first page alone would wait for ever for the rest: the failure takes its place.
    expect(screen.getByTestId("participants-failed").textContent).toContain("The database is locked.");
    expect(onError).toHaveBeenCalledTimes(1);

    mocked.searchParticipants.mockReset();
    mocked.searchParticipants.mockResolvedValue(crowd);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rowCount()).toBe(String(crowd.length + 1)));
    expect(mocked.searchParticipants.mock.calls).toEqual([[{ studyId: 4, text: null, status: null, limit: null, offset: null }]]);
  });

  it("reloads the whole list in one request after a change, keeping the rows on screen meanwhile", async () => {
    mocked.searchParticipants.mockResolvedValue(people);
    mocked.setStatuses.mockResolvedValue("completed");
    renderPane();
    await screen.findAllByTestId("participant-row");
    // Three people fit in the first page: it is the whole list.
    expect(mocked.searchParticipants).toHaveBeenCalledTimes(1);
    mocked.searchParticipants.mockReset();
    const reloaded = deferred<ParticipantSummary[]>();
    mocked.searchParticipants.mockReturnValue(reloaded.promise);

    fireEvent.click(screen.getByTestId("select-all"));
    fireEvent.click(screen.getByTestId("bulk-status"));
    const dialog = await screen.findByTestId("status-dialog");
    fireEvent.change(within(dialog).getByTestId("status-choice"), { target: { value: "completed" } });
    fireEvent.click(within(dialog).getByTestId("status-confirm"));
    await waitFor(() => expect(mocked.searchParticipants).toHaveBeenCalledTimes(1));
    expect(mocked.searchParticipants).toHaveBeenCalledWith({ studyId: 4, text: null, status: null, limit: null, offset: null });
    expect(names()).toEqual(["Ada Park", "Bo Li", "Cy Diaz"]);
    expect(screen.queryByTestId("participants-loading")).toBeNull();
    expect(screen.queryByTestId("participants-loading-rest")).toBeNull();

    await act(async () => reloaded.resolve(people.map((one) => ({ ...one, status: "completed" }))));
    expect(screen.getAllByTestId("participant-status").map((cell) => cell.textContent)).toEqual([
      "Completed",
      "Completed",
      "Completed",
    ]);
    expect(mocked.searchParticipants).toHaveBeenCalledTimes(1);
  });
});
