import * as Dialog from "@radix-ui/react-dialog";
import { commands } from "./bindings/commands";
import { t } from "./i18n";
import { useLoaded } from "./useLoaded";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

export function AboutDialog({ open, onOpenChange }: Props) {
  // Asked each time the dialog opens; what was shown last time stays until the answer comes.
  const { data: info, error } = useLoaded(() => (open ? commands.about() : null), [open]);

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="about-dialog">
          <Dialog.Title className="dialog-title">{t("about.title")}</Dialog.Title>
          <Dialog.Description className="dialog-description">{t("about.description")}</Dialog.Description>
          {error && <p className="error-message">{error.message}</p>}
          {info && (
            <dl className="facts">
              <dt>{t("about.version")}</dt>
              <dd data-testid="about-version">{info.version}</dd>
              <dt>{t("about.dataFolder")}</dt>
              <dd>
                <code data-testid="about-data-dir">{info.dataDir}</code>
              </dd>
              <dt>{t("about.logsFolder")}</dt>
              <dd>
                <code data-testid="about-log-dir">{info.logDir}</code>
              </dd>
              <dt>{t("about.license")}</dt>
              <dd data-testid="about-license">{info.license}</dd>
            </dl>
          )}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button button-primary" data-testid="about-close">
                {t("common.close")}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
