import * as Dialog from "@radix-ui/react-dialog";
import { useId, useState, type FormEvent } from "react";
import { commands } from "./bindings/commands";
import type { AppError, BusyImportReport, CalendarFile } from "./bindings/types";
import { ErrorBanner } from "./ErrorBanner";
import { toAppError } from "./errors";
import { t, tPlural, tRich } from "./i18n";
import { useLoaded } from "./useLoaded";

type Props = {
  /** The file to import; the dialog is open while there is one. */
  file: CalendarFile | null;
  onClose: () => void;
};

export function CalendarImportDialog({ file, onClose }: Props) {
  return (
    <Dialog.Root open={file !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="calendar-import-dialog">
          <Dialog.Title className="dialog-title">{t("calendarImport.title")}</Dialog.Title>
          {file && (
            <>
              <Dialog.Description className="dialog-description">
                {tRich("calendarImport.description", {
                  file: <strong data-testid="calendar-file-name">{file.name}</strong>,
                })}
              </Dialog.Description>
              {/* Keyed by file, so that each file starts from a fresh form. */}
              <CalendarImportForm key={file.id} file={file} onClose={onClose} />
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function CalendarImportForm({ file, onClose }: { file: CalendarFile; onClose: () => void }) {
  const id = useId();
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<BusyImportReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  // The first study and its first interviewer until others are chosen.
  const studies = useLoaded(() => commands.listStudies(), [], { onError: setError }).data;
  const [chosenStudy, setStudyId] = useState<number | null>(null);
  const studyId = chosenStudy ?? studies?.[0]?.id ?? null;
  const interviewers = useLoaded(
    () => (studyId === null ? null : commands.listInterviewers(studyId)),
    [studyId],
    { onError: setError },
  ).data;
  const [chosenInterviewer, setInterviewerId] = useState<number | null>(null);
  const interviewerId = (interviewers?.find((i) => i.id === chosenInterviewer) ?? interviewers?.[0])?.id ?? null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (interviewerId === null || importing) return;
    setImporting(true);
    setError(null);
    try {
      setReport(await commands.importCalendarFile({ fileId: file.id, interviewerId }));
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setImporting(false);
    }
  }

  if (report) {
    const person = interviewers?.find((i) => i.id === interviewerId);
    return (
      <>
        <div role="status" data-testid="calendar-import-result" className="import-result">
          <p className="notice-title">
            {person
              ? tPlural("calendarImport.result.importedFor", report.imported, { name: person.name })
              : tPlural("calendarImport.result.imported", report.imported)}
          </p>
          <p className="panel-hint">{t("calendarImport.result.replaces")}</p>
          {report.skipped.length > 0 && (
            <>
              <p>{t("calendarImport.result.leftOut")}</p>
              <ul className="import-skipped" data-testid="calendar-import-skipped">
                {report.skipped.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-primary" onClick={onClose} data-testid="calendar-import-done">
            {t("common.done")}
          </button>
        </div>
      </>
    );
  }

  const noStudies = studies?.length === 0;
  const noInterviewers = interviewers?.length === 0;
  return (
    <form className="form" noValidate onSubmit={submit}>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {noStudies ? (
        <p className="panel-hint" data-testid="calendar-no-studies">
          {t("calendarImport.noStudies")}
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-study`}>{t("calendarImport.study")}</label>
            <select
              id={`${id}-study`}
              data-testid="calendar-study"
              value={studyId ?? ""}
              disabled={studies === undefined}
              onChange={(event) => setStudyId(Number(event.target.value))}
            >
              {studies?.map((study) => (
                <option key={study.id} value={study.id}>
                  {study.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-interviewer`}>{t("calendarImport.interviewer")}</label>
            <select
              id={`${id}-interviewer`}
              data-testid="calendar-interviewer"
              value={interviewerId ?? ""}
              disabled={interviewers === undefined || noInterviewers}
              onChange={(event) => setInterviewerId(Number(event.target.value))}
            >
              {interviewers?.map((person) => (
                <option key={person.id} value={person.id}>
                  {t("calendarImport.interviewerOption", { name: person.name, email: person.email })}
                </option>
              ))}
            </select>
            {noInterviewers && (
              <p className="field-error" data-testid="calendar-no-interviewers">
                {tRich("calendarImport.noInterviewers", { command: <code>confab interviewers add</code> })}
              </p>
            )}
          </div>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="calendar-import-submit"
          disabled={interviewerId === null || importing}
          aria-busy={importing || undefined}
        >
          {importing ? t("calendarImport.importing") : t("calendarImport.submit")}
        </button>
      </div>
    </form>
  );
}
