import { commands } from "../../bindings/commands";
import type { SessionView } from "../../bindings/types";
import { ConfirmDialog } from "../../dialogs/ConfirmDialog";
import { t } from "../../i18n";

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
          {t("sessions.delete.button")}
        </button>
      }
      narrow
      testId="session-delete-dialog"
      title={t("sessions.delete.title", { title: session.title })}
      description={t("sessions.delete.description")}
      cancelLabel={t("sessions.delete.keep")}
      confirmLabel={t("sessions.delete.confirm")}
      busyLabel={t("sessions.delete.busy")}
      confirmTestId="session-delete-confirm"
      onConfirm={async () => {
        await commands.deleteSession(session.id);
        onDeleted();
      }}
    />
  );
}
