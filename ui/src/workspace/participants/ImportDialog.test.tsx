import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportReport } from "../../bindings/types";
import { ImportFlow } from "./ImportDialog";

vi.mock("../../bindings/commands", () => ({
  commands: { previewCsvImport: vi.fn(), importCsv: vi.fn() },
}));
const { commands } = await import("../../bindings/commands");
const mocked = vi.mocked(commands);

const csvText = "Name,Email,Team\nAda Park,ada@example.org,Blue\nBad Row,not-an-email,Red\nBo Li,bo@example.org,Red\n";
// The bytes the window hands over, as the disk has them.
const csv = Array.from(new TextEncoder().encode(csvText));

const columns: ImportReport["columns"] = [
  { header: "Name", field: { kind: "name" } },
  { header: "Email", field: { kind: "email" } },
  { header: "Team", field: { kind: "custom", key: "Team" } },
];

const withBadRow: ImportReport = {
  studyId: 7,
  imported: false,
  columns,
  rows: [
    { line: 2, name: "Ada Park", email: "ada@example.org", outcome: { kind: "new" } },
    {
      line: 3,
      name: "Bad Row",
      email: "not-an-email",
      outcome: { kind: "error", message: '"not-an-email" is not an email address: it needs an @.' },
    },
    { line: 4, name: "Bo Li", email: "bo@example.org", outcome: { kind: "new" } },
  ],
  totals: { rows: 3, newParticipants: 2, existingParticipants: 0, newlyEnrolled: 2, duplicates: 0, errors: 1 },
  message: "Line 3 has a problem. Fix it before importing, or import only the 2 valid rows (2 new participants).",
  encoding: "UTF-8",
  separator: "comma",
};

function chooseFile(text: string | Uint8Array<ArrayBuffer> = csvText) {
  const file = new File([text], "people.csv", { type: "text/csv" });
  fireEvent.change(screen.getByTestId("import-file"), { target: { files: [file] } });
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe("CSV import", () => {
  it("shows the report of a file with a bad row and imports only the valid rows when asked", async () => {
    mocked.previewCsvImport.mockResolvedValue(withBadRow);
    mocked.importCsv.mockResolvedValue({ ...withBadRow, imported: true, message: "Imported 2 new participants." });
    const onImported = vi.fn();
    render(<ImportFlow studyId={7} onClose={vi.fn()} onImported={onImported} />);

    chooseFile();
    const report = await screen.findByTestId("import-report");
    expect(mocked.previewCsvImport).toHaveBeenCalledWith(7, csv, null);
    expect(report.textContent).toContain("Line 3 has a problem");
    // Problems are listed first, with the line they are on and the reason.
    const rows = within(report).getAllByTestId("import-row");
    expect(rows[0]?.getAttribute("data-outcome")).toBe("error");
    expect(rows[0]?.textContent).toContain("3");
    expect(rows[0]?.textContent).toContain("is not an email address");
    expect(mocked.importCsv).not.toHaveBeenCalled();

    const submit = screen.getByTestId("import-submit");
    expect(submit.textContent).toBe("Import the 2 valid rows");
    fireEvent.click(submit);
    const result = await screen.findByTestId("import-result");
    expect(mocked.importCsv).toHaveBeenCalledWith(7, csv, null, "validRowsOnly");
    expect(result.textContent).toContain("Imported 2 new participants.");
    expect(result.textContent).toContain("2 new participants added");
    expect(result.textContent).toContain("1 line with problems left out");
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it("imports everything at once when every row is good", async () => {
    const good: ImportReport = {
      ...withBadRow,
      rows: withBadRow.rows.filter((row) => row.outcome.kind !== "error"),
      totals: { ...withBadRow.totals, rows: 2, errors: 0 },
      message: "Ready to import: 2 new participants.",
    };
    mocked.previewCsvImport.mockResolvedValue(good);
    mocked.importCsv.mockResolvedValue({ ...good, imported: true });
    render(<ImportFlow studyId={7} onClose={vi.fn()} onImported={vi.fn()} />);

    chooseFile();
    const submit = await screen.findByTestId("import-submit");
    expect(submit.textContent).toBe("Import 2 participants");
    fireEvent.click(submit);
    await screen.findByTestId("import-result");
    expect(mocked.importCsv).toHaveBeenCalledWith(7, csv, null, "allOrNothing");
  });

  it("checks the file again when a column is mapped to another field", async () => {
    mocked.previewCsvImport.mockResolvedValue(withBadRow);
    render(<ImportFlow studyId={7} onClose={vi.fn()} onImported={vi.fn()} />);
    chooseFile();
    await screen.findByTestId("import-report");

    const team = screen.getAllByTestId("import-column-field")[2] as HTMLSelectElement;
    fireEvent.change(team, { target: { value: "notes" } });
    await waitFor(() => expect(mocked.previewCsvImport).toHaveBeenCalledTimes(2));
    expect(mocked.previewCsvImport).toHaveBeenLastCalledWith(7, csv, {
      columns: { Name: { kind: "name" }, Email: { kind: "email" }, Team: { kind: "notes" } },
    });
  });

  it("offers the file's columns when the back end cannot find an email column", async () => {
    mocked.previewCsvImport.mockRejectedValueOnce({
      code: "invalid_input",
      message: 'The file has no email column. Its columns are "Who", "Mail". Name a column "email" in the header, or map one to email.',
    });
    mocked.previewCsvImport.mockResolvedValueOnce(withBadRow);
    render(<ImportFlow studyId={7} onClose={vi.fn()} onImported={vi.fn()} />);
    chooseFile("Who,Mail\nAda,ada@example.org\n");

    expect((await screen.findByTestId("error-banner")).textContent).toContain("no email column");
    expect(screen.queryByTestId("import-submit")).toBeNull();
    const selects = screen.getAllByTestId("import-column-field");
    expect(selects.map((select) => select.getAttribute("data-header"))).toEqual(["Who", "Mail"]);
    fireEvent.change(selects[1] as HTMLSelectElement, { target: { value: "email" } });
    await waitFor(() =>
      expect(mocked.previewCsvImport).toHaveBeenLastCalledWith(7, Array.from(new TextEncoder().encode("Who,Mail\nAda,ada@example.org\n")), {
        columns: { Who: { kind: "ignore" }, Mail: { kind: "email" } },
      }),
    );
  });

  it("hands over the file's bytes as saved, and says which encoding they were read in", async () => {
    // "Jörg" as a spreadsheet saves it on Windows: ö is the single byte 0xF6, not UTF-8.
    const windows = new Uint8Array([...new TextEncoder().encode("name,email\nJ"), 0xf6, ...new TextEncoder().encode("rg,j@example.org\n")]);
    mocked.previewCsvImport.mockResolvedValue({ ...withBadRow, encoding: "windows-1252" });
    render(<ImportFlow studyId={7} onClose={vi.fn()} onImported={vi.fn()} />);
    chooseFile(windows);
    expect((await screen.findByTestId("import-encoding")).textContent).toBe("Read as Western European (Windows-1252) text.");
    expect(mocked.previewCsvImport).toHaveBeenCalledWith(7, Array.from(windows), null);
  });

  it("reads the file again in the encoding and with the separator the researcher chooses", async () => {
    mocked.previewCsvImport.mockResolvedValueOnce({ ...withBadRow, encoding: "windows-1252" });
    mocked.previewCsvImport.mockRejectedValueOnce({ code: "invalid_input", message: "The file has bytes that are not UTF-8 text." });
    mocked.previewCsvImport.mockResolvedValueOnce({ ...withBadRow, encoding: "macintosh", separator: "semicolon" });
    render(<ImportFlow studyId={7} onClose={vi.fn()} onImported={vi.fn()} />);
    chooseFile();
    const encoding = (await screen.findByTestId("import-encoding-choice")) as HTMLSelectElement;
    await waitFor(() => expect(encoding.value).toBe("windows-1252"));
    fireEvent.change(encoding, { target: { value: "UTF-8" } });
    await waitFor(() =>
      expect(mocked.previewCsvImport).toHaveBeenLastCalledWith(7, csv, { columns: {}, encoding: "UTF-8", separator: "comma" }),
    );
    // The choice stays offered after a failed reading, so another can be tried.
    expect((await screen.findByTestId("error-banner")).textContent).toContain("not UTF-8");
    fireEvent.change(screen.getByTestId("import-encoding-choice"), { target: { value: "macintosh" } });
    fireEvent.change(screen.getByTestId("import-separator-choice"), { target: { value: "semicolon" } });
    await waitFor(() =>
      expect(mocked.previewCsvImport).toHaveBeenLastCalledWith(7, csv, { columns: {}, encoding: "macintosh", separator: "semicolon" }),
    );
  });

  it("does not claim success when the import is refused", async () => {
    mocked.previewCsvImport.mockResolvedValue(withBadRow);
    mocked.importCsv.mockRejectedValue({ code: "storage", message: "disk I/O error" });
    const onImported = vi.fn();
    render(<ImportFlow studyId={7} onClose={vi.fn()} onImported={onImported} />);
    chooseFile();
    fireEvent.click(await screen.findByTestId("import-submit"));

    expect((await screen.findByTestId("error-banner")).textContent).toContain("disk I/O error");
    expect(screen.queryByTestId("import-result")).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });
});
