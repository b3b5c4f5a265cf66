import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState, type ReactNode } from "react";
import { ErrorBanner } from "../ErrorBanner";
import { BusyButton } from "./BusyButton";
import { useBusyAction } from "./useBusyAction";

type Props = {
  /** Controlled: whether it is open. Leave out with `trigger`, and the dialog keeps that itself. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The button that opens it, when it has one of its own. */
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  busyLabel: string;
  /** "danger" for what cannot be undone. */
  tone?: "danger" | "primary";
  /** Does the work; the dialog closes when it succeeds, and shows what went wrong when it fails. */
  onConfirm: () => Promise<void>;
  testId: string;
  confirmTestId: string;
  narrow?: boolean;
};

/** Asks before an action, does it with a spinner, and keeps the back end's error in view if it fails. */
export function ConfirmDialog(props: Props) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = props.open ?? ownOpen;
  const { busy, error, run, clearError } = useBusyAction();

  function setOpen(next: boolean) {
    // Closing mid-work would hide whether it worked.
    if (busy && !next) return;
    if (!next) clearError();
    setOwnOpen(next);
    props.onOpenChange?.(next);
  }

  async function confirm() {
    if (await run(props.onConfirm)) setOpen(false);
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      {props.trigger && <AlertDialog.Trigger asChild>{props.trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className={props.narrow ? "dialog dialog-narrow" : "dialog"} data-testid={props.testId}>
          <AlertDialog.Title className="dialog-title">{props.title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{props.description}</AlertDialog.Description>
          {error && <ErrorBanner error={error} onDismiss={clearError} />}
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button button-secondary" disabled={busy}>
                {props.cancelLabel}
              </button>
            </AlertDialog.Cancel>
            <BusyButton
              className={props.tone === "primary" ? "button button-primary" : "button button-danger"}
              testId={props.confirmTestId}
              busy={busy}
              label={props.confirmLabel}
              busyLabel={props.busyLabel}
              onClick={() => void confirm()}
            />
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
