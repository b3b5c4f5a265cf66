import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useState } from "react";
import { commands } from "./bindings/commands";
import type { AboutInfo, AppError } from "./bindings/types";
import { toAppError } from "./errors";
import { t } from "./i18n";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

export function AboutDialog({ open, onOpenChange }: Props) {
  const [info, setInfo] = useState<AboutInfo | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (!open || info) return;
    let active = true;
    commands
      .about()
      .then((about) => {
        if (active) setInfo(about);
      })
      .catch((reason: unknown) => {
        if (active) setError(toAppError(reason));
      });
    return () => {
      active = false;
    };
  }, [open, info]);

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
