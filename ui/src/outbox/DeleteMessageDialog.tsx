import { commands } from "../bindings/commands";
import type { OutboxMessage } from "../bindings/types";
import { ConfirmDialog } from "../dialogs/ConfirmDialog";
import { clearDraft } from "../drafts/drafts";
import { kindLabel } from "./labels";
import { messageDraftKey } from "./messageDraft";
import { t } from "../i18n";

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
      title={t("outbox.delete.title")}
      description={
        message &&
        t("outbox.delete.description", {
          kind: kindLabel(message.kind).toLowerCase(),
          subject: message.subject,
          recipients: message.recipients.join(", "),
        })
      }
      cancelLabel={t("outbox.delete.keep")}
      confirmLabel={t("outbox.delete.confirm")}
      busyLabel={t("outbox.delete.busy")}
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
