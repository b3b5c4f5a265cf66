import type { StatusOption } from "../../bindings/types";
import { ALL_STATUSES } from "./participantRows";
import { t } from "../../i18n";

type Props = {
  /** The search text as typed. */
  text: string;
  status: string;
  statuses: StatusOption[];
  /** Clears the search and the status filter. */
  onShowAll: () => void;
};

/** The list when no participant matches the search and the filter, with a way to show all. */
export function NoMatches({ text, status, statuses, onShowAll }: Props) {
  return (
    <div className="empty-state" data-testid="participants-no-matches">
      <p className="empty-state-title">{noMatchTitle(text.trim(), status, statuses)}</p>
      <p className="empty-state-hint">{t("participants.noMatch.hint")}</p>
      <div className="empty-state-actions">
        <button
          type="button"
          className="button button-secondary"
          data-testid="clear-filters"
          onClick={onShowAll}
        >
          {t("participants.noMatch.showAll")}
        </button>
      </div>
    </div>
  );
}

/** Why the list is empty: what was searched for, in which status. */
function noMatchTitle(text: string, status: string, statuses: StatusOption[]): string {
  if (status === ALL_STATUSES) {
    return text === "" ? t("participants.noMatch.plain") : t("participants.noMatch.text", { text });
  }
  const label = statuses.find((option) => option.key === status)?.label ?? status;
  return text === ""
    ? t("participants.noMatch.status", { status: label })
    : t("participants.noMatch.textAndStatus", { text, status: label });
}
