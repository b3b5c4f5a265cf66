// This file is generated from the Rust command table by `CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings`. Do not edit.
import { invoke, type Channel } from "@tauri-apps/api/core";
import type { AboutInfo, AppEvent, BusyImportReport, CalendarImport, InterviewerView, NewStudy, StartupState, StudySummary } from "./types";

export const commands = {
  startupState: (): Promise<StartupState> => invoke("startup_state"),
  listStudies: (): Promise<Array<StudySummary>> => invoke("list_studies"),
  createStudy: (input: NewStudy): Promise<StudySummary> => invoke("create_study", { input }),
  loadDemoStudy: (): Promise<StudySummary> => invoke("load_demo_study"),
  about: (): Promise<AboutInfo> => invoke("about"),
  openLogsFolder: (): Promise<null> => invoke("open_logs_folder"),
  subscribeAppEvents: (onEvent: Channel<AppEvent>): Promise<null> => invoke("subscribe_app_events", { onEvent }),
  listInterviewers: (studyId: number): Promise<Array<InterviewerView>> => invoke("list_interviewers", { studyId }),
  importCalendarFile: (input: CalendarImport): Promise<BusyImportReport> => invoke("import_calendar_file", { input }),
};
