import type { SyncProgress, SyncReport } from "../bindings/types";
import { t, tPlural } from "../i18n";

/** What a running Sync is doing, in a few words for the progress line. */
export function describeProgress(progress: SyncProgress): string {
  switch (progress.phase) {
    case "connecting":
      return t("sync.progress.connecting");
    case "sending":
      if (progress.total === 0) return t("sync.progress.nothingToSend");
      // `done` counts the messages already out, so the one on its way is done + 1.
      return progress.done < progress.total
        ? t("sync.progress.sending", { number: progress.done + 1, total: progress.total })
        : t("sync.progress.sent", { total: progress.total });
    case "reading":
      if (progress.total === 0) return t("sync.progress.checking");
      return progress.done < progress.total
        ? t("sync.progress.reading", { number: progress.done + 1, total: progress.total })
        : t("sync.progress.read", { total: progress.total });
    case "finished":
      return t("sync.progress.finishing");
  }
}

/** One short line for the sidebar: what the last Sync did, the notable counts only. */
export function shortSummary(report: SyncReport): string {
  const parts: string[] = [];
  parts.push(report.sent === 0 ? t("sync.short.nothingSent") : t("sync.short.sent", { count: report.sent }));
  parts.push(report.read === 0 ? t("sync.short.noNewMail") : t("sync.short.read", { count: report.read }));
  if (report.applied > 0) parts.push(t("sync.short.applied", { count: report.applied }));
  if (report.needsAttention > 0) parts.push(t("sync.short.needYou", { count: report.needsAttention }));
  if (report.failed > 0) parts.push(t("sync.short.failed", { count: report.failed }));
  if (report.deferred > 0) parts.push(t("sync.short.postponed", { count: report.deferred }));
  if (report.unclear > 0) parts.push(t("sync.short.unclear", { count: report.unclear }));
  if (report.calendarsRead + report.calendarWritten + report.calendarRemoved > 0) {
    parts.push(
      t("sync.short.calendars", {
        read: report.calendarsRead,
        written: report.calendarWritten + report.calendarRemoved,
      }),
    );
  }
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type SummaryFact = { key: keyof SyncReport; label: string; value: number; tone: "plain" | "good" | "warn" };

/** The counts of a Sync as label and number, in the order a researcher reads them. */
export function summaryFacts(report: SyncReport): SummaryFact[] {
  return [...mailFacts(report), ...calendarFacts(report)];
}

/** What Sync read from and wrote to the calendar account; nothing when none is connected. */
function calendarFacts(report: SyncReport): SummaryFact[] {
  if (report.calendarsRead + report.calendarWritten + report.calendarRemoved === 0) return [];
  return [
    { key: "calendarsRead", label: tPlural("sync.fact.calendarsRead", report.calendarsRead), value: report.calendarsRead, tone: "plain" },
    { key: "calendarWritten", label: tPlural("sync.fact.calendarWritten", report.calendarWritten), value: report.calendarWritten, tone: "plain" },
    { key: "calendarRemoved", label: tPlural("sync.fact.calendarRemoved", report.calendarRemoved), value: report.calendarRemoved, tone: "plain" },
  ];
}

function mailFacts(report: SyncReport): SummaryFact[] {
  return [
    { key: "sent", label: tPlural("sync.fact.sent", report.sent), value: report.sent, tone: "plain" },
    { key: "read", label: tPlural("sync.fact.read", report.read), value: report.read, tone: "plain" },
    {
      key: "applied",
      label: tPlural("sync.fact.applied", report.applied),
      value: report.applied,
      tone: report.applied > 0 ? "good" : "plain",
    },
    {
      key: "needsAttention",
      label: tPlural("sync.fact.needsAttention", report.needsAttention),
      value: report.needsAttention,
      tone: report.needsAttention > 0 ? "warn" : "plain",
    },
    {
      key: "failed",
      label: tPlural("sync.fact.failed", report.failed),
      value: report.failed,
      tone: report.failed > 0 ? "warn" : "plain",
    },
    {
      key: "deferred",
      label: tPlural("sync.fact.deferred", report.deferred),
      value: report.deferred,
      tone: report.deferred > 0 ? "warn" : "plain",
    },
    {
      key: "unclear",
      label: tPlural("sync.fact.unclear", report.unclear),
      value: report.unclear,
      tone: report.unclear > 0 ? "warn" : "plain",
    },
  ];
}

/** Advice for the counts that need the researcher to do something. */
export function followUps(report: SyncReport): string[] {
  const lines: string[] = [];
  if (report.needsAttention > 0) {
    lines.push(t("sync.followUp.needsAttention"));
  }
  if (report.failed > 0) {
    lines.push(t("sync.followUp.failed"));
  }
  if (report.deferred > 0) {
    lines.push(t("sync.followUp.deferred"));
  }
  if (report.unclear > 0) {
    lines.push(t("sync.followUp.unclear"));
  }
  return lines;
}
