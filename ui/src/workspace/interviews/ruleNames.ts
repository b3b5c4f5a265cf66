/** Short names for the rules an interview was booked past, as the lists show them. */
const names: Record<string, string> = {
  too_soon: "minimum notice",
  beyond_horizon: "booking horizon",
  daily_cap: "daily limit",
  weekly_cap: "weekly limit",
  interviewers_busy: "interviewers busy",
  buffer_conflict: "buffer time",
  in_the_past: "in the past",
  not_a_slot_start: "outside the slot times",
  hidden_session: "hidden session",
  unknown_session: "unknown session",
  full: "no place left",
};

/** "minimum notice, daily limit" for `too_soon,daily_cap`; unknown keys are shown as they are. */
export function describeOverrides(overrides: string): string[] {
  return overrides
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key !== "")
    .map((key) => names[key] ?? key.replace(/_/g, " "));
}
