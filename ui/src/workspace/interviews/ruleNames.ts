import type { RuleBreak } from "../../bindings/types";
import { t } from "../../i18n";

/** Short names for the rules a booking can break, as the lists show them: one for every rule. */
const names: Record<RuleBreak, () => string> = {
  too_soon: () => t("interviews.rule.tooSoon"),
  beyond_horizon: () => t("interviews.rule.beyondHorizon"),
  daily_cap: () => t("interviews.rule.dailyCap"),
  weekly_cap: () => t("interviews.rule.weeklyCap"),
  interviewers_busy: () => t("interviews.rule.interviewersBusy"),
  buffer_conflict: () => t("interviews.rule.bufferConflict"),
  in_the_past: () => t("interviews.rule.inThePast"),
  not_a_slot_start: () => t("interviews.rule.notASlotStart"),
  hidden_session: () => t("interviews.rule.hiddenSession"),
  unknown_session: () => t("interviews.rule.unknownSession"),
  full: () => t("interviews.rule.full"),
};

/** "minimum notice, daily limit" for an interview booked past `too_soon` and `daily_cap`. */
export function describeOverrides(overrides: readonly RuleBreak[]): string[] {
  return overrides.map((key) => names[key]());
}

/**
 * Whether a researcher may book past the rule after seeing it. A full time never: capacity is a
 * promise to those already booked (the back end refuses it too).
 */
export function canBeAccepted(rule: RuleBreak): boolean {
  return rule !== "full";
}
