import { useEffect, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, InterviewerView } from "../../bindings/types";
import { toAppError } from "../../errors";

/** The study's interviewers and note-takers, loaded once per study; `null` while loading. */
export function useStudyPeople(studyId: number) {
  const [people, setPeople] = useState<InterviewerView[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let active = true;
    setPeople(null);
    setError(null);
    commands
      .listInterviewers(studyId)
      .then((list) => active && setPeople(list))
      .catch((reason: unknown) => {
        if (!active) return;
        setPeople([]);
        setError(toAppError(reason));
      });
    return () => {
      active = false;
    };
  }, [studyId]);

  return { people, error };
}
