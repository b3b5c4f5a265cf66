import type { SessionView } from "../../bindings/types";
import { formatWhenRange, weekdayNames } from "../../time/format";
import { t } from "../../i18n";

/** A session as a researcher recognises it: its title, or when it runs in the study's zone. */
export function sessionLabel(session: SessionView, zone: string, locale?: string): string {
  if (session.title.trim() !== "") return session.title;
  const pattern = session.pattern;
  if (pattern.kind === "weekly") {
    const day = String(weekdayNames(locale)[pattern.weekday - 1]);
    return t("interviews.session.weekly", { day, start: pattern.startTime, end: pattern.endTime });
  }
  return formatWhenRange(pattern.start, pattern.end, zone, locale);
}
