import type { NewStudy } from "./bindings/types";
import { isKnownTimeZone } from "./timeZones";

export const MIN_INTERVIEW_MINUTES = 5;
export const MAX_INTERVIEW_MINUTES = 480;
export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 5000;

export type StudyField = keyof NewStudy;
export type StudyErrors = Partial<Record<StudyField, string>>;

/** Checks a study before it is sent; an empty result means it can be sent. */
export function validateNewStudy(input: NewStudy): StudyErrors {
  const errors: StudyErrors = {};

  const name = input.name.trim();
  if (name === "") {
    errors.name = "Enter a name for the study.";
  } else if (/\p{Cc}/u.test(name)) {
    errors.name = "The name cannot contain line breaks or tabs.";
  } else if (characterCount(name) > MAX_NAME_LENGTH) {
    errors.name = `Use at most ${MAX_NAME_LENGTH} characters for the name.`;
  }

  if (characterCount(input.description.trim()) > MAX_DESCRIPTION_LENGTH) {
    errors.description = `Use at most ${MAX_DESCRIPTION_LENGTH} characters for the description.`;
  }

  const timeZone = input.timeZone.trim();
  if (timeZone === "") {
    errors.timeZone = "Choose a time zone, for example Europe/Berlin.";
  } else if (!isKnownTimeZone(timeZone)) {
    errors.timeZone = `“${timeZone}” is not a time zone Confab knows. Pick a region and city from the list, for example America/New_York.`;
  }

  const minutes = input.interviewMinutes;
  if (!Number.isFinite(minutes)) {
    errors.interviewMinutes = "Enter the interview length in minutes.";
  } else if (!Number.isInteger(minutes)) {
    errors.interviewMinutes = "Use whole minutes.";
  } else if (minutes < MIN_INTERVIEW_MINUTES || minutes > MAX_INTERVIEW_MINUTES) {
    errors.interviewMinutes = `Use between ${MIN_INTERVIEW_MINUTES} and ${MAX_INTERVIEW_MINUTES} minutes.`;
  }

  return errors;
}

// The back end counts Unicode characters, not UTF-16 units, so an emoji counts once on both sides.
function characterCount(text: string): number {
  return [...text].length;
}

/** The study as the back end should store it: surrounding whitespace is never meaningful. */
export function normaliseNewStudy(input: NewStudy): NewStudy {
  return {
    name: input.name.trim(),
    description: input.description.trim(),
    timeZone: input.timeZone.trim(),
    interviewMinutes: input.interviewMinutes,
  };
}

/**
 * Which form field a back-end invalid_input message is about, if it names one, so the form can
 * highlight it. The back end has no field property in AppError, only prose.
 */
export function fieldNamedIn(message: string): StudyField | undefined {
  const text = message.toLowerCase();
  // "time zone name" must not count as the study's name, so time zone is checked first.
  if (/time[ _]?zone/.test(text)) return "timeZone";
  if (/minute|length|duration/.test(text)) return "interviewMinutes";
  if (/description/.test(text)) return "description";
  if (/\bname\b/.test(text)) return "name";
  return undefined;
}
