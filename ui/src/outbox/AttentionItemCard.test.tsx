import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AttentionItem, SessionView } from "../bindings/types";
import { AttentionItemCard } from "./AttentionItemCard";

vi.mock("../bindings/commands", () => ({
  commands: {
    listStudies: vi.fn(),
    listSessions: vi.fn(),
    checkCounterProposal: vi.fn(),
    acceptCounterProposal: vi.fn(),
    declineCounterProposal: vi.fn(),
    dismissAttentionItem: vi.fn(),
    bookReplyCandidate: vi.fn(),
    getParticipant: vi.fn(),
  },
}));

const { commands } = await import("../bindings/commands");
const mocked = vi.mocked(commands);

const counter: AttentionItem = {
  id: 7,
  kind: "counter",
  summary: "Bob Stone proposes another time for their interview.",
  studyId: 3,
  participantId: 11,
  interviewId: 21,
  proposedStart: "2026-12-01T14:30:00Z",
  proposedEnd: "2026-12-01T15:15:00Z",
  candidates: [],
  createdAt: "2026-11-23T10:00:00Z",
};

const afternoon: SessionView = {
  id: 5,
  studyId: 3,
  title: "Afternoons",
  pattern: { kind: "window", start: "2026-12-01T13:00:00Z", end: "2026-12-01T17:00:00Z" },
  capacity: 1,
  visible: true,
  interviewerIds: [],
  exceptions: [],
};

beforeEach(() => {
  vi.resetAllMocks();
  mocked.listStudies.mockResolvedValue([
    { id: 3, name: "Checkout", description: "", timeZone: "Europe/Berlin", interviewMinutes: 45, createdAt: "2026-01-01T00:00:00Z" },
  ]);
  mocked.listSessions.mockResolvedValue([afternoon]);
  mocked.getParticipant.mockResolvedValue({
    id: 11,
    name: "Bob Stone",
    email: "bob@example.org",
    timeZone: "America/New_York",
    phone: "",
    notes: "",
    customFields: {},
    language: null,
    status: "interview_scheduled",
    nextInterviewAt: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    enrolments: [],
  });
});

describe("a counter-proposal", () => {
  it("shows the proposed time in the researcher's zone and the participant's", async () => {
    render(<AttentionItemCard item={counter} zone="Europe/Berlin" onSettled={() => {}} />);
    const proposed = screen.getByTestId("attention-proposed");
    expect(proposed.textContent).toMatch(/15:30|3:30/);
    await waitFor(() => expect(proposed.textContent).toMatch(/9:30.*for the participant/));
  });

  it("is accepted at once when it breaks no rule", async () => {
    mocked.checkCounterProposal.mockResolvedValue([]);
    mocked.acceptCounterProposal.mockResolvedValue({} as never);
    const settled = vi.fn();
    render(<AttentionItemCard item={counter} zone="Europe/Berlin" onSettled={settled} />);
    fireEvent.click(screen.getByTestId("attention-accept"));
    await waitFor(() => expect(settled).toHaveBeenCalled());
    expect(mocked.checkCounterProposal).toHaveBeenCalledWith(counter.id);
    expect(mocked.acceptCounterProposal).toHaveBeenCalledWith(7, []);
  });

  it("lists the broken rules and accepts past exactly those after confirmation", async () => {
    mocked.checkCounterProposal.mockResolvedValue([
      { rule: "too_soon", explanation: "It is less than 24 hours away." },
      { rule: "daily_cap", explanation: "The day already has 4 interviews." },
    ]);
    mocked.acceptCounterProposal.mockResolvedValue({} as never);
    const settled = vi.fn();
    render(<AttentionItemCard item={counter} zone="Europe/Berlin" onSettled={settled} />);
    fireEvent.click(screen.getByTestId("attention-accept"));

    const dialog = await screen.findByTestId("rule-break-dialog");
    const rules = within(dialog).getByTestId("rule-break-list");
    expect(rules.textContent).toContain("less than 24 hours");
    expect(rules.textContent).toContain("already has 4 interviews");
    expect(mocked.acceptCounterProposal).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByTestId("rule-break-confirm"));
    await waitFor(() => expect(settled).toHaveBeenCalled());
    expect(mocked.acceptCounterProposal).toHaveBeenCalledWith(7, ["too_soon", "daily_cap"]);
  });

  it("changes nothing when the researcher keeps the current time", async () => {
    mocked.checkCounterProposal.mockResolvedValue([{ rule: "too_soon", explanation: "It is less than 24 hours away." }]);
    render(<AttentionItemCard item={counter} zone="Europe/Berlin" onSettled={() => {}} />);
    fireEvent.click(screen.getByTestId("attention-accept"));
    fireEvent.click(await screen.findByRole("button", { name: "Keep the current time" }));
    await waitFor(() => expect(screen.queryByTestId("rule-break-dialog")).toBeNull());
    expect(mocked.acceptCounterProposal).not.toHaveBeenCalled();
  });

  it("cannot be accepted into a full slot, and says what to do instead", async () => {
    mocked.checkCounterProposal.mockResolvedValue([{ rule: "full", explanation: "That time is taken." }]);
    render(<AttentionItemCard item={counter} zone="Europe/Berlin" onSettled={() => {}} />);
    fireEvent.click(screen.getByTestId("attention-accept"));
    expect((await screen.findByTestId("error-banner")).textContent).toMatch(/That time is taken\. .*decline it/);
    expect(mocked.acceptCounterProposal).not.toHaveBeenCalled();
  });

  it("is declined with the researcher's note", async () => {
    mocked.declineCounterProposal.mockResolvedValue(null);
    const settled = vi.fn();
    render(<AttentionItemCard item={counter} zone="Europe/Berlin" onSettled={settled} />);
    fireEvent.click(screen.getByTestId("attention-decline"));
    fireEvent.change(await screen.findByTestId("decline-dialog-note"), { target: { value: "  That week is full.  " } });
    fireEvent.click(screen.getByTestId("decline-dialog-submit"));
    await waitFor(() => expect(settled).toHaveBeenCalled());
    expect(mocked.declineCounterProposal).toHaveBeenCalledWith(7, "That week is full.");
  });
});

describe("other items", () => {
  it("are dismissed with an optional note", async () => {
    mocked.dismissAttentionItem.mockResolvedValue(null);
    const settled = vi.fn();
    const bounce = { ...counter, id: 8, kind: "bounce" as const, summary: "A message to x@example.org bounced.", proposedStart: null, proposedEnd: null };
    render(<AttentionItemCard item={bounce} zone="Europe/Berlin" onSettled={settled} />);
    expect(screen.queryByTestId("attention-accept")).toBeNull();
    fireEvent.click(screen.getByTestId("attention-dismiss"));
    fireEvent.click(await screen.findByTestId("dismiss-dialog-submit"));
    await waitFor(() => expect(settled).toHaveBeenCalled());
    expect(mocked.dismissAttentionItem).toHaveBeenCalledWith(8, "");
  });
});

describe("an answer that fits several times", () => {
  it("books the time the researcher picks with one click", async () => {
    const unclear: AttentionItem = {
      ...counter,
      id: 9,
      kind: "reply_ambiguous",
      summary: "Cem answered in their own words, which fit more than one offered time.",
      interviewId: null,
      proposedStart: null,
      proposedEnd: null,
      candidates: [
        { token: "CF-AAAA", start: "2026-12-02T14:00:00Z" },
        { token: "CF-BBBB", start: "2026-12-02T15:00:00Z" },
      ],
    };
    mocked.bookReplyCandidate.mockResolvedValue("booked their first choice");
    const onSettled = vi.fn();
    render(<AttentionItemCard item={unclear} zone="Europe/Berlin" onSettled={onSettled} />);
    const buttons = within(screen.getByTestId("attention-candidates")).getAllByTestId("attention-candidate");
    expect(buttons).toHaveLength(2);
    expect(buttons[1]?.textContent).toContain("4:00 PM");
    fireEvent.click(buttons[1]!);
    await waitFor(() => expect(onSettled).toHaveBeenCalled());
    expect(mocked.bookReplyCandidate).toHaveBeenCalledWith(9, "CF-BBBB");
  });

  it("offers the time a message chose when its sender could not be confirmed", () => {
    const held: AttentionItem = {
      ...counter,
      id: 10,
      kind: "sender_unverified",
      summary: "A message with Confab's codes from Cem was not applied: your mail provider's sender check failed (dmarc=fail).",
      interviewId: null,
      proposedStart: null,
      proposedEnd: null,
      candidates: [{ token: "CF-CCCC", start: "2026-12-02T14:00:00Z" }],
    };
    render(<AttentionItemCard item={held} zone="Europe/Berlin" onSettled={vi.fn()} />);
    expect(screen.getByText("Sender not confirmed by your provider")).toBeTruthy();
    expect(screen.getByTestId("attention-candidates").textContent).toContain("If they really sent it");
  });
});
