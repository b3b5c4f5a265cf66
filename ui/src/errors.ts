import type { AppError, ErrorCode, FieldProblem } from "./bindings/types";
import { t } from "./i18n";

// Keyed by ErrorCode so that a code added on the Rust side fails the type check here
// until someone writes the advice for it.
const nextSteps: Record<ErrorCode, () => string> = {
  invalid_input: () => t("errors.nextStep.invalidInput"),
  not_found: () => t("errors.nextStep.notFound"),
  conflict: () => t("errors.nextStep.conflict"),
  data_folder_unusable: () => t("errors.nextStep.dataFolderUnusable"),
  database_corrupt: () => t("errors.nextStep.databaseCorrupt"),
  database_too_new: () => t("errors.nextStep.databaseTooNew"),
  database_unreachable: () => t("errors.nextStep.databaseUnreachable"),
  database_sign_in: () => t("errors.nextStep.databaseSignIn"),
  storage: () => t("errors.nextStep.storage"),
  mail: () => t("errors.nextStep.mail"),
  sign_in: () => t("errors.nextStep.signIn"),
  changed_meanwhile: () => t("errors.nextStep.changedMeanwhile"),
  sync_running: () => t("errors.nextStep.syncRunning"),
  internal: () => t("errors.nextStep.internal"),
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(nextSteps, value);
}

/** Turns whatever a rejected command promise carries into an AppError. */
export function toAppError(reason: unknown): AppError {
  if (typeof reason === "object" && reason !== null) {
    const { code, message, fields } = reason as { code?: unknown; message?: unknown; fields?: unknown };
    const text = typeof message === "string" && message.trim() !== "" ? message : undefined;
    if (isErrorCode(code)) {
      const problems = fieldProblemsIn(fields);
      return { code, message: text ?? t("errors.unknown"), ...(problems.length > 0 ? { fields: problems } : {}) };
    }
    if (text !== undefined) {
      return { code: "internal", message: text };
    }
  }
  // Tauri rejects with a bare string when the command itself is missing or its arguments don't deserialize.
  if (typeof reason === "string" && reason.trim() !== "") {
    return { code: "internal", message: reason };
  }
  return { code: "internal", message: describeUnknown(reason) };
}

function fieldProblemsIn(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is FieldProblem =>
      typeof p === "object" && p !== null && typeof p.field === "string" && typeof p.message === "string",
  );
}

function describeUnknown(reason: unknown): string {
  if (reason === undefined || reason === null || typeof reason === "string") {
    return t("errors.unknown");
  }
  try {
    const json = JSON.stringify(reason);
    if (json !== undefined && json !== "{}") return json;
  } catch {
    // Circular or otherwise unserialisable: fall through to String().
  }
  return String(reason);
}

/** A short line telling the researcher what to do about an error. */
export function nextStepFor(code: ErrorCode): string {
  return nextSteps[code]();
}
