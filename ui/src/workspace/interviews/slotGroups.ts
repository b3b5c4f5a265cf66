import type { SlotView } from "../../bindings/types";
import { dayIn } from "../../time/zonedTime";

export type SlotDay = { day: string; slots: SlotView[] };

/**
 * Slots grouped by the day they fall on in `zone`, days and slots in time order.
 * The day comes from the instant, not from `localStart`, so the grouping holds whatever zone
 * the slots were fetched in, and across a daylight-saving change.
 */
export function groupSlotsByDay(slots: readonly SlotView[], zone: string): SlotDay[] {
  const byDay = new Map<string, SlotView[]>();
  const sorted = [...slots].sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime());
  for (const slot of sorted) {
    const day = dayIn(slot.start, zone);
    const list = byDay.get(day);
    if (list) list.push(slot);
    else byDay.set(day, [slot]);
  }
  return [...byDay.entries()].map(([day, daySlots]) => ({ day, slots: daySlots }));
}

/** A stable key for a slot: its session and start. */
export function slotKey(slot: { sessionId: number; start: string }): string {
  return `${slot.sessionId}@${new Date(slot.start).toISOString()}`;
}
