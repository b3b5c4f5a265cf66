import {
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Row,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type ChangeEvent } from "react";
import type { StatusOption } from "../../bindings/types";
import { compareKeys, isShown, type ParticipantRow } from "./participantRows";
import { markFirstRowsPainted, scrollFrameRecorder } from "./participantsPerformance";
import { RowActions, type RowAction } from "./RowActions";
import { useRowVirtualizer, useVirtualRange, type VirtualRows } from "./virtualRows";
import { formatClock, formatDate, formatWhen } from "../../time/format";
import { cityOf } from "../../time/zonedTime";
import { t } from "../../i18n";

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowSelectionFeature,
});
type Features = typeof features;
type TableRow = Row<Features, ParticipantRow>;

const helper = createColumnHelper<Features, ParticipantRow>();
// The accessors return precomputed keys, so a sort of 10,000 rows compares plain strings and numbers.
const byKey = (a: TableRow, b: TableRow, id: string) =>
  compareKeys(a.getValue<string | number>(id), b.getValue<string | number>(id));
const columns = helper.columns([
  helper.display({ id: "select", header: t("participants.column.select"), enableSorting: false }),
  helper.accessor((row) => row.nameKey, { id: "name", header: t("participants.column.name"), sortFn: byKey }),
  helper.accessor((row) => row.emailKey, { id: "email", header: t("participants.column.email"), sortFn: byKey }),
  helper.accessor((row) => row.statusRank, { id: "status", header: t("participants.column.status"), sortFn: byKey }),
  helper.accessor((row) => row.nextInterviewMs, {
    id: "nextInterview",
    header: t("participants.column.nextInterview"),
    sortFn: byKey,
    sortUndefined: "last",
  }),
  helper.accessor((row) => row.timeZone ?? undefined, {
    id: "timeZone",
    header: t("participants.column.timeZone"),
    sortFn: byKey,
    sortUndefined: "last",
  }),
  helper.accessor((row) => row.createdMs, {
    id: "added",
    header: t("participants.column.added"),
    sortFn: byKey,
    sortUndefined: "last",
  }),
  helper.display({ id: "actions", header: t("participants.column.actions"), enableSorting: false }),
]);

export const ROW_HEIGHT = 44;
/**
 * Rows drawn beyond each edge of the view, so that a fast scroll does not show blank space. Five
 * (220 px) is more than a wheel step moves; every one of them is also filled in again on each
 * keystroke of a search, where ten cost 3 ms more to paint than five.
 */
export const OVERSCAN = 5;

const rowHeight = () => ROW_HEIGHT;

const rowId = (row: ParticipantRow) => String(row.id);

type Props = {
  /** Every participant of the study; the table sorts them once per sort order. */
  rows: ParticipantRow[];
  /**
   * Those the search and the status filter let through, marked by their row's position (see
   * `Filtered`), or null when nothing filters.
   */
  shown: Uint8Array | null;
  sorting: SortingState;
  onSortingChange: (updater: Updater<SortingState>) => void;
  selection: RowSelectionState;
  onSelectionChange: (updater: Updater<RowSelectionState>) => void;
  statuses: StatusOption[];
  /** The researcher's zone: times are shown on its clock. */
  timeZone: string;
  onAction: (action: RowAction) => void;
};

export function ParticipantTable({
  rows,
  shown,
  sorting,
  onSortingChange,
  selection,
  onSelectionChange,
  statuses,
  timeZone,
  onAction,
}: Props) {
  // Stable inputs: a new state object or function on each render would make the table rebuild
  // and re-sort all its rows on every render.
  const state = useMemo(() => ({ sorting, rowSelection: selection }), [sorting, selection]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: rowId,
    state,
    onSortingChange,
    onRowSelectionChange: onSelectionChange,
    enableSortingRemoval: true,
  });
  // The table's rows are built and sorted once per list and sort order; a keystroke only picks
  // which of them to show, so rows still in view keep their identity and are not redrawn.
  const sortedRows = table.getRowModel().rows;
  const tableRows = useMemo(
    () => (shown === null ? sortedRows : sortedRows.filter((row) => isShown(shown, row.original))),
    [sortedRows, shown],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  // A new key function would make the virtualizer lay out all 10,000 rows again.
  const getItemKey = useCallback((index: number) => tableRows[index]?.id ?? index, [tableRows]);
  // Scrolling renders only the body, and only when the rows to draw change (see virtualRows.ts):
  // this component renders when the list, the sort, the selection or the filter does.
  const virtualRows = useRowVirtualizer({
    count: tableRows.length,
    getScrollElement,
    estimateSize: rowHeight,
    overscan: OVERSCAN,
    getItemKey,
    // jsdom has no layout; a window-sized guess lets tests see rows too.
    initialRect: { width: 1000, height: 600 },
  });
  const recordScrollFrame = useMemo(() => scrollFrameRecorder(), []);

  useEffect(() => {
    if (tableRows.length > 0) markFirstRowsPainted();
  }, [tableRows.length]);

  // Shift-click ranges run over the rows on screen, never over those the search hides.
  const anchor = useRef<string | null>(null);
  // Read through a ref so the handler keeps its identity: the adapter's table object is new on
  // every render, and a changing handler would redraw every row in view whenever the table renders.
  const latest = useRef({ tableRows, setRowSelection: table.setRowSelection });
  useLayoutEffect(() => {
    latest.current = { tableRows, setRowSelection: table.setRowSelection };
  });
  const toggleRow = useCallback((row: TableRow, checked: boolean, extend: boolean) => {
    const { tableRows: shownRows, setRowSelection } = latest.current;
    // Worked out on a click only: a keystroke does not pay for a list of every shown id.
    const ids = shownRows.map((shownRow) => shownRow.id);
    const from = anchor.current === null ? -1 : ids.indexOf(anchor.current);
    const to = ids.indexOf(row.id);
    anchor.current = row.id;
    if (!extend || from < 0 || to < 0) {
      row.toggleSelected(checked);
      return;
    }
    const range = ids.slice(Math.min(from, to), Math.max(from, to) + 1);
    setRowSelection((old) => {
      const next = { ...old };
      for (const id of range) {
        if (checked) next[id] = true;
        else delete next[id];
      }
      return next;
    });
  }, []);
  // Nothing selected, as while searching mostly: no pass over the shown rows to count.
  const selectedShown = useMemo(
    () => (Object.keys(selection).length === 0 ? 0 : tableRows.filter((row) => selection[row.id]).length),
    [tableRows, selection],
  );
  const allShownSelected = tableRows.length > 0 && selectedShown === tableRows.length;

  function toggleAllShown(event: ChangeEvent<HTMLInputElement>) {
    const select = event.target.checked;
    onSelectionChange((old) => {
      const next = { ...old };
      for (const row of tableRows) {
        if (select) next[row.id] = true;
        else delete next[row.id];
      }
      return next;
    });
  }

  return (
    <div
      className="participant-table-scroller"
      ref={scroller}
      onScroll={recordScrollFrame}
      data-testid="participant-table"
    >
      <table className="participant-table" aria-rowcount={tableRows.length + 1}>
        <thead className="participant-thead">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="participant-tr" aria-rowindex={1}>
              {group.headers.map((header) => {
                const id = header.column.id;
                if (id === "select") {
                  return (
                    <th key={header.id} className="participant-th cell-select" scope="col">
                      <input
                        type="checkbox"
                        aria-label={allShownSelected ? t("participants.table.deselectAll") : t("participants.table.selectAll")}
                        title={allShownSelected ? t("participants.table.deselectAll") : t("participants.table.selectAll")}
                        data-testid="select-all"
                        checked={allShownSelected}
                        ref={(box) => {
                          if (box) box.indeterminate = selectedShown > 0 && !allShownSelected;
                        }}
                        disabled={tableRows.length === 0}
                        onChange={toggleAllShown}
                      />
                    </th>
                  );
                }
                if (id === "actions") {
                  return (
                    <th key={header.id} className="participant-th cell-actions" scope="col">
                      <span className="visually-hidden">{t("participants.column.actions")}</span>
                    </th>
                  );
                }
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    className={`participant-th cell-${id}`}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      data-testid={`sort-${id}`}
                      onClick={header.column.getToggleSortingHandler()}
                      title={id === "nextInterview" ? t("participants.table.timesIn", { zone: timeZone }) : undefined}
                    >
                      <table.FlexRender header={header} />
                      <span className="sort-arrow" aria-hidden="true">
                        {sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <ParticipantTableBody
          virtualRows={virtualRows}
          rows={tableRows}
          selection={selection}
          statuses={statuses}
          timeZone={timeZone}
          onAction={onAction}
          onToggle={toggleRow}
        />
      </table>
    </div>
  );
}

type BodyProps = {
  virtualRows: VirtualRows;
  rows: TableRow[];
  selection: RowSelectionState;
  statuses: StatusOption[];
  timeZone: string;
  onAction: (action: RowAction) => void;
  onToggle: (row: TableRow, checked: boolean, extend: boolean) => void;
};

/**
 * The rows in view and the overscan. Memoised, and subscribed to the virtualizer alone: a scroll
 * renders it only when a row comes into or leaves that range, and even then the rows that stay
 * keep their elements without rendering (each sits at its own offset in a body as tall as the
 * whole list, so where the list is scrolled to is no part of a row's props).
 */
const ParticipantTableBody = memo(function ParticipantTableBody({
  virtualRows,
  rows,
  selection,
  statuses,
  timeZone,
  onAction,
  onToggle,
}: BodyProps) {
  const items = useVirtualRange(virtualRows);
  return (
    <tbody className="participant-tbody" style={{ height: virtualRows.virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        // Keyed by place, not by participant: when a keystroke changes who is shown, the rows on
        // screen keep their elements and only their text changes, which costs less than making
        // two dozen rows anew. Scrolling keeps a row's place with its participant all the same.
        return (
          <ParticipantTableRow
            key={item.index}
            row={row}
            index={item.index}
            start={item.start}
            selected={selection[row.id] === true}
            statuses={statuses}
            timeZone={timeZone}
            onAction={onAction}
            onToggle={onToggle}
          />
        );
      })}
    </tbody>
  );
});

type RowProps = {
  row: TableRow;
  index: number;
  start: number;
  selected: boolean;
  statuses: StatusOption[];
  timeZone: string;
  onAction: (action: RowAction) => void;
  onToggle: (row: TableRow, checked: boolean, extend: boolean) => void;
};

// Memoised: while scrolling, only rows coming into view render; the others keep their DOM.
const ParticipantTableRow = memo(function ParticipantTableRow({
  row,
  index,
  start,
  selected,
  statuses,
  timeZone,
  onAction,
  onToggle,
}: RowProps) {
  const participant = row.original;
  const theirZone = participant.timeZone !== null && participant.timeZone !== timeZone ? participant.timeZone : null;
  return (
    <tr
      className="participant-tr participant-row"
      data-testid="participant-row"
      data-participant-id={participant.id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      style={{ transform: `translateY(${start}px)` }}
    >
      <td className="participant-td cell-select">
        <input
          type="checkbox"
          aria-label={t("participants.table.select", { name: participant.name })}
          data-testid="participant-select"
          checked={selected}
          // React's change event carries the click, so Shift extends the selection as a range.
          onChange={(event) => {
            const click = event.nativeEvent as MouseEvent;
            onToggle(row, event.target.checked, click.shiftKey === true);
          }}
        />
      </td>
      <td className="participant-td cell-name" data-testid="participant-name" title={participant.name}>
        {participant.name}
      </td>
      <td className="participant-td cell-email" data-testid="participant-email" title={participant.email}>
        {participant.email}
      </td>
      <td className="participant-td cell-status">
        <span className={`status-badge status-${participant.status ?? "none"}`} data-testid="participant-status">
          {participant.statusLabel}
        </span>
      </td>
      <td className="participant-td cell-nextInterview">
        {participant.nextInterviewMs === undefined ? (
          <span className="cell-none">—</span>
        ) : (
          <time dateTime={participant.nextInterviewAt ?? undefined}>
            {formatWhen(participant.nextInterviewMs, timeZone)}
          </time>
        )}
      </td>
      <td className="participant-td cell-timeZone" title={theirZone ?? undefined}>
        {theirZone === null ? (
          <span
            className="cell-none"
            title={participant.timeZone === null ? t("participants.table.zoneUnknown") : t("participants.table.zoneSameTitle")}
          >
            {participant.timeZone === null ? "—" : t("participants.table.zoneSame")}
          </span>
        ) : (
          <>
            {cityOf(theirZone)}
            {participant.nextInterviewMs !== undefined && (
              <span className="cell-secondary"> · {formatClock(participant.nextInterviewMs, theirZone)}</span>
            )}
          </>
        )}
      </td>
      <td className="participant-td cell-added">
        {participant.createdMs === undefined ? participant.createdAt : formatDate(participant.createdMs, timeZone)}
      </td>
      <td className="participant-td cell-actions">
        {/* Its own key: a menu opened for one participant never stays open for the next in its place. */}
        <RowActions key={participant.id} participant={participant} statuses={statuses} onAction={onAction} />
      </td>
    </tr>
  );
});
