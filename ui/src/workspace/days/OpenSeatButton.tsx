import { t } from "../../i18n";
type Props = {
  interviewer: string;
  round: number;
  col: number;
  row: number;
  /** The applicant of this round being moved (held or dragged): the seat offers itself to them. */
  placing: string | null;
  dropTarget: boolean;
  disabled: boolean;
  onChoose: () => void;
};

/** An interviewer free in a round: an open seat an applicant of that round can be placed into. */
export function OpenSeatButton({ interviewer, round, col, row, placing, dropTarget, disabled, onChoose }: Props) {
  const classes = ["day-open-seat", placing !== null && "is-ready", dropTarget && "is-drop-target"].filter(Boolean).join(" ");
  return (
    <button
      type="button"
      className={classes}
      data-testid="day-open-seat"
      data-col={col}
      data-row={row}
      aria-label={
        placing !== null
          ? t("days.seat.placeLabel", { interviewer, round, name: placing })
          : t("days.seat.label", { interviewer, round })
      }
      disabled={disabled}
      onClick={onChoose}
    >
      <span className="day-open-seat-label">{t("days.seat.open")}</span>
      {placing !== null && <span className="day-open-seat-action">{t("days.seat.place", { name: placing })}</span>}
    </button>
  );
}
