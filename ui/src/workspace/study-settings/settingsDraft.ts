import type { AppError, NewStudy, Staffing, StudyKind, StudySettings, StudySummary } from "../../bindings/types";
import { fieldProblems } from "../../fieldProblems";
import { t } from "../../i18n";

/**
 * The Study settings form as typed: numbers stay text so that an emptied field can mean
 * "no cap" (or be reported) instead of silently becoming 0.
 */
export type SettingsDraft = {
  name: string;
  description: string;
  timeZone: string;
  interviewMinutes: string;
  kind: StudyKind;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minNoticeMinutes: string;
  horizonDays: string;
  maxPerDay: string;
  maxPerWeek: string;
  changeCutoffHours: string;
  location: string;
  conferencingUrl: string;
  dialIn: string;
  selfScheduling: boolean;
  reminderHours: string;
  waitlistOfferHours: string;
  interviewsPerParticipant: string;
  language: string;
  staffing: Staffing;
};

export type DraftField = keyof SettingsDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

const optional = (value: number | null): string => (value === null ? "" : String(value));

export function draftOf(study: StudySummary, settings: StudySettings): SettingsDraft {
  return {
    name: study.name,
    description: study.description,
    timeZone: study.timeZone,
    interviewMinutes: String(study.interviewMinutes),
    kind: settings.kind,
    bufferBeforeMinutes: String(settings.bufferBeforeMinutes),
    bufferAfterMinutes: String(settings.bufferAfterMinutes),
    minNoticeMinutes: String(settings.minNoticeMinutes),
    horizonDays: String(settings.horizonDays),
    maxPerDay: optional(settings.maxPerDay),
    maxPerWeek: optional(settings.maxPerWeek),
    changeCutoffHours: String(settings.changeCutoffHours),
    location: settings.location,
    conferencingUrl: settings.conferencingUrl,
    dialIn: settings.dialIn,
    selfScheduling: settings.selfScheduling,
    reminderHours: optional(settings.reminderHours),
    waitlistOfferHours: optional(settings.waitlistOfferHours),
    interviewsPerParticipant: String(settings.interviewsPerParticipant),
    language: settings.language,
    staffing: settings.staffing,
  };
}

/** Staffing is an object: a draft restored from storage holds an equal copy, not the same one. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

const studyFields: DraftField[] = ["name", "description", "timeZone", "interviewMinutes"];

/** Whether the study's own details (saved with updateStudy) differ between two drafts. */
export function studyDetailsChanged(a: SettingsDraft, b: SettingsDraft): boolean {
  return studyFields.some((field) => !sameValue(a[field], b[field]));
}

/** Whether the scheduling settings (saved with updateStudySettings) differ between two drafts. */
export function schedulingChanged(a: SettingsDraft, b: SettingsDraft): boolean {
  return (Object.keys(a) as DraftField[]).some((field) => !studyFields.includes(field) && !sameValue(a[field], b[field]));
}

export function sameDraft(a: SettingsDraft, b: SettingsDraft): boolean {
  return !studyDetailsChanged(a, b) && !schedulingChanged(a, b);
}

/**
 * The draft moved onto what is saved now: a field the researcher left as it was in `base` (the
 * values the draft started from) takes the value saved now, so saving it does not undo what
 * someone else changed meanwhile; a field they changed keeps what they typed.
 */
export function rebaseDraft(draft: SettingsDraft, base: SettingsDraft, now: SettingsDraft): SettingsDraft {
  const next: Record<string, unknown> = { ...draft };
  for (const field of Object.keys(now) as DraftField[]) {
    if (sameValue(draft[field], base[field])) next[field] = now[field];
  }
  return next as SettingsDraft;
}

/** A panel larger than this is a hearing, not an interview (the back end's limit too). */
export const MAX_PANEL = 12;

/** What is wrong with a staffing choice as typed: a panel size must be a whole number 1 to 12, or empty for all. */
export function staffingError(staffing: Staffing): string | undefined {
  if (staffing.mode !== "panel" || staffing.size === null) return undefined;
  const size = staffing.size;
  if (Number.isInteger(size) && size >= 1 && size <= MAX_PANEL) return undefined;
  return t("studySettings.staffing.panelSizeError", { max: MAX_PANEL });
}

type Parsed = { value: number | null; error?: string };

/** A whole number, or `null` when the field is empty and `empty` allows it. */
function wholeNumber(text: string, what: string, empty: string | null): Parsed {
  const trimmed = text.trim();
  if (trimmed === "") {
    return empty === null ? { value: null } : { value: null, error: empty };
  }
  if (!/^-?\d+$/.test(trimmed)) return { value: null, error: t("studySettings.error.wholeNumber", { what }) };
  return { value: Number(trimmed) };
}

export function toNewStudy(draft: SettingsDraft): { study: NewStudy; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const minutes = wholeNumber(draft.interviewMinutes, t("studySettings.what.interviewLength"), t("study.error.minutesMissing"));
  if (minutes.error) errors.interviewMinutes = minutes.error;
  if (draft.name.trim() === "") errors.name = t("study.error.nameMissing");
  if (draft.timeZone.trim() === "") errors.timeZone = t("study.error.timeZoneMissing");
  return {
    study: {
      name: draft.name.trim(),
      description: draft.description.trim(),
      timeZone: draft.timeZone.trim(),
      interviewMinutes: minutes.value ?? 0,
    },
    errors,
  };
}

/**
 * The settings the back end takes: empty caps and reminders become `null` ("none"); other
 * numbers must be given. The back end checks the ranges and says which field is wrong.
 */
export function toStudySettings(draft: SettingsDraft): { settings: StudySettings; errors: DraftErrors } {
  const errors: DraftErrors = {};
  // `what` names the setting inside the sentences of the error; `empty` is the whole sentence for an empty field.
  const required = (field: DraftField, what: string, empty = t("studySettings.error.required", { what })): number => {
    const parsed = wholeNumber(String(draft[field]), what, empty);
    if (parsed.error) errors[field] = parsed.error;
    return parsed.value ?? 0;
  };
  const capOrNone = (field: DraftField, what: string): number | null => {
    const parsed = wholeNumber(String(draft[field]), what, null);
    if (parsed.error) errors[field] = t("studySettings.error.orEmpty", { error: parsed.error });
    return parsed.value;
  };
  const settings: StudySettings = {
    kind: draft.kind,
    bufferBeforeMinutes: required("bufferBeforeMinutes", t("studySettings.what.bufferBefore")),
    bufferAfterMinutes: required("bufferAfterMinutes", t("studySettings.what.bufferAfter")),
    minNoticeMinutes: required("minNoticeMinutes", t("studySettings.what.minNotice")),
    horizonDays: required("horizonDays", t("studySettings.what.horizon"), t("studySettings.error.horizonDays")),
    maxPerDay: capOrNone("maxPerDay", t("studySettings.what.dailyCap")),
    maxPerWeek: capOrNone("maxPerWeek", t("studySettings.what.weeklyCap")),
    changeCutoffHours: required("changeCutoffHours", t("studySettings.what.cutoff")),
    location: draft.location.trim(),
    conferencingUrl: draft.conferencingUrl.trim(),
    dialIn: draft.dialIn.trim(),
    selfScheduling: draft.selfScheduling,
    reminderHours: capOrNone("reminderHours", t("studySettings.what.reminder")),
    waitlistOfferHours: capOrNone("waitlistOfferHours", t("studySettings.what.waitlist")),
    interviewsPerParticipant: required(
      "interviewsPerParticipant",
      t("studySettings.what.perParticipant"),
      t("studySettings.error.interviewsPerParticipant"),
    ),
    language: draft.language,
    staffing: draft.staffing,
  };
  const staffing = staffingError(draft.staffing);
  if (staffing) errors.staffing = staffing;
  return { settings, errors };
}

/** Every field, in the form's order, so that the first wrong one is the one focused. */
export const draftFields: readonly DraftField[] = [
  "name",
  "description",
  "timeZone",
  "interviewMinutes",
  "kind",
  "staffing",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "minNoticeMinutes",
  "horizonDays",
  "maxPerDay",
  "maxPerWeek",
  "changeCutoffHours",
  "location",
  "conferencingUrl",
  "dialIn",
  "selfScheduling",
  "reminderHours",
  "waitlistOfferHours",
  "interviewsPerParticipant",
  "language",
];

/** The back end's problems with the settings, by the field each names; the rest under `rest`. */
export function settingsErrorsFrom(error: AppError): { fields: DraftErrors; rest: string[] } {
  return fieldProblems(error, draftFields);
}
