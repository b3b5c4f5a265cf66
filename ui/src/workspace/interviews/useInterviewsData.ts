import { useCallback, useEffect, useRef, useState } from "react";
import { commands } from "../../bindings/commands";
import type {
  AppError,
  InterviewList,
  InterviewView,
  ParticipantSummary,
  PendingParticipant,
  SessionView,
  StudySummary,
} from "../../bindings/types";
import { toAppError } from "../../errors";

export const interviewLists: InterviewList[] = ["upcoming", "completed", "canceled", "no_show"];

export type InterviewsData = {
  lists: Record<InterviewList, InterviewView[]>;
  pending: PendingParticipant[];
  participants: Map<number, ParticipantSummary>;
  sessions: SessionView[];
  /** The zone the researcher reads times in: their own, or the study's until they set up mail. */
  displayZone: string;
  /** Whether `displayZone` is the researcher's own (rather than the study's, for want of one). */
  researcherZoneKnown: boolean;
};

async function load(study: StudySummary): Promise<InterviewsData> {
  const [upcoming, completed, canceled, noShow, pending, participants, sessions, profile] = await Promise.all([
    commands.listInterviews(study.id, "upcoming"),
    commands.listInterviews(study.id, "completed"),
    commands.listInterviews(study.id, "canceled"),
    commands.listInterviews(study.id, "no_show"),
    commands.pendingChoices(study.id),
    commands.searchParticipants({ studyId: study.id, text: null, status: null, limit: null, offset: null }),
    commands.listSessions(study.id),
    commands.mailProfile(),
  ]);
  // An untouched profile says UTC with no address: that is a default, not the researcher's choice.
  const researcherZoneKnown = profile.researcherEmail.trim() !== "" && profile.timeZone.trim() !== "";
  const byStart = (a: InterviewView, b: InterviewView) => a.start.localeCompare(b.start);
  const newestFirst = (a: InterviewView, b: InterviewView) => b.start.localeCompare(a.start);
  return {
    lists: {
      upcoming: [...upcoming].sort(byStart),
      completed: [...completed].sort(newestFirst),
      canceled: [...canceled].sort(newestFirst),
      no_show: [...noShow].sort(newestFirst),
    },
    pending,
    participants: new Map(participants.map((p) => [p.id, p])),
    sessions,
    displayZone: researcherZoneKnown ? profile.timeZone : study.timeZone,
    researcherZoneKnown,
  };
}

export type DataState =
  | { kind: "loading" }
  | { kind: "failed"; error: AppError }
  | { kind: "loaded"; data: InterviewsData; refreshing: boolean };

/** Everything the Interviews section shows, loaded together and refreshed after every action. */
export function useInterviewsData(study: StudySummary, onError: (error: AppError) => void) {
  const [state, setState] = useState<DataState>({ kind: "loading" });
  // Only the newest request may write; an older, slower answer would show stale lists.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    setState((s) => (s.kind === "loaded" ? { ...s, refreshing: true } : s));
    try {
      const data = await load(study);
      if (request === latest.current) setState({ kind: "loaded", data, refreshing: false });
    } catch (reason) {
      if (request !== latest.current) return;
      const error = toAppError(reason);
      setState((s) => (s.kind === "loaded" ? { ...s, refreshing: false } : { kind: "failed", error }));
      onError(error);
    }
  }, [study, onError]);

  useEffect(() => {
    void refresh();
    return () => {
      latest.current++;
    };
  }, [refresh]);

  /** Shows an interview as it now is at once, before the lists are asked again. */
  const replace = useCallback((interview: InterviewView) => {
    setState((s) => {
      if (s.kind !== "loaded") return s;
      const lists = { ...s.data.lists };
      for (const list of interviewLists) {
        lists[list] = lists[list].map((i) => (i.id === interview.id ? interview : i));
      }
      return { ...s, data: { ...s.data, lists } };
    });
  }, []);

  return { state, refresh, replace };
}
