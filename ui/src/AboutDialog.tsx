import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useState } from "react";
import { commands } from "./bindings/commands";
import type { AboutInfo, AppError } from "./bindings/types";
import { toAppError } from "./errors";

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
          <Dialog.Title className="dialog-title">About Confab</Dialog.Title>
          <Dialog.Description className="dialog-description">
            Schedule research interviews with the participants of your studies.
          </Dialog.Description>
          {error && <p className="error-message">{error.message}</p>}
          {info && (
            <dl className="facts">
              <dt>Version</dt>
              <dd data-testid="about-version">{info.version}</dd>
              <dt>Data folder</dt>
              <dd>
                <code data-testid="about-data-dir">{info.dataDir}</code>
              </dd>
              <dt>Logs folder</dt>
              <dd>
                <code data-testid="about-log-dir">{info.logDir}</code>
              </dd>
              <dt>License</dt>
              <dd data-testid="about-license">{info.license}</dd>
            </dl>
          )}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button button-primary" data-testid="about-close">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
