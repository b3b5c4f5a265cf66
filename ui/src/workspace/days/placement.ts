import type { DayScheduleView, DaySlot } from "../../bindings/types";
import { hostOf, type DayGrid } from "./dayGrid";
import { t, tPlural } from "../../i18n";

/** Somewhere an applicant can be put within their round other than onto another applicant. */
export type PlaceTarget =
  | { kind: "seat"; round: number; interviewerId: number }
  | { kind: "breaks"; round: number };

/** What choosing (or dropping onto) an open seat or the Sitting out row does. */
export type PlaceStep =
  | { kind: "place"; slot: DaySlot; interviewerId: number | null }
  | { kind: "select-first"; round: number }
  | { kind: "other-round"; slot: DaySlot; round: number }
  | { kind: "already-out"; slot: DaySlot };

/**
 * An applicant is placed only within their own round: moving a meeting to another round would
 * shift the times in their itinerary, which is what regenerating is for, not a hand edit.
 */
export function placeStep(from: DaySlot | null, to: PlaceTarget, grid: DayGrid): PlaceStep {
  if (from === null) return { kind: "select-first", round: to.round };
  if (from.round !== to.round) return { kind: "other-round", slot: from, round: to.round };
  if (to.kind === "breaks") {
    return hostOf(grid, from) === null ? { kind: "already-out", slot: from } : { kind: "place", slot: from, interviewerId: null };
  }
  return { kind: "place", slot: from, interviewerId: to.interviewerId };
}

export type OpenSeat = { round: number; interviewerId: number; interviewer: string };

/** Who could fill open seats next, and which, without breaking a rule. */
export type Suggestion = { applicantId: number; name: string; seats: OpenSeat[] };

/**
 * Of those who could take an open seat, the one with the fewest interviews so far (after a
 * cancellation, the newcomer from the waitlist), then the one who could take the most.
 */
export function nextPlacement(view: DayScheduleView, grid: DayGrid): Suggestion | null {
  let best: { suggestion: Suggestion; meetings: number; rounds: number } | null = null;
  for (const itinerary of view.itineraries) {
    const met = new Set(itinerary.seats.map((s) => s.interviewerId).filter((id): id is number => id !== null));
    const barred = new Set(view.settings.conflicts.filter((c) => c.applicantId === itinerary.applicantId).map((c) => c.interviewerId));
    const seats: OpenSeat[] = [];
    for (const seat of itinerary.seats) {
      if (seat.interviewerId !== null) continue;
      for (const row of grid.rows) {
        if (row.cells[seat.round - 1]?.kind !== "free" || met.has(row.interviewerId) || barred.has(row.interviewerId)) continue;
        seats.push({ round: seat.round, interviewerId: row.interviewerId, interviewer: row.name });
      }
    }
    const rounds = new Set(seats.map((s) => s.round)).size;
    if (rounds === 0) continue;
    const meetings = itinerary.seats.length - itinerary.seats.filter((s) => s.interviewerId === null).length;
    if (best === null || meetings < best.meetings || (meetings === best.meetings && rounds > best.rounds)) {
      best = { suggestion: { applicantId: itinerary.applicantId, name: itinerary.name, seats }, meetings, rounds };
    }
  }
  return best?.suggestion ?? null;
}

/** "round 1 with Dr Jon or Dr Kim and round 3 with Dr Iris": one seat per round at most can be taken. */
export function describeSeats(seats: readonly OpenSeat[]): string {
  const byRound = new Map<number, string[]>();
  for (const seat of seats) byRound.set(seat.round, [...(byRound.get(seat.round) ?? []), seat.interviewer]);
  const parts = [...byRound]
    .sort(([a], [b]) => a - b)
    .map(([round, names]) => t("days.seats.round", { round, interviewers: listed(names, "or") }));
  return listed(parts, "and");
}

function listed(items: readonly string[], last: "and" | "or"): string {
  if (items.length <= 1) return items[0] ?? "";
  const words = { items: items.slice(0, -1).join(", "), last: items[items.length - 1] ?? "" };
  return last === "and" ? t("days.seats.and", words) : t("days.seats.or", words);
}

/** What the researcher hears and reads after a place: where the applicant went and who is free now. */
export function placedText(name: string, round: number, to: string | null, from: string | null, conflicts: number): string {
  const moved =
    to === null
      ? t("days.announce.sitsOut", { name, round })
      : t("days.announce.meets", { name, interviewer: to, round });
  const freed = from !== null && from !== to ? t("days.announce.freed", { name: from, round }) : null;
  return [moved, freed, brokenRulesText(conflicts, "change")].filter((part) => part !== null).join(" ");
}

export function brokenRulesText(conflicts: number, edit: "swap" | "change"): string {
  if (conflicts === 0) return t("days.broken.none");
  return edit === "swap" ? tPlural("days.broken.swap", conflicts) : tPlural("days.broken.change", conflicts);
}
