import { t } from "../../i18n";

type Props = {
  /** How many participants are selected. */
  count: number;
  /** How many of them the search or the filter hides. */
  hidden: number;
  onInvite: () => void;
  onStatus: () => void;
  onClear: () => void;
};

/** What can be done with the selected participants: invite them, set their status, or clear. */
export function SelectionBar({ count, hidden, onInvite, onStatus, onClear }: Props) {
  return (
    <div className="selection-bar" data-testid="selection-bar" aria-label={t("participants.selection.label")}>
      <span className="selection-count" data-testid="selection-count">
        {t("participants.selection.count", { count: count.toLocaleString() })}
        {hidden > 0 && (
          <span className="selection-hidden">
            {" "}
            {t("participants.selection.hidden", { count: hidden.toLocaleString() })}
          </span>
        )}
      </span>
      <button
        type="button"
        className="button button-secondary"
        data-testid="bulk-invite"
        onClick={onInvite}
      >
        {t("participants.selection.invite")}
      </button>
      <button
        type="button"
        className="button button-secondary"
        data-testid="bulk-status"
        onClick={onStatus}
      >
        {t("participants.selection.status")}
      </button>
      <button
        type="button"
        className="button button-quiet"
        data-testid="clear-selection"
        onClick={onClear}
      >
        {t("participants.selection.clear")}
      </button>
    </div>
  );
}
