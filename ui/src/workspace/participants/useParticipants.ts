import { commands } from "../../bindings/commands";
import type { AppError, StatusOption, StudySummary } from "../../bindings/types";
import { useLoaded } from "../../useLoaded";
import { toRows, type ParticipantRow } from "./participantRows";
import { markLoaded, markPageLoaded } from "./participantsPerformance";

/**
 * How many participants are asked for first when a study's list opens: more rows than the tallest
 * window shows, and a small answer (a few dozen KiB) next to the whole list's megabytes.
 */
export const FIRST_PAGE = 100;

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
      /**
       * False while only the first page is shown and the rest is on its way: counts, totals and
       * search results over `rows` would then be wrong.
       */
      complete: boolean;
    };

type Participants = Omit<Extract<ParticipantsState, { kind: "loaded" }>, "kind">;

/**
 * A study's participants, loaded once and then filtered in memory, with the status names and the
 * zone times are shown in. On opening, the first page is asked for alone and painted, and only
 * then the whole list, which replaces it: the thousands neither compete with the first screenful
 * for the back end nor hold up its paint while their megabytes arrive. Both are sorted alike by
 * the back end (name, then id), so the rows already shown keep their place. A first page shorter
 * than asked for is everyone. `reload` refreshes the whole list after a change without blanking it.
 */
export function useParticipants(study: StudySummary, onError: (error: AppError) => void) {
  const { data, error, reload } = useLoaded<Participants>(
    async (signal, early) => {
      const everyone = { studyId: study.id, text: null, status: null };
      // The page and the whole list share these: the statuses' names and the zone times are shown in.
      const context = Promise.all([commands.statusOptions(), researcherTimeZone(study.timeZone)]);

      // Only when nothing is shown yet: a reload keeps the whole list until the new one is in.
      if (early) {
        const page = await firstPage(everyone, context);
        if (page && !signal.aborted) {
          if (page.complete) {
            markLoaded();
            return page;
          }
          early(page);
          await painted();
        }
      }
      // The study was left or changed meanwhile: the thousands are not wanted any more, and
      // would only compete with the next study's first page. Nothing shows an aborted load.
      if (signal.aborted) throw new DOMException("The list is no longer shown.", "AbortError");

      const [participants, [statuses, zone]] = await Promise.all([
        commands.searchParticipants({ ...everyone, limit: null, offset: null }),
        context,
      ]);
      if (!signal.aborted) markLoaded();
      return { rows: toRows(participants, statuses), statuses, ...zone, complete: true };
    },
    [study.id, study.timeZone],
    { onError },
  );
  // A reload's failure keeps the list shown. A first page alone gives way to the failure and its
  // Try again: it would otherwise wait for a rest that is not coming.
  const state: ParticipantsState =
    data && (data.complete || !error)
      ? { kind: "loaded", ...data }
      : error
        ? { kind: "failed", error }
        : { kind: "loading" };
  return { state, reload };
}

type Everyone = { studyId: number; text: null; status: null };
type Context = Promise<[StatusOption[], { timeZone: string; ownZone: boolean }]>;

/** The first page, or null when it could not be read: the whole list's request then says why. */
async function firstPage(everyone: Everyone, context: Context): Promise<Participants | null> {
  try {
    const [participants, [statuses, zone]] = await Promise.all([
      commands.searchParticipants({ ...everyone, limit: FIRST_PAGE, offset: 0 }),
      context,
    ]);
    markPageLoaded();
    // Fewer than asked for is everyone there is: nothing more to wait for.
    return { rows: toRows(participants, statuses), statuses, ...zone, complete: participants.length < FIRST_PAGE };
  } catch {
    return null;
  }
}

/**
 * Settles once the frame being drawn is painted, or after a tenth of a second in a window that
 * draws no frames (hidden or minimised), so the rest is never held up for long.
 */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame !== "function") return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
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
