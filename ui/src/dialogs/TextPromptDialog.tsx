import { useId, useState, type FormEvent, type ReactNode } from "react";
import { ErrorBanner } from "../ErrorBanner";
import { BusyButton } from "./BusyButton";
import { DialogShell } from "./DialogShell";
import { useBusyAction } from "./useBusyAction";
import { t } from "../i18n";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  testId: string;
  /** Said above the field: what will happen. */
  intro?: ReactNode;
  label: string;
  /** Marks the field "(optional)"; an empty text is then fine to send. */
  optional?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  rows?: number;
  fieldTestId: string;
  cancelLabel: string;
  submitLabel: string;
  busyLabel: string;
  submitTestId: string;
  tone?: "danger" | "primary";
  /** Does the work with the trimmed text; a rejection is shown in the dialog, which stays open. */
  onSubmit: (text: string) => Promise<void>;
  /** Closes the dialog once the work is done (otherwise the caller shows a `result`). */
  closeOnSuccess?: boolean;
  /** What came of it, shown instead of the form once there is something to show. */
  result?: ReactNode;
};

/** Asks for a few words (a reason, a note, a message) before an action, and does it. */
export function TextPromptDialog(props: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <DialogShell
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={props.title}
      description={props.description}
      testId={props.testId}
      busy={busy}
    >
      {/* Mounted only while open, so every opening starts with an empty field. */}
      {props.result ?? <PromptForm {...props} onBusyChange={setBusy} />}
    </DialogShell>
  );
}

function PromptForm(props: Props & { onBusyChange: (busy: boolean) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const { busy, error, run, clearError } = useBusyAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onBusyChange(true);
    const done = await run(() => props.onSubmit(text.trim()));
    props.onBusyChange(false);
    if (done && props.closeOnSuccess) props.onOpenChange(false);
  }

  return (
    <form className="form" onSubmit={submit}>
      {props.intro && <p className="dialog-note">{props.intro}</p>}
      {error && <ErrorBanner error={error} onDismiss={clearError} />}
      <div className="field">
        <label htmlFor={`${id}-text`}>
          {props.label}
          {props.optional && (
            <>
              {" "}
              <span className="field-optional">{t("common.optional")}</span>
            </>
          )}
        </label>
        <textarea
          id={`${id}-text`}
          data-testid={props.fieldTestId}
          rows={props.rows ?? 3}
          value={text}
          disabled={busy}
          placeholder={props.placeholder}
          onChange={(event) => setText(event.target.value)}
        />
        {props.hint && <p className="field-hint">{props.hint}</p>}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => props.onOpenChange(false)}>
          {props.cancelLabel}
        </button>
        <BusyButton
          type="submit"
          className={props.tone === "danger" ? "button button-danger" : "button button-primary"}
          testId={props.submitTestId}
          busy={busy}
          label={props.submitLabel}
          busyLabel={props.busyLabel}
        />
      </div>
    </form>
  );
}
