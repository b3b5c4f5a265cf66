import * as Dialog from "@radix-ui/react-dialog";
import { useId, useMemo, useState, type FormEvent } from "react";
import { commands } from "../bindings/commands";
import type { AppError, OutboxEdit, OutboxMessage } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { RestoredDraftNote } from "../drafts/RestoredDraftNote";
import { useDraft } from "../drafts/useDraft";
import { messageDraftKey } from "./messageDraft";
import { t } from "../i18n";

type Props = {
  message: OutboxMessage | null;
  onClose: () => void;
  onSaved: (message: OutboxMessage) => void;
};

export function EditMessageDialog({ message, onClose, onSaved }: Props) {
  return (
    <Dialog.Root open={message !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide" data-testid="edit-message-dialog">
          <Dialog.Title className="dialog-title">{t("outbox.edit.title")}</Dialog.Title>
          <Dialog.Description className="dialog-description">{t("outbox.edit.description")}</Dialog.Description>
          {message && <EditMessageForm key={message.id} message={message} onClose={onClose} onSaved={onSaved} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function EditMessageForm({ message, onClose, onSaved }: { message: OutboxMessage } & Omit<Props, "message">) {
  const id = useId();
  const saved = useMemo<OutboxEdit>(() => ({ subject: message.subject, text: message.text }), [message]);
  const draft = useDraft(messageDraftKey(message.id), saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const value = draft.value ?? saved;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (value.text.trim() === "") {
      setError({ code: "invalid_input", message: t("outbox.edit.empty") });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await commands.editOutboxMessage(message.id, value);
      draft.markSaved({ subject: updated.subject, text: updated.text });
      onSaved(updated);
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    // Cancel means "throw my changes away"; closing the window keeps them as a draft.
    draft.discard();
    onClose();
  }

  return (
    <form className="form" onSubmit={submit}>
      {draft.restored && <RestoredDraftNote onDiscard={draft.discard} testId="draft-restored" />}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t("outbox.edit.subject")}</label>
        <input
          id={`${id}-subject`}
          data-testid="edit-message-subject"
          type="text"
          value={value.subject}
          onChange={(event) => draft.setValue({ ...value, subject: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t("outbox.edit.text")}</label>
        <textarea
          id={`${id}-text`}
          data-testid="edit-message-text"
          className="message-editor"
          rows={14}
          value={value.text}
          onChange={(event) => draft.setValue({ ...value, text: event.target.value })}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={cancel}>
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="edit-message-save"
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t("outbox.edit.saving") : t("outbox.edit.save")}
        </button>
      </div>
    </form>
  );
}
