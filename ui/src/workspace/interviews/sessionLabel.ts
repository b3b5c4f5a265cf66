import type { SessionView } from "../../bindings/types";

/** A session as a researcher recognises it: its title, or when it runs in the study's zone. */
export function sessionLabel(session: SessionView, zone: string, locale?: string): string {
  if (session.title.trim() !== "") return session.title;
  const pattern = session.pattern;
  if (pattern.kind === "weekly") {
    // 1 = Monday … 7 = Sunday; 2024-01-01 was a Monday.
    const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, pattern.weekday)),
    );
    return `${weekday}s ${pattern.startTime}–${pattern.endTime}`;
  }
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  });
  return format.formatRange(new Date(pattern.start), new Date(pattern.end));
}
