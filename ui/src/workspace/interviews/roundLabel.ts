import type { InterviewView } from "../../bindings/types";
import { t } from "../../i18n";

/** "Interview 2 of 3" when the study holds several interviews per participant; "" otherwise. */
export function roundLabel(interview: Pick<InterviewView, "round" | "rounds">): string {
  return interview.rounds > 1 ? t("interviews.round", { round: interview.round, rounds: interview.rounds }) : "";
}
