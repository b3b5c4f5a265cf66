import type { DayScheduleView } from "../../bindings/types";

const times = (label: string, start: string, end: string) => ({
  label,
  start: `2026-03-10T${start}:00Z`,
  end: `2026-03-10T${end}:00Z`,
  localStart: `2026-03-10T${start}`,
  localEnd: `2026-03-10T${end}`,
});

/** A day of two interviewers (Dr Iris 10, Dr Jon 11), three applicants and three rounds with a lunch. */
export function dayView(overrides: Partial<DayScheduleView> = {}): DayScheduleView {
  return {
    sessionId: 7,
    settings: { rounds: 3, roundMinutes: 30, passingMinutes: 10, start: "09:00", fixedBlocks: [{ label: "Lunch", start: "09:40", minutes: 40 }], conflicts: [], mustMeet: [] },
    timeZone: "UTC",
    rounds: [times("1", "09:00", "09:30"), times("2", "10:20", "10:50"), times("3", "11:00", "11:30")],
    blocks: [times("Lunch", "09:40", "10:20")],
    itineraries: [
      {
        applicantId: 1,
        name: "Ada",
        seats: [
          { round: 1, interviewerId: 10, interviewerName: "Dr Iris" },
          { round: 2, interviewerId: 11, interviewerName: "Dr Jon" },
          { round: 3, interviewerId: null, interviewerName: null },
        ],
      },
      {
        applicantId: 2,
        name: "Bea",
        seats: [
          { round: 1, interviewerId: 11, interviewerName: "Dr Jon" },
          { round: 2, interviewerId: null, interviewerName: null },
          { round: 3, interviewerId: 10, interviewerName: "Dr Iris" },
        ],
      },
      {
        applicantId: 3,
        name: "Cal",
        seats: [
          { round: 1, interviewerId: null, interviewerName: null },
          { round: 2, interviewerId: 10, interviewerName: "Dr Iris" },
          { round: 3, interviewerId: 11, interviewerName: "Dr Jon" },
        ],
      },
    ],
    timetables: [
      {
        interviewerId: 10,
        name: "Dr Iris",
        duties: [
          { round: 1, applicantId: 1, applicantName: "Ada", unavailable: false },
          { round: 2, applicantId: 3, applicantName: "Cal", unavailable: false },
          { round: 3, applicantId: 2, applicantName: "Bea", unavailable: false },
        ],
      },
      {
        interviewerId: 11,
        name: "Dr Jon",
        duties: [
          { round: 1, applicantId: 2, applicantName: "Bea", unavailable: false },
          { round: 2, applicantId: 1, applicantName: "Ada", unavailable: false },
          { round: 3, applicantId: 3, applicantName: "Cal", unavailable: false },
        ],
      },
    ],
    unmet: [],
    conflicts: [],
    publishedAt: null,
    sequence: 0,
    unpublishedChanges: true,
    rosterChanges: [],
    ...overrides,
  };
}

/** The fixture's day after Bea canceled and Gus was booked in: Bea's two seats are open, Gus sits out everything. */
export function dayAfterCancellation(overrides: Partial<DayScheduleView> = {}) {
  const view = dayView({
    rosterChanges: [
      "Gus was booked into the day after its schedule was made: place them in the open rounds.",
      "Bea is no longer booked for the day: their rounds are open for someone from the waitlist. Publishing again sends them a cancellation of their calendar event.",
    ],
    publishedAt: "2026-03-01T12:00:00Z",
    sequence: 0,
    ...overrides,
  });
  view.itineraries = view.itineraries.filter((i) => i.applicantId !== 2);
  view.itineraries.push({
    applicantId: 7,
    name: "Gus",
    seats: [1, 2, 3].map((round) => ({ round, interviewerId: null, interviewerName: null })),
  });
  for (const t of view.timetables) {
    t.duties = t.duties.map((d) => (d.applicantId === 2 ? { ...d, applicantId: null, applicantName: null } : d));
  }
  return view;
}
