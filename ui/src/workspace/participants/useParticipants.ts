import { useCallback, useEffect, useRef, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, StatusOption, StudySummary } from "../../bindings/types";
import { toAppError } from "../../errors";
import { toRows, type ParticipantRow } from "./participantRows";
import { markLoaded } from "./participantsPerformance";

export type ParticipantsState =
  | { kind: "loading" }
  | { kind: "failed"; error: AppError }
  | {
      kind: "loaded";
      rows: ParticipantRow[];
      statuses: StatusOption[];
      timeZone: string;
      /** False when the researcher has not set their zone and the study's is used instead. */
      ownZone: boolean;
    };

/**
 * A study's participants, loaded once and then filtered in memory, with the status names and the
 * zone times are shown in. `reload` refreshes them after a change without blanking the list.
 */
export function useParticipants(study: StudySummary, onError: (error: AppError) => void) {
  const [state, setState] = useState<ParticipantsState>({ kind: "loading" });
  // Only the newest request may write the list; an older, slower answer would show stale rows.
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    try {
      const [participants, statuses, zone] = await Promise.all([
        commands.searchParticipants({ studyId: study.id, text: null, status: null, limit: null, offset: null }),
        commands.statusOptions(),
        researcherTimeZone(study.timeZone),
      ]);
      if (request !== latest.current) return;
      markLoaded();
      setState({ kind: "loaded", rows: toRows(participants, statuses), statuses, ...zone });
    } catch (reason) {
      if (request !== latest.current) return;
      const error = toAppError(reason);
      setState((old) => (old.kind === "loaded" ? old : { kind: "failed", error }));
      onError(error);
    }
  }, [study.id, study.timeZone, onError]);

  useEffect(() => {
    void load();
    return () => {
      // Answers arriving after the pane is left are dropped.
      latest.current++;
    };
  }, [load]);

  return { state, reload: load };
}

async function researcherTimeZone(studyZone: string): Promise<{ timeZone: string; ownZone: boolean }> {
  try {
    const profile = await commands.mailProfile();
    const own = profile.timeZone.trim();
    return own === "" ? { timeZone: studyZone, ownZone: false } : { timeZone: own, ownZone: true };
  } catch {
    // Without the profile, the study's zone is the next best clock; the list is still usable.
    return { timeZone: studyZone, ownZone: false };
  }
}
