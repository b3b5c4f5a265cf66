import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../bindings/types";
import { csvHeader, fieldFromValue, fieldValue, importChoice, mappingWith, outcomeText } from "./importPlan";

function report(totals: Partial<ImportReport["totals"]>): ImportReport {
  return {
    studyId: 1,
    imported: false,
    columns: [],
    rows: [],
    message: "",
    encoding: "UTF-8",
    separator: "comma",
    totals: { rows: 0, newParticipants: 0, existingParticipants: 0, newlyEnrolled: 0, duplicates: 0, errors: 0, ...totals },
  };
}

describe("import plan", () => {
  it("imports everything when every row is good", () => {
    expect(importChoice(report({ rows: 3, newParticipants: 2, existingParticipants: 1 }))).toMatchObject({
      kind: "all",
      mode: "allOrNothing",
      label: "Import 3 participants",
    });
  });

  it("asks to import only the valid rows when some have errors", () => {
    expect(importChoice(report({ rows: 4, newParticipants: 2, duplicates: 1, errors: 1 }))).toMatchObject({
      kind: "validOnly",
      mode: "validRowsOnly",
      label: "Import the 2 valid rows",
    });
    expect(importChoice(report({ rows: 2, newParticipants: 1, errors: 1 }))).toMatchObject({
      label: "Import the 1 valid row",
    });
  });

  it("offers nothing when no row is valid", () => {
    expect(importChoice(report({ rows: 2, errors: 2 }))).toEqual({ kind: "none" });
  });

  it("round-trips fields through select values", () => {
    for (const field of [{ kind: "email" }, { kind: "custom", key: "Team: A" }, { kind: "ignore" }] as const) {
      expect(fieldFromValue(fieldValue(field))).toEqual(field);
    }
  });

  it("changes one column of the mapping and keeps the others", () => {
    const mapping = mappingWith(
      [
        { header: "Who", field: { kind: "name" } },
        { header: "Mail", field: { kind: "ignore" } },
      ],
      "Mail",
      { kind: "email" },
    );
    expect(mapping).toEqual({ columns: { Who: { kind: "name" }, Mail: { kind: "email" } } });
  });

  it("describes duplicates by the line they repeat", () => {
    expect(outcomeText({ kind: "duplicate", firstLine: 3 })).toBe("Same email as line 3; left out");
  });

  it("reads the header of a CSV file, quotes and all", () => {
    expect(csvHeader('\uFEFFName,"E-mail, work",Team\r\nAda,ada@x.org,Blue')).toEqual(["Name", "E-mail, work", "Team"]);
    expect(csvHeader("")).toEqual([]);
  });
});
