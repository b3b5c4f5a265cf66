import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState } from "react";
import type { AppError } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { t } from "../../i18n";

type Props = {
  republish: boolean;
  /** Published, and changed since: the button offers to send the changes. */
  changed: boolean;
  /** Applicants came or went since the last publication. */
  rosterChanged: boolean;
  disabledReason: string | null;
  publishing: boolean;
  onPublish: () => Promise<AppError | null>;
};

/** Publishing asks first, and says exactly what will go out and when. */
export function PublishDialog({ republish, changed, rosterChanged, disabledReason, publishing, onPublish }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function publish() {
    setError(null);
    const failed = await onPublish();
    if (failed) setError(failed);
    else setOpen(false);
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <button
          type="button"
          className="button button-primary"
          data-testid="day-publish"
          disabled={disabledReason !== null}
          title={disabledReason ?? undefined}
        >
          {republish && changed ? t("days.publish.changes") : t("days.publish.button")}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog" data-testid="day-publish-dialog">
          <AlertDialog.Title className="dialog-title">
            {republish ? t("days.publish.republishTitle") : t("days.publish.title")}
          </AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            {t("days.publish.description")} {republish ? t("days.publish.republish") : t("days.publish.later")}
            {republish && rosterChanged && ` ${t("days.publish.rosterChanged")}`}
          </AlertDialog.Description>
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button button-secondary">
                {t("days.publish.notYet")}
              </button>
            </AlertDialog.Cancel>
            <button
              type="button"
              className="button button-primary"
              data-testid="day-publish-confirm"
              disabled={publishing}
              aria-busy={publishing || undefined}
              onClick={publish}
            >
              {publishing ? (
                <>
                  <span className="spinner" aria-hidden="true" /> {t("days.publish.publishing")}
                </>
              ) : (
                t("days.publish.confirm")
              )}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
