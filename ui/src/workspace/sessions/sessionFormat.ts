import type { SessionView } from "../../bindings/types";
import { formatDayKeyShort, weekdayNames } from "../../time/format";
import { t } from "../../i18n";

/** "Every Monday, 09:00–12:00, from Mon, 2 Mar 2026" — a weekly session in words. */
export function describeWeekly(session: SessionView, locale?: string): string {
  const p = session.pattern;
  if (p.kind !== "weekly") return "";
  const words = {
    day: String(weekdayNames(locale)[p.weekday - 1]),
    start: p.startTime,
    end: p.endTime,
    from: formatDayKeyShort(p.validFrom, locale),
  };
  return p.validUntil
    ? t("sessions.weekly.fromUntil", { ...words, until: formatDayKeyShort(p.validUntil, locale) })
    : t("sessions.weekly.from", words);
}
