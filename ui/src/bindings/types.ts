// This file is generated from the Rust types by `CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings`. Do not edit.
export type ErrorCode = "invalid_input" | "not_found" | "conflict" | "data_folder_unusable" | "database_corrupt" | "database_too_new" | "storage" | "internal";

export type AppError = { code: ErrorCode, message: string, };

export type StartupState = { "status": "ready", dataDir: string, databasePath: string, } | { "status": "failed", error: AppError, };

export type StudySummary = { id: number, name: string, description: string, timeZone: string, interviewMinutes: number, createdAt: string, };

export type NewStudy = { name: string, description: string, timeZone: string, interviewMinutes: number, };
