import type { StudySummary } from "./bindings/types";

/** The screens outside a study, reached from the sidebar's top entries. */
export type ScreenId = "studies" | "outbox" | "settings";

/** The sections of a study's workspace, reached from the sidebar while a study is open. */
export type PaneId = "overview" | "participants" | "sessions" | "interviews" | "days" | "study-settings";

export type Place =
  | { screen: ScreenId }
  | { screen: "study"; study: StudySummary; pane: PaneId };

export const navEntries: ReadonlyArray<{ id: ScreenId; label: string }> = [
  { id: "studies", label: "Studies" },
  { id: "outbox", label: "Outbox" },
  { id: "settings", label: "Settings" },
];

export const paneEntries: ReadonlyArray<{ id: PaneId; label: string }> = [
  { id: "overview", label: "Overview" },
  { id: "participants", label: "Participants" },
  { id: "sessions", label: "Sessions & availability" },
  { id: "interviews", label: "Interviews" },
  { id: "days", label: "Interview days" },
  { id: "study-settings", label: "Study settings" },
];
