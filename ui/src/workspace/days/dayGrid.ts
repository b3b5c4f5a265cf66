import type { DayConflictView, DayRoundView, DayScheduleView, DaySlot } from "../../bindings/types";
import { t } from "../../i18n";

/** One applicant in one round: what a swap exchanges. */
export type GridApplicant = { applicantId: number; name: string; round: number };

export type GridCell =
  | { kind: "meets"; round: number; applicants: GridApplicant[] }
  | { kind: "free"; round: number }
  | { kind: "unavailable"; round: number };

export type GridRow = { interviewerId: number; name: string; cells: GridCell[] };

/** The columns of the day in time order: rounds, with the fixed blocks between them. */
export type GridColumn =
  | { kind: "round"; round: number; times: DayRoundView }
  | { kind: "block"; times: DayRoundView };

export type DayGrid = {
  columns: GridColumn[];
  rows: GridRow[];
  /** Applicants who sit a round out, per round (index 0 is round 1). */
  breaks: GridApplicant[][];
};

export const slotKey = (slot: DaySlot): string => `${slot.applicantId}:${slot.round}`;

/**
 * Interviewers (rows) × rounds (columns), each cell the applicants that interviewer meets then.
 * Built from the itineraries rather than the timetables so that a hand-made double booking shows
 * both applicants in the one cell instead of hiding one of them.
 */
export function buildDayGrid(view: DayScheduleView): DayGrid {
  const roundCount = view.rounds.length;
  const hosts = new Map<string, GridApplicant[]>();
  const breaks: GridApplicant[][] = Array.from({ length: roundCount }, () => []);
  const unknownInterviewers = new Map<number, string>();
  for (const itinerary of view.itineraries) {
    for (const seat of itinerary.seats) {
      const who = { applicantId: itinerary.applicantId, name: itinerary.name, round: seat.round };
      if (seat.interviewerId === null) {
        breaks[seat.round - 1]?.push(who);
        continue;
      }
      const key = `${seat.interviewerId}:${seat.round}`;
      hosts.set(key, [...(hosts.get(key) ?? []), who]);
      if (!view.timetables.some((table) => table.interviewerId === seat.interviewerId)) {
        unknownInterviewers.set(seat.interviewerId, seat.interviewerName ?? t("days.interviewerFallback", { id: seat.interviewerId }));
      }
    }
  }
  const people = [
    ...view.timetables.map((table) => ({ interviewerId: table.interviewerId, name: table.name, duties: table.duties })),
    ...[...unknownInterviewers].map(([interviewerId, name]) => ({ interviewerId, name, duties: [] })),
  ];
  const rows: GridRow[] = people.map((person) => ({
    interviewerId: person.interviewerId,
    name: person.name,
    cells: view.rounds.map((_, index): GridCell => {
      const round = index + 1;
      const applicants = hosts.get(`${person.interviewerId}:${round}`) ?? [];
      if (applicants.length > 0) return { kind: "meets", round, applicants };
      const duty = person.duties.find((d) => d.round === round);
      return duty?.unavailable ? { kind: "unavailable", round } : { kind: "free", round };
    }),
  }));
  return { columns: columnsOf(view), rows, breaks };
}

function columnsOf(view: DayScheduleView): GridColumn[] {
  const columns: GridColumn[] = [
    ...view.rounds.map((times, index): GridColumn => ({ kind: "round", round: index + 1, times })),
    ...view.blocks.map((times): GridColumn => ({ kind: "block", times })),
  ];
  // Stable: a block that starts as a round starts stays after it only if given later, which
  // the back end never does (no round overlaps a block).
  return columns.sort((a, b) => Date.parse(a.times.start) - Date.parse(b.times.start));
}

/**
 * Which cells each broken rule is about, from the seats the back end names with it: each named
 * applicant's seat in each named round (every round, if none is named) with one of the named
 * interviewers (any interviewer, if none is named).
 */
export function conflictCells(view: DayScheduleView, conflicts: readonly DayConflictView[]): Map<string, string[]> {
  const cells = new Map<string, string[]>();
  for (const conflict of conflicts) {
    for (const itinerary of view.itineraries) {
      if (!conflict.applicants.includes(itinerary.applicantId)) continue;
      for (const seat of itinerary.seats) {
        if (conflict.rounds.length > 0 && !conflict.rounds.includes(seat.round)) continue;
        if (seat.interviewerId === null) continue;
        if (conflict.interviewers.length > 0 && !conflict.interviewers.includes(seat.interviewerId)) continue;
        const key = slotKey({ applicantId: itinerary.applicantId, round: seat.round });
        cells.set(key, [...(cells.get(key) ?? []), conflict.message]);
      }
    }
  }
  return cells;
}

/** The applicant of a slot as the grid shows them, wherever they sit that round. */
export function applicantAt(grid: DayGrid, slot: DaySlot): GridApplicant | undefined {
  const same = (who: GridApplicant) => who.applicantId === slot.applicantId && who.round === slot.round;
  const waiting = grid.breaks[slot.round - 1]?.find(same);
  if (waiting) return waiting;
  for (const row of grid.rows) {
    const cell = row.cells[slot.round - 1];
    const found = cell?.kind === "meets" ? cell.applicants.find(same) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The interviewer a slot's applicant meets that round, or null when they sit it out. */
export function hostOf(grid: DayGrid, slot: DaySlot): { interviewerId: number; name: string } | null {
  for (const row of grid.rows) {
    const cell = row.cells[slot.round - 1];
    if (cell?.kind === "meets" && cell.applicants.some((who) => who.applicantId === slot.applicantId)) {
      return { interviewerId: row.interviewerId, name: row.name };
    }
  }
  return null;
}
