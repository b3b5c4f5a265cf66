import type { ParticipantRow } from "./participantRows";

/** Who a status change is for: one participant (with their current status) or several. */
export type StatusTargets = Pick<ParticipantRow, "id" | "name" | "status" | "statusLabel">[];

/**
 * The question the confirmation asks, naming the change:
 * "Change Ada Park from Invited to Completed?" or "Set 12 participants to Completed?".
 */
export function statusChangeQuestion(targets: StatusTargets, toLabel: string): string {
  if (targets.length === 1) {
    const [only] = targets as [StatusTargets[number]];
    return `Change ${only.name} from ${only.statusLabel} to ${toLabel}?`;
  }
  return `Set ${countOf(targets.length, "participant")} to ${toLabel}?`;
}

/** Participants who already have the chosen status: setting it again changes nothing for them. */
export function alreadyInStatus(targets: StatusTargets, status: string): StatusTargets {
  return targets.filter((target) => target.status === status);
}

/** "1 participant", "12 participants", with the number in the reader's locale. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? noun : plural}`;
}

/**
 * What the change does beyond the label, said before the researcher confirms it: a status
 * that ends a scheduled interview ends it (the back end does so in the same step), and
 * "Interview Scheduled" needs an interview to be booked first.
 */
export function statusConsequence(targets: StatusTargets, toKey: string): string | null {
  const withInterview = targets.filter((target) => target.status === "interview_scheduled");
  if (toKey === "interview_scheduled") {
    const without = targets.filter((target) => target.status !== "interview_scheduled");
    if (without.length === 0) return null;
    return "Interview Scheduled follows from a booking: book a time for them with Book manually in Interviews instead, and the status changes by itself.";
  }
  if (withInterview.length === 0) return null;
  const whose =
    targets.length === 1 ? "Their scheduled interview" : `The scheduled interviews of ${countOf(withInterview.length, "participant")}`;
  if (toKey === "no_show") return `${whose} will be marked as a no-show.`;
  if (toKey === "completed") return `${whose} will be marked as completed.`;
  return `${whose} will be cancelled with your reason: a cancellation goes to ${
    withInterview.length === 1 ? "them" : "each of them"
  }, and the time is offered to the waiting list.`;
}
