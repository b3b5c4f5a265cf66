import * as Dialog from "@radix-ui/react-dialog";
import { useId, useState, type FormEvent } from "react";
import type { AppError } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  noteLabel: string;
  notePlaceholder?: string;
  submitLabel: string;
  busyLabel: string;
  /** Does the work; a rejection is shown in the dialog, which stays open. */
  onSubmit: (note: string) => Promise<void>;
  testId: string;
};

/** Asks for an optional note before an action on an item that needs attention. */
export function NoteDialog(props: Props) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid={props.testId}>
          <Dialog.Title className="dialog-title">{props.title}</Dialog.Title>
          <Dialog.Description className="dialog-description">{props.description}</Dialog.Description>
          {/* Mounted only while open, so every opening starts with an empty note. */}
          <NoteForm {...props} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function NoteForm({ noteLabel, notePlaceholder, submitLabel, busyLabel, onSubmit, onOpenChange, testId }: Props) {
  const id = useId();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(note.trim());
      onOpenChange(false);
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="field">
        <label htmlFor={`${id}-note`}>
          {noteLabel} <span className="field-optional">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          data-testid={`${testId}-note`}
          rows={3}
          placeholder={notePlaceholder}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="dialog-actions">
        <Dialog.Close className="button button-secondary" type="button">
          Cancel
        </Dialog.Close>
        <button
          type="submit"
          className="button button-primary"
          data-testid={`${testId}-submit`}
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
