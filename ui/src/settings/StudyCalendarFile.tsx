import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { t } from "../i18n";

/**
 * The study's calendar file: for a calendar without CalDAV (Microsoft 365) or no account at
 * all, the researcher subscribes to it or imports it. Confab rewrites it after every change.
 */
export function StudyCalendarFile({ studyId }: { studyId: number }) {
  const [path, setPath] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function show() {
    setBusy(true);
    setError(null);
    try {
      setPath(await commands.studyCalendarFile(studyId));
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="calendar-file" data-testid="study-calendar-file">
      <p className="panel-hint">{t("calendarFile.hint")}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {path === null ? (
        <button type="button" className="button button-secondary" onClick={show} disabled={busy} data-testid="study-calendar-file-show">
          {busy ? t("calendarFile.writing") : t("calendarFile.show")}
        </button>
      ) : (
        <>
          <label className="field-label" htmlFor={`calendar-file-${studyId}`}>
            {t("calendarFile.pathLabel")}
          </label>
          <input
            id={`calendar-file-${studyId}`}
            className="input"
            readOnly
            value={path}
            onFocus={(event) => event.currentTarget.select()}
            data-testid="study-calendar-file-path"
          />
          <p className="panel-hint">{t("calendarFile.howTo")}</p>
        </>
      )}
    </div>
  );
}
