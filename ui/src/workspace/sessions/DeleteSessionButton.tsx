import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, SessionView } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";

type Props = {
  session: SessionView;
  onDeleted: () => void;
};

/**
 * Deletes a session after a confirmation. The back end refuses one with interviews or held
 * choices and says to hide it instead; that message is shown here, where it was asked.
 */
export function DeleteSessionButton({ session, onDeleted }: Props) {
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function remove() {
    setDeleting(true);
    setError(null);
    try {
      await commands.deleteSession(session.id);
      setOpen(false);
      onDeleted();
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setDeleting(false);
    }
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <button type="button" className="button button-quiet button-danger-text" data-testid="session-delete">
          Delete…
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog dialog-narrow" data-testid="session-delete-dialog">
          <AlertDialog.Title className="dialog-title">Delete “{session.title}”?</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            It disappears from the calendar and is no longer offered. A session that already has interviews or
            choices cannot be deleted; hide it instead.
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
              className="button button-danger"
              data-testid="session-delete-confirm"
              disabled={deleting}
              aria-busy={deleting || undefined}
              onClick={() => void remove()}
            >
              {deleting && <span className="spinner" aria-hidden="true" />}
              {deleting ? "Deleting…" : "Delete session"}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
