import type { RowSelectionState, SortingState, Updater } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, CsvLayout, StatusOption, StudySummary } from "../../bindings/types";
import { toAppError } from "../../errors";
import { HistoryDialog } from "./HistoryDialog";
import { ImportDialog } from "./ImportDialog";
import { invite, InviteDialog, type InviteOutcome, type InviteTarget } from "./InviteDialog";
import { ParticipantFormDialog, type ParticipantFormMode } from "./ParticipantFormDialog";
import { ALL_STATUSES, filterRows, isShown, type ParticipantRow } from "./participantRows";
import { markAllRowsPainted, measureFilterPainted } from "./participantsPerformance";
import { NoMatches } from "./NoMatches";
import { ParticipantsHeader } from "./ParticipantsHeader";
import { ParticipantsToolbar } from "./ParticipantsToolbar";
import { ParticipantTable } from "./ParticipantTable";
import { RemoveDialog } from "./RemoveDialog";
import type { RowAction } from "./RowActions";
import { SelectionBar } from "./SelectionBar";
import { StatusDialog } from "./StatusDialog";
import type { StatusTargets } from "./statusWording";
import { fileNameFor } from "./studyFileName";
import { t, tPlural } from "../../i18n";

type Props = {
  study: StudySummary;
  rows: ParticipantRow[];
  statuses: StatusOption[];
  timeZone: string;
  /** Whether `timeZone` is the researcher's own, or the study's in its place. */
  ownZone: boolean;
  /** False while `rows` is only the first page and the rest is on its way. */
  complete: boolean;
  reload: () => Promise<void>;
  onError: (error: AppError) => void;
};

type StatusRequest = { targets: StatusTargets; preset: StatusOption | null };

/**
 * The loaded list: search, filter, selection, bulk actions and every dialog they open.
 *
 * While only the first page is shown (`complete` false), what needs every participant waits for
 * them, with a status line that says so. The search box stays usable: researchers press "/" and
 * type a name as soon as the section opens, and a disabled box would drop those keystrokes. But
 * what they type is applied only once all rows are here, since searching the first page would
 * say "no one matches" of someone further down the list. The status filter is disabled, as its
 * counts would be those of the page, and the total and the export (whose report counts the
 * rows) wait too. Rows can be selected and their menus used: they act on the rows shown.
 */
export function ParticipantsView({ study, rows, statuses, timeZone, ownZone, complete, reload, onError }: Props) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState(ALL_STATUSES);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [form, setForm] = useState<ParticipantFormMode | null>(null);
  const [statusRequest, setStatusRequest] = useState<StatusRequest | null>(null);
  const [history, setHistory] = useState<ParticipantRow | null>(null);
  const [removing, setRemoving] = useState<ParticipantRow | null>(null);
  const [inviteRun, setInviteRun] = useState<{ targets: InviteTarget[]; outcome: InviteOutcome } | null>(null);
  const filterStartedAt = useRef<number | null>(null);

  // One pass over the loaded rows, no request: a keystroke costs well under a frame.
  const appliedText = complete ? text : "";
  const appliedStatus = complete ? status : ALL_STATUSES;
  const filtered = useMemo(() => filterRows(rows, appliedText, appliedStatus), [rows, appliedText, appliedStatus]);

  useEffect(() => {
    if (filterStartedAt.current === null) return;
    measureFilterPainted(filterStartedAt.current);
    filterStartedAt.current = null;
  }, [filtered]);

  useEffect(() => {
    if (complete) markAllRowsPainted();
  }, [complete]);

  const byId = useMemo(() => new Map(rows.map((row) => [String(row.id), row])), [rows]);
  // Selected participants who still exist; a removed one drops out of the selection.
  const selected = useMemo(
    () => Object.keys(selection).flatMap((id) => byId.get(id) ?? []),
    [selection, byId],
  );
  const hiddenSelected = filtered.shown === null ? 0 : selected.filter((row) => !isShown(filtered.shown, row)).length;

  const changeText = useCallback(
    (next: string, inputAt: number) => {
      // Timed only when the keystroke filters at once, not when it waits for the rest of the list.
      filterStartedAt.current = complete ? inputAt : null;
      setText(next);
    },
    [complete],
  );

  const changeSorting = useCallback((updater: Updater<SortingState>) => setSorting(updater), []);
  const changeSelection = useCallback((updater: Updater<RowSelectionState>) => setSelection(updater), []);

  const startInvite = useCallback(
    async (targets: InviteTarget[]) => {
      setInviteRun({ targets, outcome: { kind: "working" } });
      const outcome = await invite(study.id, targets);
      setInviteRun((run) => (run === null ? null : { targets, outcome }));
      if (outcome.kind === "done" && outcome.report.queued.length > 0) void reload();
    },
    [study.id, reload],
  );

  const onAction = useCallback(
    (action: RowAction) => {
      const participant = action.participant;
      switch (action.kind) {
        case "status":
          setStatusRequest({ targets: [participant], preset: action.status });
          break;
        case "history":
          setHistory(participant);
          break;
        case "invite":
          void startInvite([{ id: participant.id, name: participant.name }]);
          break;
        case "edit":
          setForm({ kind: "edit", participant });
          break;
        case "remove":
          setRemoving(participant);
          break;
      }
    },
    [startInvite],
  );

  async function exportCsv(layout: CsvLayout) {
    setExporting(true);
    try {
      const csv = await commands.exportParticipantsCsv(study.id, layout);
      const path = await commands.saveTextFile(`${fileNameFor(study.name)}-participants.csv`, csv);
      if (path !== null) {
        setNotice(tPlural("participants.exported", rows.length, { count: rows.length.toLocaleString(), path }));
      }
    } catch (reason) {
      onError(toAppError(reason));
    } finally {
      setExporting(false);
    }
  }

  const hasAny = rows.length > 0;

  return (
    <>
      <ParticipantsHeader
        studyName={study.name}
        count={rows.length}
        complete={complete}
        exporting={exporting}
        onExport={(layout) => void exportCsv(layout)}
        onImport={() => setImportOpen(true)}
        onAdd={() => setForm({ kind: "add" })}
      />

      {notice && (
        <div className="notice-success participants-notice" role="status" data-testid="participants-notice">
          <span className="notice-message">{notice}</span>
          <button type="button" className="button button-quiet" onClick={() => setNotice(null)}>
            {t("common.dismiss")}
          </button>
        </div>
      )}

      {!hasAny && (
        <div className="empty-state" data-testid="participants-empty">
          <p className="empty-state-title">{t("participants.empty.title")}</p>
          <p className="empty-state-hint">{t("participants.empty.hint")}</p>
          <div className="empty-state-actions">
            <button type="button" className="button button-primary" onClick={() => setImportOpen(true)}>
              {t("participants.empty.import")}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setForm({ kind: "add" })}>
              {t("participants.empty.add")}
            </button>
          </div>
        </div>
      )}

      {hasAny && (
        <>
          <div className="participants-bar">
            <ParticipantsToolbar
              text={text}
              onTextChange={changeText}
              status={status}
              onStatusChange={setStatus}
              statuses={statuses}
              counts={filtered.counts}
              matching={filtered.matching}
              waiting={!complete}
            />
            {!complete && (
              <p className="selection-hint loading-line" role="status" data-testid="participants-loading-rest">
                <span className="spinner" aria-hidden="true" />
                {text.trim() === "" ? t("participants.loadingRest") : t("participants.searchWaiting")}
              </p>
            )}
            {selected.length > 0 ? (
              <SelectionBar
                count={selected.length}
                hidden={hiddenSelected}
                onInvite={() => void startInvite(selected.map((row) => ({ id: row.id, name: row.name })))}
                onStatus={() => setStatusRequest({ targets: selected, preset: null })}
                onClear={() => setSelection({})}
              />
            ) : complete ? (
              <p className="selection-hint">
                {filtered.shownCount === rows.length
                  ? t("participants.selection.hint")
                  : t("participants.showing", { shown: filtered.shownCount.toLocaleString(), total: rows.length.toLocaleString() })}
              </p>
            ) : null}
          </div>

          {filtered.shownCount === 0 ? (
            <NoMatches
              text={text}
              status={status}
              statuses={statuses}
              onShowAll={() => {
                changeText("", performance.now());
                setStatus(ALL_STATUSES);
              }}
            />
          ) : (
            <ParticipantTable
              rows={rows}
              shown={filtered.shown}
              sorting={sorting}
              onSortingChange={changeSorting}
              selection={selection}
              onSelectionChange={changeSelection}
              statuses={statuses}
              timeZone={timeZone}
              onAction={onAction}
            />
          )}
          <p className="participants-footnote">
            {ownZone
              ? t("participants.footnote.own", { zone: timeZone })
              : t("participants.footnote.study", { zone: timeZone })}
          </p>
        </>
      )}

      <ImportDialog
        studyId={study.id}
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={() => void reload()}
      />
      <ParticipantFormDialog
        studyId={study.id}
        mode={form}
        onClose={() => setForm(null)}
        onSaved={(saved) => {
          setForm(null);
          setNotice(
            form?.kind === "edit"
              ? t("participants.saved", { name: saved.name })
              : t("participants.added", { name: saved.name, study: study.name }),
          );
          void reload();
        }}
      />
      <StatusDialog
        studyId={study.id}
        targets={statusRequest?.targets ?? null}
        preset={statusRequest?.preset ?? null}
        statuses={statuses}
        onClose={() => setStatusRequest(null)}
        onChanged={() => void reload()}
      />
      <HistoryDialog
        studyId={study.id}
        participant={history}
        timeZone={timeZone}
        statuses={statuses}
        onClose={() => setHistory(null)}
      />
      <RemoveDialog
        participant={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(id) => {
          setNotice(t("participants.removed", { name: removing?.name ?? t("participants.removedSomeone") }));
          setRemoving(null);
          setSelection((old) => {
            const next = { ...old };
            delete next[String(id)];
            return next;
          });
          void reload();
        }}
      />
      <InviteDialog run={inviteRun} onClose={() => setInviteRun(null)} />
    </>
  );
}
