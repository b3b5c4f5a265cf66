import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ParticipantSummary } from "../../bindings/types";
import { ParticipantsPane } from "../ParticipantsPane";

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

function participant(id: number, name: string, email: string, status = "added"): ParticipantSummary {
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
    expect(mocked.searchParticipants).toHaveBeenCalledWith({ studyId: 4, text: null, status: null, limit: null, offset: null });
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
    // The list is reloaded, so the new statuses show.
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
});
