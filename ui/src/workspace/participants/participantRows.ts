import type { ParticipantSummary, StatusOption } from "../../bindings/types";
import { t } from "../../i18n";

/** A participant as the table shows it, with what searching and sorting need worked out once. */
export type ParticipantRow = ParticipantSummary & {
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
  return participants.map((participant) => {
    const known = participant.status === null ? undefined : labels.get(participant.status);
    return {
      ...participant,
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

/** The rows whose fields contain every typed word and whose status is the chosen one. */
export function filterRows(rows: ParticipantRow[], text: string, status: string): ParticipantRow[] {
  const terms = searchTerms(text);
  if (terms.length === 0 && status === ALL_STATUSES) return rows;
  // Plain loops: this runs over every loaded row on every keystroke.
  const found: ParticipantRow[] = [];
  outer: for (const row of rows) {
    if (status !== ALL_STATUSES && row.status !== status) continue;
    for (const term of terms) {
      if (!row.searchText.includes(term)) continue outer;
    }
    found.push(row);
  }
  return found;
}

/** How many of `rows` are in each status; the status filter shows these beside each choice. */
export function countByStatus(rows: ParticipantRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = row.status ?? "";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Ascending order of two precomputed sort keys; TanStack Table reverses it for descending. */
export function compareKeys<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
