import { useCallback } from "react";
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
import { useLoaded } from "../../useLoaded";

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

async function load(studyId: number, studyZone: string): Promise<InterviewsData> {
  const [upcoming, completed, canceled, noShow, pending, participants, sessions, profile] = await Promise.all([
    commands.listInterviews(studyId, "upcoming"),
    commands.listInterviews(studyId, "completed"),
    commands.listInterviews(studyId, "canceled"),
    commands.listInterviews(studyId, "no_show"),
    commands.pendingChoices(studyId),
    commands.searchParticipants({ studyId, text: null, status: null, limit: null, offset: null }),
    commands.listSessions(studyId),
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
    displayZone: researcherZoneKnown ? profile.timeZone : studyZone,
    researcherZoneKnown,
  };
}

export type DataState =
  | { kind: "loading" }
  | { kind: "failed"; error: AppError }
  | { kind: "loaded"; data: InterviewsData; refreshing: boolean };

/** Everything the Interviews section shows, loaded together and refreshed after every action. */
export function useInterviewsData(study: StudySummary, onError: (error: AppError) => void) {
  const loaded = useLoaded(() => load(study.id, study.timeZone), [study.id, study.timeZone], { onError });
  const { setData } = loaded;
  // A refresh that fails keeps the lists; the error goes to the banner.
  const state: DataState = loaded.data
    ? { kind: "loaded", data: loaded.data, refreshing: loaded.loading }
    : loaded.error
      ? { kind: "failed", error: loaded.error }
      : { kind: "loading" };

  /** Shows an interview as it now is at once, before the lists are asked again. */
  const replace = useCallback(
    (interview: InterviewView) =>
      setData((data) => {
        const lists = { ...data.lists };
        for (const list of interviewLists) {
          lists[list] = lists[list].map((i) => (i.id === interview.id ? interview : i));
        }
        return { ...data, lists };
      }),
    [setData],
  );

  return { state, refresh: loaded.reload, replace };
}
