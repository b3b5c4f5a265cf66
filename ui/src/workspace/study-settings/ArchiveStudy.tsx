import { commands } from "../../bindings/commands";
import type { StudySummary } from "../../bindings/types";
import { ConfirmDialog } from "../../dialogs/ConfirmDialog";
import { t } from "../../i18n";

type Props = {
  study: StudySummary;
  onArchived: () => void;
};

/** Archiving hides a study from the list; the confirmation says plainly that nothing is lost. */
export function ArchiveStudy({ study, onArchived }: Props) {
  return (
    <section className="panel settings-section settings-danger" aria-labelledby="settings-archive-heading">
      <h2 className="panel-title" id="settings-archive-heading">
        {t("studySettings.archive.title")}
      </h2>
      <p className="panel-hint">{t("studySettings.archive.hint")}</p>
      <ConfirmDialog
        trigger={
          <button type="button" className="button button-secondary archive-button" data-testid="archive-study-button">
            {t("studySettings.archive.button")}
          </button>
        }
        testId="archive-dialog"
        title={t("studySettings.archive.dialogTitle", { name: study.name })}
        description={t("studySettings.archive.description")}
        cancelLabel={t("studySettings.archive.keep")}
        confirmLabel={t("studySettings.archive.confirm")}
        busyLabel={t("studySettings.archive.busy")}
        tone="primary"
        confirmTestId="archive-confirm"
        onConfirm={async () => {
          await commands.archiveStudy(study.id);
          onArchived();
        }}
      />
    </section>
  );
}
