import type { EnrolmentStatus } from "../../bindings/types";
import type { ParticipantRow } from "./participantRows";
import { t, tPlural } from "../../i18n";

/** Who a status change is for: one participant (with their current status) or several. */
export type StatusTargets = Pick<ParticipantRow, "id" | "name" | "status" | "statusLabel">[];

/**
 * The question the confirmation asks, naming the change:
 * "Change Ada Park from Invited to Completed?" or "Set 12 participants to Completed?".
 */
export function statusChangeQuestion(targets: StatusTargets, toLabel: string): string {
  if (targets.length === 1) {
    const [only] = targets as [StatusTargets[number]];
    return t("participants.statusChange.questionOne", { name: only.name, from: only.statusLabel, to: toLabel });
  }
  return tPlural("participants.statusChange.questionMany", targets.length, {
    count: targets.length.toLocaleString(),
    to: toLabel,
  });
}

/** Participants who already have the chosen status: setting it again changes nothing for them. */
export function alreadyInStatus(targets: StatusTargets, status: EnrolmentStatus): StatusTargets {
  return targets.filter((target) => target.status === status);
}


/**
 * What the change does beyond the label, said before the researcher confirms it: a status
 * that ends a scheduled interview ends it (the back end does so in the same step), and
 * "Interview Scheduled" needs an interview to be booked first.
 */
export function statusConsequence(targets: StatusTargets, toKey: EnrolmentStatus): string | null {
  const withInterview = targets.filter((target) => target.status === "interview_scheduled");
  if (toKey === "interview_scheduled") {
    const without = targets.filter((target) => target.status !== "interview_scheduled");
    if (without.length === 0) return null;
    return t("participants.statusChange.needsBooking");
  }
  if (withInterview.length === 0) return null;
  const one = targets.length === 1;
  const count = withInterview.length;
  const params = { count: count.toLocaleString() };
  if (toKey === "no_show") {
    return one ? t("participants.statusChange.noShowOne") : tPlural("participants.statusChange.noShowMany", count, params);
  }
  if (toKey === "completed") {
    return one
      ? t("participants.statusChange.completedOne")
      : tPlural("participants.statusChange.completedMany", count, params);
  }
  return one
    ? t("participants.statusChange.cancelledOne")
    : tPlural("participants.statusChange.cancelledMany", count, params);
}
