import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, OutboxMessage } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { clearDraft } from "../settings/drafts";
import { kindLabel } from "./labels";
import { messageDraftKey } from "./messageDraft";

type Props = {
  message: OutboxMessage | null;
  onClose: () => void;
  onDeleted: (id: number) => void;
};

export function DeleteMessageDialog({ message, onClose, onDeleted }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function confirm() {
    if (!message || busy) return;
    setBusy(true);
    setError(null);
    try {
      await commands.deleteOutboxMessage(message.id);
      clearDraft(messageDraftKey(message.id));
      onDeleted(message.id);
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog.Root
      open={message !== null}
      onOpenChange={(open) => {
        if (!open) {
          setError(null);
          onClose();
        }
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog" data-testid="delete-message-dialog">
          <AlertDialog.Title className="dialog-title">Delete this message?</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            {message && (
              <>
                The {kindLabel(message.kind).toLowerCase()} “{message.subject}” to {message.recipients.join(", ")} will
                never be sent. This cannot be undone; the participant’s status and interview stay as they are.
              </>
            )}
          </AlertDialog.Description>
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <div className="dialog-actions">
            <AlertDialog.Cancel className="button button-secondary">Keep it</AlertDialog.Cancel>
            <button
              type="button"
              className="button button-danger"
              data-testid="delete-message-confirm"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void confirm()}
            >
              {busy ? "Deleting…" : "Delete message"}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
