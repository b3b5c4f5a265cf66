import { useCallback, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, DayScheduleView, DaySettings, DaySlot, PublishReport, SwapReport } from "../../bindings/types";
import { toAppError } from "../../errors";
import { useLoaded } from "../../useLoaded";

const noSlots: DaySlot[] = [];

export type DayBusy = "generating" | "swapping" | "placing" | "publishing" | "exporting" | null;

/** The schedule (null before there is one), the cells an edit just changed, and the last publishing. */
type Schedule = { view: DayScheduleView | null; swapped: DaySlot[]; publishReport: PublishReport | null };

const fresh = (view: DayScheduleView | null): Schedule => ({ view, swapped: [], publishReport: null });

/** One session's day schedule and what can be done to it. */
export function useDaySchedule(sessionId: number, onError: (error: AppError) => void) {
  const schedule = useLoaded(
    () =>
      commands.daySchedule(sessionId).then(fresh, (reason: unknown) => {
        // No schedule yet is the normal start, not an error.
        if (toAppError(reason).code === "not_found") return fresh(null);
        throw reason;
      }),
    [sessionId],
    { onError },
  );
  const { setData } = schedule;
  const [busy, setBusy] = useState<DayBusy>(null);
  const [generateError, setGenerateError] = useState<AppError | null>(null);

  const generate = useCallback(
    async (settings: DaySettings) => {
      setBusy("generating");
      setGenerateError(null);
      try {
        setData(fresh(await commands.generateDaySchedule(sessionId, settings)));
        return true;
      } catch (reason) {
        setGenerateError(toAppError(reason));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [sessionId, setData],
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
      setData((previous) => ({
        view: {
          ...report.schedule,
          // The report's own conflicts are the ones this edit left; the view carries the same list.
          conflicts: report.conflicts,
          rosterChanges: roster ?? previous.view?.rosterChanges ?? report.schedule.rosterChanges,
        },
        swapped: marked,
        publishReport: null,
      }));
    },
    [sessionId, setData],
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
      setData((now) => ({ ...now, publishReport: report }));
      const view = await commands.daySchedule(sessionId);
      setData((now) => ({ ...now, view }));
      return null;
    } catch (reason) {
      return toAppError(reason);
    } finally {
      setBusy(null);
    }
  }, [sessionId, setData]);

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
    view: schedule.data?.view ?? null,
    loading: schedule.loading,
    busy,
    generateError,
    clearGenerateError: () => setGenerateError(null),
    swapped: schedule.data?.swapped ?? noSlots,
    publishReport: schedule.data?.publishReport ?? null,
    dismissPublishReport: () => setData((now) => ({ ...now, publishReport: null })),
    generate,
    swap,
    place,
    publish,
    exportCsv,
  };
}
