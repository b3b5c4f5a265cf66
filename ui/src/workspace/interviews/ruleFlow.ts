import type { AppError, RuleBreakView, RuleBreak } from "../../bindings/types";
import { canBeAccepted } from "./ruleNames";

/**
 * Booking by hand, in steps: the time is checked against the study's rules first; with none
 * broken it is booked at once, otherwise the researcher sees each broken rule and must choose
 * "Book anyway", which passes exactly those rules as accepted. A full time is never offered as
 * bookable: the back end refuses it, since capacity is a promise to those already booked.
 */
export type RuleFlowState =
  | { phase: "idle" }
  | { phase: "checking" }
  | { phase: "confirming"; breaks: RuleBreakView[] }
  | { phase: "blocked"; breaks: RuleBreakView[] }
  | { phase: "saving"; breaks: RuleBreakView[]; accepted: RuleBreak[] }
  | { phase: "done" }
  | { phase: "failed"; error: AppError; breaks: RuleBreakView[] };

export type RuleFlowEvent =
  | { type: "check" }
  | { type: "checked"; breaks: RuleBreakView[] }
  | { type: "accept" }
  | { type: "saved" }
  | { type: "failed"; error: AppError }
  | { type: "reset" };

export const initialRuleFlow: RuleFlowState = { phase: "idle" };

export function ruleFlow(state: RuleFlowState, event: RuleFlowEvent): RuleFlowState {
  switch (event.type) {
    case "reset":
      return initialRuleFlow;
    case "check":
      return state.phase === "checking" || state.phase === "saving" ? state : { phase: "checking" };
    case "checked":
      if (state.phase !== "checking") return state;
      if (event.breaks.some((b) => !canBeAccepted(b.rule))) return { phase: "blocked", breaks: event.breaks };
      if (event.breaks.length > 0) return { phase: "confirming", breaks: event.breaks };
      return { phase: "saving", breaks: [], accepted: [] };
    case "accept":
      if (state.phase !== "confirming") return state;
      return { phase: "saving", breaks: state.breaks, accepted: state.breaks.map((b) => b.rule) };
    case "saved":
      return state.phase === "saving" ? { phase: "done" } : state;
    case "failed":
      return { phase: "failed", error: event.error, breaks: "breaks" in state ? state.breaks : [] };
  }
}

/** Whether the flow is waiting for an answer from the back end. */
export function isBusy(state: RuleFlowState): boolean {
  return state.phase === "checking" || state.phase === "saving";
}
