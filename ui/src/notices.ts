import type { AppEvent } from "./bindings/types";
import type { Notice } from "./NoticeBanner";
import { t } from "./i18n";

/** The banner an event from the app shows, if it shows one. */
export function noticeFor(event: AppEvent): Notice | null {
  switch (event.kind) {
    case "backedUp":
      return {
        tone: "success",
        title: t("notices.backedUp.title"),
        message: t("notices.backedUp.message", { path: event.report.path }),
      };
    case "restored": {
      const previous = event.report.previousKeptAt;
      return {
        tone: "success",
        title: t("notices.restored.title"),
        message: previous
          ? t("notices.restored.messageWithPrevious", { source: event.report.restoredFrom, previous })
          : t("notices.restored.message", { source: event.report.restoredFrom }),
      };
    }
    case "actionFailed":
      return { tone: "failure", title: t("notices.actionFailed.title", { action: event.action }), message: event.error.message };
    case "showAbout":
    case "calendarFileOpened":
    case "dataChanged":
    case "teamDatabaseLost":
      return null;
  }
}
