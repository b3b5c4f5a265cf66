import type { AppError, StudySummary } from "../bindings/types";

/** What every section of a study's workspace is given. */
export type PaneProps = {
  study: StudySummary;
  onError: (error: AppError) => void;
  /** The study's name, zone or length changed (or it was archived: `null`). */
  onStudyChanged: (study: StudySummary | null) => void;
};
