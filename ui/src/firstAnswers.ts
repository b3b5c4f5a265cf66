import { commands } from "./bindings/commands";
import type { StartupState, StudySummary } from "./bindings/types";
import { STARTUP_ANSWERED, STUDIES_ANSWERED, markOnce } from "./performanceMarks";

export type FirstAnswers = {
  startup: StartupState;
  /** Null when the studies could not be read: the list then asks again and says why. */
  studies: StudySummary[] | null;
};

/**
 * Asks for the start-up state and the studies together, and settles once both have answered.
 * Asked one after the other, the studies waited for the start-up state and then for the whole
 * window's first layout before their request even left; asked together, the window renders
 * once, with its list, as soon as the database answers.
 */
export async function askFirst(): Promise<FirstAnswers> {
  const studies = (async () => {
    try {
      const found = await commands.listStudies();
      markOnce(STUDIES_ANSWERED);
      return found;
    } catch {
      return null;
    }
  })();
  const startup = await commands.startupState();
  markOnce(STARTUP_ANSWERED);
  // A database that did not open has no studies to wait for.
  return { startup, studies: startup.status === "ready" ? await studies : null };
}

/**
 * The answers if they come within `ms`, as they do from this computer's database; null if they
 * take longer (a team database far away) or asking failed, which the window then shows itself.
 */
export function answeredWithin(answers: Promise<FirstAnswers>, ms: number): Promise<FirstAnswers | null> {
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));
  return Promise.race([answers.catch(() => null), late]);
}
