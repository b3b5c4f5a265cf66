import { act, fireEvent, render, screen } from "@testing-library/react";
import { Profiler } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ParticipantSummary, StatusOption } from "../../bindings/types";
import { OVERSCAN, ParticipantTable, ROW_HEIGHT } from "./ParticipantTable";
import { toRows } from "./participantRows";

// How often each part renders: the table itself (its row model), each row (through its menu).
const tableRenders = vi.hoisted(() => ({ count: 0 }));
const rowRenders = vi.hoisted(() => new Map<number, number>());

vi.mock("@tanstack/react-table", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@tanstack/react-table")>();
  return {
    ...actual,
    useTable: ((options) => {
      tableRenders.count++;
      return actual.useTable(options);
    }) as typeof actual.useTable,
  };
});

vi.mock("./RowActions", async () => {
  const { useState } = await vi.importActual<typeof import("react")>("react");
  return {
    RowActions: ({ participant }: { participant: { id: number } }) => {
      // Whom this menu was made for: a menu that outlived its participant would say another.
      const [madeFor] = useState(participant.id);
      rowRenders.set(participant.id, (rowRenders.get(participant.id) ?? 0) + 1);
      return <span data-testid="menu-made-for" data-id={madeFor} />;
    },
  };
});

const VIEW_HEIGHT = 600;
// At the top the view shows rows 0 to 13 (600 / 44 = 13.6), and OVERSCAN more are drawn below.
const LAST_IN_VIEW = Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) - 1;
const LAST_AT_TOP = LAST_IN_VIEW + OVERSCAN;
// Scrolling less than this (16 px) from a row's top keeps the same first and last row in view.
const SLACK = (LAST_IN_VIEW + 1) * ROW_HEIGHT - VIEW_HEIGHT;

const statuses: StatusOption[] = [{ key: "added", label: "Added" }];
const people: ParticipantSummary[] = Array.from({ length: 1000 }, (_, i) => ({
  id: i + 1,
  name: `Person ${String(i).padStart(4, "0")}`,
  email: `p${i}@example.org`,
  timeZone: null,
  phone: "",
  notes: "",
  customFields: {},
  language: null,
  status: "added",
  nextInterviewAt: null,
  createdAt: "2026-11-23T10:00:00Z",
  updatedAt: "2026-11-23T10:00:00Z",
}));
const rows = toRows(people, statuses);

const commits = vi.fn();
const noop = () => {};
const sorting: never[] = [];
const selection = {};

function table(shown: Uint8Array | null) {
  return (
    <Profiler id="participants" onRender={commits}>
      <ParticipantTable
        rows={rows}
        shown={shown}
        sorting={sorting}
        onSortingChange={noop}
        selection={selection}
        onSelectionChange={noop}
        statuses={statuses}
        timeZone="Europe/Berlin"
        onAction={noop}
      />
    </Profiler>
  );
}

function renderTable() {
  return render(table(null));
}

function scrollTo(top: number) {
  const box = screen.getByTestId("participant-table");
  act(() => {
    box.scrollTop = top;
    fireEvent.scroll(box);
  });
}

/** The ids of the participants whose rows are in the DOM, in order. */
const idsInDom = () =>
  screen.getAllByTestId("participant-row").map((row) => Number(row.getAttribute("data-participant-id")));
const idsOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i + 1);

function forgetRenders() {
  commits.mockClear();
  tableRenders.count = 0;
  rowRenders.clear();
}

const descriptors = ["clientHeight", "clientWidth"].map(
  (name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const,
);

beforeAll(() => {
  // jsdom lays nothing out: the scrolling box is given a height for the virtualizer to read.
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => VIEW_HEIGHT });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });
});

afterAll(() => {
  for (const [name, descriptor] of descriptors) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  }
});

beforeEach(forgetRenders);

describe("Scrolling the participant table", () => {
  it("renders nothing while the rows to draw stay the same", () => {
    renderTable();
    expect(idsInDom()).toEqual(idsOf(0, LAST_AT_TOP));
    expect(screen.getByTestId("participant-table").querySelector("tbody")?.style.height).toBe(`${1000 * ROW_HEIGHT}px`);
    forgetRenders();

    // The first row in view stays the same, and so does the last.
    for (const top of [4, 8, SLACK - 1, 10, 3]) scrollTo(top);
    expect(commits).not.toHaveBeenCalled();
    expect(tableRenders.count).toBe(0);
    expect(rowRenders.size).toBe(0);
    expect(idsInDom()).toEqual(idsOf(0, LAST_AT_TOP));
  });

  it("renders only the body and the rows that come into view when the range changes", () => {
    renderTable();
    const firstRow = screen.getAllByTestId("participant-row")[0];
    forgetRenders();

    // Five rows down: rows 5 to 18 are in view, so rows up to 28 are drawn.
    scrollTo(5 * ROW_HEIGHT);
    expect(idsInDom()).toEqual(idsOf(0, LAST_AT_TOP + 5));
    expect(commits).toHaveBeenCalledTimes(1);
    // The header and the table's row model are not rendered again, nor the rows that stayed.
    expect(tableRenders.count).toBe(0);
    expect([...rowRenders.keys()].sort((a, b) => a - b)).toEqual(idsOf(LAST_AT_TOP + 1, LAST_AT_TOP + 5));
    expect([...rowRenders.values()].every((count) => count === 1)).toBe(true);
    expect(screen.getAllByTestId("participant-row")[0]).toBe(firstRow);

    // Far down the list: only the rows around the new view are in the DOM, each at its own offset.
    forgetRenders();
    scrollTo(500 * ROW_HEIGHT);
    expect(idsInDom()).toEqual(idsOf(500 - OVERSCAN, LAST_AT_TOP + 500));
    expect(screen.getAllByTestId("participant-row")[0]?.style.transform).toBe(
      `translateY(${(500 - OVERSCAN) * ROW_HEIGHT}px)`,
    );
    expect(screen.getAllByTestId("participant-row")[0]?.getAttribute("aria-rowindex")).toBe(String(500 - OVERSCAN + 2));
    expect(tableRenders.count).toBe(0);
    expect(rowRenders.size).toBe(idsInDom().length);

    // And scrolling on within that range renders nothing again.
    forgetRenders();
    for (const top of [5, 10, SLACK - 1]) scrollTo(500 * ROW_HEIGHT + top);
    expect(commits).not.toHaveBeenCalled();
    expect(rowRenders.size).toBe(0);
  });
});

describe("Searching the participant table", () => {
  it("puts the participants found into the rows on screen, each row's menu made for its own participant", () => {
    const { rerender } = renderTable();
    const rowsBefore = screen.getAllByTestId("participant-row");
    // A search that lets through every third participant only.
    const shown = new Uint8Array(rows.length);
    for (const row of rows) if (row.position % 3 === 0) shown[row.position] = 1;
    rerender(table(shown));

    const found = rows.filter((row) => row.position % 3 === 0).map((row) => row.id);
    expect(idsInDom()).toEqual(found.slice(0, LAST_AT_TOP + 1));
    // The rows on screen are the same elements, now showing other participants.
    const rowsAfter = screen.getAllByTestId("participant-row");
    expect(rowsAfter).toHaveLength(rowsBefore.length);
    expect(rowsAfter.every((row, i) => row === rowsBefore[i])).toBe(true);
    expect(screen.getAllByTestId("participant-name")[1]?.textContent).toBe("Person 0003");
    // A menu belongs to the participant whose row it is in, not to the place on screen.
    const madeFor = screen.getAllByTestId("menu-made-for").map((menu) => Number(menu.getAttribute("data-id")));
    expect(madeFor).toEqual(idsInDom());
  });
});
