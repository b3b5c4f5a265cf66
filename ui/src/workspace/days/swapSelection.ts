import type { DaySlot } from "../../bindings/types";

/** What choosing a cell does while swapping by keyboard or by click. */
export type SelectionStep =
  | { kind: "selected"; slot: DaySlot }
  | { kind: "cleared" }
  | { kind: "swap"; a: DaySlot; b: DaySlot };

/**
 * The first cell chosen is held; choosing it again lets go; choosing a cell of the same round
 * swaps the two. A cell of another round is held instead, as trading across rounds would move
 * meetings to other interviewers' rows rather than exchange the two cells the researcher sees.
 */
export function chooseCell(held: DaySlot | null, chosen: DaySlot): SelectionStep {
  if (held === null) return { kind: "selected", slot: chosen };
  if (held.applicantId === chosen.applicantId && held.round === chosen.round) return { kind: "cleared" };
  if (held.round !== chosen.round) return { kind: "selected", slot: chosen };
  return { kind: "swap", a: held, b: chosen };
}
