import { commands } from "../bindings/commands";
import type { AttentionItem, RuleBreakView, SessionView } from "../bindings/types";
import { wallClock } from "./time";

/**
 * The session whose hours include `start`, hidden ones too, as the back end chooses it when
 * the proposal is accepted: weekly hours on the study's wall clock, windows and days by instant.
 */
export function sessionCovering(sessions: SessionView[], startIso: string, studyZone: string): SessionView | null {
  const start = new Date(startIso);
  const local = wallClock(start, studyZone);
  for (const session of sessions) {
    const pattern = session.pattern;
    if (pattern.kind === "weekly") {
      const inDates = local.date >= pattern.validFrom && (pattern.validUntil === null || local.date <= pattern.validUntil);
      const inHours = local.time >= pattern.startTime.slice(0, 5) && local.time < pattern.endTime.slice(0, 5);
      if (pattern.weekday === local.weekday && inDates && inHours) return session;
    } else if (new Date(pattern.start) <= start && start < new Date(pattern.end)) {
      return session;
    }
  }
  return null;
}

export type AcceptCheck =
  /** Nothing stands in the way: accept at once. */
  | { kind: "clear" }
  /** The time breaks rules the researcher may accept past, after seeing them. */
  | { kind: "confirm"; breaks: RuleBreakView[] }
  /** The time has no place left; capacity cannot be overridden. */
  | { kind: "full"; explanation: string }
  /** Confab could not check beforehand; accepting will say what is wrong, if anything. */
  | { kind: "unchecked" };

/** What accepting a counter-proposal would break, before anything changes. */
export async function checkCounterProposal(item: AttentionItem): Promise<AcceptCheck> {
  if (item.studyId === null || item.proposedStart === null) return { kind: "unchecked" };
  const [studies, sessions] = await Promise.all([commands.listStudies(), commands.listSessions(item.studyId)]);
  const study = studies.find((s) => s.id === item.studyId);
  if (!study) return { kind: "unchecked" };
  const session = sessionCovering(sessions, item.proposedStart, study.timeZone);
  if (!session) return { kind: "unchecked" };
  const breaks = await commands.checkBooking(item.studyId, session.id, item.proposedStart, item.interviewId);
  const full = breaks.find((b) => b.rule === "full");
  if (full) return { kind: "full", explanation: full.explanation };
  return breaks.length === 0 ? { kind: "clear" } : { kind: "confirm", breaks };
}

/** Accepts past exactly the rules the researcher was shown. */
export function acceptCounterProposal(item: AttentionItem, accepted: RuleBreakView[] = []) {
  return commands.acceptCounterProposal(
    item.id,
    accepted.map((b) => b.rule),
  );
}
