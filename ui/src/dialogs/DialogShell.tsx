import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  testId: string;
  wide?: boolean;
  /** While something is being saved the dialog stays open: closing it would hide the outcome. */
  busy?: boolean;
  children: ReactNode;
};

/** The frame of a dialog: overlay, title and description, and whatever it asks below them. */
export function DialogShell({ open, onOpenChange, title, description, testId, wide, busy, children }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (busy && !next ? undefined : onOpenChange(next))}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={wide ? "dialog dialog-wide" : "dialog"} data-testid={testId}>
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
