import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EnrolmentStatus, StudyOverview } from "../../bindings/types";
import { OverviewPane } from "../OverviewPane";

vi.mock("../../bindings/commands", () => ({
  commands: {
    studyOverview: vi.fn(),
    attentionItems: vi.fn(),
    listSessions: vi.fn(),
    getParticipant: vi.fn(),
    mailProfile: vi.fn(),
  },
}));

const { commands } = await import("../../bindings/commands");
const mocked = vi.mocked(commands);

const study = { id: 3, name: "Diary", description: "", timeZone: "Europe/Berlin", interviewMinutes: 45, createdAt: "2026-01-01T00:00:00Z" };
const labels: Array<[EnrolmentStatus, string]> = [
  ["added", "Added"],
  ["invited", "Invited"],
  ["interview_scheduled", "Interview Scheduled"],
];
const overview = (counts: number[], extra: Partial<StudyOverview> = {}): StudyOverview => ({
  counts: labels.map(([status, label], i) => ({ status, label, count: counts[i] ?? 0 })),
  participants: counts.reduce((a, b) => a + b, 0),
  nextInterviews: [],
  attention: 0,
  outboxWaiting: 0,
  ...extra,
});

beforeEach(() => {
  vi.resetAllMocks();
  mocked.mailProfile.mockResolvedValue({ researcherName: "", researcherEmail: "", timeZone: "Europe/Berlin", account: null, syncAutomatically: false });
  mocked.attentionItems.mockResolvedValue([]);
  mocked.listSessions.mockResolvedValue([]);
});

describe("Overview", () => {
  it("tells a new study what to do first", async () => {
    mocked.studyOverview.mockResolvedValue(overview([0, 0, 0]));
    render(<OverviewPane study={study} onError={vi.fn()} onStudyChanged={vi.fn()} />);
    const empty = await screen.findByTestId("overview-empty");
    expect(empty.textContent).toContain("Add sessions");
    expect(empty.textContent).toContain("import a CSV");
  });

  it("shows every status, the next interview in both zones, and what needs attention", async () => {
    mocked.studyOverview.mockResolvedValue(
      overview([2, 0, 1], {
        attention: 1,
        outboxWaiting: 3,
        nextInterviews: [
          { id: 5, studyId: 3, participantId: 9, participantName: "Ada Lovelace", participantEmail: "ada@example.org", sessionId: 1, start: "2026-03-10T09:00:00Z", end: "2026-03-10T09:45:00Z", state: "scheduled", calendarUid: "", sequence: 0, ruleOverrides: [], cancelReason: "", round: 1, rounds: 1, interviewers: [] },
        ],
      }),
    );
    mocked.attentionItems.mockResolvedValue([
      { id: 1, kind: "counter", summary: "Ada proposes another time", studyId: 3, participantId: 9, interviewId: 5, proposedStart: null, proposedEnd: null, candidates: [], createdAt: "2026-03-01T10:00:00Z" },
    ]);
    mocked.getParticipant.mockResolvedValue({
      id: 9, name: "Ada Lovelace", email: "ada@example.org", timeZone: "America/New_York", phone: "", notes: "", customFields: {}, language: null, status: null, nextInterviewAt: null, createdAt: "", updatedAt: "", enrolments: [],
    });
    render(<OverviewPane study={study} onError={vi.fn()} onStudyChanged={vi.fn()} />);

    expect((await screen.findByTestId("status-count-invited")).textContent).toContain("0");
    expect(screen.getByTestId("overview-total").textContent).toBe("3 participants");
    const next = await screen.findByTestId("overview-next-interview");
    expect(next.textContent).toContain("Ada Lovelace");
    expect(next.textContent).toContain("10:00");
    expect(await screen.findByText(/in New York/)).toBeTruthy();
    expect(screen.getByTestId("overview-attention").textContent).toContain("Outbox");
    expect(screen.getByTestId("overview-outbox-waiting").textContent).toContain("3 messages are waiting");
    expect(screen.queryByTestId("overview-empty")).toBeNull();
  });

  it("opens Sessions and Participants from the first steps", async () => {
    mocked.studyOverview.mockResolvedValue(overview([0, 0, 0]));
    const onOpenPane = vi.fn();
    render(<OverviewPane study={study} onError={vi.fn()} onStudyChanged={vi.fn()} onOpenPane={onOpenPane} />);
    fireEvent.click(await screen.findByTestId("overview-step-sessions"));
    expect(onOpenPane).toHaveBeenLastCalledWith("sessions");
    fireEvent.click(screen.getByTestId("overview-step-participants"));
    expect(onOpenPane).toHaveBeenLastCalledWith("participants");
    fireEvent.click(screen.getByTestId("overview-step-invite"));
    expect(onOpenPane).toHaveBeenLastCalledWith("participants");
    // With nothing booked, the empty list of next interviews points to where one is booked.
    fireEvent.click(screen.getByTestId("overview-open-interviews"));
    expect(onOpenPane).toHaveBeenLastCalledWith("interviews");
  });

  it("opens Participants and Interviews from the figures, the next interviews and what needs attention", async () => {
    mocked.studyOverview.mockResolvedValue(
      overview([2, 0, 1], {
        attention: 1,
        outboxWaiting: 3,
        nextInterviews: [
          { id: 5, studyId: 3, participantId: 9, participantName: "Ada Lovelace", participantEmail: "ada@example.org", sessionId: 1, start: "2026-03-10T09:00:00Z", end: "2026-03-10T09:45:00Z", state: "scheduled", calendarUid: "", sequence: 0, ruleOverrides: [], cancelReason: "", round: 1, rounds: 1, interviewers: [] },
        ],
      }),
    );
    mocked.attentionItems.mockResolvedValue([
      { id: 1, kind: "counter", summary: "Ada proposes another time", studyId: 3, participantId: 9, interviewId: 5, proposedStart: null, proposedEnd: null, candidates: [], createdAt: "2026-03-01T10:00:00Z" },
    ]);
    mocked.getParticipant.mockRejectedValue({ code: "not_found", message: "gone" });
    const onOpenPane = vi.fn();
    render(<OverviewPane study={study} onError={vi.fn()} onStudyChanged={vi.fn()} onOpenPane={onOpenPane} />);

    const opens = async (testId: string, pane: string) => {
      onOpenPane.mockClear();
      fireEvent.click(await screen.findByTestId(testId));
      expect(onOpenPane).toHaveBeenCalledWith(pane);
    };
    await opens("figure-participants", "participants");
    await opens("figure-scheduled", "interviews");
    await opens("overview-open-participants", "participants");
    await opens("overview-open-interviews", "interviews");
    await opens("overview-next-open", "interviews");
    await opens("overview-attention-interviews", "interviews");
    // The Outbox is outside the study's sections: its figure and hints stay words.
    expect(screen.getByTestId("figure-outbox").tagName).toBe("DIV");
    expect(screen.getByTestId("figure-attention").tagName).toBe("DIV");
    expect(screen.getByTestId("overview-attention").textContent).toContain("Open the Outbox in the sidebar");
  });

  it("shows plain words where the workspace cannot open sections", async () => {
    mocked.studyOverview.mockResolvedValue(overview([0, 0, 0]));
    render(<OverviewPane study={study} onError={vi.fn()} onStudyChanged={vi.fn()} />);
    const empty = await screen.findByTestId("overview-empty");
    expect(empty.querySelector("button")).toBeNull();
    expect(screen.queryByTestId("overview-open-interviews")).toBeNull();
    expect(screen.getByTestId("overview-next-empty").textContent).toContain("under Interviews.");
  });
});
