import * as Dialog from "@radix-ui/react-dialog";
import type { SyncReport } from "../bindings/types";
import { SyncSummary } from "./SyncSummary";
import { t } from "../i18n";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  report: SyncReport | null;
  /** When the Sync ended, already formatted. */
  finishedAt?: string;
};

/** The last Sync's report in full, opened from the short summary beside the Sync button. */
export function SyncReportDialog({ open, onOpenChange, report, finishedAt }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="sync-report-dialog">
          <Dialog.Title className="dialog-title">{t("sync.report.title")}</Dialog.Title>
          <Dialog.Description className="dialog-description">{t("sync.report.description")}</Dialog.Description>
          {report && <SyncSummary report={report} finishedAt={finishedAt} />}
          <div className="dialog-actions">
            <Dialog.Close className="button button-secondary" data-testid="sync-report-close">
              {t("common.close")}
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
