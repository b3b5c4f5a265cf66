import type { DayRoundView, DayScheduleView, DaySlot } from "../../bindings/types";
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

/** "rounds 1, 3 and 5–6" → [1, 3, 5, 6]; "round 2" → [2]. */
export function roundsIn(message: string): number[] {
  const found = /\brounds? ((?:\d+(?:[–-]\d+)?)(?:(?:, | and )\d+(?:[–-]\d+)?)*)/.exec(message);
  if (!found?.[1]) return [];
  const rounds: number[] = [];
  for (const part of found[1].split(/, | and /)) {
    const [first, last] = part.split(/[–-]/).map(Number);
    if (first === undefined || Number.isNaN(first)) continue;
    for (let r = first; r <= (last ?? first); r++) rounds.push(r);
  }
  return rounds;
}

function mentions(message: string, name: string): boolean {
  if (name.trim() === "") return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "u").test(message);
}

/**
 * Which cells each broken rule is about. The back end says its conflicts in words only; they
 * name the applicants, the interviewer and the rounds, which is enough to find the cells: an
 * applicant's seat in a named round with a named interviewer (any interviewer, if none is named).
 */
export function conflictCells(view: DayScheduleView, conflicts: readonly string[]): Map<string, string[]> {
  const cells = new Map<string, string[]>();
  const interviewers = view.timetables.map((table) => ({ id: table.interviewerId, name: table.name }));
  for (const message of conflicts) {
    const rounds = roundsIn(message);
    const named = interviewers.filter((i) => mentions(message, i.name)).map((i) => i.id);
    for (const itinerary of view.itineraries) {
      if (!mentions(message, itinerary.name)) continue;
      for (const seat of itinerary.seats) {
        if (rounds.length > 0 && !rounds.includes(seat.round)) continue;
        if (seat.interviewerId === null) continue;
        if (named.length > 0 && !named.includes(seat.interviewerId)) continue;
        const key = slotKey({ applicantId: itinerary.applicantId, round: seat.round });
        cells.set(key, [...(cells.get(key) ?? []), message]);
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
