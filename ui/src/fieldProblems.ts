import type { AppError } from "./bindings/types";

/**
 * The back end's problems with the fields of one form: each field's message (several joined),
 * and the messages that belong to no field of this form. An error about no field at all is
 * one message for the whole form.
 */
export function fieldProblems<F extends string>(
  error: AppError,
  known: readonly F[],
): { fields: Partial<Record<F, string>>; rest: string[] } {
  const fields: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  const problems = error.fields ?? [];
  if (problems.length === 0) return { fields, rest: [error.message] };
  for (const problem of problems) {
    const field = known.find((k) => k === problem.field);
    if (field === undefined) {
      rest.push(problem.message);
      continue;
    }
    const earlier = fields[field];
    fields[field] = earlier === undefined ? problem.message : `${earlier} ${problem.message}`;
  }
  return { fields, rest };
}
