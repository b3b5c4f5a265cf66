import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, StudySummary } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";

type Props = {
  study: StudySummary;
  onArchived: () => void;
};

/** Archiving hides a study from the list; the confirmation says plainly that nothing is lost. */
export function ArchiveStudy({ study, onArchived }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function archive() {
    setBusy(true);
    setError(null);
    try {
      await commands.archiveStudy(study.id);
      setOpen(false);
      onArchived();
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel settings-section settings-danger" aria-labelledby="settings-archive-heading">
      <h2 className="panel-title" id="settings-archive-heading">
        Archive this study
      </h2>
      <p className="panel-hint">
        When the study is over, archive it to take it off the Studies list. Nothing is deleted.
      </p>
      <AlertDialog.Root
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setError(null);
        }}
      >
        <AlertDialog.Trigger asChild>
          <button type="button" className="button button-secondary archive-button" data-testid="archive-study-button">
            Archive study…
          </button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="dialog-overlay" />
          <AlertDialog.Content className="dialog" data-testid="archive-dialog">
            <AlertDialog.Title className="dialog-title">Archive “{study.name}”?</AlertDialog.Title>
            <AlertDialog.Description className="dialog-description">
              The study leaves the Studies list. Nothing is deleted: its participants, interviews, messages and
              history are all kept in the database and in backups.
            </AlertDialog.Description>
            {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
            <div className="dialog-actions">
              <AlertDialog.Cancel asChild>
                <button type="button" className="button button-secondary">
                  Keep it
                </button>
              </AlertDialog.Cancel>
              <button
                type="button"
                className="button button-primary"
                data-testid="archive-confirm"
                disabled={busy}
                aria-busy={busy || undefined}
                onClick={archive}
              >
                {busy ? "Archiving…" : "Archive study"}
              </button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </section>
  );
}
