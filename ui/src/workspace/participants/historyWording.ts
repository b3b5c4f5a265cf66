import type { HistoryEntry, StatusOption } from "../../bindings/types";

/** Newest first, and in the order written when two share a second. */
export function newestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
}

/** Who made the change, as the researcher reads it. */
export function actorOf(entry: HistoryEntry): string {
  switch (entry.actorKind) {
    case "researcher":
      return entry.actor === "" ? "You" : entry.actor;
    case "participant":
      return entry.actor === "" ? "The participant" : `${entry.actor} (by email)`;
    case "calendar":
      return entry.actor === "" ? "A calendar reply" : `${entry.actor} (calendar reply)`;
    case "system":
      return "Confab";
    default:
      return entry.actor === "" ? entry.actorKind : entry.actor;
  }
}

/** What happened: the log's action words, read as a sentence start. */
export function actionOf(entry: HistoryEntry): string {
  if (entry.action === "status") return "Status changed";
  const words = entry.action.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Some entries name a status by its key ("added"), others by its label: show the label. */
export function valueLabel(value: string, statuses: StatusOption[]): string {
  return statuses.find((status) => status.key === value)?.label ?? value;
}
