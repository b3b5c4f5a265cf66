import type { SessionPattern, SessionView } from "../../bindings/types";
import { datePart, isoWeekday, timePart, wallClockOf, type WallClock } from "../../time/zonedTime";
import { t } from "../../i18n";

export type SessionKind = SessionPattern["kind"];

/** The session form as typed: every field a string, so a half-typed value is never lost. */
export type SessionDraft = {
  title: string;
  kind: SessionKind;
  /** The date of a one-off window or interview day. */
  date: string;
  startTime: string;
  endTime: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  validFrom: string;
  /** Empty: no last date. */
  validUntil: string;
  capacity: string;
  interviewerIds: number[];
  visible: boolean;
};

export type DraftField = "title" | "date" | "startTime" | "endTime" | "validFrom" | "validUntil" | "capacity";
export type DraftErrors = Partial<Record<DraftField, string>>;

export const MAX_CAPACITY = 1000;

// What the researcher sees in the title field, and what is saved if they leave it.
const defaultTitles: Record<SessionKind, string> = {
  window: t("sessions.defaultTitle.window"),
  weekly: t("sessions.defaultTitle.weekly"),
  day: t("sessions.defaultTitle.day"),
};

export function defaultTitle(kind: SessionKind): string {
  return defaultTitles[kind];
}

/** Interview-day studies start with interview days; others with windows cut into slots. */
export function defaultKind(studyKind: string | undefined): SessionKind {
  return studyKind === "interview_days" ? "day" : "window";
}

function defaultCapacity(kind: SessionKind): string {
  return kind === "day" ? "10" : "1";
}

/**
 * A new session's form for the range a researcher selected on the calendar (or, from the
 * New session button, a sensible hour). A whole-day selection, as in the month view, gets
 * office hours.
 */
export function draftForRange(start: WallClock, end: WallClock, allDay: boolean, kind: SessionKind): SessionDraft {
  const date = datePart(start);
  const startTime = allDay ? "09:00" : timePart(start);
  // A selection reaching midnight ends the day at 23:59 rather than at 00:00 the next day.
  const endTime = allDay ? "17:00" : datePart(end) !== date ? "23:59" : timePart(end);
  return {
    title: defaultTitle(kind),
    kind,
    date,
    startTime,
    endTime,
    weekday: isoWeekday(date),
    validFrom: date,
    validUntil: "",
    capacity: defaultCapacity(kind),
    interviewerIds: [],
    visible: true,
  };
}

/** Switching kinds keeps what was typed, and swaps a default title or capacity for the new kind's. */
export function withKind(draft: SessionDraft, kind: SessionKind): SessionDraft {
  const next = { ...draft, kind };
  if (Object.values(defaultTitles).includes(draft.title.trim()) || draft.title.trim() === "") {
    next.title = defaultTitle(kind);
  }
  if (draft.capacity === defaultCapacity(draft.kind)) next.capacity = defaultCapacity(kind);
  if (kind === "weekly" && draft.date) {
    next.weekday = isoWeekday(draft.date);
    next.validFrom = draft.validFrom || draft.date;
  }
  return next;
}

/** The form of an existing session, with times in the study's zone. */
export function draftOfSession(session: SessionView, zone: string): SessionDraft {
  const base = {
    title: session.title,
    kind: session.pattern.kind,
    capacity: String(session.capacity),
    interviewerIds: [...session.interviewerIds],
    visible: session.visible,
  };
  const p = session.pattern;
  if (p.kind === "weekly") {
    return {
      ...base,
      date: p.validFrom,
      startTime: p.startTime,
      endTime: p.endTime,
      weekday: p.weekday,
      validFrom: p.validFrom,
      validUntil: p.validUntil ?? "",
    };
  }
  const start = wallClockOf(p.start, zone);
  const end = wallClockOf(p.end, zone);
  return {
    ...base,
    date: datePart(start),
    startTime: timePart(start),
    endTime: datePart(end) === datePart(start) ? timePart(end) : "23:59",
    weekday: isoWeekday(datePart(start)),
    validFrom: datePart(start),
    validUntil: "",
  };
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const isTime = (s: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

/** What is wrong with the form, field by field, in words that say how to fix it. */
export function validateDraft(draft: SessionDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.title.trim() === "") errors.title = t("sessions.error.title");
  if (draft.kind === "weekly") {
    if (!isDate(draft.validFrom)) errors.validFrom = t("sessions.error.validFrom");
    if (draft.validUntil !== "" && !isDate(draft.validUntil)) errors.validUntil = t("sessions.error.validUntil");
    else if (draft.validUntil !== "" && isDate(draft.validFrom) && draft.validUntil < draft.validFrom) {
      errors.validUntil = t("sessions.error.validUntilBeforeFrom");
    }
  } else if (!isDate(draft.date)) {
    errors.date = t("sessions.error.date");
  }
  if (!isTime(draft.startTime)) errors.startTime = t("sessions.error.startTime");
  if (!isTime(draft.endTime)) errors.endTime = t("sessions.error.endTime");
  else if (isTime(draft.startTime) && draft.endTime <= draft.startTime) {
    errors.endTime = t("sessions.error.endBeforeStart");
  }
  const capacity = Number(draft.capacity);
  if (draft.capacity.trim() === "" || !Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
    errors.capacity = t("sessions.error.capacity", { max: MAX_CAPACITY });
  }
  return errors;
}

/**
 * The pattern the back end reads. Times are sent as the study's wall-clock times (no offset):
 * the back end places them in the study's zone, and refuses a time that a daylight-saving
 * change skips with a message saying so.
 */
export function patternOfDraft(draft: SessionDraft): SessionPattern {
  if (draft.kind === "weekly") {
    return {
      kind: "weekly",
      weekday: draft.weekday,
      startTime: draft.startTime,
      endTime: draft.endTime,
      validFrom: draft.validFrom,
      validUntil: draft.validUntil === "" ? null : draft.validUntil,
    };
  }
  return { kind: draft.kind, start: `${draft.date}T${draft.startTime}`, end: `${draft.date}T${draft.endTime}` };
}
