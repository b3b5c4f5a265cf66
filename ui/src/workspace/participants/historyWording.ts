import type { HistoryEntry, StatusOption } from "../../bindings/types";
import { t } from "../../i18n";

/** Newest first, and in the order written when two share a second. */
export function newestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
}

/** Who made the change, as the researcher reads it. */
export function actorOf(entry: HistoryEntry): string {
  switch (entry.actorKind) {
    case "researcher":
      return entry.actor === "" ? t("participants.history.actor.you") : entry.actor;
    case "participant":
      return entry.actor === ""
        ? t("participants.history.actor.participant")
        : t("participants.history.actor.byEmail", { actor: entry.actor });
    case "calendar":
      return entry.actor === ""
        ? t("participants.history.actor.calendar")
        : t("participants.history.actor.byCalendar", { actor: entry.actor });
    case "system":
      return t("participants.history.actor.system");
  }
}

/** What happened: the log's action words, read as a sentence start. */
export function actionOf(entry: HistoryEntry): string {
  if (entry.action === "status") return t("participants.history.action.status");
  const words = entry.action.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Some entries name a status by its key ("added"), others by its label: show the label. */
export function valueLabel(value: string, statuses: StatusOption[]): string {
  return statuses.find((status) => status.key === value)?.label ?? value;
}
