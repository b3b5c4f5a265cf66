import { commands } from "../../bindings/commands";
import type { SessionView } from "../../bindings/types";
import { ConfirmDialog } from "../../dialogs/ConfirmDialog";

type Props = {
  session: SessionView;
  onDeleted: () => void;
};

/**
 * Deletes a session after a confirmation. The back end refuses one with interviews or held
 * choices and says to hide it instead; that message is shown here, where it was asked.
 */
export function DeleteSessionButton({ session, onDeleted }: Props) {
  return (
    <ConfirmDialog
      trigger={
        <button type="button" className="button button-quiet button-danger-text" data-testid="session-delete">
          Delete…
        </button>
      }
      narrow
      testId="session-delete-dialog"
      title={`Delete “${session.title}”?`}
      description="It disappears from the calendar and is no longer offered. A session that already has interviews or choices cannot be deleted; hide it instead."
      cancelLabel="Keep it"
      confirmLabel="Delete session"
      busyLabel="Deleting…"
      confirmTestId="session-delete-confirm"
      onConfirm={async () => {
        await commands.deleteSession(session.id);
        onDeleted();
      }}
    />
  );
}
