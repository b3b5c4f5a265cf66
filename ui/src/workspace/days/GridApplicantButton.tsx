import type { PointerEvent as ReactPointerEvent } from "react";
import type { DaySlot } from "../../bindings/types";
import type { GridApplicant } from "./dayGrid";
import { t } from "../../i18n";

type Props = {
  who: GridApplicant;
  col: number;
  row: number;
  held: boolean;
  dropTarget: boolean;
  dragSource: boolean;
  swapped: boolean;
  conflicts: string[] | undefined;
  disabled: boolean;
  onChoose: (slot: DaySlot) => void;
  onDragStart: (event: ReactPointerEvent, slot: DaySlot) => void;
  variant: "cell" | "break";
};

/** One applicant in one round: selectable, draggable, and marked when it breaks a rule. */
export function GridApplicantButton(props: Props) {
  const { who, held, conflicts, variant } = props;
  const slot = { applicantId: who.applicantId, round: who.round };
  const classes = [
    variant === "cell" ? "day-applicant" : "day-break-chip",
    held && "is-held",
    props.dropTarget && "is-drop-target",
    props.dragSource && "is-drag-source",
    props.swapped && "is-swapped",
    conflicts && "has-conflict",
  ]
    .filter(Boolean)
    .join(" ");
  const conflictId = conflicts ? `conflict-${who.applicantId}-${who.round}` : undefined;
  return (
    <button
      type="button"
      className={classes}
      data-testid={variant === "cell" ? "day-cell" : "day-break"}
      data-slot-applicant={who.applicantId}
      data-slot-round={who.round}
      data-col={props.col}
      data-row={props.row}
      data-conflict={conflicts ? "true" : undefined}
      aria-pressed={held}
      aria-describedby={conflictId}
      aria-label={
        variant === "break"
          ? t("days.applicant.sittingOutLabel", { name: who.name, round: who.round })
          : t("days.applicant.label", { name: who.name, round: who.round })
      }
      disabled={props.disabled}
      onClick={() => props.onChoose(slot)}
      onPointerDown={(event) => props.onDragStart(event, slot)}
      title={conflicts?.join("\n")}
    >
      <span className="day-applicant-name">{who.name}</span>
      {conflicts && variant === "cell" && (
        <span className="day-conflict-text" id={conflictId} data-testid="day-cell-conflict">
          {conflicts[0]}
        </span>
      )}
      {conflicts && variant === "break" && (
        <span className="visually-hidden" id={conflictId}>
          {conflicts.join(" ")}
        </span>
      )}
    </button>
  );
}
