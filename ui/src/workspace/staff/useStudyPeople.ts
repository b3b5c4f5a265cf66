import { commands } from "../../bindings/commands";
import type { InterviewerView } from "../../bindings/types";
import { useLoaded } from "../../useLoaded";

const nobody: InterviewerView[] = [];

/** The study's interviewers and note-takers, loaded once per study; `null` while loading. */
export function useStudyPeople(studyId: number) {
  const { data, error } = useLoaded(() => commands.listInterviewers(studyId), [studyId]);
  // Nobody to show when the list cannot be read; the error says why.
  return { people: data ?? (error ? nobody : null), error };
}
