import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, StudySummary, StudyTransferReport } from "../bindings/types";
import { BusyButton } from "../dialogs/BusyButton";
import { ConfirmDialog } from "../dialogs/ConfirmDialog";
import { toAppError } from "../errors";
import { t } from "../i18n";
import { useLoaded } from "../useLoaded";

function counts(report: StudyTransferReport): string {
  return t("studyTransfer.counts", {
    participants: String(report.participants),
    interviews: String(report.interviews),
    messages: String(report.messages),
  });
}

/**
 * While Confab works on the team database: the studies begun on this computer, each movable into
 * the team database whole (participants, history, outbox, and the links already sent, which keep
 * working), and a copy of a team study taken back to this computer.
 */
export function StudyTransfer() {
  const here = useLoaded(() => commands.studiesOnThisComputer(), []);
  const team = useLoaded(() => commands.listStudies(), []);
  const [moving, setMoving] = useState<StudySummary | null>(null);
  const [copying, setCopying] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);

  async function move(study: StudySummary) {
    const report = await commands.moveStudyFromThisComputer(study.id);
    setNote(t("studyTransfer.moved", { name: report.name, counts: counts(report) }));
    await Promise.all([here.reload(), team.reload()]);
  }

  async function copy(study: StudySummary) {
    setCopying(study.id);
    setFailure(null);
    setNote(null);
    try {
      const report = await commands.copyStudyToThisComputer(study.id);
      setNote(t("studyTransfer.copied", { name: report.name, counts: counts(report) }));
      await here.reload();
    } catch (reason) {
      setFailure(toAppError(reason));
    } finally {
      setCopying(null);
    }
  }

  return (
    <div className="study-transfer" data-testid="study-transfer">
      <h3 className="settings-subtitle" id="studies-here-heading">
        {t("studyTransfer.here")}
      </h3>
      <p className="field-hint">{t("studyTransfer.hereHint")}</p>
      {here.data && here.data.length === 0 && <p className="field-hint">{t("studyTransfer.noneHere")}</p>}
      {here.data && here.data.length > 0 && (
        <ul className="transfer-list" aria-labelledby="studies-here-heading">
          {here.data.map((study) => (
            <li key={study.id} data-testid="study-here">
              <span className="transfer-name">{study.name}</span>
              <button
                type="button"
                className="button button-secondary"
                data-testid="study-move"
                onClick={() => {
                  setNote(null);
                  setMoving(study);
                }}
              >
                {t("studyTransfer.move")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {team.data && team.data.length > 0 && (
        <>
          <h3 className="settings-subtitle" id="studies-team-heading">
            {t("studyTransfer.team")}
          </h3>
          <ul className="transfer-list" aria-labelledby="studies-team-heading">
            {team.data.map((study) => (
              <li key={study.id} data-testid="study-team">
                <span className="transfer-name">{study.name}</span>
                <BusyButton
                  className="button button-quiet"
                  testId="study-copy-here"
                  busy={copying === study.id}
                  disabled={copying !== null}
                  label={t("studyTransfer.copy")}
                  busyLabel={t("studyTransfer.copying")}
                  onClick={() => void copy(study)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {note && (
        <p className="settings-note" role="status" data-testid="study-transfer-note">
          {note}
        </p>
      )}
      {failure && (
        <div className="connection-result connection-failed" role="alert" data-testid="study-transfer-failed">
          <p>{failure.message}</p>
        </div>
      )}
      <ConfirmDialog
        open={moving !== null}
        onOpenChange={(open) => {
          if (!open) setMoving(null);
        }}
        title={t("studyTransfer.confirmTitle", { name: moving?.name ?? "" })}
        description={t("studyTransfer.confirmDescription")}
        cancelLabel={t("common.cancel")}
        confirmLabel={t("studyTransfer.move")}
        busyLabel={t("studyTransfer.moving")}
        tone="primary"
        onConfirm={async () => {
          if (moving) await move(moving);
        }}
        testId="study-move-dialog"
        confirmTestId="study-move-confirm"
        narrow
      />
    </div>
  );
}
