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
