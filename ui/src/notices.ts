import type { AppEvent } from "./bindings/types";
import type { Notice } from "./NoticeBanner";

/** The banner an event from the app shows, if it shows one. */
export function noticeFor(event: AppEvent): Notice | null {
  switch (event.kind) {
    case "backedUp":
      return {
        tone: "success",
        title: "Database backed up",
        message: `A copy was saved to ${event.report.path}.`,
      };
    case "restored": {
      const previous = event.report.previousKeptAt;
      return {
        tone: "success",
        title: "Backup restored",
        message:
          `Confab now works on the records of ${event.report.restoredFrom}.` +
          (previous ? ` The database as it was before is kept at ${previous}.` : ""),
      };
    }
    case "actionFailed":
      return { tone: "failure", title: `${event.action} did not complete`, message: event.error.message };
    case "showAbout":
    case "calendarFileOpened":
      return null;
  }
}
