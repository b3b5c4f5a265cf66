import type { NewStudy } from "./bindings/types";
import { isKnownTimeZone } from "./timeZones";
import { t } from "./i18n";

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
    errors.name = t("study.error.nameMissing");
  } else if (/\p{Cc}/u.test(name)) {
    errors.name = t("study.error.nameControl");
  } else if (characterCount(name) > MAX_NAME_LENGTH) {
    errors.name = t("study.error.nameTooLong", { max: MAX_NAME_LENGTH });
  }

  if (characterCount(input.description.trim()) > MAX_DESCRIPTION_LENGTH) {
    errors.description = t("study.error.descriptionTooLong", { max: MAX_DESCRIPTION_LENGTH });
  }

  const timeZone = input.timeZone.trim();
  if (timeZone === "") {
    errors.timeZone = t("study.error.timeZoneMissing");
  } else if (!isKnownTimeZone(timeZone)) {
    errors.timeZone = t("study.error.timeZoneUnknown", { zone: timeZone });
  }

  const minutes = input.interviewMinutes;
  if (!Number.isFinite(minutes)) {
    errors.interviewMinutes = t("study.error.minutesMissing");
  } else if (!Number.isInteger(minutes)) {
    errors.interviewMinutes = t("study.error.minutesWhole");
  } else if (minutes < MIN_INTERVIEW_MINUTES || minutes > MAX_INTERVIEW_MINUTES) {
    errors.interviewMinutes = t("study.error.minutesRange", { min: MIN_INTERVIEW_MINUTES, max: MAX_INTERVIEW_MINUTES });
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
