import type { ParticipantSummary, StatusOption } from "../../bindings/types";
import { t } from "../../i18n";

/** A participant as the table shows it, with what searching and sorting need worked out once. */
export type ParticipantRow = ParticipantSummary & {
  /** Where the row is in its list: a search marks the rows it shows by this place. */
  position: number;
  /** The enrolment status as the researcher reads it ("Interview Scheduled"). */
  statusLabel: string;
  /** Name, email, notes and custom field values in lower case, for matching as they type. */
  searchText: string;
  /** Position of the status on a participant's way through a study, for sorting by status. */
  statusRank: number;
  /** Name and email folded for sorting (case and accents aside), so a sort never calls a collator. */
  nameKey: string;
  emailKey: string;
  /** Milliseconds since the epoch; undefined when there is none, which sorts last. */
  nextInterviewMs: number | undefined;
  createdMs: number | undefined;
};

/** Filter value meaning "every status". */
export const ALL_STATUSES = "";

export function toRows(participants: ParticipantSummary[], statuses: StatusOption[]): ParticipantRow[] {
  const labels = new Map(statuses.map((option, index) => [option.key, { label: option.label, rank: index }]));
  return participants.map((participant, position) => {
    const known = participant.status === null ? undefined : labels.get(participant.status);
    return {
      ...participant,
      position,
      statusLabel: known?.label ?? participant.status ?? t("participants.notEnrolled"),
      statusRank: known?.rank ?? statuses.length,
      searchText: searchTextOf(participant),
      nameKey: foldForSorting(participant.name),
      emailKey: participant.email.toLowerCase(),
      nextInterviewMs: timestampOf(participant.nextInterviewAt),
      createdMs: timestampOf(participant.createdAt),
    };
  });
}

function searchTextOf(participant: ParticipantSummary): string {
  // A separator no one types keeps a match from running across two fields.
  return [participant.name, participant.email, participant.notes, ...Object.values(participant.customFields)]
    .join("\u0000")
    .toLowerCase();
}

export function foldForSorting(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function timestampOf(value: string | null): number | undefined {
  if (value === null) return undefined;
  // SQLite's "YYYY-MM-DD HH:MM:SS" is UTC without saying so.
  const ms = Date.parse(value.includes("T") ? value : `${value.replace(" ", "T")}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** What the researcher typed, as it is matched: trimmed, lower case, words in any order. */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((term) => term !== "");
}

/** What a search and the status filter let through, worked out in one pass over the rows. */
export type Filtered = {
  /** How many rows contain every typed word, whatever their status. */
  matching: number;
  /** Of those, how many are in each status; the status filter shows these beside each choice. */
  counts: Map<string, number>;
  /** How many rows are shown: they match the words and have the chosen status. */
  shownCount: number;
  /**
   * Indexed by a row's `position`, 1 when it is shown; null when nothing filters. A keystroke
   * fills this instead of a set of rows: ten thousand writes to a byte array cost less than
   * hashing ten thousand objects, and asking it costs less again.
   */
  shown: Uint8Array | null;
};

/** The rows whose fields contain every typed word and whose status is the chosen one. */
export function filterRows(rows: ParticipantRow[], text: string, status: string): Filtered {
  const terms = searchTerms(text);
  const filters = terms.length > 0 || status !== ALL_STATUSES;
  const shown = filters ? new Uint8Array(rows.length) : null;
  const counts = new Map<string, number>();
  let matching = 0;
  let shownCount = 0;
  // Plain loops: this runs over every loaded row on every keystroke.
  outer: for (const row of rows) {
    for (const term of terms) {
      if (!row.searchText.includes(term)) continue outer;
    }
    matching += 1;
    const key = row.status ?? "";
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (status !== ALL_STATUSES && row.status !== status) continue;
    shownCount += 1;
    if (shown !== null) shown[row.position] = 1;
  }
  return { matching, counts, shownCount, shown };
}

/** Whether a search's `shown` (see `Filtered`) lets `row` through. */
export function isShown(shown: Uint8Array | null, row: ParticipantRow): boolean {
  return shown === null || shown[row.position] === 1;
}

/** Ascending order of two precomputed sort keys; TanStack Table reverses it for descending. */
export function compareKeys<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
