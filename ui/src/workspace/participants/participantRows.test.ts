import { describe, expect, it } from "vitest";
import type { ParticipantSummary, StatusOption } from "../../bindings/types";
import { ALL_STATUSES, compareKeys, filterRows, foldForSorting, isShown, toRows, type ParticipantRow } from "./participantRows";

/** The rows a search shows, in the list's order. */
function shown(list: ParticipantRow[], text: string, status: string): ParticipantRow[] {
  const filtered = filterRows(list, text, status);
  const found = list.filter((row) => isShown(filtered.shown, row));
  expect(found).toHaveLength(filtered.shownCount);
  return found;
}

const statuses: StatusOption[] = [
  { key: "added", label: "Added" },
  { key: "invited", label: "Invited" },
  { key: "completed", label: "Completed" },
];

function participant(id: number, fields: Partial<ParticipantSummary>): ParticipantSummary {
  return {
    id,
    name: `Person ${id}`,
    email: `p${id}@example.org`,
    timeZone: null,
    phone: "",
    notes: "",
    customFields: {},
    language: null,
    status: "added",
    nextInterviewAt: null,
    createdAt: "2026-11-23T10:00:00Z",
    updatedAt: "2026-11-23T10:00:00Z",
    ...fields,
  };
}

const rows = toRows(
  [
    participant(1, { name: "Ada Park", email: "ada@example.org", notes: "Prefers mornings", status: "invited" }),
    participant(2, { name: "Émile Zola", email: "emile@example.fr", customFields: { Team: "Checkout" } }),
    participant(3, { name: "Bo Li", email: "bo@example.org", status: "completed", nextInterviewAt: "2026-12-07T09:00:00Z" }),
  ],
  statuses,
);

describe("participant rows", () => {
  it("carries the status label and the sort keys", () => {
    expect(rows.map((row) => row.statusLabel)).toEqual(["Invited", "Added", "Completed"]);
    expect(rows[1]?.nameKey).toBe("emile zola");
    expect(rows[2]?.nextInterviewMs).toBe(Date.UTC(2026, 11, 7, 9));
    expect(rows[0]?.nextInterviewMs).toBeUndefined();
  });

  it("matches names, emails, notes and custom fields in any letter case", () => {
    const names = (text: string) => shown(rows, text, ALL_STATUSES).map((row) => row.name);
    expect(names("ADA")).toEqual(["Ada Park"]);
    expect(names("example.fr")).toEqual(["Émile Zola"]);
    expect(names("mornings")).toEqual(["Ada Park"]);
    expect(names("checkout")).toEqual(["Émile Zola"]);
    expect(names("  ")).toHaveLength(3);
  });

  it("needs every typed word, in any order, within the fields", () => {
    expect(shown(rows, "park ada", ALL_STATUSES)).toHaveLength(1);
    expect(shown(rows, "park bo", ALL_STATUSES)).toHaveLength(0);
    // A word cannot start in the name and end in the email.
    expect(shown(rows, "parkada", ALL_STATUSES)).toHaveLength(0);
  });

  it("filters by status and counts each status among the matches", () => {
    expect(shown(rows, "", "completed").map((row) => row.name)).toEqual(["Bo Li"]);
    expect(shown(rows, "example.org", "invited").map((row) => row.name)).toEqual(["Ada Park"]);
    // The counts are of the rows the words match, whichever status is chosen.
    const filtered = filterRows(rows, "example.org", "invited");
    expect(Object.fromEntries(filtered.counts)).toEqual({ invited: 1, completed: 1 });
    expect(filtered.matching).toBe(2);
    expect(filtered.shownCount).toBe(1);
  });

  it("marks no rows when nothing filters, and counts every status", () => {
    const filtered = filterRows(rows, " ", ALL_STATUSES);
    expect(filtered.shown).toBeNull();
    expect(rows.every((row) => isShown(filtered.shown, row))).toBe(true);
    expect(filtered.shownCount).toBe(3);
    expect(Object.fromEntries(filtered.counts)).toEqual({ invited: 1, added: 1, completed: 1 });
  });

  it("sorts names without regard to accents or case", () => {
    const sorted = [...rows].sort((a, b) => compareKeys(a.nameKey, b.nameKey)).map((row) => row.name);
    expect(sorted).toEqual(["Ada Park", "Bo Li", "Émile Zola"]);
    expect(foldForSorting("Ängström")).toBe("angstrom");
  });

  it("filters 10,000 participants by any part of their fields", () => {
    // Its speed is measured in the real window (scripts/measure-participants.mjs), not here, where
    // other work on the machine would make a timing flaky.
    const many = toRows(
      Array.from({ length: 10_000 }, (_, i) => participant(i, { name: `Name ${i}`, notes: i % 7 ? "" : "vip" })),
      statuses,
    );
    expect(filterRows(many, "vip", ALL_STATUSES).shownCount).toBe(1429);
    expect(shown(many, "9999 name", ALL_STATUSES).map((row) => row.id)).toEqual([9999]);
  });
});
