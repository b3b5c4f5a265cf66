import type { AppError } from "../../bindings/types";
import { fieldProblems } from "../../fieldProblems";

/** The fields of the add/edit participant form. */
export type ParticipantField = "name" | "email" | "timeZone" | "language" | "phone" | "notes";
export type ParticipantErrors = Partial<Record<ParticipantField, string>>;

/** The form's fields in its order, so that the first wrong one is the one focused. */
export const participantFields: readonly ParticipantField[] = ["name", "email", "timeZone", "language", "phone", "notes"];

/** The back end's problems with the participant form, by field; the rest shows above the form. */
export function fieldErrorsFrom(error: AppError): { fields: ParticipantErrors; other: string[] } {
  const { fields, rest } = fieldProblems(error, participantFields);
  return { fields, other: rest };
}
