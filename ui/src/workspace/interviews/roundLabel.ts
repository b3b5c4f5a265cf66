import type { InterviewView } from "../../bindings/types";

/** "Interview 2 of 3" when the study holds several interviews per participant; "" otherwise. */
export function roundLabel(interview: Pick<InterviewView, "round" | "rounds">): string {
  return interview.rounds > 1 ? `Interview ${interview.round} of ${interview.rounds}` : "";
}
