import { commands } from "../../bindings/commands";
import type { SessionView } from "../../bindings/types";
import type { Person } from "./PairsEditor";

export type DaysData = {
  sessions: SessionView[];
  interviewers: Person[];
  /** Confirmed applicants per session, from the scheduled interviews. */
  applicants: Map<number, Person[]>;
  interviewersOf: (session: SessionView) => Person[];
};

export async function loadDays(studyId: number): Promise<DaysData> {
  const [sessions, interviewers, upcoming] = await Promise.all([
    commands.listSessions(studyId),
    commands.listInterviewers(studyId),
    commands.listInterviews(studyId, "upcoming"),
  ]);
  const days = sessions
    .filter((s) => s.pattern.kind === "day")
    .sort((a, b) => startOf(a).localeCompare(startOf(b)));
  const applicants = new Map<number, Person[]>();
  for (const interview of upcoming) {
    if (interview.state !== "scheduled") continue;
    const list = applicants.get(interview.sessionId) ?? [];
    if (!list.some((p) => p.id === interview.participantId)) {
      list.push({ id: interview.participantId, name: interview.participantName });
    }
    applicants.set(interview.sessionId, list);
  }
  for (const list of applicants.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const everyone = interviewers.map((i) => ({ id: i.id, name: i.name }));
  return {
    sessions: days,
    interviewers: everyone,
    applicants,
    // A session that names its interviewers uses only those; otherwise everyone on the study.
    interviewersOf: (session) =>
      session.interviewerIds.length === 0 ? everyone : everyone.filter((i) => session.interviewerIds.includes(i.id)),
  };
}

export function startOf(session: SessionView): string {
  return session.pattern.kind === "day" || session.pattern.kind === "window" ? session.pattern.start : "";
}

/** The next day still to come, else the last one. */
export function defaultSession(sessions: SessionView[], now = Date.now()): SessionView | undefined {
  return sessions.find((s) => Date.parse(endOf(s)) >= now) ?? sessions[sessions.length - 1];
}

function endOf(session: SessionView): string {
  return session.pattern.kind === "day" || session.pattern.kind === "window" ? session.pattern.end : "";
}
