import type { AppError, ErrorCode } from "./bindings/types";

// Keyed by ErrorCode so that a code added on the Rust side fails the type check here
// until someone writes the advice for it.
const nextSteps: Record<ErrorCode, string> = {
  invalid_input: "Correct the highlighted field and try again.",
  not_found: "It may have been removed in the meantime. Refresh the list and try again.",
  conflict: "It clashes with something that already exists. Change the details and try again.",
  data_folder_unusable:
    "Choose another folder with the CONFAB_DATA_DIR setting, or fix the folder's permissions, then restart Confab.",
  database_corrupt:
    "Restore the database from a backup, then restart Confab. The file was left untouched.",
  database_too_new:
    "Open it with the newer Confab version that wrote it. The file was left untouched.",
  storage: "Check that the disk has free space and the data folder is writable, then try again.",
  mail: "Check the mail account in Settings → Mail (Test connection says which step fails), then Sync again. Nothing was lost: messages stay in the outbox.",
  sign_in: "Sign in again under Settings → Mail. Until then Sync sends nothing, and nothing waiting in the outbox is lost.",
  sync_running:
    "Wait for the other Sync (in another window or a scheduled confab sync) to finish, then Sync again if there is anything left. Nothing is sent twice.",
  internal: "Try again. If it keeps happening, restart Confab and report the message above.",
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(nextSteps, value);
}

/** Turns whatever a rejected command promise carries into an AppError. */
export function toAppError(reason: unknown): AppError {
  if (typeof reason === "object" && reason !== null) {
    const { code, message } = reason as { code?: unknown; message?: unknown };
    const text = typeof message === "string" && message.trim() !== "" ? message : undefined;
    if (isErrorCode(code)) {
      return { code, message: text ?? "Something went wrong." };
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

function describeUnknown(reason: unknown): string {
  if (reason === undefined || reason === null || typeof reason === "string") {
    return "Something went wrong.";
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
  return nextSteps[code];
}
