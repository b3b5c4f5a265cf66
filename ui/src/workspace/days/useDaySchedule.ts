import { useCallback, useEffect, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, DayScheduleView, DaySettings, DaySlot, PublishReport, SwapReport } from "../../bindings/types";
import { toAppError } from "../../errors";

export type DayBusy = "generating" | "swapping" | "placing" | "publishing" | "exporting" | null;

type Phase = { kind: "loading" } | { kind: "none" } | { kind: "ready"; view: DayScheduleView };

/** One session's day schedule and what can be done to it. */
export function useDaySchedule(sessionId: number, onError: (error: AppError) => void) {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [busy, setBusy] = useState<DayBusy>(null);
  const [generateError, setGenerateError] = useState<AppError | null>(null);
  const [swapped, setSwapped] = useState<DaySlot[]>([]);
  const [publishReport, setPublishReport] = useState<PublishReport | null>(null);

  useEffect(() => {
    let active = true;
    setPhase({ kind: "loading" });
    setPublishReport(null);
    setSwapped([]);
    commands
      .daySchedule(sessionId)
      .then((view) => active && setPhase({ kind: "ready", view }))
      .catch((reason: unknown) => {
        if (!active) return;
        const error = toAppError(reason);
        // No schedule yet is the normal start, not an error.
        if (error.code === "not_found") setPhase({ kind: "none" });
        else {
          setPhase({ kind: "none" });
          onError(error);
        }
      });
    return () => {
      active = false;
    };
  }, [sessionId, onError]);

  const generate = useCallback(
    async (settings: DaySettings) => {
      setBusy("generating");
      setGenerateError(null);
      try {
        const view = await commands.generateDaySchedule(sessionId, settings);
        setPhase({ kind: "ready", view });
        setSwapped([]);
        setPublishReport(null);
        return true;
      } catch (reason) {
        setGenerateError(toAppError(reason));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [sessionId],
  );

  /**
   * Shows the schedule an edit left. The edit's own view does not say who came and went since
   * the day was published, which the researcher still needs until they publish again, so that
   * part is read afresh (and kept as it was if it cannot be read).
   */
  const showEdited = useCallback(
    async (report: SwapReport, marked: DaySlot[]) => {
      const roster = await commands
        .daySchedule(sessionId)
        .then((fresh) => fresh.rosterChanges)
        .catch(() => null);
      setPhase((previous) => ({
        kind: "ready",
        view: {
          ...report.schedule,
          // The report's own conflicts are the ones this edit left; the view carries the same list.
          conflicts: report.conflicts,
          rosterChanges: roster ?? (previous.kind === "ready" ? previous.view.rosterChanges : report.schedule.rosterChanges),
        },
      }));
      setSwapped(marked);
      setPublishReport(null);
    },
    [sessionId],
  );

  const swap = useCallback(
    async (a: DaySlot, b: DaySlot) => {
      setBusy("swapping");
      try {
        const report = await commands.swapDayAssignments(sessionId, a, b);
        await showEdited(report, [a, b]);
        return report;
      } catch (reason) {
        onError(toAppError(reason));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [sessionId, onError, showEdited],
  );

  /** Seats an applicant with an interviewer in one round, or (null) gives them a break then. */
  const place = useCallback(
    async (slot: DaySlot, interviewerId: number | null) => {
      setBusy("placing");
      try {
        const report = await commands.placeDayApplicant(sessionId, slot, interviewerId);
        await showEdited(report, [slot]);
        return report;
      } catch (reason) {
        onError(toAppError(reason));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [sessionId, onError, showEdited],
  );

  const publish = useCallback(async () => {
    setBusy("publishing");
    try {
      const report = await commands.publishDaySchedule(sessionId);
      setPublishReport(report);
      const view = await commands.daySchedule(sessionId);
      setPhase({ kind: "ready", view });
      return null;
    } catch (reason) {
      return toAppError(reason);
    } finally {
      setBusy(null);
    }
  }, [sessionId]);

  /** Asks where to save the CSV; the path it went to, or null when the researcher cancelled. */
  const exportCsv = useCallback(
    async (suggestedName: string) => {
      setBusy("exporting");
      try {
        const csv = await commands.exportDayScheduleCsv(sessionId);
        return await commands.saveTextFile(suggestedName, csv);
      } catch (reason) {
        onError(toAppError(reason));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [sessionId, onError],
  );

  return {
    view: phase.kind === "ready" ? phase.view : null,
    loading: phase.kind === "loading",
    busy,
    generateError,
    clearGenerateError: () => setGenerateError(null),
    swapped,
    publishReport,
    dismissPublishReport: () => setPublishReport(null),
    generate,
    swap,
    place,
    publish,
    exportCsv,
  };
}
