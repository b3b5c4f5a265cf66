import { commands } from "../../bindings/commands";
import { ConfirmDialog } from "../../dialogs/ConfirmDialog";
import { t } from "../../i18n";

type Props = {
  /** Null while the dialog is closed. */
  participant: { id: number; name: string; email: string } | null;
  onClose: () => void;
  onRemoved: (participantId: number) => void;
};

/** Asks before a participant is removed from Confab, with every enrolment. */
export function RemoveDialog({ participant, onClose, onRemoved }: Props) {
  return (
    <ConfirmDialog
      open={participant !== null}
      onOpenChange={(open) => !open && onClose()}
      testId="remove-dialog"
      title={t("participants.remove.title", { name: participant?.name ?? "" })}
      description={t("participants.remove.description", { name: participant?.name ?? "", email: participant?.email ?? "" })}
      cancelLabel={t("participants.remove.keep")}
      confirmLabel={t("participants.remove.confirm")}
      busyLabel={t("participants.remove.busy")}
      confirmTestId="remove-confirm"
      onConfirm={async () => {
        if (!participant) return;
        await commands.removeParticipant(participant.id);
        onRemoved(participant.id);
      }}
    />
  );
}
