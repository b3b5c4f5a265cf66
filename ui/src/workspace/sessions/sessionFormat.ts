import type { SessionView } from "../../bindings/types";
import { formatDayKeyShort, weekdayNames } from "../../time/format";

/** "Every Monday, 09:00–12:00, from Mon, 2 Mar 2026" — a weekly session in words. */
export function describeWeekly(session: SessionView, locale?: string): string {
  const p = session.pattern;
  if (p.kind !== "weekly") return "";
  const day = weekdayNames(locale)[p.weekday - 1];
  const until = p.validUntil ? ` until ${formatDayKeyShort(p.validUntil, locale)}` : "";
  return `Every ${day}, ${p.startTime}–${p.endTime}, from ${formatDayKeyShort(p.validFrom, locale)}${until}`;
}
