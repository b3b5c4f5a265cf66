import type { ColumnMapping, ImportColumn, ImportField, ImportMode, ImportReport, RowOutcome, Separator } from "../../bindings/types";
import { countOf } from "./statusWording";

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
  const customKey = column.field.kind === "custom" ? column.field.key : column.header.trim() || "Field";
  return [
    { value: "name", label: "Name" },
    { value: "firstName", label: "First name" },
    { value: "lastName", label: "Last name" },
    { value: "email", label: "Email" },
    { value: "timeZone", label: "Time zone" },
    { value: "phone", label: "Phone" },
    { value: "notes", label: "Notes" },
    { value: `custom:${customKey}`, label: `Custom field “${customKey}”` },
    { value: "ignore", label: "Leave out" },
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
  { value: "UTF-16LE", label: "Unicode (UTF-16)" },
  { value: "windows-1252", label: "Western European (Windows-1252)" },
  { value: "ISO-8859-15", label: "Western European (ISO-8859-15)" },
  { value: "macintosh", label: "Western (Mac Roman)" },
  { value: "windows-1250", label: "Central European (Windows-1250)" },
  { value: "ISO-8859-2", label: "Central European (ISO-8859-2)" },
];

export const separatorChoices: ReadonlyArray<{ value: Separator; label: string }> = [
  { value: "comma", label: "Commas" },
  { value: "semicolon", label: "Semicolons" },
  { value: "tab", label: "Tabs" },
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
    return { kind: "all", count: valid, mode: "allOrNothing", label: `Import ${countOf(valid, "participant")}` };
  }
  return {
    kind: "validOnly",
    count: valid,
    mode: "validRowsOnly",
    label: valid === 1 ? "Import the 1 valid row" : `Import the ${valid.toLocaleString()} valid rows`,
  };
}

/** A row's outcome in a few words. */
export function outcomeText(outcome: RowOutcome): string {
  switch (outcome.kind) {
    case "new":
      return "New participant";
    case "existing":
      return outcome.newlyEnrolled ? "Already in Confab; will be enrolled" : "Already in this study";
    case "duplicate":
      return `Same email as line ${outcome.firstLine}; left out`;
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
  const lines = [`${countOf(totals.newParticipants, "new participant")} added`];
  if (totals.existingParticipants > 0) {
    lines.push(`${countOf(totals.existingParticipants, "participant")} already in Confab`);
  }
  lines.push(`${countOf(totals.newlyEnrolled, "participant")} enrolled in this study`);
  if (totals.duplicates > 0) lines.push(`${countOf(totals.duplicates, "repeated email")} left out`);
  if (totals.errors > 0) lines.push(`${countOf(totals.errors, "line")} with problems left out`);
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
