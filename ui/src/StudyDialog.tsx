import * as Dialog from "@radix-ui/react-dialog";
import type { StudySummary } from "./bindings/types";
import { StudyForm } from "./StudyForm";
import { t } from "./i18n";

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
          <Dialog.Title className="dialog-title">{t("studyDialog.title")}</Dialog.Title>
          <Dialog.Description className="dialog-description">{t("studyDialog.description")}</Dialog.Description>
          {/* Mounted only while open, so every opening starts from a fresh, default form. */}
          <StudyForm onCreated={onCreated} onCancel={() => onOpenChange(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
