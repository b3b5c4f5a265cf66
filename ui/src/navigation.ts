import type { StudySummary } from "./bindings/types";
import { t } from "./i18n";

/** The screens outside a study, reached from the sidebar's top entries. */
export type ScreenId = "studies" | "outbox" | "settings";

/** The sections of a study's workspace, reached from the sidebar while a study is open. */
export type PaneId = "overview" | "participants" | "sessions" | "interviews" | "days" | "study-settings";

export type Place =
  | { screen: ScreenId }
  | { screen: "study"; study: StudySummary; pane: PaneId };

export const navEntries: ReadonlyArray<{ id: ScreenId; label: string }> = [
  { id: "studies", label: t("nav.studies") },
  { id: "outbox", label: t("nav.outbox") },
  { id: "settings", label: t("nav.settings") },
];

export const paneEntries: ReadonlyArray<{ id: PaneId; label: string }> = [
  { id: "overview", label: t("nav.pane.overview") },
  { id: "participants", label: t("nav.pane.participants") },
  { id: "sessions", label: t("nav.pane.sessions") },
  { id: "interviews", label: t("nav.pane.interviews") },
  { id: "days", label: t("nav.pane.days") },
  { id: "study-settings", label: t("nav.pane.studySettings") },
];
