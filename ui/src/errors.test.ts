import { describe, expect, it } from "vitest";
import type { ErrorCode } from "./bindings/types";
import { nextStepFor, toAppError } from "./errors";

describe("toAppError", () => {
  it("keeps an AppError from the back end as it is", () => {
    expect(toAppError({ code: "database_too_new", message: "schema 9 > 3" })).toEqual({
      code: "database_too_new",
      message: "schema 9 > 3",
    });
  });

  it("treats an object with an unknown code as internal, keeping its message", () => {
    expect(toAppError({ code: "teapot", message: "short and stout" })).toEqual({
      code: "internal",
      message: "short and stout",
    });
  });

  it("gives a known code without a message a generic message", () => {
    expect(toAppError({ code: "storage" })).toEqual({ code: "storage", message: "Something went wrong." });
  });

  it("turns a bare string rejection into an internal error with that text", () => {
    expect(toAppError("command list_studies not found")).toEqual({
      code: "internal",
      message: "command list_studies not found",
    });
  });

  it("uses an Error's message", () => {
    expect(toAppError(new TypeError("window.__TAURI_INTERNALS__ is undefined"))).toEqual({
      code: "internal",
      message: "window.__TAURI_INTERNALS__ is undefined",
    });
  });

  it("describes other shapes instead of dropping them", () => {
    expect(toAppError({ status: 500 })).toEqual({ code: "internal", message: '{"status":500}' });
    expect(toAppError(42)).toEqual({ code: "internal", message: "42" });
    expect(toAppError(undefined)).toEqual({ code: "internal", message: "Something went wrong." });
    expect(toAppError("")).toEqual({ code: "internal", message: "Something went wrong." });
  });
});

describe("nextStepFor", () => {
  it("points to CONFAB_DATA_DIR when the data folder is unusable", () => {
    expect(nextStepFor("data_folder_unusable")).toContain("CONFAB_DATA_DIR");
  });

  it("says the file was left untouched for database problems", () => {
    expect(nextStepFor("database_corrupt")).toContain("backup");
    expect(nextStepFor("database_corrupt")).toContain("left untouched");
    expect(nextStepFor("database_too_new")).toContain("newer Confab version");
    expect(nextStepFor("database_too_new")).toContain("left untouched");
  });

  it("asks to correct the field for invalid input", () => {
    expect(nextStepFor("invalid_input")).toBe("Correct the highlighted field and try again.");
  });

  it("has a distinct line for every code", () => {
    const codes: ErrorCode[] = [
      "invalid_input",
      "not_found",
      "conflict",
      "data_folder_unusable",
      "database_corrupt",
      "database_too_new",
      "database_unreachable",
      "database_sign_in",
      "changed_meanwhile",
      "storage",
      "internal",
    ];
    const lines = codes.map(nextStepFor);
    for (const line of lines) expect(line.length).toBeGreaterThan(10);
    expect(new Set(lines).size).toBe(codes.length);
  });
});
