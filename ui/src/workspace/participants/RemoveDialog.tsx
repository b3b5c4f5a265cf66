import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";

type Props = {
  /** Null while the dialog is closed. */
  participant: { id: number; name: string; email: string } | null;
  onClose: () => void;
  onRemoved: (participantId: number) => void;
};

/** Asks before a participant is removed from Confab, with every enrolment. */
export function RemoveDialog({ participant, onClose, onRemoved }: Props) {
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function remove() {
    if (!participant || removing) return;
    setRemoving(true);
    setError(null);
    try {
      await commands.removeParticipant(participant.id);
      onRemoved(participant.id);
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setRemoving(false);
    }
  }

  function close() {
    setError(null);
    onClose();
  }

  return (
    <AlertDialog.Root open={participant !== null} onOpenChange={(open) => !open && !removing && close()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog" data-testid="remove-dialog">
          <AlertDialog.Title className="dialog-title">Remove {participant?.name} from Confab?</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            {participant?.name} ({participant?.email}) leaves every study they are enrolled in, not only this
            one. A participant with a scheduled interview cannot be removed: cancel the interview first, so
            that they are told.
          </AlertDialog.Description>
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button button-secondary" disabled={removing}>
                Keep
              </button>
            </AlertDialog.Cancel>
            <button
              type="button"
              className="button button-danger"
              data-testid="remove-confirm"
              disabled={removing}
              aria-busy={removing || undefined}
              onClick={() => void remove()}
            >
              {removing ? "Removing…" : "Remove from Confab"}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
