import type { CsvLayout } from "../../bindings/types";
import { excelLayout } from "./excelLayout";
import { t, tPlural } from "../../i18n";

type Props = {
  studyName: string;
  /** How many participants the study has; counted only once `complete`. */
  count: number;
  /** False while only the first page of participants is loaded. */
  complete: boolean;
  exporting: boolean;
  onExport: (layout: CsvLayout) => void;
  onImport: () => void;
  onAdd: () => void;
};

/** The section's title with the participant count, and its export, import and add buttons. */
export function ParticipantsHeader({ studyName, count, complete, exporting, onExport, onImport, onAdd }: Props) {
  const hasAny = count > 0;
  return (
    <header className="screen-header">
      <div className="screen-title">
        <h1 id="participants-heading">{t("participants.title")}</h1>
        <span className="screen-subtitle" data-testid="participants-count">
          {complete
            ? tPlural("participants.subtitle", count, { study: studyName, count: count.toLocaleString() })
            : studyName}
        </span>
      </div>
      <div className="screen-actions">
        <button
          type="button"
          className="button button-secondary"
          data-testid="export-csv-button"
          disabled={!hasAny || exporting || !complete}
          aria-busy={exporting || undefined}
          title={t("participants.export.title")}
          onClick={() => onExport({ byteOrderMark: false, separator: "comma" })}
        >
          {exporting && <span className="spinner" aria-hidden="true" />}
          {exporting ? t("participants.export.busy") : t("participants.export.csv")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="export-excel-button"
          disabled={!hasAny || exporting || !complete}
          title={t("participants.export.excelTitle")}
          onClick={() => onExport(excelLayout())}
        >
          {t("participants.export.excel")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="import-csv-button"
          onClick={onImport}
        >
          {t("participants.importButton")}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="add-participant-button"
          onClick={onAdd}
        >
          {t("participants.addButton")}
        </button>
      </div>
    </header>
  );
}
