import { t } from "../../i18n";
/** Short names for the rules an interview was booked past, as the lists show them. */
const names: Record<string, () => string> = {
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

/** "minimum notice, daily limit" for `too_soon,daily_cap`; unknown keys are shown as they are. */
export function describeOverrides(overrides: string): string[] {
  return overrides
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key !== "")
    .map((key) => names[key]?.() ?? key.replace(/_/g, " "));
}
