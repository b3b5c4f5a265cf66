import * as Dialog from "@radix-ui/react-dialog";
import type { StudySummary } from "./bindings/types";
import { StudyForm } from "./StudyForm";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (study: StudySummary) => void;
};

export function StudyDialog({ open, onOpenChange, onCreated }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="study-dialog">
          <Dialog.Title className="dialog-title">New study</Dialog.Title>
          <Dialog.Description className="dialog-description">
            A study groups the participants you interview. Times are shown in its time zone.
          </Dialog.Description>
          {/* Mounted only while open, so every opening starts from a fresh, default form. */}
          <StudyForm onCreated={onCreated} onCancel={() => onOpenChange(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
