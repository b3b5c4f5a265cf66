import { commands } from "../../bindings/commands";
import { ConfirmDialog } from "../../dialogs/ConfirmDialog";

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
      title={`Remove ${participant?.name ?? ""} from Confab?`}
      description={`${participant?.name ?? ""} (${participant?.email ?? ""}) leaves every study they are enrolled in, not only this one. A participant with a scheduled interview cannot be removed: cancel the interview first, so that they are told.`}
      cancelLabel="Keep"
      confirmLabel="Remove from Confab"
      busyLabel="Removing…"
      confirmTestId="remove-confirm"
      onConfirm={async () => {
        if (!participant) return;
        await commands.removeParticipant(participant.id);
        onRemoved(participant.id);
      }}
    />
  );
}
