import type { SyncProgress, SyncReport } from "../bindings/types";

/** What a running Sync is doing, in a few words for the progress line. */
export function describeProgress(progress: SyncProgress): string {
  switch (progress.phase) {
    case "connecting":
      return "Connecting…";
    case "sending":
      if (progress.total === 0) return "Nothing waiting to send";
      // `done` counts the messages already out, so the one on its way is done + 1.
      return progress.done < progress.total
        ? `Sending ${progress.done + 1} of ${progress.total}`
        : `Sent ${progress.total} of ${progress.total}`;
    case "reading":
      if (progress.total === 0) return "Checking for replies…";
      return progress.done < progress.total
        ? `Reading ${progress.done + 1} of ${progress.total}`
        : `Read ${progress.total} of ${progress.total}`;
    case "finished":
      return "Finishing…";
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One short line for the sidebar: what the last Sync did, the notable counts only. */
export function shortSummary(report: SyncReport): string {
  const parts: string[] = [];
  parts.push(report.sent === 0 ? "nothing sent" : `${report.sent} sent`);
  parts.push(report.read === 0 ? "no new mail" : `${report.read} read`);
  if (report.applied > 0) parts.push(`${report.applied} applied`);
  if (report.needsAttention > 0) parts.push(`${report.needsAttention} need you`);
  if (report.failed > 0) parts.push(`${report.failed} failed`);
  if (report.deferred > 0) parts.push(`${report.deferred} postponed`);
  if (report.unclear > 0) parts.push(`${report.unclear} unclear`);
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type SummaryFact = { key: keyof SyncReport; label: string; value: number; tone: "plain" | "good" | "warn" };

/** The counts of a Sync as label and number, in the order a researcher reads them. */
export function summaryFacts(report: SyncReport): SummaryFact[] {
  return [
    { key: "sent", label: count(report.sent, "message sent", "messages sent"), value: report.sent, tone: "plain" },
    { key: "read", label: count(report.read, "message read", "messages read"), value: report.read, tone: "plain" },
    {
      key: "applied",
      label: count(report.applied, "reply applied", "replies applied"),
      value: report.applied,
      tone: report.applied > 0 ? "good" : "plain",
    },
    {
      key: "needsAttention",
      label: count(report.needsAttention, "item needs you", "items need you"),
      value: report.needsAttention,
      tone: report.needsAttention > 0 ? "warn" : "plain",
    },
    {
      key: "failed",
      label: count(report.failed, "message refused", "messages refused"),
      value: report.failed,
      tone: report.failed > 0 ? "warn" : "plain",
    },
    {
      key: "deferred",
      label: count(report.deferred, "message postponed", "messages postponed"),
      value: report.deferred,
      tone: report.deferred > 0 ? "warn" : "plain",
    },
    {
      key: "unclear",
      label: count(report.unclear, "message may have gone out", "messages may have gone out"),
      value: report.unclear,
      tone: report.unclear > 0 ? "warn" : "plain",
    },
  ];
}

/** Advice for the counts that need the researcher to do something. */
export function followUps(report: SyncReport): string[] {
  const lines: string[] = [];
  if (report.needsAttention > 0) {
    lines.push("Open the Outbox to see what needs you: counter-proposals and replies Confab could not apply.");
  }
  if (report.failed > 0) {
    lines.push("Refused messages stay in the Outbox under Failed with the server's reason; correct them and choose Send again.");
  }
  if (report.deferred > 0) {
    lines.push("Postponed messages go out by themselves at a later Sync.");
  }
  if (report.unclear > 0) {
    lines.push(
      "The connection broke just after some messages were handed to your mail server. Confab looks for your copy of each at every Sync and sends one again only if no copy turns up within 24 hours, so nobody gets it twice.",
    );
  }
  return lines;
}
