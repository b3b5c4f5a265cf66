import type { DaySettings } from "../../bindings/types";
import { pairsOf, type DayPair } from "./dayPairs";
import { t } from "../../i18n";

export type BlockDraft = { label: string; start: string; minutes: string };

/** The day plan as typed: numbers stay text so an emptied field is reported, not taken as 0. */
export type DayForm = {
  rounds: string;
  roundMinutes: string;
  passingMinutes: string;
  start: string;
  blocks: BlockDraft[];
  conflicts: DayPair[];
  mustMeet: DayPair[];
};

export type DayFormErrors = Partial<Record<"rounds" | "roundMinutes" | "passingMinutes" | "start" | "blocks" | "pairs", string>>;

export const defaultDayForm: DayForm = {
  rounds: "4",
  roundMinutes: "30",
  passingMinutes: "10",
  start: "",
  blocks: [],
  conflicts: [],
  mustMeet: [],
};

export function formOf(settings: DaySettings): DayForm {
  const pairs = pairsOf(settings);
  return {
    rounds: String(settings.rounds),
    roundMinutes: String(settings.roundMinutes),
    passingMinutes: String(settings.passingMinutes),
    start: settings.start ?? "",
    blocks: settings.fixedBlocks.map((b) => ({ label: b.label, start: b.start, minutes: String(b.minutes) })),
    conflicts: pairs.conflicts,
    mustMeet: pairs.mustMeet,
  };
}

const clock = /^([01]?\d|2[0-3]):[0-5]\d$/;

function count(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** The settings for generateDaySchedule, or what is wrong with the form. */
export function toDaySettings(form: DayForm): { settings: DaySettings | null; errors: DayFormErrors } {
  const errors: DayFormErrors = {};
  const rounds = count(form.rounds);
  if (rounds === null || rounds < 1) errors.rounds = t("days.error.rounds");
  const roundMinutes = count(form.roundMinutes);
  if (roundMinutes === null || roundMinutes < 1) errors.roundMinutes = t("days.error.roundMinutes");
  const passingMinutes = form.passingMinutes.trim() === "" ? 0 : count(form.passingMinutes);
  if (passingMinutes === null) errors.passingMinutes = t("days.error.passingMinutes");
  const start = form.start.trim();
  if (start !== "" && !clock.test(start)) errors.start = t("days.error.start");

  const blockProblems: string[] = [];
  const fixedBlocks = form.blocks.map((b, i) => {
    const name = b.label.trim() || t("days.error.blockFallbackName", { number: i + 1 });
    const minutes = count(b.minutes);
    if (b.label.trim() === "") blockProblems.push(t("days.error.blockName", { number: i + 1 }));
    if (!clock.test(b.start.trim())) blockProblems.push(t("days.error.blockStart", { name }));
    if (minutes === null || minutes < 1) blockProblems.push(t("days.error.blockMinutes", { name }));
    return { label: b.label.trim(), start: b.start.trim(), minutes: minutes ?? 0 };
  });
  if (blockProblems.length > 0) errors.blocks = blockProblems.join(" ");

  const clash = form.conflicts.find((c) =>
    form.mustMeet.some((m) => m.applicantId === c.applicantId && m.interviewerId === c.interviewerId),
  );
  if (clash) errors.pairs = t("days.error.pairs");

  if (Object.keys(errors).length > 0) return { settings: null, errors };
  const settings: DaySettings = {
    rounds: rounds ?? 0,
    roundMinutes: roundMinutes ?? 0,
    passingMinutes: passingMinutes ?? 0,
    start: start === "" ? null : start.padStart(5, "0"),
    fixedBlocks,
    conflicts: dedupe(form.conflicts),
    mustMeet: dedupe(form.mustMeet),
  };
  return { settings, errors };
}

function dedupe(pairs: DayPair[]): DayPair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = `${p.applicantId}:${p.interviewerId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
