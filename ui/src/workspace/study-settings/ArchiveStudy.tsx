import { commands } from "../../bindings/commands";
import type { StudySummary } from "../../bindings/types";
import { ConfirmDialog } from "../../dialogs/ConfirmDialog";

type Props = {
  study: StudySummary;
  onArchived: () => void;
};

/** Archiving hides a study from the list; the confirmation says plainly that nothing is lost. */
export function ArchiveStudy({ study, onArchived }: Props) {
  return (
    <section className="panel settings-section settings-danger" aria-labelledby="settings-archive-heading">
      <h2 className="panel-title" id="settings-archive-heading">
        Archive this study
      </h2>
      <p className="panel-hint">
        When the study is over, archive it to take it off the Studies list. Nothing is deleted.
      </p>
      <ConfirmDialog
        trigger={
          <button type="button" className="button button-secondary archive-button" data-testid="archive-study-button">
            Archive study…
          </button>
        }
        testId="archive-dialog"
        title={`Archive “${study.name}”?`}
        description="The study leaves the Studies list. Nothing is deleted: its participants, interviews, messages and history are all kept in the database and in backups."
        cancelLabel="Keep it"
        confirmLabel="Archive study"
        busyLabel="Archiving…"
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
