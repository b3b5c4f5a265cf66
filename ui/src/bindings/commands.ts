// This file is generated from the Rust command table by `CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings`. Do not edit.
import { invoke } from "@tauri-apps/api/core";
import type { NewStudy, StartupState, StudySummary } from "./types";

export const commands = {
  startupState: (): Promise<StartupState> => invoke("startup_state"),
  listStudies: (): Promise<Array<StudySummary>> => invoke("list_studies"),
  createStudy: (input: NewStudy): Promise<StudySummary> => invoke("create_study", { input }),
  loadDemoStudy: (): Promise<StudySummary> => invoke("load_demo_study"),
};
