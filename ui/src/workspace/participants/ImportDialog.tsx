import * as Dialog from "@radix-ui/react-dialog";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, ColumnMapping, ImportColumn, ImportReport, ImportRow, Separator } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import {
  csvHeader,
  encodingChoices,
  fieldFromValue,
  fieldOptions,
  fieldValue,
  importChoice,
  mappingWith,
  outcomeText,
  outcomeTone,
  separatorChoices,
  totalsLines,
} from "./importPlan";
import { t, tPlural, tRich } from "../../i18n";


type Props = {
  studyId: number;
  open: boolean;
  onClose: () => void;
  /** Called once rows were written, so the list can be reloaded. */
  onImported: () => void;
};

export function ImportDialog({ open, onClose, ...rest }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide" data-testid="import-dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{t("participants.import.title")}</Dialog.Title>
          {/* Mounted only while open: every opening starts with no file. */}
          {open && <ImportFlow onClose={onClose} {...rest} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

type Busy = null | "reading" | "checking" | "importing";

/** How many rows of the report are listed; the totals always count them all. */
const LISTED_ROWS = 200;

export function ImportFlow({ studyId, onClose, onImported }: Omit<Props, "open">) {
  const id = useId();
  const [file, setFile] = useState<{ name: string; csv: number[] } | null>(null);
  const [columns, setColumns] = useState<ImportColumn[]>([]);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  // Only the newest preview may be shown: a slower, older answer would describe another mapping.
  const latest = useRef(0);

  async function check(csv: number[], nextMapping: ColumnMapping | null) {
    const request = ++latest.current;
    setBusy("checking");
    setProblem(null);
    try {
      const report = await commands.previewCsvImport(studyId, csv, nextMapping);
      if (request !== latest.current) return;
      setPreview(report);
      setColumns(report.columns);
    } catch (reason) {
      if (request !== latest.current) return;
      setPreview(null);
      setProblem(toAppError(reason));
      // The file could not be read as it is; offering its columns lets the researcher map them.
      setColumns((old) =>
        nextMapping !== null && old.length > 0
          ? old.map((column) => ({ ...column, field: nextMapping.columns[column.header] ?? column.field }))
          : csvHeader(new TextDecoder().decode(new Uint8Array(csv))).map((header) => ({ header, field: { kind: "ignore" } })),
      );
    } finally {
      if (request === latest.current) setBusy(null);
    }
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setBusy("reading");
    setPreview(null);
    setProblem(null);
    setMapping(null);
    setColumns([]);
    try {
      // The bytes as the disk has them: the web view would decode them as UTF-8 and spoil a
      // file a spreadsheet saved in its Windows encoding. Confab finds the encoding.
      const csv = Array.from(new Uint8Array(await chosen.arrayBuffer()));
      setFile({ name: chosen.name, csv });
      await check(csv, null);
    } catch (reason) {
      setBusy(null);
      setProblem({
        code: "invalid_input",
        message: t("participants.import.unreadable", { file: chosen.name, reason: toAppError(reason).message }),
      });
    }
  }

  function remap(header: string, value: string) {
    if (!file) return;
    const next = mappingWith(columns, header, fieldFromValue(value), {
      encoding: mapping?.encoding,
      separator: mapping?.separator,
    });
    setMapping(next);
    setColumns((old) => old.map((column) => (column.header === header ? { ...column, field: fieldFromValue(value) } : column)));
    void check(file.csv, next);
  }

  /** Reads the file again in another encoding or with another separator; its columns are guessed afresh. */
  function reread(change: Pick<ColumnMapping, "encoding" | "separator">) {
    if (!file) return;
    const next: ColumnMapping = {
      columns: {},
      encoding: mapping?.encoding ?? preview?.encoding,
      separator: mapping?.separator ?? preview?.separator,
      ...change,
    };
    setMapping(next);
    void check(file.csv, next);
  }

  const choice = preview ? importChoice(preview) : ({ kind: "none" } as const);
  const shownEncoding = mapping?.encoding ?? preview?.encoding ?? "";

  async function runImport() {
    if (!file || choice.kind === "none" || busy) return;
    setBusy("importing");
    setProblem(null);
    try {
      const report = await commands.importCsv(studyId, file.csv, mapping, choice.mode);
      if (report.imported) {
        setResult(report);
        onImported();
      } else {
        // Nothing was written: show why, and never a success.
        setPreview(report);
        setProblem({ code: "invalid_input", message: report.message });
      }
    } catch (reason) {
      setProblem(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  if (result) {
    return (
      <div className="import-result" data-testid="import-result">
        <p className="import-result-title" role="status">
          {result.message}
        </p>
        <ul className="import-totals" data-testid="import-totals">
          {totalsLines(result).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="button button-primary" data-testid="import-done" onClick={onClose}>
            {t("common.done")}
          </button>
        </div>
      </div>
    );
  }

  const problemRows = preview?.rows.filter((row) => row.outcome.kind === "error" || row.outcome.kind === "duplicate") ?? [];
  const validRows = preview?.rows.filter((row) => row.outcome.kind === "new" || row.outcome.kind === "existing") ?? [];
  const listed = [...problemRows, ...validRows].slice(0, LISTED_ROWS);
  const validCount = preview ? preview.totals.newParticipants + preview.totals.existingParticipants : 0;

  return (
    <div className="import-flow">
      <p className="dialog-description">
        {/* Column names as the import reads them, not words to translate. */}
        {tRich("participants.import.intro", { example: <code>name,email,time zone,phone,notes</code> })}
      </p>

      <div className="field">
        <label htmlFor={`${id}-file`}>{t("participants.import.file")}</label>
        <input
          id={`${id}-file`}
          className="file-input"
          type="file"
          accept=".csv,text/csv,.txt,.tsv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          disabled={busy === "importing"}
          onChange={(event) => void chooseFile(event)}
        />
      </div>

      {busy !== null && busy !== "importing" && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {busy === "reading" ? t("participants.import.reading") : t("participants.import.checking")}
        </p>
      )}

      {problem && <ErrorBanner error={problem} onDismiss={() => setProblem(null)} />}

      {columns.length > 0 && (
        <fieldset className="import-mapping" data-testid="import-mapping">
          <legend>{t("participants.import.columns")}</legend>
          <div className="import-mapping-grid">
            {columns.map((column, index) => (
              <div className="field import-mapping-row" key={`${column.header}-${index}`}>
                <label htmlFor={`${id}-column-${index}`} className="import-column-header">
                  {column.header === "" ? t("participants.import.unnamedColumn", { number: index + 1 }) : column.header}
                </label>
                <select
                  id={`${id}-column-${index}`}
                  data-testid="import-column-field"
                  data-header={column.header}
                  value={fieldValue(column.field)}
                  disabled={busy === "importing"}
                  onChange={(event) => remap(column.header, event.target.value)}
                >
                  {fieldOptions(column).map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      )}

      {file && preview?.encoding !== "xlsx" && (
        <div className="import-reading">
          <label className="field">
            <span className="field-label">{t("participants.import.encodingLabel")}</span>
            <select
              className="input"
              data-testid="import-encoding-choice"
              value={shownEncoding}
              disabled={busy !== null}
              onChange={(e) => reread({ encoding: e.target.value })}
            >
              {shownEncoding === "" || encodingChoices.some((c) => c.value === shownEncoding) ? null : (
                <option value={shownEncoding}>{encodingName(shownEncoding)}</option>
              )}
              {encodingChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t("participants.import.separatorLabel")}</span>
            <select
              className="input"
              data-testid="import-separator-choice"
              value={mapping?.separator ?? preview?.separator ?? "comma"}
              disabled={busy !== null}
              onChange={(e) => reread({ separator: e.target.value as Separator })}
            >
              {separatorChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      {preview && (
        <section className="import-report" aria-label={t("participants.import.report")} data-testid="import-report">
          <p className="import-summary" data-testid="import-summary">
            {preview.message}
          </p>
          <p className="import-encoding" data-testid="import-encoding">
            {preview.encoding === "xlsx"
              ? t("participants.import.readWorkbook")
              : t("participants.import.readAs", { encoding: encodingName(preview.encoding) })}
          </p>
          <p className="import-counts">
            <span className="import-count import-count-valid">
              {tPlural("participants.import.validRows", validCount, { count: validCount.toLocaleString() })}
            </span>
            {preview.totals.duplicates > 0 && (
              <span className="import-count import-count-duplicate">
                {tPlural("participants.import.duplicates", preview.totals.duplicates, {
                  count: preview.totals.duplicates.toLocaleString(),
                })}
              </span>
            )}
            {preview.totals.errors > 0 && (
              <span className="import-count import-count-error">
                {tPlural("participants.import.errors", preview.totals.errors, { count: preview.totals.errors.toLocaleString() })}
              </span>
            )}
          </p>
          {listed.length > 0 && (
            <div className="import-rows-scroller">
              <table className="import-rows">
                <thead>
                  <tr>
                    <th scope="col">{t("participants.import.column.line")}</th>
                    <th scope="col">{t("participants.import.column.name")}</th>
                    <th scope="col">{t("participants.import.column.email")}</th>
                    <th scope="col">{t("participants.import.column.outcome")}</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.map((row) => (
                    <ImportRowView key={row.line} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.rows.length > listed.length && (
            <p className="panel-hint">
              {tPlural("participants.import.notListed", preview.rows.length - listed.length, {
                count: (preview.rows.length - listed.length).toLocaleString(),
              })}
            </p>
          )}
        </section>
      )}

      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy === "importing"}>
          {t("common.cancel")}
        </button>
        {choice.kind !== "none" && (
          <button
            type="button"
            className="button button-primary"
            data-testid="import-submit"
            data-mode={choice.mode}
            disabled={busy !== null}
            aria-busy={busy === "importing" || undefined}
            onClick={() => void runImport()}
          >
            {busy === "importing" ? (
              <>
                <span className="spinner" aria-hidden="true" /> {t("participants.import.importing")}
              </>
            ) : (
              choice.label
            )}
          </button>
        )}
      </div>
    </div>
  );
}

function ImportRowView({ row }: { row: ImportRow }) {
  const tone = outcomeTone(row.outcome);
  return (
    <tr className={`import-row import-row-${tone}`} data-testid="import-row" data-outcome={row.outcome.kind}>
      <td className="import-line">{row.line}</td>
      <td>{row.name}</td>
      <td>{row.email}</td>
      <td className="import-outcome">{outcomeText(row.outcome)}</td>
    </tr>
  );
}

/** An encoding as people know it from their spreadsheet's Save dialog. */
export function encodingName(encoding: string): string {
  const known: Record<string, string> = {
    "UTF-8": "UTF-8",
    "UTF-16LE": t("participants.import.encodingName.utf16le"),
    "UTF-16BE": t("participants.import.encodingName.utf16be"),
    "windows-1252": t("participants.import.encodingName.windows1252"),
    "ISO-8859-2": t("participants.import.encodingName.iso88592"),
    "windows-1250": t("participants.import.encodingName.windows1250"),
    macintosh: t("participants.import.encodingName.macintosh"),
  };
  return known[encoding] ?? encoding;
}

