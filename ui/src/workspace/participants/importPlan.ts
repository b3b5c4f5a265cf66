import type { ColumnMapping, ImportColumn, ImportField, ImportMode, ImportReport, RowOutcome, Separator } from "../../bindings/types";
import { t, tPlural } from "../../i18n";


/** An ImportField as the value of a <select> option: "email", "custom:Team". */
export function fieldValue(field: ImportField): string {
  return field.kind === "custom" ? `custom:${field.key}` : field.kind;
}

export function fieldFromValue(value: string): ImportField {
  if (value.startsWith("custom:")) return { kind: "custom", key: value.slice("custom:".length) };
  switch (value) {
    case "name":
    case "firstName":
    case "lastName":
    case "email":
    case "timeZone":
    case "phone":
    case "notes":
      return { kind: value };
    default:
      return { kind: "ignore" };
  }
}

/** The fields a column can go to; a custom field keeps the column's own name. */
export function fieldOptions(column: ImportColumn): { value: string; label: string }[] {
  const customKey =
    column.field.kind === "custom" ? column.field.key : column.header.trim() || t("participants.import.field.customDefault");
  return [
    { value: "name", label: t("participants.import.field.name") },
    { value: "firstName", label: t("participants.import.field.firstName") },
    { value: "lastName", label: t("participants.import.field.lastName") },
    { value: "email", label: t("participants.import.field.email") },
    { value: "timeZone", label: t("participants.import.field.timeZone") },
    { value: "phone", label: t("participants.import.field.phone") },
    { value: "notes", label: t("participants.import.field.notes") },
    { value: `custom:${customKey}`, label: t("participants.import.field.custom", { name: customKey }) },
    { value: "ignore", label: t("participants.import.field.ignore") },
  ];
}

/** The mapping the preview showed, with one column sent somewhere else; the encoding and separator chosen stay. */
export function mappingWith(
  columns: ImportColumn[],
  header: string,
  field: ImportField,
  reading: Pick<ColumnMapping, "encoding" | "separator"> = {},
): ColumnMapping {
  const mapping: ColumnMapping = { columns: {}, ...reading };
  for (const column of columns) {
    mapping.columns[column.header] = column.header === header ? field : column.field;
  }
  return mapping;
}

/** The encodings a researcher can choose in the preview, as spreadsheet programs name them. */
export const encodingChoices: ReadonlyArray<{ value: string; label: string }> = [
  { value: "UTF-8", label: "UTF-8" },
  { value: "UTF-16LE", label: t("participants.import.encodingName.utf16le") },
  { value: "windows-1252", label: t("participants.import.encodingName.windows1252") },
  { value: "ISO-8859-15", label: t("participants.import.encodingName.iso885915") },
  { value: "macintosh", label: t("participants.import.encodingName.macintosh") },
  { value: "windows-1250", label: t("participants.import.encodingName.windows1250") },
  { value: "ISO-8859-2", label: t("participants.import.encodingName.iso88592") },
];


export const separatorChoices: ReadonlyArray<{ value: Separator; label: string }> = [
  { value: "comma", label: t("participants.import.separator.comma") },
  { value: "semicolon", label: t("participants.import.separator.semicolon") },
  { value: "tab", label: t("participants.import.separator.tab") },
];

/** What the dialog's main button does with this preview. */
export type ImportChoice =
  | { kind: "all"; count: number; mode: ImportMode; label: string }
  | { kind: "validOnly"; count: number; mode: ImportMode; label: string }
  | { kind: "none" };

export function importChoice(report: ImportReport): ImportChoice {
  const valid = report.totals.newParticipants + report.totals.existingParticipants;
  if (valid === 0) return { kind: "none" };
  if (report.totals.errors === 0) {
    return {
      kind: "all",
      count: valid,
      mode: "allOrNothing",
      label: tPlural("participants.import.submitAll", valid, { count: valid.toLocaleString() }),
    };
  }
  return {
    kind: "validOnly",
    count: valid,
    mode: "validRowsOnly",
    label: tPlural("participants.import.submitValid", valid, { count: valid.toLocaleString() }),
  };
}

/** A row's outcome in a few words. */
export function outcomeText(outcome: RowOutcome): string {
  switch (outcome.kind) {
    case "new":
      return t("participants.import.outcome.new");
    case "existing":
      return outcome.newlyEnrolled ? t("participants.import.outcome.enrol") : t("participants.import.outcome.inStudy");
    case "duplicate":
      return t("participants.import.outcome.duplicate", { line: outcome.firstLine });
    case "error":
      return outcome.message;
  }
}

export function outcomeTone(outcome: RowOutcome): "valid" | "duplicate" | "error" {
  return outcome.kind === "error" ? "error" : outcome.kind === "duplicate" ? "duplicate" : "valid";
}

/** The totals of an import that was written, one line each. */
export function totalsLines(report: ImportReport): string[] {
  const { totals } = report;
  const counted = (count: number) => ({ count: count.toLocaleString() });
  const lines = [tPlural("participants.import.total.added", totals.newParticipants, counted(totals.newParticipants))];
  if (totals.existingParticipants > 0) {
    lines.push(tPlural("participants.import.total.existing", totals.existingParticipants, counted(totals.existingParticipants)));
  }
  lines.push(tPlural("participants.import.total.enrolled", totals.newlyEnrolled, counted(totals.newlyEnrolled)));
  if (totals.duplicates > 0) {
    lines.push(tPlural("participants.import.total.duplicates", totals.duplicates, counted(totals.duplicates)));
  }
  if (totals.errors > 0) lines.push(tPlural("participants.import.total.errors", totals.errors, counted(totals.errors)));
  return lines;
}

/**
 * The column names on a CSV file's first line. Used only when the back end cannot read the file
 * as it is (no email column, say), so the researcher can still say which column is which.
 */
export function csvHeader(csv: string): string[] {
  const text = csv.replace(/^\uFEFF/, "");
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      cells.push(cell.trim());
      cell = "";
    } else if (char === "\n" || char === "\r") {
      break;
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells.length === 1 && cells[0] === "" ? [] : cells;
}
