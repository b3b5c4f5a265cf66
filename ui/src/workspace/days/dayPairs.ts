import type { DayPair, DaySettings } from "../../bindings/types";

export type { DayPair };

export type DayPairs = { conflicts: DayPair[]; mustMeet: DayPair[] };

/** The pairs of saved settings; a schedule saved before pairs existed has none. */
export function pairsOf(settings: DaySettings): DayPairs {
  return { conflicts: settings.conflicts ?? [], mustMeet: settings.mustMeet ?? [] };
}
