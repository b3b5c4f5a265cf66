// This file is generated from the Rust types by `CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings`. Do not edit.
export type ErrorCode = "invalid_input" | "not_found" | "conflict" | "data_folder_unusable" | "database_corrupt" | "database_too_new" | "mail" | "storage" | "internal";

export type AppError = { code: ErrorCode, message: string, };

export type StartupState = { "status": "ready", dataDir: string, databasePath: string, } | { "status": "failed", error: AppError, };

export type StudySummary = { id: number, name: string, description: string, timeZone: string, interviewMinutes: number, createdAt: string, };

export type NewStudy = { name: string, description: string, timeZone: string, interviewMinutes: number, };

export type AboutInfo = { version: string, 
/**
 * An SPDX license expression, such as `MIT`.
 */
license: string, dataDir: string, logDir: string, };

export type InterviewerView = { id: number, studyId: number, name: string, email: string, };

export type BusyImportReport = { imported: number, 
/**
 * Events that were left out, each with the reason.
 */
skipped: Array<string>, };

export type CalendarFile = { id: number, 
/**
 * The file's name, to show.
 */
name: string, path: string, };

export type CalendarImport = { fileId: number, interviewerId: number, };

export type BackupReport = { path: string, };

export type RestoreReport = { restoredFrom: string, 
/**
 * Missing when there was no database before the restore.
 */
previousKeptAt: string | null, };

export type AppEvent = { "kind": "showAbout" } | { "kind": "calendarFileOpened", file: CalendarFile, } | { "kind": "backedUp", report: BackupReport, } | { "kind": "restored", report: RestoreReport, } | { "kind": "actionFailed", action: string, error: AppError, };
