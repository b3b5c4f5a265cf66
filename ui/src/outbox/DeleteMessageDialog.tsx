import { commands } from "../bindings/commands";
import type { OutboxMessage } from "../bindings/types";
import { ConfirmDialog } from "../dialogs/ConfirmDialog";
import { clearDraft } from "../drafts/drafts";
import { kindLabel } from "./labels";
import { messageDraftKey } from "./messageDraft";

type Props = {
  message: OutboxMessage | null;
  onClose: () => void;
  onDeleted: (id: number) => void;
};

export function DeleteMessageDialog({ message, onClose, onDeleted }: Props) {
  return (
    <ConfirmDialog
      open={message !== null}
      onOpenChange={(open) => !open && onClose()}
      testId="delete-message-dialog"
      title="Delete this message?"
      description={
        message && (
          <>
            The {kindLabel(message.kind).toLowerCase()} “{message.subject}” to {message.recipients.join(", ")} will
            never be sent. This cannot be undone; the participant’s status and interview stay as they are.
          </>
        )
      }
      cancelLabel="Keep it"
      confirmLabel="Delete message"
      busyLabel="Deleting…"
      confirmTestId="delete-message-confirm"
      onConfirm={async () => {
        if (!message) return;
        await commands.deleteOutboxMessage(message.id);
        clearDraft(messageDraftKey(message.id));
        onDeleted(message.id);
      }}
    />
  );
}
