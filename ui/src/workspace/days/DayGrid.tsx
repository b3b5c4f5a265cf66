import { useEffect, useRef, type KeyboardEvent } from "react";
import type { DaySlot } from "../../bindings/types";
import { formatClockRange } from "../../time/format";
import { cityOf, clocksDiffer } from "../../time/zonedTime";
import { applicantAt, hostOf, slotKey, type DayGrid as Grid, type GridColumn } from "./dayGrid";
import { GridApplicantButton } from "./GridApplicantButton";
import { OpenSeatButton } from "./OpenSeatButton";
import type { PlaceTarget } from "./placement";
import { sameTarget, useCellDrag, type DropTarget } from "./useCellDrag";
import { t } from "../../i18n";

type Props = {
  grid: Grid;
  conflicts: Map<string, string[]>;
  held: DaySlot | null;
  /** The two cells of the last swap, marked for a moment so the eye finds them. */
  swapped: DaySlot[];
  busy: boolean;
  /** The researcher's zone (times shown first) and the study's (the day's own wall clock). */
  zone: string;
  dayZone: string;
  onChoose: (slot: DaySlot) => void;
  /** An open seat or a round's Sitting out cell chosen by click or keyboard. */
  onPlace: (target: PlaceTarget) => void;
  onDrop: (from: DaySlot, to: DropTarget) => void;
  onClearSelection: () => void;
};

export function DayGrid(props: Props) {
  const { grid, conflicts, held, busy } = props;
  const drag = useCellDrag(props.onDrop);
  const isHeld = (slot: DaySlot) => held !== null && slotKey(held) === slotKey(slot);
  const isSwapped = (slot: DaySlot) => props.swapped.some((s) => slotKey(s) === slotKey(slot));
  const same = (a: DaySlot | null, b: DaySlot) => a !== null && slotKey(a) === slotKey(b);
  const over = (target: DropTarget) => drag.dragging !== null && sameTarget(drag.over, target);
  // The applicant on the move, dragged or held: open seats and Sitting out of their round offer themselves.
  const moving = drag.dragging ?? held;
  const movingName = moving ? (applicantAt(grid, moving)?.name ?? null) : null;
  const movingSeated = moving !== null && hostOf(grid, moving) !== null;

  // An Open cell or a "Sit … out" button chosen by keyboard is gone once the change is saved:
  // focus moves to the applicant in their new place instead of falling back to the page.
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const [first] = props.swapped;
    if (!first || (document.activeElement && document.activeElement !== document.body)) return;
    table.current?.querySelector<HTMLElement>(`[data-slot-applicant="${first.applicantId}"][data-slot-round="${first.round}"]`)?.focus();
  }, [props.swapped]);

  function choose(slot: DaySlot) {
    if (drag.wasDrag()) return;
    props.onChoose(slot);
  }

  function place(target: PlaceTarget) {
    if (drag.wasDrag()) return;
    props.onPlace(target);
  }

  const button = (who: { applicantId: number; name: string; round: number }, col: number, row: number, variant: "cell" | "break") => (
    <GridApplicantButton
      key={`${who.applicantId}-${who.round}`}
      who={who}
      col={col}
      row={row}
      variant={variant}
      held={isHeld(who)}
      dragSource={same(drag.dragging, who)}
      dropTarget={over({ kind: "applicant", slot: who }) && !same(drag.dragging, who)}
      swapped={isSwapped(who)}
      conflicts={conflicts.get(slotKey(who))}
      disabled={busy}
      onChoose={choose}
      onDragStart={drag.start}
    />
  );

  return (
    <div className="day-grid-scroll">
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the keys come from the cell buttons inside, handled once for the whole grid */}
      <table
        ref={table}
        className={drag.dragging ? "day-grid is-dragging" : "day-grid"}
        data-testid="day-grid"
        onKeyDown={(event) => moveFocus(event, props.onClearSelection)}
      >
        <thead>
          <tr>
            <th scope="col" className="day-grid-corner">
              {t("days.grid.interviewer")}
            </th>
            {grid.columns.map((column) => (
              <ColumnHeader key={columnKey(column)} column={column} zone={props.zone} dayZone={props.dayZone} />
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, rowIndex) => {
            let roundIndex = 0;
            return (
              <tr key={row.interviewerId} data-testid="day-grid-row">
                <th scope="row" className="day-grid-interviewer">
                  {row.name}
                </th>
                {grid.columns.map((column) => {
                  if (column.kind === "block") return <td key={columnKey(column)} className="day-grid-block" aria-hidden="true" />;
                  const cell = row.cells[roundIndex++];
                  if (!cell) return <td key={columnKey(column)} />;
                  const seat = { kind: "seat", round: cell.round, interviewerId: row.interviewerId } as const;
                  return (
                    <td
                      key={columnKey(column)}
                      className={`day-grid-cell is-${cell.kind}${cell.kind === "meets" && cell.applicants.length > 1 ? " is-double" : ""}`}
                      data-interviewer={row.interviewerId}
                      data-round={cell.round}
                      data-open-interviewer={cell.kind === "free" ? row.interviewerId : undefined}
                      data-open-round={cell.kind === "free" ? cell.round : undefined}
                    >
                      {cell.kind === "meets" && cell.applicants.map((who) => button(who, cell.round, rowIndex, "cell"))}
                      {cell.kind === "free" && (
                        <OpenSeatButton
                          interviewer={row.name}
                          round={cell.round}
                          col={cell.round}
                          row={rowIndex}
                          placing={moving?.round === cell.round ? movingName : null}
                          dropTarget={over(seat)}
                          disabled={busy}
                          onChoose={() => place(seat)}
                        />
                      )}
                      {cell.kind === "unavailable" && <span className="day-grid-note">{t("days.grid.unavailable")}</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <tr className="day-grid-breaks" data-testid="day-grid-breaks">
            <th scope="row" className="day-grid-interviewer">
              {t("days.grid.sittingOut")}
            </th>
            {grid.columns.map((column) => {
              if (column.kind === "block") return <td key={columnKey(column)} className="day-grid-block" aria-hidden="true" />;
              const waiting = grid.breaks[column.round - 1] ?? [];
              const breaks = { kind: "breaks", round: column.round } as const;
              // A seated applicant of this round can be taken out of it: by Enter on "Sit … out", or by dropping here.
              const offered = movingSeated && moving?.round === column.round ? movingName : null;
              const classes = ["day-grid-cell is-breaks", offered !== null && "is-ready", over(breaks) && "is-drop-target"];
              return (
                <td
                  key={columnKey(column)}
                  className={classes.filter(Boolean).join(" ")}
                  data-round={column.round}
                  data-breaks-round={column.round}
                  data-testid="day-breaks-cell"
                >
                  {waiting.length === 0 && offered === null && <span className="day-grid-note">{t("days.grid.nobody")}</span>}
                  {waiting.map((who) => button(who, column.round, grid.rows.length, "break"))}
                  {offered !== null &&
                    (drag.dragging === null ? (
                      <button
                        type="button"
                        className="day-sit-out"
                        data-testid="day-sit-out"
                        data-col={column.round}
                        data-row={grid.rows.length}
                        disabled={busy}
                        onClick={() => place(breaks)}
                      >
                        {t("days.grid.sitOut", { name: offered })}
                      </button>
                    ) : (
                      <span className="day-sit-out-hint">{t("days.grid.dropToSitOut", { name: offered })}</span>
                    ))}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function columnKey(column: GridColumn): string {
  return column.kind === "round" ? `round-${column.round}` : `block-${column.times.label}-${column.times.start}`;
}

function ColumnHeader({ column, zone, dayZone }: { column: GridColumn; zone: string; dayZone: string }) {
  const { times } = column;
  const range = formatClockRange(times.start, times.end, zone);
  const other = clocksDiffer(times.start, zone, dayZone) ? `${formatClockRange(times.start, times.end, dayZone)} ${cityOf(dayZone)}` : null;
  if (column.kind === "block") {
    return (
      <th scope="col" className="day-grid-block day-grid-block-head" data-testid="day-grid-block">
        <span className="day-grid-block-label">{times.label}</span>
        <span className="day-grid-time">{range}</span>
      </th>
    );
  }
  return (
    <th scope="col" className="day-grid-round" data-testid="day-grid-round">
      <span className="day-grid-round-label">{t("days.round", { round: column.round })}</span>
      <span className="day-grid-time">{range}</span>
      {other && <span className="day-grid-time-other">{other}</span>}
    </th>
  );
}

/** Arrow keys move between cells like a spreadsheet; Escape lets go of a held cell. */
function moveFocus(event: KeyboardEvent<HTMLTableElement>, onClear: () => void) {
  if (event.key === "Escape") {
    onClear();
    return;
  }
  const deltas: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const delta = deltas[event.key];
  const from = event.target as HTMLElement;
  if (!delta || from.dataset.col === undefined) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button[data-col]")];
  const col = Number(from.dataset.col);
  const row = Number(from.dataset.row);
  const [dc, dr] = delta;
  // The nearest cell in the direction pressed: same row for left/right, same round for up/down.
  const candidates = buttons
    .filter((b) => {
      const c = Number(b.dataset.col);
      const r = Number(b.dataset.row);
      return dc !== 0 ? r === row && Math.sign(c - col) === dc : c === col && Math.sign(r - row) === dr;
    })
    .sort((a, b) => {
      const da = dc !== 0 ? Math.abs(Number(a.dataset.col) - col) : Math.abs(Number(a.dataset.row) - row);
      const db = dc !== 0 ? Math.abs(Number(b.dataset.col) - col) : Math.abs(Number(b.dataset.row) - row);
      return da - db;
    });
  const next = candidates[0];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
