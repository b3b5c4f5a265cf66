import type { AppError, StudySummary } from "../bindings/types";
import type { PaneId } from "../navigation";

/** What every section of a study's workspace is given. */
export type PaneProps = {
  study: StudySummary;
  onError: (error: AppError) => void;
  /** The study's name, zone or length changed (or it was archived: `null`). */
  onStudyChanged: (study: StudySummary | null) => void;
  /** Opens another section of the same study, as the sidebar does. */
  onOpenPane?: (pane: PaneId) => void;
};
